from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    """Publish to live: rebuilds per territory, their backends and their status."""

    name = "cms.publishing"
    label = "publishing"
    verbose_name = _("Publishing")

    def ready(self) -> None:
        from . import signal_handlers

        signal_handlers.register()
