"""Every word translatable (issue 19): a page's inline rows and its images' alt
texts are translated with wagtail-localize, as the rest of the page is."""

import copy
import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from cms.itineraries.models import ItineraryPage, ItineraryStop
from cms.places.models import OpeningException, PlacePage, TicketPrice
from tests.cms.factories import ImageFactory, PlacePageFactory
from tests.conftest import publish_home_and_sections_in

pytestmark = [pytest.mark.django_db, pytest.mark.database]


@pytest.fixture
def territory(lecce_once):
    """Lecce made once for the module (tests/conftest.py), a copy per test."""
    return copy.deepcopy(lecce_once)


ENGLISH = {
    "Museo": "Museum",
    "Chiuso per Natale": "Closed for Christmas",
    "Intero": "Full price",
    "Ridotto": "Reduced",
    "Una sala con tre statue": "A room with three statues",
    "Il portale": "The doorway",
    "Partenza dal museo": "Start from the museum",
}


@pytest.fixture
def english(territory):
    publish_home_and_sections_in(territory, "en")
    return Locale.objects.get(language_code="en")


def translate(page, locale, on_commit, words=ENGLISH):
    """Translate `page` as a translator would in wagtail-localize's editor."""
    translate_object(page, [locale])
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = words.get(entry.msgid, "")
    translation.import_po(po)
    with on_commit(execute=True):
        translation.save_target(publish=True)
    return translation


def api_page(client, page) -> dict:
    return client.get(f"/api/v2/pages/{page.pk}/").json()


def museum(territory, **fields) -> PlacePage:
    page = PlacePage(
        title="Museo",
        slug="museo",
        kind="museum",
        hero_image=ImageFactory(alt_text="Una sala con tre statue"),
        opening_exceptions=[
            OpeningException(start_date=dt.date(2026, 12, 25), note="Chiuso per Natale")
        ],
        ticket_prices=[
            TicketPrice(label="Intero", price=6),
            TicketPrice(label="Ridotto", price=4),
        ],
        **fields,
    )
    territory.sections["places"].add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_places_rows_and_hero_alt_text_are_translated(
    territory, english, client, django_capture_on_commit_callbacks
):
    place = museum(territory)
    assert place.hero_image_alt == "Una sala con tre statue"  # the page's copy

    translate(place, english, django_capture_on_commit_callbacks)

    served = api_page(client, place.get_translation(english))
    assert served["title"] == "Museum"
    assert served["hero_image_alt"] == "A room with three statues"
    assert [e["note"] for e in served["opening_exceptions"]] == ["Closed for Christmas"]
    assert [(t["label"], t["price"]) for t in served["ticket_prices"]] == [
        ("Full price", "6.00"),
        ("Reduced", "4.00"),
    ]
    # The Italian page keeps its words; the library keeps the image's own.
    italian = api_page(client, place)
    assert [t["label"] for t in italian["ticket_prices"]] == ["Intero", "Ridotto"]
    image = italian["media"]["images"][str(place.hero_image_id)]
    assert (image["alt"], image["lang"]) == ("Una sala con tre statue", "it")


def test_a_sync_keeps_the_translated_rows_and_brings_the_new_ones(
    territory, english, client, django_capture_on_commit_callbacks
):
    place = museum(territory)
    translation = translate(place, english, django_capture_on_commit_callbacks)

    # The editor changes a price and adds a ticket in Italian, then syncs.
    place = PlacePage.objects.get(pk=place.pk)
    rows = list(place.ticket_prices.all())
    rows[0].price = 7
    place.ticket_prices = [*rows, TicketPrice(label="Gratuito", price=0)]
    place.save_revision().publish()
    translation.source.update_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    served = api_page(client, place.get_translation(english))
    assert [(t["label"], t["price"]) for t in served["ticket_prices"]] == [
        ("Full price", "7.00"),  # still translated, the price synchronised
        ("Reduced", "4.00"),
        ("Gratuito", "0.00"),  # to translate: the report counts it
    ]


def test_an_itinerarys_stop_notes_are_translated_and_its_places_kept(
    territory, english, client, django_capture_on_commit_callbacks
):
    place = PlacePageFactory(parent=territory.sections["places"], title="Museo")
    itinerary = ItineraryPage(
        title="Museo",
        slug="giro",
        mode="walk",
        stops=[ItineraryStop(place=place, note="Partenza dal museo")],
    )
    territory.sections["itineraries"].add_child(instance=itinerary)
    itinerary.save_revision().publish()

    translate(itinerary, english, django_capture_on_commit_callbacks)

    (stop,) = api_page(client, itinerary.get_translation(english))["stops"]
    assert stop["note"] == "Start from the museum"
    # The same place in every language: the build names it by its translation.
    assert stop["place"] == place.pk


def test_body_images_get_the_librarys_alt_text_to_translate(
    territory, english, client, django_capture_on_commit_callbacks
):
    image = ImageFactory(alt_text="Il portale")
    place = museum(
        territory,
        body=[
            {"type": "image", "value": {"image": image.pk, "caption": "", "credit": ""}}
        ],
    )
    (block,) = api_page(client, place)["body"]
    assert block["value"]["alt_text"] == "Il portale"

    translate(place, english, django_capture_on_commit_callbacks)

    (block,) = api_page(client, place.get_translation(english))["body"]
    assert block["value"]["alt_text"] == "The doorway"


def test_only_the_source_language_copies_the_librarys_alt_text(territory, english):
    """A page written straight in English keeps no Italian copy: the site
    shows the library's text marked as Italian instead."""
    place = PlacePage(
        title="Museum",
        slug="museum",
        kind="museum",
        hero_image=ImageFactory(alt_text="Una sala"),
        locale=english,
    )
    territory.sections["places"].get_translation(english).add_child(instance=place)
    assert place.hero_image_alt == ""
    place.hero_image_alt = "A room"
    place.save()
    assert PlacePage.objects.get(pk=place.pk).hero_image_alt == "A room"


def test_a_clean_does_not_look_up_the_default_language_again(territory):
    """Editors' every save cleans the page: the default language is known
    from the settings and the page's own locale, without a query each time."""
    place = PlacePage.objects.get(pk=museum(territory).pk)
    place.clean()

    with CaptureQueriesContext(connection) as queries:
        place.clean()

    assert not [q for q in queries if "wagtailcore_locale" in q["sql"]]
