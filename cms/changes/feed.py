"""Reading the change feed: which pages changed in a territory since a cursor.

The cursor is a change id, handed out as an opaque string ("c123"). Ids are
allocated when a row is inserted but become visible when its transaction
commits, so they can appear out of order: id 10 may commit after id 11 was
read. A cursor past 10 would then skip it for good. So the cursor only moves
over changes older than a settle window (`VETRINA_CHANGES_SETTLE_SECONDS`,
5 by default), by which time any transaction that took a lower id has committed;
younger changes are still returned, and returned again on the next call, which
clients absorb because applying an item or tombstone twice is harmless.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Max, Min, Q
from django.utils import timezone
from wagtail.models import Site

from .models import Change, Scope

PAGE_SIZE = 500
RETENTION = timedelta(days=30)
_CURSOR = re.compile(r"c(\d{1,18})")


def settle_window() -> timedelta:
    return timedelta(seconds=getattr(settings, "VETRINA_CHANGES_SETTLE_SECONDS", 5))


def format_cursor(change_id: int) -> str:
    return f"c{change_id}"


def parse_cursor(value: str | None) -> int | None:
    """The change id in a cursor, or None when absent or malformed."""
    match = _CURSOR.fullmatch(value or "")
    return int(match.group(1)) if match else None


@dataclass
class FeedPage:
    """One response's worth of the feed, before pages are serialised."""

    cursor: int
    reset: bool
    more: bool = False
    latest: dict[int, Change] = field(default_factory=dict)
    """Changed page id → its most recent change (for tombstones)."""


def read_feed(
    site: Site,
    since: int | None,
    *,
    limit: int | None = None,
    now: datetime | None = None,
) -> FeedPage:
    """Pages of `site` changed after cursor `since`, at most `limit` (500).

    Three queries whatever the number of changes. A reset (re-fetch everything)
    is asked for when there is no usable cursor: none given, unknown, older than
    the retained log, or followed by a territory-wide change.
    """
    limit = limit or PAGE_SIZE
    cutoff = (now or timezone.now()) - settle_window()
    # First, so every change at or below `settled` is visible to the next query.
    bounds = Change.objects.aggregate(
        oldest=Min("id"),
        newest=Max("id"),
        settled=Max("id", filter=Q(created_at__lte=cutoff)),
        territory=Max(
            "id", filter=Q(site=site, scope=Scope.TERRITORY, id__gt=since or 0)
        ),
    )
    settled = bounds["settled"] or 0
    oldest, newest = bounds["oldest"], bounds["newest"]
    if (
        since is None
        or since > (newest or 0)
        or (oldest is not None and since < oldest - 1)
        or bounds["territory"] is not None
    ):
        # Never below the retained log, or the next call would reset again.
        floor = oldest - 1 if oldest is not None else 0
        return FeedPage(cursor=max(settled, floor), reset=True)

    # Grouped by page and ordered by each page's latest change: a page cut off by
    # `limit` has all its changes after the boundary, so the next call gets it.
    groups = list(
        Change.objects.filter(site=site, scope=Scope.PAGE, id__gt=since)
        .values("page_id")
        .annotate(last=Max("id"))
        .order_by("last")
        .values_list("last", flat=True)[: limit + 1]
    )
    truncated = len(groups) > limit
    groups = groups[:limit]
    cursor = min(settled, groups[-1]) if truncated else settled
    cursor = max(cursor, since)
    latest = {change.page_id: change for change in Change.objects.filter(pk__in=groups)}
    # A cut-off response whose cursor cannot move yet (all young) is not "more":
    # calling again at once would return the same pages.
    return FeedPage(
        cursor=cursor, reset=False, more=truncated and cursor > since, latest=latest
    )


def prune_changes(now: datetime | None = None) -> int:
    """Forget changes older than the retention period; return how many.

    The newest change is always kept, so the log is never empty once used and
    a cursor beyond it is known to be bogus. Cursors older than what is kept get
    a reset.
    """
    newest = Change.objects.aggregate(newest=Max("id"))["newest"]
    if newest is None:
        return 0
    cutoff = (now or timezone.now()) - RETENTION
    deleted, _ = (
        Change.objects.filter(created_at__lt=cutoff).exclude(pk=newest).delete()
    )
    return deleted
