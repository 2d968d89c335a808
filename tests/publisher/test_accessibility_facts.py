"""Who can go: a place that suits a pushchair, an itinerary without steps, said
on their pages in the reader's language and in JSON-LD (the visit planner's
filters read the same fields)."""

from __future__ import annotations

from tests.publisher.test_theme import PLACE, item
from tests.snapshots import ITINERARY, build_site


def test_step_free_and_pushchair_friendly_are_said(tmp_path):
    pages = [
        item(1, "territories.TerritoryHomePage", "/", key="home", title="Lecce"),
        item(5, "places.PlacePage", "/luoghi/duomo/", title="Duomo",
             **{**PLACE, "pushchair_friendly": True}),
        item(11, "itineraries.ItineraryPage", "/itinerari/centro/", title="Centro",
             **{**ITINERARY, "step_free": True, "pushchair_friendly": True,
                "stops": [{"place": 5, "note": ""}]}),
        item(12, "itineraries.ItineraryPage", "/itinerari/salita/", title="Salita",
             **{**ITINERARY, "stops": [{"place": 5, "note": ""}]}),
    ]  # fmt: skip
    site = build_site(tmp_path, pages)
    place = (site / "it/luoghi/duomo/index.html").read_text("utf-8")
    assert "<li>Adatto ai passeggini</li>" in place
    assert '"name":"Adatto ai passeggini"' in place.replace(": ", ":")  # JSON-LD
    route = (site / "it/itinerari/centro/index.html").read_text("utf-8")
    assert "<li>Percorso senza gradini</li><li>Adatto ai passeggini</li>" in route
    steep = (site / "it/itinerari/salita/index.html").read_text("utf-8")
    assert "Percorso senza gradini" not in steep and "Accessibilità" not in steep
