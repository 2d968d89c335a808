"""Visitors on the built static site, in real Chromium."""

import functools
import threading
from http.server import ThreadingHTTPServer

import pytest

from publisher.build import BuildOptions, publish_territory
from publisher.serve import SiteHandler
from publisher.snapshot import Snapshot
from tests.publisher.test_theme import PLACE, TERRITORY, item


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    """A small territory built for real, served as Netlify would serve it."""
    root = tmp_path_factory.mktemp("browser-site")
    pages = [
        item(1, "territories.TerritoryHomePage", "/", key="home", title="Lecce"),
        item(2, "territories.TerritoryHomePage", "/", "en", key="home", title="Lecce"),
        item(3, "places.PlacesIndexPage", "/luoghi/", key="places", intro="",
             title="Luoghi"),
        item(4, "places.PlacesIndexPage", "/places/", "en", key="places", intro="",
             title="Places"),
        item(5, "places.PlacePage", "/luoghi/duomo/", key="duomo", title="Duomo",
             **PLACE),
        item(6, "places.PlacePage", "/places/cathedral/", "en", key="duomo",
             title="Cathedral", **PLACE),
    ]  # fmt: skip
    snapshot = Snapshot(TERRITORY, "2026-11-25", pages)
    snapshot.territory = {**TERRITORY, "languages": TERRITORY["languages"][:2]}
    options = BuildOptions(api="http://unused", out=root / "dist", content=root, jobs=1)
    snapshot.save(root / "snapshots")
    publish_territory(snapshot, options, progress=lambda message: None)
    handler = functools.partial(SiteHandler, directory=str(root / "dist" / "lecce"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_language_switcher_opens_the_same_page_in_english(page, site_url):
    page.goto(f"{site_url}/it/luoghi/duomo/")
    assert page.locator("h1").inner_text() == "Duomo"
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/places/cathedral/")
    assert page.locator("h1").inner_text() == "Cathedral"
    assert page.locator("html").get_attribute("lang") == "en"


def test_keyboard_users_reach_the_skip_link_first(page, site_url):
    page.goto(f"{site_url}/it/luoghi/duomo/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Vai al contenuto"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")


def test_missing_pages_get_the_language_404(page, site_url):
    response = page.goto(f"{site_url}/en/no-such-page/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
