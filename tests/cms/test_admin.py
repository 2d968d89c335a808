"""Editors can open the add and edit forms of every page type in the admin."""

import pytest
from django.urls import reverse

from tests.cms.factories import (
    BusinessPageFactory,
    EventPageFactory,
    ItineraryPageFactory,
    OfferPageFactory,
    PlacePageFactory,
    StoryPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(territory):
    sections = territory.sections
    business = BusinessPageFactory(parent=sections["businesses"])
    return {
        "home": territory.home,
        "place": PlacePageFactory(parent=sections["places"]),
        "story": StoryPageFactory(parent=sections["stories"]),
        "event": EventPageFactory(parent=sections["events"]),
        "itinerary": ItineraryPageFactory(parent=sections["itineraries"]),
        "business": business,
        "offer": OfferPageFactory(parent=business),
        **sections,
    }


def test_every_page_edit_form_opens(pages, admin_client):
    for name, page in pages.items():
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, name


@pytest.mark.parametrize(
    ("section", "app", "model"),
    [
        ("places", "places", "placepage"),
        ("stories", "stories", "storypage"),
        ("events", "events", "eventpage"),
        ("itineraries", "itineraries", "itinerarypage"),
        ("businesses", "offers", "businesspage"),
    ],
)
def test_every_page_add_form_opens(territory, admin_client, section, app, model):
    parent = territory.sections[section]
    url = reverse("wagtailadmin_pages:add", args=[app, model, parent.pk])
    assert admin_client.get(url).status_code == 200


def test_territory_settings_and_image_forms_open(territory, admin_client):
    url = f"/admin/settings/territories/territorysettings/{territory.site.pk}/"
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "SECRET123" in response.content.decode()  # editors see the hook they set
    assert admin_client.get("/admin/images/multiple/add/").status_code == 200


def test_image_form_requires_alt_text(admin_client):
    from wagtail.images.forms import get_image_form

    from cms.core.forms import CustomImageForm
    from cms.core.models import CustomImage

    form_class = get_image_form(CustomImage)
    assert issubclass(form_class, CustomImageForm)
    form = form_class(data={"title": "Foto", "alt_text": ""})
    assert not form.is_valid()
    assert "alt_text" in form.errors


def test_admin_speaks_italian_first(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert 'lang="it"' in response.content.decode()
