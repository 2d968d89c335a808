"""Conditional requests: an unchanged answer costs one query and no body.

An answer's validator is what the answer is made from: the newest change the
change feed recorded in its territory (in any territory, for the territories
endpoint), plus what may change without a recorded event — time passing an
expiry date, view restrictions, the sites' rows, the languages of each
territory — and the code, host and query that shape it. See docs/api.md
("Conditional requests").

Validators are computed before the answer, never after it: an answer newer than
its validator is sent once more on the next request, an older one would be kept
by the client for good.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from importlib import metadata
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import F, Func, OuterRef, QuerySet, Subquery
from django.http import HttpResponseBase
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from wagtail.models import Page, PageViewRestriction, Site

from cms.changes.feed import settle_window
from cms.changes.models import Change
from cms.territories.models import TerritorySettings

CMS_ROOT = Path(__file__).resolve().parents[2]
HTTP_DATE_RESOLUTION = timedelta(seconds=1)
SETTINGS_IN_ANSWERS = (
    "WAGTAIL_CONTENT_LANGUAGES",
    "RTL_LANGUAGES",
    "WAGTAILADMIN_BASE_URL",
    "WAGTAILAPI_BASE_URL",
    "WAGTAILAPI_RICH_TEXT_FORMAT",
    "MEDIA_URL",
    "VETRINA_RENDITION_WIDTHS",
)


@functools.cache
def code_version() -> str:
    """The libraries, the CMS's source and the settings the answers depend on.

    Read once per process: a deploy restarts it.
    """
    digest = hashlib.sha256()
    for name in ("vetrina", "wagtail", "django", "djangorestframework"):
        digest.update(f"{name}={metadata.version(name)};".encode())
    for path in sorted(CMS_ROOT.rglob("*.py")):
        digest.update(path.relative_to(CMS_ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    for name in SETTINGS_IN_ANSWERS:
        digest.update(repr(getattr(settings, name, None)).encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class SiteState:
    """A Wagtail Site as the answers see it, with its newest recorded change."""

    pk: int
    hostname: str
    port: int
    root_page_id: int
    is_default_site: bool
    site_name: str
    territory: str | None
    change_id: int | None
    changed_at: datetime | None


SITE_FIELDS = [field.name for field in fields(SiteState)]


@dataclass(frozen=True)
class State:
    """Everything a validator is made of, read in one query."""

    sites: tuple[SiteState, ...]
    shared: tuple[Any, ...]
    """Counts and newest ids of view restrictions and territory languages, and
    the latest expiry date already passed."""
    expired_at: datetime | None
    oldest_change: int | None

    def site(self, pk: int) -> SiteState | None:
        return next((site for site in self.sites if site.pk == pk), None)


def _aggregate(queryset: QuerySet, function: str) -> Subquery:
    """`SELECT function(id) FROM queryset` as a subquery of one value."""
    return Subquery(
        queryset.order_by()
        .annotate(value=Func(F("pk"), function=function))
        .values("value")[:1]
    )


def _newest(queryset: QuerySet, field: str) -> Subquery:
    return Subquery(queryset.order_by("-pk").values(field)[:1])


def read_state() -> State:
    site_changes = Change.objects.filter(site=OuterRef("pk"))
    languages = TerritorySettings.languages.through.objects.all()
    shared = {
        "restrictions": _aggregate(PageViewRestriction.objects.all(), "COUNT"),
        "newest_restriction": _aggregate(PageViewRestriction.objects.all(), "MAX"),
        "languages": _aggregate(languages, "COUNT"),
        "newest_language": _aggregate(languages, "MAX"),
        "expired_at": Subquery(
            Page.objects.filter(live=True, expire_at__lte=timezone.now())
            .order_by("-expire_at")
            .values("expire_at")[:1]
        ),
    }
    rows = list(
        Site.objects.order_by("pk")
        .annotate(
            territory=Subquery(
                TerritorySettings.objects.filter(site=OuterRef("pk")).values("slug")[:1]
            ),
            change_id=_newest(site_changes, "pk"),
            changed_at=_newest(site_changes, "created_at"),
            oldest_change=_aggregate(Change.objects.all(), "MIN"),
            **shared,
        )
        .values_list(
            *SITE_FIELDS,
            "oldest_change",
            *shared,
            named=True,
        )
    )
    first = rows[0] if rows else None
    return State(
        sites=tuple(SiteState(*row[: len(SITE_FIELDS)]) for row in rows),
        shared=tuple(getattr(first, name) for name in shared) if first else (),
        expired_at=first.expired_at if first else None,
        oldest_change=first.oldest_change if first else None,
    )


@dataclass(frozen=True)
class Validator:
    etag: str
    last_modified: datetime | None

    def stamp(self, response: HttpResponseBase) -> HttpResponseBase:
        response["ETag"] = self.etag
        if self.last_modified is not None:
            response["Last-Modified"] = http_date(self.last_modified.timestamp())
        return response


def validator(request, state: State, sites: list[SiteState]) -> Validator | None:
    """The validator of an answer made from `sites`, or None while it is unsafe.

    Change ids are taken when a row is inserted and seen when its transaction
    commits: just after a change, one with a lower id may still be on its way,
    and HTTP dates count whole seconds. So an answer gets no validator until its
    newest change is older than the feed's settle window and a second.
    """
    if not sites:
        return None
    times = [site.changed_at for site in sites if site.changed_at is not None]
    if state.expired_at is not None:
        times.append(state.expired_at)
    last_modified = max(times, default=None)
    young = timezone.now() - settle_window() - HTTP_DATE_RESOLUTION
    if last_modified is not None and last_modified > young:
        return None
    parts = (
        code_version(),
        request.get_host(),
        request.get_full_path(),
        [site.pk for site in sites],
        [
            (site.change_id, site.changed_at)
            if site.change_id is not None
            # Its changes pruned: older than every change still kept.
            else ("before", state.oldest_change)
            for site in sites
        ],
        [
            (s.pk, s.hostname, s.port, s.root_page_id, s.is_default_site, s.site_name)
            for s in state.sites
        ],
        state.shared,
    )
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return Validator(etag=f'W/"{digest}"', last_modified=last_modified)


Scope = Callable[[Any, State], list[SiteState]]
"""Which sites' changes an answer is made from, given the request."""


def every_site(request, state: State) -> list[SiteState]:
    return list(state.sites)


def requested_site(request, state: State) -> list[SiteState]:
    """The site the pages endpoint scopes to: `?site=host[:port]`, else the host.

    Matched as Wagtail matches it; anything it would refuse gets no validator.
    """
    value = request.GET.get("site")
    if not value:
        site = Site.find_for_request(request)
        found = state.site(site.pk) if site is not None else None
        return [found] if found else []
    hostname, _, port = value.partition(":")
    matches = [
        site
        for site in state.sites
        if site.hostname == hostname and (not port or str(site.port) == port)
    ]
    return matches if len(matches) == 1 else []


def requested_territory(request, state: State) -> list[SiteState]:
    """The site of `?territory=<slug>`."""
    slug = request.GET.get("territory")
    return [site for site in state.sites if slug and site.territory == slug]


def conditional(scope: Scope) -> Callable:
    """Answer a view with 304 when the client's copy is current, else stamp it.

    A 304 costs the state query (and, without `?site=`, Wagtail's site lookup);
    every answer says `Cache-Control: no-cache`: keep it, but ask each time.
    """

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapper(viewset, request, *args: Any, **kwargs: Any) -> HttpResponseBase:
            state = read_state()
            current = validator(request, state, scope(request, state))
            response = None
            if current is not None:
                response = get_conditional_response(
                    request,
                    etag=current.etag,
                    last_modified=(
                        int(current.last_modified.timestamp())
                        if current.last_modified
                        else None
                    ),
                )
            if response is None:
                response = view(viewset, request, *args, **kwargs)
            if current is not None and response.status_code in (200, 304):
                current.stamp(response)
            patch_cache_control(response, no_cache=True)
            return response

        return wrapper

    return decorator
