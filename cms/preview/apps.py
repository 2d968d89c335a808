from django.apps import AppConfig


class PreviewConfig(AppConfig):
    """The editor's preview, rendered by the publisher's own rendering function."""

    name = "cms.preview"
    label = "preview"
    verbose_name = "Preview"
