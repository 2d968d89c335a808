"""`manage.py load_demo`: idempotent, two territories, real translations, served by
the content API."""

import datetime as dt
import re
from dataclasses import dataclass
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import StringTranslation, Translation

from cms.core.models import CustomImage, CustomRendition, Topic
from cms.events.models import EventPage
from cms.offers.models import OfferPage
from cms.reports.translation_coverage import TranslationState, translation_coverage
from cms.territories.models import TerritorySettings

# The demo app: dev and test settings only, never on the production database.
pytestmark = pytest.mark.demo

LANGUAGES = {"lecce": ["it", "en", "de"], "grecia-salentina": ["it", "en", "ar"]}
ARABIC = re.compile("[\u0600-\u06ff]")


@dataclass
class Demo:
    first: dict[str, int]
    second: dict[str, int]
    first_output: str
    second_output: str


def snapshot() -> dict[str, int]:
    """How many of everything the demo makes: equal after a second load."""
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": CustomImage.objects.count(),
        "renditions": CustomRendition.objects.count(),
        "topics": Topic.objects.count(),
        "translations": Translation.objects.count(),
        "strings": StringTranslation.objects.count(),
        "sites": Site.objects.count(),
        "users": get_user_model().objects.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, loaded twice, once for the whole module: a load takes seconds.

    Everything happens in a transaction rolled back after the module, so the
    other tests never see the demo; its images go to a temporary folder.
    """
    media = tmp_path_factory.mktemp("demo-media")
    with (
        override_settings(MEDIA_ROOT=media),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        outputs = []
        counts = []
        for _ in range(2):
            out = StringIO()
            call_command("load_demo", stdout=out)
            outputs.append(out.getvalue())
            counts.append(snapshot())
        yield Demo(counts[0], counts[1], outputs[0], outputs[1])
        transaction.set_rollback(True)
    cache.clear()


def territory_pages(slug: str, language: str):
    home = TerritorySettings.objects.get(slug=slug).site.root_page
    tree = home.get_translation(Locale.objects.get(language_code=language))
    return Page.objects.descendant_of(tree, inclusive=True).specific()


def test_loading_twice_creates_nothing(demo):
    assert demo.first == demo.second
    assert demo.first["pages"] >= 100
    assert "new pages: 0; new translations: 0" in demo.second_output
    assert "Created superuser admin" in demo.first_output


def test_admin_account_for_the_local_demo(demo, db):
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password("admin")


def test_partners_and_a_moderator_to_try_the_moderation_flow(demo, db, client):
    from cms.owners.dashboard import is_owner_only

    users = get_user_model().objects
    owner, moderator = users.get(username="bottega"), users.get(username="moderazione")
    assert is_owner_only(owner)
    assert [b.title for b in owner.businesses.all()] == ["Bottega Barocca"]
    assert moderator.groups.filter(name="Lecce moderators").exists()
    client.force_login(owner)
    assert "Bottega Barocca" in client.get("/admin/").content.decode()
    curator = users.get(username="museo")
    assert is_owner_only(curator)
    assert [p.title for p in curator.institutions.all()] == ["Museo Castromediano"]
    client.force_login(curator)
    assert "Proponi un evento" in client.get("/admin/").content.decode()


def test_territories_with_their_languages_and_settings(demo, db):
    territories = TerritorySettings.objects.exclude(slug=None).select_related("site")
    assert {t.slug: t.language_codes() for t in territories} == LANGUAGES
    for territory in territories:
        assert territory.default_language.language_code == "it"
        assert territory.site.hostname == f"{territory.slug}.localhost"
        assert territory.site.port == 8000
        assert territory.public_base_url.startswith("https://")
        assert territory.build_hook_url
        assert territory.contact_email
        assert territory.logo.alt_text
        assert len(territory.social_links) == 2
    assert list(Site.objects.filter(is_default_site=True)) == [
        TerritorySettings.objects.get(slug="lecce").site
    ]


def test_every_italian_page_is_translated_into_each_language(demo, db):
    for slug, languages in LANGUAGES.items():
        italian = list(territory_pages(slug, "it"))
        assert len(italian) >= 20
        for language in languages[1:]:
            locale = Locale.objects.get(language_code=language)
            for page in italian:
                translation = page.get_translation(locale)
                assert translation.live, (page, language)
                assert translation.alias_of_id is None, (page, language)
                if getattr(page, "summary", ""):
                    assert translation.summary != page.summary, (page, language)


def test_translations_are_complete_wagtail_localize_translations(demo, db):
    for slug, languages in LANGUAGES.items():
        for page in territory_pages(slug, "it"):
            for language in languages[1:]:
                translation = Translation.objects.get(
                    source__object_id=page.translation_key,
                    source__locale__language_code="it",
                    target_locale__language_code=language,
                )
                total, translated = translation.get_progress()
                assert total == translated, (page, language)


def test_translation_coverage_report_shows_everything_live(demo, db):
    for territory in TerritorySettings.objects.exclude(slug=None):
        rows = translation_coverage(territory)
        assert len(rows) >= 20
        states = {cell.state for row in rows for cell in row.languages}
        assert states == {TranslationState.LIVE}, territory.slug


def test_arabic_for_grecia_salentina_and_german_for_lecce(demo, db):
    arabic = list(territory_pages("grecia-salentina", "ar"))
    assert all(ARABIC.search(page.title) for page in arabic)
    german = {page.title for page in territory_pages("lecce", "de")}
    assert {"Basilika Santa Croce", "Führung: Barockes Lecce"} <= german
    assert not Page.objects.filter(
        locale__language_code="ar", url_path__startswith="/lecce"
    ).exists()
    assert not Page.objects.filter(
        locale__language_code="de", url_path__startswith="/grecia-salentina"
    ).exists()


def test_topics_are_translated_snippets(demo, db):
    for language in ("en", "de", "ar"):
        assert Topic.objects.filter(locale__language_code=language).count() == 6
    english = Topic.objects.get(slug="baroque", locale__language_code="en")
    assert english.name == "Baroque"


def test_events_recur_skip_dates_and_get_cancelled(demo, db):
    events = EventPage.objects.filter(locale__language_code="it")
    weekly = events.get(slug="visita-guidata-lecce-barocca")
    assert weekly.rrule.startswith("FREQ=WEEKLY;UNTIL=")
    assert weekly.exception_dates.count() == 1
    assert weekly.venue.slug == "basilica-santa-croce"
    assert events.filter(frequency="monthly").count() == 2
    assert events.filter(status="cancelled").count() == 2
    free_text = events.get(slug="letture-sotto-gli-alberi")
    assert free_text.venue is None and "Garibaldi" in free_text.location
    assert all(e.end > e.start for e in events)


def test_every_demo_event_lists_the_dates_its_calendar_expands_to(demo, client):
    """Each repeating event of the demo, in each language: its page, its poster
    and a second iCalendar engine expanding its .ics list the same dates."""
    from tests.cms.test_event_recurrence import judge

    judged = 0
    for site in Site.objects.exclude(hostname="localhost"):
        response = client.get(
            f"/api/v2/pages/?type=events.EventPage&site={site.hostname}:{site.port}"
            "&fields=*&limit=100&locale=it"
        )
        assert response.status_code == 200, response.content
        for item in response.json()["items"]:
            if item["frequency"]:
                assert judge(item), item["title"]  # some dates to come
                judged += 1
    assert judged == 4  # the guided tour, the lessons and two monthly ones


def test_offers_are_current(demo, db):
    today = timezone.localdate()
    offers = OfferPage.objects.live()
    assert offers.count() == 6  # two offers, in three languages each
    for offer in offers:
        assert offer.valid_from <= today <= offer.valid_until
        assert offer.image.alt_text


def test_places_api_serves_every_lecce_language_with_coordinates(demo, client):
    response = client.get(
        "/api/v2/pages/?type=places.PlacePage&site=lecce.localhost:8000"
        "&fields=*&limit=100"
    )
    assert response.status_code == 200, response.content
    items = response.json()["items"]
    by_language: dict[str, list] = {}
    for item in items:
        by_language.setdefault(item["meta"]["locale"], []).append(item)
    assert sorted(by_language) == ["de", "en", "it"]
    assert {len(places) for places in by_language.values()} == {6}
    for item in items:
        assert item["latitude"].startswith("40.3")
        assert item["longitude"].startswith("18.1")
        assert item["hero_image"] is not None
        assert item["media"]["images"][str(item["hero_image"])]["alt"]
    titles = {item["title"] for item in by_language["en"]}
    assert "Basilica of Santa Croce" in titles


def test_places_opening_exceptions_include_christmas(demo, client):
    response = client.get(
        "/api/v2/pages/?type=places.PlacePage&site=lecce.localhost:8000"
        "&fields=*&limit=100&locale=it&slug=basilica-santa-croce"
    )
    (place,) = response.json()["items"]
    christmas = [e for e in place["opening_exceptions"] if e["closed"]]
    assert dt.date.fromisoformat(christmas[0]["start_date"]).strftime("%m-%d") == (
        "12-25"
    )
    assert len(place["opening_hours"]) == 7


def test_territories_api_lists_both(demo, client):
    response = client.get("/api/v2/territories/")
    assert response.status_code == 200
    items = {item["slug"]: item for item in response.json()["items"]}
    codes = {
        slug: [lang["code"] for lang in t["languages"]] for slug, t in items.items()
    }
    assert codes == LANGUAGES
    arabic = items["grecia-salentina"]["languages"][2]
    assert arabic["direction"] == "rtl" and arabic["home_page"] is not None
    assert items["lecce"]["site"] == "lecce.localhost:8000"
    assert "not-real" not in response.content.decode()


def test_images_endpoint_lists_the_images_live_pages_use(demo, client):
    # The endpoint reads Wagtail's reference index, which the loader rebuilds.
    response = client.get("/api/v2/images/?limit=100")
    assert response.status_code == 200, response.content
    listed = {item["id"] for item in response.json()["items"]}
    heroes = {
        page.hero_image_id
        for page in Page.objects.live().specific()
        if getattr(page, "hero_image_id", None)
    }
    assert heroes and heroes <= listed
