from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = "Vetrina core"

    def ready(self) -> None:
        from . import signal_handlers

        signal_handlers.register()
