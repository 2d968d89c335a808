"""What reaches the national catalogues from the CMS: a place's identifiers in
Wikidata and in the Catalogo generale dei Beni Culturali, and who publishes a
territory's open data."""

import pytest
from django.core.exceptions import ValidationError
from wagtail_localize.fields import get_translatable_fields

from cms.places.models import HERITAGE_RECORD, PlacePage
from cms.territories.models import TerritorySettings
from tests.cms.factories import PlacePageFactory

pytestmark = pytest.mark.django_db

ARCO = "https://w3id.org/arco/resource/ArchitecturalOrLandscapeHeritage/1600123456"
RECORD = (
    "https://catalogo.beniculturali.it/detail/ArchitecturalOrLandscapeHeritage/"
    "1600123456"
)


def errors_of(page) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    return caught.value.message_dict


@pytest.mark.parametrize("value", ["1057506", "q1057506", "Q0", "Q12 ", "Q1-2"])
def test_a_wikidata_id_is_q_and_a_number(territory, value):
    place = PlacePage(title="M", slug="m", kind="museum", wikidata_id=value)
    assert "wikidata_id" in errors_of(place)


@pytest.mark.parametrize(
    "value",
    [
        "https://www.wikidata.org/wiki/Q1057506",
        "http://catalogo.beniculturali.it/detail/X/1",
        "https://catalogo.beniculturali.it/",
        "https://w3id.org/arco/ontology/arco/CulturalProperty",
    ],
)
def test_a_heritage_record_is_one_of_the_catalogues(territory, value):
    place = PlacePage(title="M", slug="m", kind="museum", heritage_record=value)
    assert "heritage_record" in errors_of(place)


def test_identifiers_reach_the_api_and_are_not_translated(territory, client):
    PlacePageFactory(
        parent=territory.sections["places"],
        title="Basilica",
        wikidata_id="Q1057506",
        heritage_record=ARCO,
    )
    url = "/api/v2/pages/?type=places.PlacePage&site=lecce.test:80&fields=*"
    (item,) = client.get(url).json()["items"]
    assert item["wikidata_id"] == "Q1057506"
    assert item["heritage_record"] == ARCO
    for valid in (ARCO, RECORD):
        HERITAGE_RECORD(valid)  # raises if refused
    synchronized = {
        field.field_name: field.is_translated(PlacePage)
        for field in get_translatable_fields(PlacePage)
    }
    assert synchronized["wikidata_id"] is False
    assert synchronized["heritage_record"] is False


def test_the_open_data_publisher_reaches_the_territories_endpoint(territory, client):
    settings = TerritorySettings.for_site(territory.site)
    settings.open_data_publisher = "Comune di Lecce"
    settings.open_data_publisher_id = "c_e506"
    settings.full_clean()
    settings.save()
    body = client.get(f"/api/v2/territories/{territory.site.pk}/").json()
    assert body["open_data_publisher"] == {
        "name": "Comune di Lecce",
        "identifier": "c_e506",
    }
    settings.open_data_publisher_id = "c e506; <x>"
    with pytest.raises(ValidationError) as caught:
        settings.full_clean()
    assert "open_data_publisher_id" in caught.value.message_dict
