"""A page that names another (an itinerary's stops, an event's venue) names it
in the reader's language: the API points at one language's page, the build
shows its translation where there is one, on the page, in the GPX track, the
calendar and JSON-LD."""

from __future__ import annotations

import re

import pytest

from tests.publisher.test_theme import PLACE, event, item
from tests.snapshots import ITINERARY, build_site

DUOMO = {**PLACE, "latitude": "40.350000", "longitude": "18.168000"}
POZZO = {**PLACE, "latitude": "40.354000", "longitude": "18.175000"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    pages = [
        item(1, "territories.TerritoryHomePage", "/", key="home", title="Lecce"),
        item(101, "territories.TerritoryHomePage", "/", "en", key="home",
             title="Lecce"),
        item(5, "places.PlacePage", "/luoghi/duomo/", key="duomo", title="Duomo",
             **DUOMO),
        item(105, "places.PlacePage", "/places/cathedral/", "en", key="duomo",
             title="Cathedral", **DUOMO),
        item(6, "places.PlacePage", "/luoghi/pozzo/", key="pozzo", title="Pozzo",
             **POZZO),  # not translated: its Italian name everywhere
        # The English itinerary and event, as the API gives them: their
        # references point at the Italian pages.
        item(11, "itineraries.ItineraryPage", "/itinerari/centro/", key="centro",
             title="Centro", **{**ITINERARY, "stops": [{"place": 5, "note": ""},
                                                      {"place": 6, "note": ""}]}),
        item(111, "itineraries.ItineraryPage", "/itineraries/centre/", "en",
             key="centro", title="Centre",
             **{**ITINERARY, "stops": [{"place": 5, "note": ""},
                                       {"place": 6, "note": ""}]}),
        {**event(12, "2026-12-05T18:00:00+01:00", title="Concerto", venue=5)},
        {**event(112, "2026-12-05T18:00:00+01:00", title="Concert", venue=5),
         "meta": {**event(12, "2026-12-05T18:00:00+01:00")["meta"], "locale": "en"}},
    ]  # fmt: skip
    return build_site(tmp_path_factory.mktemp("references"), pages)


def test_an_english_itinerary_names_its_stops_in_english(site):
    html = (site / "en/itineraries/centre/index.html").read_text("utf-8")
    main = html[html.index("<main") : html.index("</main>")]
    assert "Cathedral" in main and "Duomo" not in main
    assert "Pozzo" in main  # untranslated: as it is
    track = (site / "en/itineraries/centre/track.gpx").read_text("utf-8")
    assert "<name>Cathedral</name>" in track and "<name>Duomo</name>" not in track
    assert '"name":"Cathedral"' in html.replace(": ", ":")  # JSON-LD's stop


def test_an_english_event_names_its_venue_in_english(site):
    ics = next(site.glob("en/**/event.ics")).read_text("utf-8")
    assert "LOCATION;LANGUAGE=en:Cathedral" in ics.replace("\r\n ", "")


def test_the_route_is_drawn_at_build_time_in_the_readers_language(site):
    """No tiles, no script: the route shows offline and in print."""
    html = (site / "en/itineraries/centre/index.html").read_text("utf-8")
    svg = re.search(r'<svg class="route-map".*?</svg>', html, re.S)[0]
    assert svg.count("<circle") == 2 and "<polyline" in svg
    assert '<text class="name"' in svg and ">Cathedral</text>" in svg
    assert 'role="img"' in svg
    assert '<title id="route-title">The route of Centre</title>' in svg
    assert "Its stops in order: Cathedral and Pozzo." in svg
    # North is up: the Pozzo, further north, is drawn higher than the Duomo.
    ys = [float(y) for y in re.findall(r'<circle cx="[^"]+" cy="([^"]+)"', svg)]
    assert ys[1] < ys[0]
    assert "<img" not in svg and "<script" not in svg
