from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = _("Vetrina core")

    def ready(self) -> None:
        from . import images, signal_handlers

        images.guard_pillow()
        signal_handlers.register()
