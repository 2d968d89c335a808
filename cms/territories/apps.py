from django.apps import AppConfig


class TerritoriesConfig(AppConfig):
    name = "cms.territories"
    label = "territories"

    def ready(self) -> None:
        from cms.core.pages import StaticSiteUrlMixin

        from .static_sites import static_sites

        # Pages learn their static-site address from the territories.
        StaticSiteUrlMixin.static_sites = staticmethod(static_sites)
