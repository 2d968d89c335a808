"""A proposal becomes a draft event in the territory's moderation."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page, Site

from cms.events.models import EventPage, EventsIndexPage
from cms.offers.models import BusinessesIndexPage
from cms.places.models import PlacePage
from cms.territories.models import TerritorySettings

from .models import EventProposal

ROME = ZoneInfo("Europe/Rome")


def territories():
    """Wagtail sites that are territories, by name."""
    return (
        Site.objects.filter(territorysettings__slug__isnull=False)
        .select_related("root_page")
        .order_by("site_name")
    )


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


def moderation(site: Site):
    """The territory's moderation workflow, whose task its moderators and
    editors approve: the one its businesses' offers go through (roles.py
    attaches it to the businesses index). Not the events index's, which
    editors publish to without review."""
    index = BusinessesIndexPage.objects.descendant_of(source_tree(site)).first()
    return index.get_workflow() if index is not None else None


def unique_slug(parent: Page, title: str) -> str:
    base = slugify(title)[:70] or "evento"
    slug, n = base, 1
    while parent.get_children().filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def propose(data: dict, language: str) -> EventProposal:
    """Create the draft event, send it to moderation, record whom to tell.

    The page is written as the form says it, in the territory's default tree
    (the editors translate it); nobody is its author, the proposal is its
    record.
    """
    site = data["territory"]
    index = EventsIndexPage.objects.descendant_of(source_tree(site)).first()
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
    )
    index.add_child(instance=page)
    page.save_revision(log_action=True)
    workflow = moderation(site)
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
