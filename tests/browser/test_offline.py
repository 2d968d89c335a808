"""An itinerary saved for offline use opens in Chromium with the network cut,
says it is the saved copy, and its stops open too; nothing is cached, and no
service worker runs, before the visitor asks."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.browser.conftest import _demo_pages, serving
from tests.snapshots import build_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    dist = build_site(tmp_path_factory.mktemp("offline"), _demo_pages())
    with serving(dist) as url:
        yield url, dist


def test_a_saved_itinerary_opens_without_a_connection(page, site):
    url, _dist = site
    itinerary = f"{url}/it/itinerari/centro/"
    page.goto(itinerary)
    assert page.evaluate("navigator.serviceWorker.controller") is None
    assert page.evaluate("caches.keys()") == []  # nothing without asking
    notice = page.locator(".offline-notice")
    assert notice.is_hidden()
    page.get_by_role("button", name="Salva per usarlo offline").click()
    status = page.locator(".offline-save [role=status]")
    status.get_by_text("Salvato", exact=False).wait_for()
    page.context.set_offline(True)
    try:
        page.goto(itinerary)
        assert page.locator("h1").text_content() == "Centro storico"
        assert notice.is_visible()  # it says it is the saved copy
        page.get_by_role("link", name="Duomo").first.click()
        page.locator("h1").get_by_text("Duomo").wait_for()  # a stop, saved too
        with pytest.raises(PlaywrightError):  # what was not saved
            page.goto(f"{url}/it/storie/barocco/")
    finally:
        page.context.set_offline(False)


def test_the_site_can_be_installed(site):
    _url, dist = site
    manifest = json.loads((dist / "manifest.webmanifest").read_text("utf-8"))
    assert manifest["start_url"] == "/" and manifest["display"] == "standalone"
    for icon in manifest["icons"]:
        assert (dist / icon["src"].lstrip("/")).is_file()
    assert (dist / "sw.js").is_file()
    html = (dist / "it" / "itinerari" / "centro" / "index.html").read_text("utf-8")
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
