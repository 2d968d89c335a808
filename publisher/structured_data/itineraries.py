"""Itineraries in schema.org: a tourist trip, its time and its stops in order."""

from __future__ import annotations

from .facts import PageFacts, thing
from .places import place_ref


def _duration(minutes: int | None) -> str | None:
    if not minutes:
        return None
    hours, rest = divmod(int(minutes), 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest else "")


def trip(facts: PageFacts) -> dict:
    t = facts.t
    data = thing(facts, "TouristTrip")
    if duration := _duration(facts.page.get("duration_minutes")):
        data["timeRequired"] = duration
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
