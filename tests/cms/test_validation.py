"""Bad input gets a clear message on the field that is wrong."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from cms.events.models import EventPage
from cms.offers.models import OfferPage
from cms.places.models import PlacePage
from tests.cms.factories import ImageFactory

pytestmark = pytest.mark.django_db


def errors_of(page) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    return caught.value.message_dict


def test_event_ending_before_it_starts_is_refused_with_both_times(territory):
    event = EventPage(
        title="Concerto",
        slug="concerto",
        start=dt.datetime(2026, 12, 5, 20, 0, tzinfo=dt.UTC),
        end=dt.datetime(2026, 12, 5, 18, 0, tzinfo=dt.UTC),
        location="Piazza",
    )
    message = errors_of(event)["end"][0]
    assert "before it starts" in message or "prima" in message
    assert "21:00" in message and "19:00" in message  # shown in Rome time


def test_event_needs_a_place_and_one_way_to_stop_repeating(territory):
    event = EventPage(
        title="Mercato",
        slug="mercato",
        start=dt.datetime(2026, 12, 5, 8, 0, tzinfo=dt.UTC),
        frequency="weekly",
        repeat_until=dt.date(2027, 1, 1),
        repeat_count=3,
    )
    errors = errors_of(event)
    assert "venue" in errors
    assert "repeat_count" in errors


def test_coordinates_must_be_on_earth_and_come_in_pairs(territory):
    place = PlacePage(
        title="Altrove", slug="altrove", kind="museum", latitude=Decimal("91")
    )
    errors = errors_of(place)
    assert "latitude" in errors
    place = PlacePage(title="Metà", slug="meta", kind="museum", latitude=Decimal("40"))
    assert "longitude" in errors_of(place)


def test_hero_image_without_alt_text_blocks_publishing(territory):
    image = ImageFactory(alt_text="")
    place = PlacePage(title="Museo", slug="museo", kind="museum", hero_image=image)
    message = errors_of(place)["hero_image"][0]
    assert image.title in message


def test_offer_dates_and_price_or_discount(territory):
    offer = OfferPage(
        title="Sconto",
        slug="sconto",
        description="x",
        valid_from=dt.date(2026, 12, 10),
        valid_until=dt.date(2026, 12, 1),
        price=Decimal("5"),
        discount_percent=10,
    )
    errors = errors_of(offer)
    assert "valid_until" in errors
    assert "discount_percent" in errors


def test_unknown_audience_is_refused(territory):
    place = PlacePage(title="M", slug="m", kind="museum", audiences=["aliens"])
    assert "aliens" in errors_of(place)["audiences"][0]


def test_territory_default_language_must_be_offered(territory, admin_client):
    italian = Locale.objects.get(language_code="it")
    english = Locale.objects.get(language_code="en")
    url = f"/admin/settings/territories/territorysettings/{territory.site.pk}/"
    response = admin_client.post(
        url,
        {
            "slug": "lecce",
            "brand_colour": "#8a3b12",
            "languages": [english.pk],
            "default_language": italian.pk,
            "fallback": "default",
            "open_data_licence": "CC-BY-4.0",
            "social_links-count": "0",
        },
    )
    assert response.status_code == 200  # the form comes back with the error
    assert (
        "The default language must be one of the languages offered"
        in (response.content.decode())
        or "lingua predefinita" in response.content.decode()
    )


def test_body_image_without_alt_text_blocks_publishing(territory):
    image = ImageFactory(alt_text="")
    place = PlacePage(
        title="Museo",
        slug="museo",
        kind="museum",
        body=[{"type": "image", "value": {"image": image.pk, "caption": ""}}],
    )
    assert "body" in errors_of(place)
