"""A preview is the static build of one page, made in this process.

The territory's live pages come from the content API's own views through the
publisher's own client, called in-process, so their shape is exactly what a
build reads; the previewed page, unsaved edits and all, goes through the same
serializers and takes the place of its live version. The publisher's
`render_page()` does the rest, with the theme the static site uses.
"""

import hashlib
import json
from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from wagtail.models import Page

from cms.api.router import api_router
from cms.api.views import (
    ContentPagesAPIViewSet,
    public_pages,
    territory_representation,
)
from cms.core.serializers.media import MediaIndex
from cms.territories.models import TerritorySettings
from publisher.api import PAGE_TYPES, ApiClient
from publisher.errors import ApiError, UrlCollision
from publisher.media import rendition_urls
from publisher.render import RenderContext, render_page, theme_assets
from publisher.sitemodel import SiteModel
from publisher.snapshot import Snapshot
from publisher.validate import Problem

from .access import Preview

# Live pages are cached until one of them changes, and at most this long (an
# image's new alt text changes no page).
LIVE_CACHE_SECONDS = 600
NEW_PAGE_ID = 0  # a page not yet created: the id render_document uses, no alternates


class NotRenderable(Exception):
    """The page cannot be rendered as it stands: the reasons, for the editor."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems or []


def api_root() -> str:
    return reverse("wagtailapi:pages:listing").removesuffix("pages/")


def api_request(request, path: str, params: dict[str, Any]):
    """An anonymous GET to the API on the host the editor uses, as a build sends."""
    fake = RequestFactory().get(
        path, params, HTTP_HOST=request.get_host(), secure=request.is_secure()
    )
    fake.user = AnonymousUser()
    fake.session = import_module(settings.SESSION_ENGINE).SessionStore()
    fake.wagtailapi_router = api_router
    return fake


class InProcessApi(ApiClient):
    """The publisher's API client, answered by this CMS's API views in-process."""

    def __init__(self, request) -> None:
        super().__init__(request.build_absolute_uri(api_root()), retries=0)
        self.request = request

    def get(
        self, path: str, params: dict[str, Any] | None = None, missing_ok: bool = False
    ) -> Any:
        url = api_root() + path.lstrip("/")
        try:
            match = resolve(url)
        except Resolver404:
            match = None
        if match is None or "wagtailapi" not in match.namespaces:
            if missing_ok:
                return None
            raise ApiError(f"{url} is not an endpoint of the content API")
        fake = api_request(self.request, url, params or {})
        response = match.func(fake, *match.args, **match.kwargs).render()
        if response.status_code == 404 and missing_ok:
            return None
        if response.status_code != 200:
            raise ApiError(
                f"{url} answered {response.status_code}: {response.content[:300]}"
            )
        return json.loads(response.content)


def live_pages(territory: dict, request) -> list[dict]:
    """Every live page of the territory, as the API serves them to a build.

    Cached under a digest of the live pages' ids, publication times and paths:
    publishing, unpublishing, moving or deleting one makes a new key.
    """
    fake = api_request(request, api_root(), {"site": territory["site"]})
    rows = (
        public_pages(fake)
        .order_by("pk")
        .values_list("pk", "last_published_at", "url_path")
    )
    digest = hashlib.sha256(repr(list(rows)).encode()).hexdigest()[:32]
    where = f"{territory['slug']}:{request.scheme}:{request.get_host()}"
    key = f"vetrina:preview:live:{where}:{digest}"
    pages = cache.get(key)
    if pages is None:
        client = InProcessApi(request)
        pages = [
            page
            for page_type in PAGE_TYPES
            for page in client.pages(territory["site"], page_type)
        ]
        cache.set(key, pages, LIVE_CACHE_SECONDS)
    return pages


def page_representation(page: Page, request) -> dict:
    """One page, saved or not, in the shape of the API's listing with fields=*.

    Relations are not prefetched: the unsaved ones live on the instance.
    """
    fake = api_request(
        request, api_root() + "pages/", {"type": page._meta.label, "fields": "*"}
    )
    view = ContentPagesAPIViewSet(
        request=Request(fake), action="listing_view", args=(), kwargs={}
    )
    view.format_kwarg = None
    serializer_class = view.get_serializer_class()
    context = {
        **view.get_serializer_context(),
        "media_index": MediaIndex([page], fake),
    }
    data = serializer_class([page], many=True, context=context).data
    return json.loads(JSONRenderer().render(data))[0]


def territory_of(page: Page) -> TerritorySettings | None:
    """The territory whose home (in any language) the page lies under."""
    if page.depth < 2:
        return None
    home = Page.objects.filter(path=page.path[: Page.steplen * 2]).first()
    if home is None:
        return None
    return (
        TerritorySettings.objects.filter(
            slug__isnull=False, site__root_page__translation_key=home.translation_key
        )
        .select_related("site__root_page", "default_language", "logo")
        .first()
    )


def static_urls(territory: TerritorySettings) -> dict[str, str]:
    """The theme's assets, served by the preview app, versioned by their bytes."""
    return {
        name: reverse("preview:static", args=[territory.slug, name])
        + "?v="
        + hashlib.sha256(data).hexdigest()[:10]
        for name, data in theme_assets({"brand_colour": territory.brand_colour}).items()
    }


def render_preview(preview: Preview, request) -> str:
    """The page as the static site would show it, in its own language."""
    page = preview.page
    territory = territory_of(preview.saved or preview.parent)
    if territory is None:
        raise NotRenderable(_("This page belongs to no territory."))
    page.set_url_path(preview.parent)  # an edited slug moves it
    if page.pk is None:
        page.id = page.pk = NEW_PAGE_ID
    item = page_representation(page, request)
    site = territory_representation(territory, request)
    pages = [p for p in live_pages(site, request) if p["id"] != item["id"]]
    snapshot = Snapshot(site, timezone.localdate().isoformat(), [*pages, item])
    lang = item["meta"]["locale"]
    if lang not in snapshot.languages:
        raise NotRenderable(
            _("The territory does not offer this page's language (%(lang)s).")
            % {"lang": lang}
        )
    try:
        model = SiteModel.build(snapshot)
    except UrlCollision as error:
        raise NotRenderable(str(error)) from None
    entry = next(
        (
            e
            for e in model.entries[lang]
            if e.page["id"] == item["id"] and not e.fallback
        ),
        None,
    )
    if entry is None:
        problems = [p for p in model.problems if p.page_id == item["id"]]
        if not problems:
            raise NotRenderable(_("The static site does not publish this page."))
        raise NotRenderable(
            _("Correct these problems, then the preview shows the page."), problems
        )
    media = {url: url for url in rendition_urls(snapshot)}  # the CMS serves them
    context = RenderContext(
        model,
        lang,
        media=media,
        static=static_urls(territory),
        build_date=snapshot.build_date,
    )
    return render_page(entry, context)
