from django.apps import AppConfig


class PublishingConfig(AppConfig):
    """Publish to live: rebuilds per territory, their backends and their status."""

    name = "cms.publishing"
    label = "publishing"
    verbose_name = "Publishing"

    def ready(self) -> None:
        from . import signal_handlers

        signal_handlers.register()
