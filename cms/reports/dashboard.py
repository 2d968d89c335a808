"""The work waiting for a territory's editors, on the admin's dashboard.

One panel per territory the user publishes in (editors and moderators; owners
publish nothing, so never see it): what waits for review, since when and from
whom; the offers and events whose last day falls in the coming week; how many
pages miss a language; the last builds. A fixed number of queries per
territory, whatever its size; the moderation queue is read once for all of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState
from wagtail.permissions import page_permission_policy

from cms.events.models import EventPage
from cms.offers.models import OfferPage
from cms.publishing.models import Build
from cms.territories.models import TerritorySettings

from .translation_coverage import source_pages
from .views import territories

WEEK = dt.timedelta(days=6)  # today and the six days after it


@dataclass(frozen=True)
class Waiting:
    page: Page
    since: dt.datetime
    by: str
    task: str


@dataclass(frozen=True)
class Ending:
    page: Page
    last_day: dt.date


@dataclass(frozen=True)
class TerritoryWork:
    territory: TerritorySettings
    waiting: list[Waiting]
    ending: list[Ending]
    untranslated: int
    builds: list[Build]

    @property
    def panel_id(self) -> str:
        return f"work-{self.territory.slug}"

    @property
    def report_url(self) -> str:
        query = urlencode({"territory": self.territory.slug, "untranslated": "true"})
        return f"{reverse('reports:translation_coverage')}?{query}"


def in_territory(territory: TerritorySettings) -> Q:
    """Pages of the territory's trees, one per language."""
    homes = Page.objects.filter(
        translation_key=territory.site.root_page.translation_key
    ).values_list("path", flat=True)
    query = Q(pk__in=[])
    for path in homes:
        query |= Q(path__startswith=path)
    return query


def territories_of(user) -> list[TerritorySettings]:
    """The territories where `user` may publish something."""
    publishable = page_permission_policy.instances_user_has_permission_for(
        user, "publish"
    )
    return [
        territory
        for territory in territories()
        if publishable.filter(in_territory(territory)).exists()
    ]


def home_paths(territories: list[TerritorySettings]) -> dict[int, list[str]]:
    """The paths of each territory's homes, one per language, by territory pk:
    one query, so a dashboard's reads do not grow with its territories."""
    roots = {t.pk: t.site.root_page_id for t in territories}
    homes = list(
        Page.objects.filter(
            translation_key__in=Page.objects.filter(pk__in=roots.values()).values(
                "translation_key"
            )
        ).values_list("pk", "translation_key", "path")
    )
    key_of = {pk: key for pk, key, _path in homes}
    return {
        territory: [path for _pk, key, path in homes if key == key_of.get(root)]
        for territory, root in roots.items()
    }


def waiting(territories: list[TerritorySettings]) -> dict[int, list[Waiting]]:
    """Pages in moderation in each territory (by pk), oldest first: the queue to
    work through. The workflow states are read once for all the territories."""
    if not territories:
        return {}  # an owner's dashboard reads nothing
    paths = home_paths(territories)
    anywhere = Q(pk__in=[])
    for path in (path for each in paths.values() for path in each):
        anywhere |= Q(path__startswith=path)
    states = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS
    ).select_related("requested_by", "current_task_state__task")
    by_page = {int(s.object_id): s for s in states if s.object_id.isdigit()}
    found = []
    for page in Page.objects.filter(anywhere, pk__in=by_page).specific(defer=True):
        state = by_page[page.pk]
        requester = state.requested_by
        task = state.current_task_state.task if state.current_task_state else None
        found.append(
            Waiting(
                page,
                state.created_at,
                (requester.get_full_name() or requester.get_username())
                if requester
                else "",
                task.name if task else "",
            )
        )
    found.sort(key=lambda w: w.since)
    return {
        territory: [w for w in found if w.page.path.startswith(tuple(homes))]
        for territory, homes in paths.items()
    }


def ending(territory: TerritorySettings, today: dt.date) -> list[Ending]:
    """Live offers and events whose last day is within the coming week."""
    last = today + WEEK
    where = in_territory(territory)
    found = [
        Ending(offer, offer.valid_until)
        for offer in OfferPage.objects.live().filter(
            where, valid_until__range=(today, last)
        )
    ]
    events = EventPage.objects.live().filter(where, start__date__lte=last)
    bounded = Q(frequency="") | Q(repeat_until__range=(today, last))
    bounded |= Q(repeat_count__isnull=False)
    for event in events.filter(bounded).prefetch_related("exception_dates"):
        day = last_day(event)
        if day is not None and today <= day <= last:
            found.append(Ending(event, day))
    return sorted(found, key=lambda e: (e.last_day, e.page.title))


def last_day(event: EventPage) -> dt.date | None:
    """The day an event (or its series) ends; None for a series without end."""
    if not event.frequency:
        return timezone.localtime(event.end or event.start).date()
    rule = event.rule()
    if rule.until is None and rule.count is None:
        return None
    starts = list(rule.starts())
    if not starts:
        return None
    span = (event.end - event.start) if event.end else dt.timedelta()
    return (starts[-1] + span).date()


def territory_work(
    territory: TerritorySettings, today: dt.date, queue: list[Waiting]
) -> TerritoryWork:
    return TerritoryWork(
        territory,
        queue,
        ending(territory, today),
        source_pages(territory, untranslated=True).count(),
        list(Build.objects.filter(site=territory.site)[:3]),
    )


class TerritoryWorkPanel(Component):
    name = "territory_work"
    order = 50  # above Wagtail's own lists
    template_name = "reports/territory_work_panel.html"

    def __init__(self, work: list[TerritoryWork]) -> None:
        self.work = work

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        context["work"] = self.work
        return context


def work_for(user) -> list[TerritoryWork]:
    today = timezone.localdate()
    mine = territories_of(user)
    queues = waiting(mine)
    return [territory_work(t, today, queues[t.pk]) for t in mine]
