"""Places in schema.org: a museum, a church, a site, with its address,
position, opening hours and accessibility; and a place as another page mentions
it (an event's venue, an itinerary's stop)."""

from __future__ import annotations

from ..addresses import postal_address
from ..identifiers import same_as
from ..vocabulary import ACCESSIBILITY
from .facts import PageFacts, thing

PLACE_TYPES = {
    "museum": "Museum",
    "library": "Library",
    "archive": "ArchiveOrganization",
    "church": "Church",
    "archaeological-site": "TouristAttraction",
    "monument": "TouristAttraction",
    "natural-site": "TouristAttraction",
    "historic-centre": "TouristAttraction",
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday")  # fmt: skip


def address_and_geo(data: dict, page: dict) -> dict:
    if address := postal_address(page):
        data["address"] = address
    if page.get("latitude") and page.get("longitude"):
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(page["latitude"]),
            "longitude": float(page["longitude"]),
        }
    return data


def contacts(data: dict, page: dict) -> dict:
    if page.get("phone"):
        data["telephone"] = page["phone"]
    if page.get("website"):
        data["sameAs"] = page["website"]
    return data


def place_ref(facts: PageFacts, place: dict, url: str | None) -> dict:
    """Another page's place, as much as a mention needs."""
    data = {
        "@type": PLACE_TYPES.get(place.get("kind"), "Place"),
        "name": place.get("title", ""),
    }
    if url:
        data["url"] = facts.absolute(url)
    return address_and_geo(data, place)


def _hours(page: dict) -> list[dict]:
    """The weekly hours, one specification per opening span and its days."""
    spans: dict[tuple[str, str], list[int]] = {}
    for row in page.get("opening_hours") or []:
        span = (row["opens"][:5], row["closes"][:5])
        spans.setdefault(span, []).append(int(row["weekday"]))
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [f"https://schema.org/{WEEKDAYS[d]}" for d in sorted(days)],
            "opens": opens,
            "closes": closes,
        }
        for (opens, closes), days in sorted(
            spans.items(), key=lambda kv: (min(kv[1]), kv[0])
        )
    ]


def place_page(facts: PageFacts) -> dict:
    page = facts.page
    data = thing(facts, PLACE_TYPES.get(page.get("kind"), "Place"))
    contacts(address_and_geo(data, page), page)
    if identifiers := same_as(page):
        # The place's own website first, then what catalogues know of it.
        website = [data["sameAs"]] if "sameAs" in data else []
        data["sameAs"] = [*website, *identifiers]
    if hours := _hours(page):
        data["openingHoursSpecification"] = hours
    special = []
    for row in facts.t.upcoming_exceptions(page):
        closed = row.get("closed")
        special.append(
            {
                "@type": "OpeningHoursSpecification",
                "validFrom": row["start_date"],
                "validThrough": row.get("end_date") or row["start_date"],
                "opens": "00:00" if closed else (row.get("opens") or "")[:5],
                "closes": "00:00" if closed else (row.get("closes") or "")[:5],
            }
        )
    if special:
        data["specialOpeningHoursSpecification"] = special
    if page.get("admission_free"):
        data["isAccessibleForFree"] = True
    features = [
        {"@type": "LocationFeatureSpecification", "name": facts.t._(label),
         "value": True}
        for key, label in ACCESSIBILITY
        if page.get(key)
    ]  # fmt: skip
    if features:
        data["amenityFeature"] = features
    return data
