"""The redirects endpoint: moved pages' old paths and the editors' redirects.

Two stores, one list. The change feed keeps the public paths pages had before a
move or a slug change (`OldPath`, per language); editors make the others in
Settings → Redirects (Wagtail's `Redirect`: a path of one site or of all, to a
page or to an address elsewhere). Both read the same here, so the publisher has
one kind of rule to check and write: see docs/api.md ("Redirects").
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from django.db.models import F, Q, QuerySet
from rest_framework.response import Response
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from cms.changes.models import OldPath
from cms.core.pages import site_path
from cms.territories.models import TerritorySettings
from publisher.redirects import is_web_address, same_path

from .changes import ListingOnly, check_parameters, find_territory, public_pages_view
from .conditional import conditional, requested_territory

PERMANENT, TEMPORARY = 301, 302


@dataclass(frozen=True)
class Item:
    """One redirect as served, whichever store it comes from."""

    old_path: str
    """The path on the static site, as visitors asked for it (/it/luoghi/x/)."""
    locale: str | None
    """The language of the old path: the publisher links the target page in it."""
    status: int
    page: int | None
    url: str | None
    source: str  # "move" or "editor"


PublicPages = dict[int, tuple[str, str]]
"""Public page id → (its language, its path on the static site)."""


def first_segment(path: str) -> str:
    return path.lstrip("/").split("/", 1)[0].split("?", 1)[0].split(";", 1)[0]


def moves(site: Site, public: QuerySet) -> list[Item]:
    """Old paths of pages that moved or changed slug and are public now."""
    rows = OldPath.objects.filter(site=site, page_id__in=public.values("pk"))
    return [
        Item(
            old_path=f"/{row.locale}{row.old_path}",
            locale=row.locale,
            status=PERMANENT,
            page=row.page_id,
            url=None,
            source="move",
        )
        for row in rows.order_by("locale", "old_path")
    ]


def editors_redirects(territory: TerritorySettings, pages: PublicPages) -> list[Item]:
    """The territory's redirects and those of every site, its own first.

    A page target must be public in the territory; a route on it is ignored, as
    Wagtail does for a route the page cannot resolve (ours have none). Any other
    target must be an http(s) address. Rows Wagtail made by itself on a move
    are left to the change feed (see WAGTAILREDIRECTS_AUTO_CREATE).
    """
    languages = set(territory.language_codes())
    rows = Redirect.objects.filter(
        Q(site=territory.site) | Q(site__isnull=True), automatically_created=False
    ).order_by(F("site_id").asc(nulls_last=True), "old_path")
    items = []
    for row in rows:
        if row.redirect_page_id is not None:
            if row.redirect_page_id not in pages:
                continue  # a draft, private, expired or another territory's page
            page, url = row.redirect_page_id, None
            page_locale = pages[page][0]
        elif is_web_address(row.redirect_link):
            page_locale, page, url = None, None, row.redirect_link
        else:
            continue
        prefix = first_segment(row.old_path)
        items.append(
            Item(
                old_path=row.old_path,
                locale=prefix if prefix in languages else page_locale,
                status=PERMANENT if row.is_permanent else TEMPORARY,
                page=page,
                url=url,
                source="editor",
            )
        )
    return items


def public_pages(public: QuerySet) -> PublicPages:
    rows = public.values_list("pk", "locale__language_code", "url_path")
    return {pk: (code, f"/{code}{site_path(url_path)}") for pk, code, url_path in rows}


def territory_redirects(request: Any, territory: TerritorySettings) -> list[Item]:
    """Every redirect of the territory, one per old path, sorted by it.

    An editor's redirect wins over a move from the same path, one of this site
    over one of every site; none hides a public page's path.
    """
    public = public_pages_view(request, territory.site).get_base_queryset()
    pages = public_pages(public)
    taken = {same_path(path) for _, path in pages.values()}
    found: dict[str, Item] = {}
    for item in [
        *editors_redirects(territory, pages),
        *moves(territory.site, public),
    ]:
        key = same_path(item.old_path)
        if key not in taken:
            found.setdefault(key, item)
    return sorted(found.values(), key=lambda item: item.old_path)


class RedirectsAPIViewSet(ListingOnly):
    """A territory's redirects: old paths of moved pages, editors' redirects."""

    name = "redirects"
    model = OldPath

    @conditional(requested_territory)
    def listing_view(self, request):
        check_parameters(request, {"territory"})
        territory = find_territory(request)
        items = territory_redirects(request, territory)
        return Response({"items": [asdict(item) for item in items]})
