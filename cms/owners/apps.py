from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OwnersConfig(AppConfig):
    """Business owners and roles: who may see and touch what."""

    name = "cms.owners"
    label = "owners"
    verbose_name = _("Business owners and roles")

    def ready(self) -> None:
        from .signal_handlers import register

        register()
