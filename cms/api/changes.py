"""The change feed endpoint (registered in router.py) and what the redirects
endpoint shares with it: the territory asked for, the public pages."""

from __future__ import annotations

import copy
from collections import defaultdict
from typing import Any

from django.http import Http404, QueryDict
from django.urls import path
from rest_framework.request import Request
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError, parse_fields_parameter
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Site

from cms.changes.feed import format_cursor, parse_cursor, read_feed
from cms.changes.models import Change
from cms.core.serializers.media import MediaIndex
from cms.territories.models import TerritorySettings

from .views import CompactJson, ContentPagesAPIViewSet, prefetch_for_api

ALL_FIELDS = parse_fields_parameter("*")


def find_territory(request) -> TerritorySettings:
    slug = request.GET.get("territory")
    if not slug:
        raise BadRequestError("territory is required, e.g. ?territory=lecce")
    territory = (
        TerritorySettings.objects.filter(slug=slug).select_related("site").first()
    )
    if territory is None:
        raise Http404(f"no territory with slug {slug!r}: see /api/v2/territories/")
    return territory


def check_parameters(request, allowed: set[str]) -> None:
    unknown = set(request.GET) - allowed - {"format"}
    if unknown:
        raise BadRequestError(
            "query parameter is not an operation or a recognised field: "
            + ", ".join(sorted(unknown))
        )


def public_pages_view(request: Request, site: Site) -> ContentPagesAPIViewSet:
    """The pages endpoint as an anonymous client asking for `site` sees it.

    Items of the feed must be exactly what the pages listing gives: the same
    viewset, with the same public-page rules, scoped the way `?site=` scopes it.
    """
    scoped = copy.copy(request._request)
    scoped.GET = QueryDict(mutable=True)
    scoped.GET["site"] = f"{site.hostname}:{site.port}"
    scoped.session = {}  # no view restriction passed with a password
    return ContentPagesAPIViewSet(
        request=Request(scoped),  # no authenticators: anonymous
        action="listing_view",
        format_kwarg=None,
        args=(),
        kwargs={},
    )


def represent_pages(view: ContentPagesAPIViewSet, page_ids: list[int]) -> list[dict]:
    """Listing representations (`fields=*`) of those pages that are public now.

    Constant queries: one per page type, plus each type's prefetches and the
    media of the whole batch.
    """
    pages = list(view.get_base_queryset().filter(pk__in=page_ids).specific())
    if not pages:
        return []
    prefetch_for_api(pages)
    context = {
        **view.get_serializer_context(),
        "media_index": MediaIndex(pages, view.request),
    }
    by_model: dict[type, list[Any]] = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    items: list[dict] = []
    for model, batch in by_model.items():
        serializer_class = view._get_serializer_class(
            view.request.wagtailapi_router, model, ALL_FIELDS
        )
        items.extend(serializer_class(batch, many=True, context=context).data)
    return sorted(items, key=lambda item: item["id"])


def tombstone(change: Change) -> dict:
    return {
        "id": change.page_id,
        "type": change.page_type,
        "locale": change.locale,
        "translation_key": str(change.translation_key)
        if change.translation_key
        else None,
    }


class ListingOnly(CompactJson, BaseAPIViewSet):
    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]


class ChangesAPIViewSet(ListingOnly):
    """What changed in a territory since a cursor: items, tombstones or a reset.

    See docs/api.md ("Change feed") for the contract and cms/changes/feed.py for
    why the cursor trails the newest changes by a settle window.
    """

    name = "changes"
    model = Change

    def listing_view(self, request):
        check_parameters(request, {"territory", "since"})
        territory = find_territory(request)
        feed = read_feed(territory.site, parse_cursor(request.GET.get("since")))
        items: list[dict] = []
        if feed.latest:
            view = public_pages_view(request, territory.site)
            items = represent_pages(view, list(feed.latest))
        public = {item["id"] for item in items}
        return Response(
            {
                "cursor": format_cursor(feed.cursor),
                "reset": feed.reset,
                "more": feed.more,
                "items": items,
                "tombstones": [
                    tombstone(change)
                    for page_id, change in sorted(feed.latest.items())
                    if page_id not in public
                ],
            }
        )
