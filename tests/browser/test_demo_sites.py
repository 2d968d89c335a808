"""The demo territories as visitors get them: `load_demo`, the content API and a
real build, in Chromium. Every map page of every territory and language has no
serious accessibility fault, and the visit planner answers a family with half
a day on foot on a Sunday with items open then, in it/en/de/ar (Lecce has
it/en/de, the Grecìa Salentina it/en/ar), with and without JavaScript.
"""

from __future__ import annotations

import base64
import re
from datetime import date, timedelta

import pytest

from tests.browser.conftest import serving
from tests.browser.test_quality import serious_violations

# The demo app: dev and test settings only (tests/cms/test_load_demo.py); the
# database mark makes the session create the test database.
pytestmark = [pytest.mark.demo, pytest.mark.django_db]

LANGUAGES = {"lecce": ("it", "en", "de"), "grecia-salentina": ("it", "en", "ar")}
TILES = "https://tile.openstreetmap.org/**"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
WORDS = {  # the planner's labels for a family, half a day, on foot, Sunday
    "it": ("Per le famiglie", "Mezza giornata", "A piedi", "Domenica"),
    "en": ("For families", "Half a day", "On foot", "Sunday"),
    "de": ("Für Familien", "Ein halber Tag", "Zu Fuß", "Sonntag"),
    "ar": ("للعائلات", "نصف يوم", "سيرًا على الأقدام", "الأحد"),
}


@pytest.fixture(scope="module")
def demo_sites(demo_dist):
    """Each territory served at the root of its own address."""
    with (
        serving(demo_dist / "lecce") as lecce,
        serving(demo_dist / "grecia-salentina") as grecia,
    ):
        yield {"lecce": lecce, "grecia-salentina": grecia}


def no_tiles(page):
    page.route(TILES, lambda route: route.fulfill(content_type="image/png", body=PNG))


def test_no_serious_violation_on_any_map_page(page, demo_sites):
    no_tiles(page)
    problems = []
    for slug, languages in LANGUAGES.items():
        for lang in languages:
            page.goto(f"{demo_sites[slug]}/{lang}/map/")
            page.locator(".leaflet-marker-icon").first.wait_for()
            problems += serious_violations(page, f"{slug} /{lang}/map/")
    assert problems == []


def next_sunday(built: date) -> date:
    return built + timedelta(days=(6 - built.weekday()) % 7)


def cards(page, scope: str) -> dict[str, list[str]]:
    found = {}
    for section in page.locator(f"{scope} section").all():
        if section.is_visible():
            heading = section.locator("h2").text_content()
            found[heading] = section.locator(".card h3 a").all_text_contents()
    return found


@pytest.mark.parametrize(
    ("slug", "lang"),
    [(slug, lang) for slug, languages in LANGUAGES.items() for lang in languages],
)
def test_a_family_with_half_a_day_on_foot_on_a_sunday(
    browser, demo_sites, demo_dist, slug, lang
):
    index = (demo_dist / slug / lang / "plan" / "index.json").read_text("utf-8")
    built = date.fromisoformat(re.search(r'"start":"([\d-]+)"', index)[1])
    sunday = next_sunday(built)
    family, half_day, on_foot, sunday_label = WORDS[lang]
    url = demo_sites[slug]

    context = browser.new_context(locale=lang)
    page = context.new_page()
    try:
        page.goto(f"{url}/{lang}/plan/")
        form = page.locator("form#plan")
        form.wait_for()
        page.locator("#plan-status").filter(has_text=re.compile(r"\d")).wait_for()
        for label in (family, half_day, on_foot):
            form.get_by_role("radio", name=label, exact=True).check()
        form.locator("input[type=date]").fill(sunday.isoformat())
        form.locator("button[type=submit]").click()
        with_js = cards(page, "#plan-results")
        places = page.locator("#plan-results section[data-kind=p] .card")
        assert places.count() >= 1, with_js  # places open that Sunday
        for hours in places.locator(".when").all_text_contents():
            assert hours.strip()  # each with its time and that day's hours
        if slug == "lecce":  # the walk of the old town: three hours, families
            itineraries = page.locator("#plan-results section[data-kind=i] h3 a")
            assert itineraries.count() == 1
        problems = serious_violations(page, f"{slug} /{lang}/plan/")
        assert problems == []
    finally:
        context.close()

    context = browser.new_context(java_script_enabled=False, locale=lang)
    page = context.new_page()
    try:
        page.goto(f"{url}/{lang}/plan/")
        assert page.locator("html").get_attribute("dir") == (
            "rtl" if lang == "ar" else "ltr"
        )
        lists = page.locator(".plan-lists")
        lists.get_by_role("link", name=sunday_label, exact=True).click()
        assert page.url.endswith(f"/{lang}/plan/day/sunday/")
        sunday_places = set(page.locator("main .cards h3 a").all_text_contents())
        for label in (family, half_day, on_foot):
            page.goto(f"{url}/{lang}/plan/")
            lists.get_by_role("link", name=label, exact=True).click()
            assert page.locator("main .cards .card").count() >= 1, label
        # What the form found on Sunday is on the day's list as well.
        found_with_js = {title for titles in with_js.values() for title in titles}
        assert found_with_js <= sunday_places
    finally:
        context.close()
