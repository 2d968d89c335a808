from django.apps import AppConfig


class ChangesConfig(AppConfig):
    """The change feed: what changed since a cursor, tombstones included."""

    name = "cms.changes"
    label = "changes"
    verbose_name = "Change feed"

    def ready(self) -> None:
        from . import signal_handlers

        signal_handlers.register()
