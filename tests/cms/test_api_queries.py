"""A listing page costs the same number of queries whatever its size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.core.models import Topic
from tests.cms.factories import (
    BusinessPageFactory,
    EventPageFactory,
    ImageFactory,
    ItineraryPageFactory,
    OfferPageFactory,
    PlacePageFactory,
    StoryPageFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.database]

TYPES = [
    "places.PlacePage",
    "stories.StoryPage",
    "events.EventPage",
    "itineraries.ItineraryPage",
    "offers.BusinessPage",
    "offers.OfferPage",
    "territories.TerritoryHomePage",
]


def add_items(territory, count, image, topic):
    sections = territory.sections
    for _ in range(count):
        body = [
            {
                "type": "image",
                "value": {"image": image.pk, "caption": "", "credit": ""},
            },
            {
                "type": "paragraph",
                "value": f'<p><embed embedtype="image" id="{image.pk}"/></p>',
            },
        ]
        place = PlacePageFactory(parent=sections["places"], hero_image=image, body=body)
        place.opening_hours.create(weekday=1, opens="09:00", closes="18:00")
        place.opening_exceptions.create(start_date="2026-12-25", closed=True)
        place.ticket_prices.create(label="Intero", price="5.00")
        place.save()
        story = StoryPageFactory(parent=sections["stories"], hero_image=image)
        story.related_places.create(place=place)
        story.topics.add(topic)
        story.save()
        event = EventPageFactory(
            parent=sections["events"], venue=place, frequency="weekly"
        )
        event.exception_dates.create(date="2026-12-31")
        event.save()
        itinerary = ItineraryPageFactory(parent=sections["itineraries"])
        itinerary.stops.create(place=place, note="Inizio")
        itinerary.save()
        business = BusinessPageFactory(parent=sections["businesses"], hero_image=image)
        offer = OfferPageFactory(parent=business, image=image)
        offer.linked_places.create(place=place)
        offer.linked_events.create(event=event)
        offer.save()


def count_queries(client, type_):
    url = f"/api/v2/pages/?type={type_}&site=lecce.test:80&fields=*&limit=500"
    client.get(url)  # warm the per-process caches (content types, site paths)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), len(response.json()["items"])


def test_listing_queries_do_not_grow_with_items(territory, client):
    image = ImageFactory()
    topic = Topic.objects.create(
        name="Barocco", slug="barocco", locale=territory.home.locale
    )
    add_items(territory, 2, image, topic)
    small = {t: count_queries(client, t) for t in TYPES}
    add_items(territory, 8, image, topic)
    large = {t: count_queries(client, t) for t in TYPES}
    for type_ in TYPES:
        (small_queries, small_items), (large_queries, large_items) = (
            small[type_],
            large[type_],
        )
        assert large_items > small_items or type_.startswith("territories")
        assert large_queries == small_queries, (type_, small_queries, large_queries)
        assert large_queries <= 15, (type_, large_queries)


def test_territory_listing_queries_do_not_grow(territory, other_territory, client):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/api/v2/territories/").status_code == 200
    # Two territories: a handful of queries each at most, never per page.
    assert len(ctx.captured_queries) <= 12
