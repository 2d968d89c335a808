"""A proposal becomes a draft event in the territory's moderation.

Visitors' proposals (`propose`) and partner institutions' (`partners.py`)
write the same draft event (`draft_event`)."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page, Site

from cms.events.models import EventPage, EventsIndexPage
from cms.owners.roles import moderation_workflow
from cms.places.models import PlacePage
from cms.territories.models import TerritorySettings

from .models import EventProposal

ROME = ZoneInfo("Europe/Rome")


def source_tree(site: Site) -> Page:
    """The territory's home in its default language, where editors write."""
    settings = TerritorySettings.for_site(site)
    home = site.root_page
    if settings.default_language_id and home.locale_id != settings.default_language_id:
        home = home.get_translation(settings.default_language)
    return home


def places_of(site: Site | None):
    """The live places of a territory (its default language), by title."""
    if site is None:
        return PlacePage.objects.none()
    home = source_tree(site)
    return PlacePage.objects.live().descendant_of(home).order_by("title")


def unique_slug(parent: Page, title: str) -> str:
    base = slugify(title)[:70] or "evento"
    slug, n = base, 1
    while parent.get_children().filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def draft_event(index: EventsIndexPage, data: dict, *, owner=None) -> EventPage:
    """A new, unpublished event under `index`, as the form says it."""
    day, start, end = data["date"], data.get("start_time"), data.get("end_time")
    page = EventPage(
        title=data["title"],
        slug=unique_slug(index, data["title"]),
        summary=data["description"],
        start=dt.datetime.combine(day, start or dt.time(0), ROME),
        end=dt.datetime.combine(day, end, ROME) if end else None,
        all_day=start is None,
        frequency=data.get("repeats") or "",
        repeat_until=data.get("repeat_until") if data.get("repeats") else None,
        venue=data.get("venue"),
        location="" if data.get("venue") else data["address"].strip(),
        audiences=data.get("audiences") or [],
        live=False,
        owner=owner,
    )
    index.add_child(instance=page)
    page.save_revision(user=owner, log_action=True)
    return page


@transaction.atomic
def propose(data: dict, language: str) -> EventProposal:
    """Create the draft event, send it to moderation (the territory's workflow,
    which its moderators and editors approve: editors otherwise publish events
    without review), record whom to tell.

    The page is written as the form says it, in the territory's default tree
    (the editors translate it); nobody is its author, the proposal is its
    record.
    """
    site = data["territory"]
    index = EventsIndexPage.objects.descendant_of(source_tree(site)).first()
    page = draft_event(index, data)
    workflow = moderation_workflow(page)
    if workflow is not None:
        workflow.start(page, None)
    return EventProposal.objects.create(
        page=page,
        territory=site,
        name=data["name"],
        email=data["email"],
        phone=data.get("phone", ""),
        language=language,
    )
