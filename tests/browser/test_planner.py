"""The visit planner in real Chromium, in Italian, English, German and Arabic:
a family with half a day on foot on a Sunday, with JavaScript (the form) and
without (the plain links to the lists of one choice each)."""

from __future__ import annotations

import copy
import gzip
import re
from datetime import date, timedelta

import pytest

from tests.browser.conftest import serving
from tests.browser.test_quality import html_errors, serious_violations
from tests.publisher.test_theme import PLACE, TERRITORY, event, item
from tests.snapshots import ITINERARY

BUILT = "2026-11-25"  # a Wednesday
SUNDAY = "2026-11-29"
LANGUAGES = ("it", "en", "de", "ar")
SECTIONS = {  # path of the places, events and itineraries in each language
    "it": ("luoghi", "eventi", "itinerari"),
    "en": ("places", "events", "itineraries"),
    "de": ("orte", "veranstaltungen", "routen"),
    "ar": ("amakin", "faaliyat", "masarat"),
}
# Each item's title in it, en, de, ar.
TITLES = {
    "walk": ("Centro a piedi", "The old town on foot", "Altstadt zu Fuß",
             "البلدة القديمة سيرًا"),
    "long": ("Giro lungo", "The long round", "Die lange Runde", "الجولة الطويلة"),
    "bike": ("In bicicletta", "By bike", "Mit dem Rad", "بالدراجة الهوائية"),
    "church": ("Chiesa madre", "Mother church", "Mutterkirche", "الكنيسة الأم"),
    "museum": ("Museo del lunedì", "Weekday museum", "Werktagsmuseum",
               "متحف أيام العمل"),
    "mass": ("Visita della domenica", "Sunday tour", "Sonntagsführung",
             "جولة يوم الأحد"),
    "saturday": ("Concerto del sabato", "Saturday concert", "Samstagskonzert",
                 "حفلة السبت"),
}  # fmt: skip
FOUND = {  # what answers a family with half a day on foot on Sunday
    "itinerary": "walk",
    "place": "church",
    "event": "mass",
}
WORDS = {  # the form's labels in each language
    "it": ("Per le famiglie", "Mezza giornata", "A piedi", "Domenica"),
    "en": ("For families", "Half a day", "On foot", "Sunday"),
    "de": ("Für Familien", "Ein halber Tag", "Zu Fuß", "Sonntag"),
    "ar": ("للعائلات", "نصف يوم", "سيرًا على الأقدام", "الأحد"),
}


def pages() -> list[dict]:
    found = []
    for n, lang in enumerate(LANGUAGES):
        offset = 100 * n
        places, events, itineraries = SECTIONS[lang]

        def title(key, n=n):
            return TITLES[key][n]

        def page(id, type_, path, key, offset=offset, lang=lang, **fields):
            return item(id + offset, type_, path, lang, key=key, **fields)

        found += [
            page(1, "territories.TerritoryHomePage", "/", "home", title="Lecce"),
            page(2, "places.PlacesIndexPage", f"/{places}/", "places", intro=""),
            page(3, "events.EventsIndexPage", f"/{events}/", "events", intro=""),
            page(
                4,
                "itineraries.ItinerariesIndexPage",
                f"/{itineraries}/",
                "its",
                intro="",
            ),
        ]
        for id, key, fields in (
            (
                10,
                "walk",
                {
                    "duration_minutes": 180,
                    "stops": [
                        {"place": 20 + offset, "note": ""},
                        {"place": 21 + offset, "note": ""},
                    ],
                },
            ),
            (11, "long", {"duration_minutes": 300}),
            (12, "bike", {"mode": "bike", "duration_minutes": 120}),
        ):
            found.append(
                page(id, "itineraries.ItineraryPage", f"/{itineraries}/{key}/", key,
                     title=title(key),
                     **{**ITINERARY, "stops": [], "audiences": ["families"],
                        **fields})
            )  # fmt: skip
        every_day = [
            {"weekday": d, "opens": "09:00:00", "closes": "19:00:00"} for d in range(7)
        ]
        found += [
            page(20, "places.PlacePage", f"/{places}/church/", "church",
                 title=title("church"), **{**PLACE, "kind": "church",
                 "audiences": ["families"], "opening_hours": every_day,
                 "opening_exceptions": [], "latitude": "40.351873",
                 "longitude": "18.169216"}),
            page(21, "places.PlacePage", f"/{places}/museum/", "museum",
                 title=title("museum"), **{**PLACE, "audiences": ["families"],
                 "latitude": "40.354203", "longitude": "18.171906"}),
        ]  # fmt: skip
        for id, key, start, fields in (
            (30, "mass", "2026-11-01T10:00:00+01:00", {"frequency": "weekly"}),
            (31, "saturday", "2026-11-28T18:00:00+01:00", {}),
        ):
            event_page = event(id + offset, start, title=title(key), venue=20 + offset)
            event_page["meta"].update(
                locale=lang, path=f"/{events}/{key}/", translation_key=key
            )
            event_page.update(
                end=start.replace("T10:", "T12:").replace("T18:", "T20:"),
                audiences=["families"],
                **fields,
            )
            found.append(event_page)
    return found


@pytest.fixture(scope="module")
def planner_dist(tmp_path_factory):
    from publisher.build import BuildOptions, publish_territory
    from publisher.snapshot import Snapshot

    territory = copy.deepcopy(TERRITORY)
    territory["languages"].insert(
        2, {"code": "de", "name": "Deutsch", "direction": "ltr"}
    )
    root = tmp_path_factory.mktemp("planner")
    snapshot = Snapshot(territory, BUILT, pages(), [])
    snapshot.save(root / "snapshots")
    options = BuildOptions(api="http://unused", out=root / "dist", content=root, jobs=2)
    publish_territory(snapshot, options, progress=lambda message: None)
    return root / "dist" / territory["slug"]


@pytest.fixture(scope="module")
def planner_site(planner_dist):
    with serving(planner_dist) as url:
        yield url


def expected(lang: str) -> dict[str, list[str]]:
    n = LANGUAGES.index(lang)
    return {kind: [TITLES[key][n]] for kind, key in FOUND.items()}


def shown(page, section: str = "#plan-results") -> dict[str, list[str]]:
    """The titles each section of results shows, by kind."""
    found = {}
    for kind, letter in (("itinerary", "i"), ("place", "p"), ("event", "e")):
        box = page.locator(f"{section} section[data-kind={letter}]")
        found[kind] = (
            box.locator("h3 a").all_text_contents() if box.is_visible() else []
        )
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_family_plans_half_a_day_on_foot_on_sunday(browser, planner_site, lang):
    context = browser.new_context(locale=lang)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(f"{planner_site}/{lang}/plan/")
        assert page.locator("html").get_attribute("dir") == (
            "rtl" if lang == "ar" else "ltr"
        )
        form = page.locator("form#plan")
        form.wait_for()  # shown by plan.js
        status = page.locator("#plan-status")
        status.filter(has_text=re.compile(r"\d")).wait_for()  # the index is read
        family, half_day, on_foot, _sunday = WORDS[lang]
        form.get_by_role("radio", name=family, exact=True).check()
        form.get_by_role("radio", name=half_day, exact=True).check()
        form.get_by_role("radio", name=on_foot, exact=True).check()
        form.locator("input[type=date]").fill(SUNDAY)
        form.locator("button[type=submit]").click()
        assert shown(page) == expected(lang)
        assert status.get_attribute("aria-live") == "polite"
        assert "3" in status.text_content()  # announced
        # The time each takes, and the church's hours that day.
        assert page.locator("#plan-results section[data-kind=p] .when br").count()
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_javascript_each_choice_is_a_link_to_its_list(
    browser, planner_site, lang
):
    context = browser.new_context(java_script_enabled=False, locale=lang)
    page = context.new_page()
    try:
        page.goto(f"{planner_site}/{lang}/plan/")
        assert page.locator("form#plan").is_hidden()
        n = LANGUAGES.index(lang)
        titles = {key: words[n] for key, words in TITLES.items()}
        everything = set(titles.values())
        lists = {  # what each single choice's list must and must not show
            0: ({"walk", "long", "bike", "church", "museum", "mass", "saturday"}),
            1: ({"walk", "bike", "church", "museum", "mass", "saturday"}),
            2: ({"walk", "long", "church", "museum", "mass", "saturday"}),
            3: ({"walk", "long", "bike", "church", "mass"}),
        }
        for index, label in enumerate(WORDS[lang]):
            page.goto(f"{planner_site}/{lang}/plan/")
            page.locator(".plan-lists").get_by_role(
                "link", name=label, exact=True
            ).click()
            page.locator("h1").filter(has_text=label).wait_for()
            assert page.locator("html").get_attribute("lang") == lang
            found = set(page.locator("main .cards h3 a").all_text_contents())
            assert found == {titles[key] for key in lists[index]}, label
            assert found <= everything
        # Sunday: the museum (closed on Sundays) and Saturday's concert are out.
        assert page.url.endswith(f"/{lang}/plan/day/sunday/")
    finally:
        context.close()


def test_the_browser_and_the_lists_agree_on_every_single_choice(page, planner_site):
    """plan.js with one choice made shows what that choice's list shows."""
    page.goto(f"{planner_site}/it/plan/")
    links = page.locator(".plan-lists a")
    targets = [
        (link.text_content(), link.get_attribute("href")) for link in links.all()
    ]
    lists = {}
    for _label, href in targets:
        page.goto(planner_site + href)
        lists[href] = set(page.locator("main .cards h3 a").all_text_contents())
    page.goto(f"{planner_site}/it/plan/")
    form = page.locator("form#plan")
    form.wait_for()
    for label, href in targets:
        group, value = href.strip("/").split("/")[-2:]
        page.goto(f"{planner_site}/it/plan/")  # a reload would keep the form
        page.locator("#plan-status").filter(has_text=re.compile(r"\d")).wait_for()
        if group == "day":
            days = ("monday", "tuesday", "wednesday", "thursday", "friday",
                    "saturday", "sunday")  # fmt: skip
            offset = (days.index(value) - 2) % 7  # the build's day is a Wednesday
            day = date.fromisoformat(BUILT) + timedelta(days=offset)
            form.locator("input[type=date]").fill(day.isoformat())
        else:
            form.get_by_role("radio", name=label, exact=True).check()
        form.locator("button[type=submit]").click()
        found = {title for titles in shown(page).values() for title in titles}
        assert found == lists[href], label


def test_the_planner_is_valid_accessible_and_light(page, planner_site, planner_dist):
    assert html_errors(planner_dist / "it" / "plan") == []
    assert html_errors(planner_dist / "ar" / "plan") == []
    problems = []
    for lang in ("it", "ar"):
        page.goto(f"{planner_site}/{lang}/plan/")
        page.locator("#plan-status").filter(has_text=re.compile(r"\d")).wait_for()
        problems += serious_violations(page, f"{lang}/plan/")
        page.goto(f"{planner_site}/{lang}/plan/day/sunday/")
        problems += serious_violations(page, f"{lang}/plan/day/sunday/")
    assert problems == []


def weight(dist, html_file, also: tuple[str, ...] = ()) -> int:
    """Bytes gzipped of a page, its stylesheets and scripts, and other files."""
    html = (dist / html_file).read_text("utf-8")
    linked = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    linked += re.findall(r'<script src="([^"]+)"', html)
    data = html.encode() + b"".join(
        (dist / url.lstrip("/")).read_bytes() for url in [*linked, *also]
    )
    return len(gzip.compress(data))


def test_the_planner_and_an_offline_itinerary_stay_within_budget(planner_dist):
    """The planner page with its stylesheets, script and index, and an itinerary
    page with its offline button, offline.js and drawn route, each within the
    14 KB gzipped of a typical page (tests/browser/test_quality.py): what a
    first round trip can bring. Measured: about 6 KB and 5 KB. The index grows
    with the territory (some 150 bytes gzipped an item); the planner needs
    none of it to show its form and lists."""
    planner = weight(planner_dist, "it/plan/index.html", ("/it/plan/index.json",))
    assert planner <= 14 * 1024, planner
    offline = weight(planner_dist, "it/itinerari/walk/index.html")
    html = (planner_dist / "it/itinerari/walk/index.html").read_text("utf-8")
    assert 'class="route-map"' in html and "/js/offline." in html
    assert offline <= 14 * 1024, offline
