"""Real headless Chromium (Debian's), driven by Playwright; screenshots on failure.

Playwright's own browser download cannot work here, so the system Chromium is
used; under CI=true a missing browser is a failure, not a skip.
"""

import contextlib
import functools
import os
import shutil
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from publisher.serve import SiteHandler
from tests.conftest import require

# Playwright's sync API keeps an event loop in the test thread; Django would
# then refuse the test's own database calls as "async".
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    return os.environ.get("VETRINA_CHROMIUM") or shutil.which("chromium")


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    require(path is not None, "Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture
def page(browser, request):
    """A fresh page on a phone-sized screen, in Italian; a PNG if the test fails."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="it-IT"
    )
    page = context.new_page()
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(
            path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True
        )
    context.close()


def _demo_pages() -> list[dict]:
    """One page of every template, in Italian and English; Arabic falls back."""
    from tests.publisher.test_theme import PLACE, event, item
    from tests.snapshots import BUSINESS, ITINERARY, OFFER, SECTIONS, STORY

    story = {**STORY, "related_places": [{"place": 5}], "audiences": ["families"]}
    itinerary = {**ITINERARY, "stops": [{"place": 5, "note": "Inizio"}]}
    business, offer, sections = BUSINESS, OFFER, SECTIONS
    pages = []
    for lang, offset in (("it", 0), ("en", 100)):
        pages.append(
            item(
                1 + offset,
                "territories.TerritoryHomePage",
                "/",
                lang,
                key="home",
                title="Lecce",
                hero_image=None,
            )
        )
        for n, (type_, it_slug, en_slug) in enumerate(sections):
            pages.append(
                item(
                    10 + n + offset,
                    type_,
                    f"/{it_slug if lang == 'it' else en_slug}/",
                    lang,
                    key=en_slug,
                    title=en_slug.capitalize(),
                    intro="",
                )
            )
        base = {
            "it": ("luoghi", "storie", "eventi", "itinerari", "attivita"),
            "en": ("places", "stories", "events", "itineraries", "businesses"),
        }[lang]
        pages += [
            item(
                5 + offset,
                "places.PlacePage",
                f"/{base[0]}/duomo/",
                lang,
                key="duomo",
                title="Duomo",
                **{**PLACE, "audiences": ["families"]},
            ),
            item(
                6 + offset,
                "stories.StoryPage",
                f"/{base[1]}/barocco/",
                lang,
                key="story",
                title="Il barocco",
                body=[
                    {
                        "type": "paragraph",
                        "value": '<p>Vedi <a linktype="page" id="5">il Duomo</a>.</p>',
                        "id": "b1",
                    }
                ],
                **story,
            ),
            {
                **event(
                    7 + offset, "2026-12-05T18:00:00+01:00", title="Concerto", venue=5
                ),
                "meta": {
                    "type": "events.EventPage",
                    "locale": lang,
                    "path": f"/{base[2]}/concerto/",
                    "translation_key": "event",
                    "alias_of": None,
                },
                "audiences": ["families"],
            },
            item(
                8 + offset,
                "itineraries.ItineraryPage",
                f"/{base[3]}/centro/",
                lang,
                key="itinerary",
                title="Centro storico",
                **itinerary,
            ),
            item(
                9 + offset,
                "offers.BusinessPage",
                f"/{base[4]}/bottega/",
                lang,
                key="business",
                title="Bottega",
                **business,
            ),
            item(
                20 + offset,
                "offers.OfferPage",
                f"/{base[4]}/bottega/sconto/",
                lang,
                key="offer",
                title="Sconto",
                **offer,
            ),
        ]
    return pages


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """Every template built for real in Italian, English and Arabic."""
    from tests.snapshots import build_site

    return build_site(tmp_path_factory.mktemp("browser-site"), _demo_pages())


@contextlib.contextmanager
def building_locally(live_server, tmp_path: Path):
    """Publishing rebuilds as in the demo: the local builder reads the live CMS
    over HTTP and writes into the folder it yields; no settle wait."""
    from django.test import override_settings

    dist = tmp_path / "dist"
    with override_settings(
        VETRINA_CHANGES_SETTLE_SECONDS=0,
        VETRINA_PUBLISH_BACKEND={
            "BACKEND": "cms.publishing.backends.LocalBuilder",
            "OPTIONS": {
                "API_URL": live_server.url,
                "OUT": str(dist),
                "CONTENT": str(tmp_path / "content"),
                "JOBS": 1,
            },
        },
    ):
        yield dist


@contextlib.contextmanager
def serving(directory: Path, handler_class: type = SiteHandler):
    """Serve a built territory as Netlify would; yields its base URL."""
    handler = functools.partial(handler_class, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site):
    with serving(built_site) as url:
        yield url
