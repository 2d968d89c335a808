"""Sample API fields of every page type, shared by the tests that fake a snapshot."""

SECTIONS = [
    ("places.PlacesIndexPage", "luoghi", "places"),
    ("stories.StoriesIndexPage", "storie", "stories"),
    ("events.EventsIndexPage", "eventi", "events"),
    ("itineraries.ItinerariesIndexPage", "itinerari", "itineraries"),
    ("offers.BusinessesIndexPage", "attivita", "businesses"),
]
STORY = {"author": "Redazione", "date": "2026-11-20", "topics": [], "hero_image": None}
ITINERARY = {
    "mode": "walk",
    "duration_minutes": 90,
    "distance_km": "3.5",
    "difficulty": "easy",
    "audiences": ["schools"],
    "hero_image": None,
}
BUSINESS = {
    "category": "craft",
    "address": "Via Palmieri 1",
    "postal_code": "73100",
    "locality": "Lecce",
    "country": "IT",
    "latitude": None,
    "longitude": None,
    "phone": "+39 0832 000000",
    "email": "",
    "website": "https://bottega.example",
    "hero_image": None,
}
OFFER = {
    "description": "**Sconto** per chi visita il *Duomo*.",
    "image": None,
    "valid_from": "2026-11-01",
    "valid_until": "2026-12-31",
    "conditions": "Mostra il biglietto.",
    "price": None,
    "discount_percent": 10,
    "linked_places": [],
    "linked_events": [],
}


def build_site(
    root,
    pages: list[dict],
    build_date: str = "2026-11-25",
    redirects: list[dict] | None = None,
    **options,
):
    """Publish a hand-made snapshot of Lecce into root/dist; returns its folder."""
    from publisher.build import BuildOptions, publish_territory
    from publisher.snapshot import Snapshot
    from tests.publisher.test_theme import TERRITORY

    snapshot = Snapshot(TERRITORY, build_date, pages, redirects or [])
    snapshot.save(root / "snapshots")
    options = {"jobs": 2, **options}
    build = BuildOptions(
        api="http://unused", out=root / "dist", content=root, **options
    )
    publish_territory(snapshot, build, progress=lambda message: None)
    return root / "dist" / TERRITORY["slug"]
