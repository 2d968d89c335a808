"""Writing the change feed and the old paths: one INSERT per event.

The signal receivers in `signal_handlers` only gather pages; everything that
touches the database in bulk lives here, so a publish, a move of a section with
a thousand descendants and a subtree deletion all cost a handful of queries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import OuterRef, Q, QuerySet, Subquery
from wagtail.models import Page, ReferenceIndex, Site

from cms.core.pages import site_path
from cms.territories.models import TerritorySettings

from .models import Change, OldPath, Scope
from .signals import content_changed

HOME_DEPTH = 2
"""Territory homes (and their translations) sit right under the tree root."""


@dataclass(frozen=True)
class PageRow:
    """What the feed keeps of a page, read without loading the page itself."""

    id: int
    path: str
    url_path: str
    content_type_id: int
    locale: str
    translation_key: UUID
    live: bool


PAGE_ROW_FIELDS = (
    "id",
    "path",
    "url_path",
    "content_type_id",
    "locale__language_code",
    "translation_key",
    "live",
)


def page_rows(pages: QuerySet) -> list[PageRow]:
    return [PageRow(*values) for values in pages.values_list(*PAGE_ROW_FIELDS)]


def home_path(tree_path: str) -> str | None:
    """The treebeard path of the territory home (in some language) above a page."""
    length = Page.steplen * HOME_DEPTH
    return tree_path[:length] if len(tree_path) >= length else None


def _site_of_translation_key():
    return Site.objects.filter(
        root_page__translation_key=OuterRef("translation_key")
    ).values("pk")[:1]


def territory_site_for(page: Any) -> Site | None:
    """The territory (Wagtail Site) a page belongs to, in any of its languages.

    A site's root is the Italian home; the other languages' homes are its
    translations, siblings under the tree root rather than under the site. So the
    page's ancestor at home depth is found by its tree path, and the site by that
    home's translation_key: one query, whatever the page's language.
    """
    home = home_path(page.path)
    if home is None:
        return None
    return Site.objects.filter(
        root_page__translation_key=Subquery(
            Page.objects.filter(path=home).values("translation_key")[:1]
        )
    ).first()


def territory_sites() -> dict[str, int]:
    """Every home's tree path → its territory's Site id, in one small query.

    Homes are few (territories × languages), so mapping a batch of pages loads
    them all rather than asking page by page.
    """
    homes = (
        Page.objects.filter(depth=HOME_DEPTH)
        .annotate(site_id=Subquery(_site_of_translation_key()))
        .values_list("path", "site_id")
    )
    return {path: site_id for path, site_id in homes if site_id is not None}


def type_label(content_type_id: int) -> str:
    """The API's `meta.type`, e.g. "places.PlacePage" (content types are cached)."""
    content_type = ContentType.objects.get_for_id(content_type_id)
    model = content_type.model_class()
    if model is None:
        return f"{content_type.app_label}.{content_type.model}"
    return model._meta.label


def page_change(site_id: int, row: PageRow) -> Change:
    return Change(
        site_id=site_id,
        scope=Scope.PAGE,
        page_id=row.id,
        page_type=type_label(row.content_type_id),
        locale=row.locale,
        translation_key=row.translation_key,
    )


def record_pages(rows: Iterable[PageRow], sites: dict[str, int] | None = None) -> None:
    """Record a change for each page, in the territory its tree path is under."""
    sites = territory_sites() if sites is None else sites
    changes = []
    for row in rows:
        site_id = sites.get(home_path(row.path) or "")
        if site_id is not None:
            changes.append(page_change(site_id, row))
    save_changes(changes)


def record_territories(site_ids: Iterable[int]) -> None:
    """Ask every client of these territories to fetch everything again."""
    save_changes(
        [Change(site_id=site_id, scope=Scope.TERRITORY) for site_id in set(site_ids)]
    )


def record_redirects(site_ids: Iterable[int | None]) -> None:
    """An editor's redirect changed in these sites (None: every site).

    Its own scope, not a territory-wide change: the pages stay as they are, so
    clients need no full fetch, only a new answer from the redirects endpoint,
    whose validator follows the territory's newest change, and a rebuild. Only
    territories: a Site without settings has nothing to build.
    """
    site_ids = set(site_ids)
    territories = TerritorySettings.objects.order_by("site_id")
    if None not in site_ids:
        territories = territories.filter(site_id__in=site_ids)
    save_changes(
        [
            Change(site_id=site_id, scope=Scope.REDIRECTS)
            for site_id in territories.values_list("site_id", flat=True)
        ]
    )


def save_changes(changes: list[Change]) -> None:
    if changes:
        Change.objects.bulk_create(changes)
        notify({change.site_id for change in changes})


def record_path_change(page: Any, old_url_path: str, old_home: str | None) -> None:
    """A page's URL moved, and every descendant's with it.

    Records a change for the page and its live descendants in the territory it
    is in now (and, after a move across territories, in the one it left, where
    they become tombstones), and remembers their old public paths; `old_home` is
    the tree path of the home the page was under. A page back at a path it once
    had loses that old path: no redirect to itself.
    """
    rows = page_rows(Page.objects.descendant_of(page, inclusive=True))
    sites = territory_sites()
    new_site_id = sites.get(home_path(page.path) or "")
    old_site_id = sites.get(old_home or "")
    changed = [row for row in rows if row.live or row.id == page.pk]
    changes = []
    for site_id in {new_site_id, old_site_id} - {None}:
        changes.extend(page_change(site_id, row) for row in changed)
    save_changes(changes)

    if old_site_id is None:
        return
    new_prefix = next(row.url_path for row in rows if row.id == page.pk)
    old_paths = []
    for row in rows:
        old = site_path(old_url_path + row.url_path[len(new_prefix) :])
        if old != site_path(row.url_path) or old_site_id != new_site_id:
            old_paths.append(
                OldPath(
                    site_id=old_site_id, locale=row.locale, old_path=old, page_id=row.id
                )
            )
    OldPath.objects.bulk_create(
        old_paths,
        update_conflicts=True,
        unique_fields=["site", "locale", "old_path"],
        update_fields=["page_id", "created_at"],
    )
    if new_site_id is not None and rows:
        taken = Q()
        for locale in {row.locale for row in rows}:
            paths = [site_path(row.url_path) for row in rows if row.locale == locale]
            taken |= Q(locale=locale, old_path__in=paths)
        OldPath.objects.filter(taken, site_id=new_site_id).delete()


def sites_using(obj: Any) -> set[int]:
    """Territories with a page that uses `obj` (an image, a document), or its logo."""
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = [
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
        .distinct()
    ]
    paths = Page.objects.filter(pk__in=page_ids).values_list("path", flat=True)
    homes = {home_path(path) for path in paths}
    sites = territory_sites()
    used = {sites[home] for home in homes if home in sites}
    if _is_image(obj):
        used |= set(
            TerritorySettings.objects.filter(logo_id=obj.pk).values_list(
                "site_id", flat=True
            )
        )
    return used


def _is_image(obj: Any) -> bool:
    from wagtail.images import get_image_model

    return isinstance(obj, get_image_model())


class _Notifier:
    """Sends `content_changed` once per territory when the transaction commits."""

    def __init__(self) -> None:
        self.site_ids: set[int] = set()
        self.done = False

    def __call__(self) -> None:
        self.done = True
        for site_id in sorted(self.site_ids):
            content_changed.send(sender=Change, site_id=site_id)


def notify(site_ids: set[int]) -> None:
    """Queue `content_changed` for these territories, at most once per transaction.

    One callback per transaction collects every territory it touched; a new
    transaction (or one rolled back, which drops the callback) gets a new one.
    """
    connection = transaction.get_connection()
    notifier = getattr(connection, "_vetrina_content_changed", None)
    pending = notifier is not None and not notifier.done
    if pending:
        pending = any(
            callback is notifier for _, callback, _ in connection.run_on_commit
        )
    if pending:
        notifier.site_ids |= site_ids
        return
    notifier = _Notifier()
    notifier.site_ids |= site_ids
    connection._vetrina_content_changed = notifier
    transaction.on_commit(notifier)
