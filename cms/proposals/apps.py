from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    """Anyone may propose an event; it becomes a draft in moderation."""

    name = "cms.proposals"
    label = "proposals"
    verbose_name = _("Event proposals")

    def ready(self) -> None:
        from .notify import register

        register()
