from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PreviewConfig(AppConfig):
    """The editor's preview, rendered by the publisher's own rendering function."""

    name = "cms.preview"
    label = "preview"
    verbose_name = _("Preview")
