"""The pages endpoint: the shape the static build relies on, and nothing private."""

import copy
import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.cms.factories import (
    BusinessPageFactory,
    EventPageFactory,
    ImageFactory,
    OfferPageFactory,
    PlacePageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def territory(lecce_once):
    """Lecce made once for the module (tests/conftest.py), a copy per test."""
    return copy.deepcopy(lecce_once)


LISTING = "/api/v2/pages/?type={type}&site=lecce.test:80&fields=*&limit=100"


def listing(client, type_="places.PlacePage", **params):
    url = LISTING.format(type=type_)
    url += "".join(f"&{k}={v}" for k, v in params.items())
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()


def titles(body):
    return sorted(item["title"] for item in body["items"])


def test_place_carries_fields_media_and_translation_meta(territory, client):
    hero = ImageFactory(title="Santa Croce", credit="Cooperativa")
    inline = ImageFactory(title="Rosone")
    body = [
        {
            "type": "paragraph",
            "value": (
                '<p>Vedi <a linktype="page" id="3">la home</a> e '
                f'<embed embedtype="image" id="{inline.pk}" format="left" alt=""/></p>'
            ),
        },
        {"type": "quote", "value": {"text": "Barocco!", "attribution": "G."}},
    ]
    place = PlacePageFactory(
        parent=territory.sections["places"],
        title="Basilica di Santa Croce",
        slug="santa-croce",
        hero_image=hero,
        body=body,
        audiences=["families", "schools"],
        step_free_access=True,
    )
    place.opening_hours.create(weekday=0, opens="09:00", closes="13:00")
    place.save()

    item = listing(client)["items"][0]

    assert item["title"] == "Basilica di Santa Croce"
    assert item["kind"] == "museum"
    assert item["latitude"] == "40.354800"
    assert item["audiences"] == ["families", "schools"]
    assert item["step_free_access"] is True
    assert item["opening_hours"][0]["opens"] == "09:00:00"
    assert item["meta"]["locale"] == "it"
    assert item["meta"]["translation_key"] == str(place.translation_key)
    assert item["meta"]["alias_of"] is None
    assert item["meta"]["path"] == "/luoghi/santa-croce/"
    # Rich text stays in database format: the publisher resolves the ids.
    assert 'linktype="page" id="3"' in item["body"][0]["value"]
    assert item["hero_image"] == hero.pk
    images = item["media"]["images"]
    assert set(images) == {str(hero.pk), str(inline.pk)}
    hero_json = images[str(hero.pk)]
    assert hero_json["alt"] == "Descrizione di Santa Croce"
    assert hero_json["credit"] == "Cooperativa"
    assert [(r["width"], r["format"]) for r in hero_json["renditions"]] == [
        (480, "webp"),
        (960, "webp"),
        (1200, "jpeg"),  # the crop for sharing: og:image, feeds, the newsletter
        (1600, "webp"),
    ]
    assert [r["height"] for r in hero_json["renditions"]][2] == 630
    assert all(r["url"].startswith("http://") for r in hero_json["renditions"])
    assert all(r["height"] for r in hero_json["renditions"])


def test_all_locales_of_the_territory_come_back(territory, client):
    place = PlacePageFactory(parent=territory.sections["places"], title="Duomo")
    from cms.territories.setup import get_locale

    english = place.copy_for_translation(get_locale("en"), copy_parents=True)
    english.title = "Cathedral"
    english.save_revision().publish()

    body = listing(client)
    by_locale = {item["meta"]["locale"]: item for item in body["items"]}
    assert set(by_locale) == {"it", "en"}
    assert (
        by_locale["it"]["meta"]["translation_key"]
        == by_locale["en"]["meta"]["translation_key"]
    )
    # Locale filter, as in Wagtail's API.
    assert titles(listing(client, locale="en")) == ["Cathedral"]


def test_alias_pages_are_marked(territory, client):
    place = PlacePageFactory(parent=territory.sections["places"], title="Duomo")
    from cms.territories.setup import get_locale

    alias = place.copy_for_translation(get_locale("en"), copy_parents=True, alias=True)
    items = listing(client, locale="en")["items"]
    assert [i["id"] for i in items] == [alias.pk]
    assert items[0]["meta"]["alias_of"] == place.pk


def test_drafts_private_and_expired_pages_never_leave(territory, client):
    places = territory.sections["places"]
    PlacePageFactory(parent=places, title="Pubblico")
    PlacePageFactory(parent=places, title="Bozza", live=False)
    private = PlacePageFactory(parent=places, title="Riservato")
    PageViewRestriction.objects.create(
        page=private, restriction_type="password", password="x"
    )
    PlacePageFactory(
        parent=places,
        title="Scaduto",
        expire_at=timezone.now() - dt.timedelta(minutes=1),
    )
    changed = PlacePageFactory(parent=places, title="Versione pubblicata")
    changed.title = "Modifica non pubblicata"
    changed.save_revision()

    body = listing(client)
    assert titles(body) == ["Pubblico", "Versione pubblicata"]
    text = str(body)
    for secret in ("Bozza", "Riservato", "Scaduto", "non pubblicata"):
        assert secret not in text
    for page_id in (private.pk,):
        assert client.get(f"/api/v2/pages/{page_id}/").status_code == 404


def test_children_of_private_pages_stay_private(territory, client):
    business = BusinessPageFactory(parent=territory.sections["businesses"])
    OfferPageFactory(parent=business, title="Offerta riservata")
    PageViewRestriction.objects.create(
        page=business, restriction_type="password", password="x"
    )
    assert listing(client, "offers.OfferPage")["items"] == []


def test_other_territories_stay_out(territory, other_territory, client):
    PlacePageFactory(parent=territory.sections["places"], title="A Lecce")
    PlacePageFactory(parent=other_territory.sections["places"], title="A Calimera")
    assert titles(listing(client)) == ["A Lecce"]


def test_event_recurrence_and_times_in_rome(territory, client):
    event = EventPageFactory(
        parent=territory.sections["events"],
        start=dt.datetime(2026, 12, 5, 18, 0, tzinfo=dt.UTC),
        end=dt.datetime(2026, 12, 5, 20, 0, tzinfo=dt.UTC),
        frequency="weekly",
        repeat_count=4,
        status="cancelled",
    )
    event.exception_dates.create(date=dt.date(2026, 12, 12))
    event.save()
    item = listing(client, "events.EventPage")["items"][0]
    assert item["start"] == "2026-12-05T19:00:00+01:00"
    # 4 times that take place, one date skipped: RFC 5545 counts it too.
    assert item["rrule"] == "FREQ=WEEKLY;COUNT=5"
    assert item["exception_dates"][0]["date"] == "2026-12-12"
    assert item["status"] == "cancelled"


@pytest.mark.parametrize(
    ("section", "factory", "type"),
    [
        ("businesses", BusinessPageFactory, "offers.BusinessPage"),
        ("places", PlacePageFactory, "places.PlacePage"),
    ],
)
def test_partners_accounts_are_not_exposed(
    territory, client, django_user_model, section, factory, type
):
    owner = django_user_model.objects.create_user("owner", "owner@example.org")
    partner = factory(parent=territory.sections[section])
    partner.owners.add(owner)
    partner.save()
    text = client.get(LISTING.format(type=type)).content.decode()
    assert "owner@example.org" not in text
    assert '"owners"' not in text
    detail = client.get(f"/api/v2/pages/{partner.pk}/")
    assert detail.status_code == 200
    assert '"owners"' not in detail.content.decode()


def test_unknown_field_is_a_clear_400(territory, client):
    response = client.get(
        "/api/v2/pages/?type=places.PlacePage&site=lecce.test:80&fields=owners"
    )
    assert response.status_code == 400
    assert "owners" in response.json()["message"]


def test_each_place_in_a_listing_keeps_its_own_opening_hours(territory, client):
    # The listing serialises every page's inline children with one serializer.
    for slug, opens in [("duomo", "08:00"), ("castello", "10:30"), ("chiusa", None)]:
        place = PlacePageFactory(parent=territory.sections["places"], slug=slug)
        if opens:
            place.opening_hours.create(weekday=2, opens=opens, closes="18:00")
            place.opening_hours.create(weekday=5, opens=opens, closes="12:00")
        place.save()

    items = {item["meta"]["slug"]: item for item in listing(client)["items"]}

    assert [h["opens"] for h in items["duomo"]["opening_hours"]] == ["08:00:00"] * 2
    assert [h["opens"] for h in items["castello"]["opening_hours"]] == ["10:30:00"] * 2
    assert [h["weekday"] for h in items["castello"]["opening_hours"]] == [2, 5]
    assert items["chiusa"]["opening_hours"] == []


def test_answers_are_compact_unless_a_person_asks_for_indented(territory, client):
    PlacePageFactory(parent=territory.sections["places"], slug="duomo")
    url = LISTING.format(type="places.PlacePage")

    compact = client.get(url)
    indented = client.get(url, HTTP_ACCEPT="application/json; indent=4")

    assert b"\n" not in compact.content
    assert indented.content.startswith(b'{\n    "meta"')
    assert compact.json() == indented.json()
