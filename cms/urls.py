"""The CMS serves the admin, the content API and its own few public views.

It serves no pages: they are on the territories' static sites, where their
Wagtail URLs lead (cms/core/pages.py). Every other path is a 404.
"""

from django.conf import settings
from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from .api.router import api_router
from .territories.views import home

urlpatterns = [
    path("", home, name="home"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("preview/", include("cms.preview.urls")),
    path("publishing/", include("cms.publishing.urls")),
    path("owners/", include("cms.owners.urls")),
    path("propose/", include("cms.proposals.urls")),
]

handler404 = "cms.territories.views.not_found"

if settings.DEBUG or getattr(settings, "VETRINA_SERVE_MEDIA", False):
    # Development and tests only; production serves media from object storage.
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    ]
