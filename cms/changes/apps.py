from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChangesConfig(AppConfig):
    """The change feed: what changed since a cursor, tombstones included."""

    name = "cms.changes"
    label = "changes"
    verbose_name = _("Change feed")

    def ready(self) -> None:
        from . import signal_handlers

        signal_handlers.register()
