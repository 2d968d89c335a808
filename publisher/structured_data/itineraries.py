"""Itineraries in schema.org: a tourist trip and its stops in order."""

from __future__ import annotations

from .facts import PageFacts, thing
from .places import place_ref


def trip(facts: PageFacts) -> dict:
    """A TouristTrip: schema.org gives a trip no duration (`timeRequired` is a
    creative work's), so the time it takes stays on the page."""
    t = facts.t
    data = thing(facts, "TouristTrip")
    stops = []
    for stop in facts.page.get("stops") or []:
        place, url = t.page(stop.get("place")), t.url(stop.get("place"))
        if place is None or not url:  # the page leaves it out too
            continue
        stops.append(
            {
                "@type": "ListItem",
                "position": len(stops) + 1,
                "item": place_ref(facts, place, url),
            }
        )
    data["itinerary"] = {
        "@type": "ItemList",
        "numberOfItems": len(stops),
        "itemListElement": stops,
    }
    return data
