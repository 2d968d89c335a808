from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = _("Vetrina core")

    def ready(self) -> None:
        from . import signal_handlers

        signal_handlers.register()
