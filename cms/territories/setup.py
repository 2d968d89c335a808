"""Create a territory (site, home page, sections, settings) idempotently.

Used by the demo loader, the corpus generator and the tests, so a territory is
always built the same way an editor would build it in the admin.
"""

from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from cms.events.models import EventsIndexPage
from cms.itineraries.models import ItinerariesIndexPage
from cms.offers.models import BusinessesIndexPage
from cms.places.models import PlacesIndexPage
from cms.stories.models import StoriesIndexPage

from .models import TerritoryHomePage, TerritorySettings

SECTIONS = (
    ("places", PlacesIndexPage, "Luoghi", "luoghi"),
    ("stories", StoriesIndexPage, "Storie", "storie"),
    ("events", EventsIndexPage, "Eventi", "eventi"),
    ("itineraries", ItinerariesIndexPage, "Itinerari", "itinerari"),
    ("businesses", BusinessesIndexPage, "Attività e offerte", "attivita"),
)


@dataclass
class Territory:
    home: TerritoryHomePage
    site: Site
    settings: TerritorySettings
    sections: dict[str, Page]


def get_locale(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


@transaction.atomic
def create_territory(
    slug: str,
    name: str,
    *,
    hostname: str | None = None,
    port: int = 80,
    languages: tuple[str, ...] = ("it", "en"),
    default_language: str = "it",
    is_default_site: bool = False,
    **settings_fields,
) -> Territory:
    """Return the territory `slug`, creating whatever part of it is missing."""
    source_locale = get_locale(default_language)
    locales = [get_locale(code) for code in languages]
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=source_locale)
    )
    # Uploads go to the root collection; a flushed test database lacks it.
    Collection.get_first_root_node() or Collection.add_root(name="Root")
    home = TerritoryHomePage.objects.filter(slug=slug, locale=source_locale).first()
    if home is None:
        home = TerritoryHomePage(title=name, slug=slug, locale=source_locale)
        root.add_child(instance=home)
        home.save_revision().publish()
    sections = {}
    for key, model, title, section_slug in SECTIONS:
        section = model.objects.child_of(home).first()
        if section is None:
            section = model(title=title, slug=section_slug, locale=source_locale)
            home.add_child(instance=section)
            section.save_revision().publish()
        sections[key] = section
    if is_default_site:  # Wagtail allows one default site only
        Site.objects.filter(is_default_site=True).exclude(root_page=home).update(
            is_default_site=False
        )
    site, _ = Site.objects.update_or_create(
        root_page=home,
        defaults={
            "hostname": hostname or f"{slug}.localhost",
            "port": port,
            "site_name": name,
            "is_default_site": is_default_site,
        },
    )
    # Saved once (each save makes or completes the territory's roles).
    territory_settings = TerritorySettings.objects.filter(
        site=site
    ).first() or TerritorySettings(site=site)
    territory_settings.slug = slug
    territory_settings.default_language = source_locale
    for field, value in settings_fields.items():
        setattr(territory_settings, field, value)
    territory_settings.save()
    territory_settings.languages.set(locales)
    return Territory(home, site, territory_settings, sections)
