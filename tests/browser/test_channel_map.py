"""The map page in a real browser: markers, escaped popups, keyboard use.

OpenStreetMap's tiles are out of reach offline: every tile request is answered
here with an empty image, so only what the site itself draws is checked.
"""

import base64

import pytest

from tests.browser.conftest import serving
from tests.browser.test_quality import html_errors, serious_violations
from tests.publisher.test_channel_opendata import HOSTILE, pages
from tests.snapshots import build_site

TILES = "https://tile.openstreetmap.org/**"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


@pytest.fixture(scope="module")
def map_dist(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("map-site"), pages())


@pytest.fixture(scope="module")
def map_site(map_dist):
    with serving(map_dist) as url:
        yield url


@pytest.fixture
def map_page(page, map_site):
    tiles = []

    def answer(route):
        tiles.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=PNG)

    page.route(TILES, answer)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.tiles, page.errors = tiles, errors
    return page


def test_markers_appear_and_a_popup_shows_the_title_as_text(map_page, map_site):
    map_page.goto(f"{map_site}/it/map/")
    markers = map_page.locator(".leaflet-marker-icon")
    markers.first.wait_for()
    # Three places and a business; the event at the Duomo shares its marker.
    assert markers.count() == 4
    assert map_page.locator("path.leaflet-interactive").count() == 1  # the route
    assert map_page.tiles  # the tiles were asked for (and answered here)
    hostile = map_page.get_by_alt_text(HOSTILE, exact=True)
    hostile.click()
    popup = map_page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert popup.locator("a").first.text_content() == HOSTILE
    assert popup.locator("img").count() == 0  # text, not markup
    assert popup.locator("a").first.get_attribute("href") == "/it/luoghi/croce/"
    attribution = map_page.locator(".leaflet-control-attribution")
    assert "contributori di OpenStreetMap" in attribution.text_content()
    assert map_page.errors == []


def test_the_map_and_its_markers_work_from_the_keyboard(map_page, map_site):
    map_page.goto(f"{map_site}/it/map/")
    box = map_page.locator("#map")
    box.locator(".leaflet-marker-icon").first.wait_for()
    assert box.get_attribute("tabindex") == "0"
    assert box.get_attribute("aria-label") == (
        "Mappa di luoghi, attività, eventi e itinerari"
    )
    box.focus()
    assert map_page.evaluate("document.activeElement.id") == "map"
    for _ in range(10):  # past the zoom buttons, to the first marker
        map_page.keyboard.press("Tab")
        if map_page.evaluate(
            "document.activeElement.classList.contains('leaflet-marker-icon')"
        ):
            break
    else:
        pytest.fail("no marker is reachable with Tab")
    name = map_page.evaluate("document.activeElement.alt")
    map_page.keyboard.press("Enter")
    popup = map_page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert " · ".join(popup.locator("a").all_text_contents()) == name
    close = map_page.locator(".leaflet-popup-close-button")
    assert close.get_attribute("aria-label") == "Chiudi"


def test_items_at_one_position_share_a_marker_that_lists_them(map_page, map_site):
    """An event at a venue would sit on the venue's marker, out of reach: the
    marker lists both, and a link to either opens it."""
    map_page.goto(f"{map_site}/it/map/#event-13")
    popup = map_page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert popup.locator("a").all_text_contents() == ["Duomo", "Concerto"]
    marker = map_page.get_by_alt_text("Duomo · Concerto", exact=True)
    box = marker.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24  # WCAG 2.2's target size


def test_a_link_to_an_item_opens_its_popup(map_page, map_site):
    map_page.goto(f"{map_site}/it/luoghi/duomo/")
    map_page.get_by_role("link", name="Vedi sulla mappa").click()
    popup = map_page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert popup.locator("a").first.text_content() == "Duomo"
    assert map_page.url.endswith("/it/map/#place-5")


def test_without_javascript_the_list_is_the_page(browser, map_site):
    context = browser.new_context(java_script_enabled=False, locale="ar")
    page = context.new_page()
    try:
        page.goto(f"{map_site}/ar/map/")
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert page.locator("#map").is_hidden()
        links = page.locator(".map-list li > a:first-child")
        assert links.count() == 6
        assert page.locator(".map-list").get_by_text(HOSTILE, exact=True).count() == 1
    finally:
        context.close()


def test_the_drawn_map_is_valid_and_accessible(map_page, map_site, map_dist):
    for lang in ("it", "ar"):
        assert html_errors(map_dist / lang / "map") == []
    problems = []
    for lang in ("it", "ar"):
        map_page.goto(f"{map_site}/{lang}/map/")
        map_page.locator(".leaflet-marker-icon").first.wait_for()
        problems += serious_violations(map_page, lang)
    assert problems == []
