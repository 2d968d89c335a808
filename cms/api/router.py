"""Every endpoint of the content API, registered in one place (see docs/api.md)."""

from wagtail.api.v2.router import WagtailAPIRouter

from .changes import ChangesAPIViewSet
from .redirects import RedirectsAPIViewSet
from .views import (
    ContentPagesAPIViewSet,
    PublicDocumentsAPIViewSet,
    PublicImagesAPIViewSet,
    TerritoriesAPIViewSet,
)

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ContentPagesAPIViewSet)
api_router.register_endpoint("territories", TerritoriesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("changes", ChangesAPIViewSet)
api_router.register_endpoint("redirects", RedirectsAPIViewSet)
