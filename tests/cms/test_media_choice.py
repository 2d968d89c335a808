"""A page takes only images and documents its editor may choose, checked on the
server whatever id is posted (issue 16, item 5): an owner could put any image
into an offer by its id, and the moderator's publish put it on the site."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    streamfield,
)
from wagtail.test.utils.form_data import rich_text as rich_text_data
from wagtail.users.models import UserProfile
from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation
from wagtail_localize.operations import translate_object

from cms.core.blocks import RICH_TEXT_FEATURES
from cms.core.choosable import refusal
from cms.offers.models import OfferPage
from cms.owners.models import BusinessAccess
from tests.cms.factories import ImageFactory, OfferPageFactory
from tests.conftest import publish_home_and_sections_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_image(business):
    """An image in the owner's own collection, as their upload puts it."""
    access = BusinessAccess.objects.get(translation_key=business.translation_key)
    return ImageFactory(title="La nostra vetrina", collection=access.collection)


@pytest.fixture
def foreign_image(territory):
    """An image of the territory's editors: used by no live page, not the owner's."""
    return ImageFactory(
        title="Foto riservata", collection=Collection.objects.get(name="Lecce")
    )


@pytest.fixture
def owner_client(owner):
    client = Client(headers={"accept-language": "en"})
    client.force_login(owner)
    return client


def edit_form(client, page, **changes):
    """The page's edit form as the browser posts it, with `changes`."""
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content
    data = querydict_from_html(html.decode(), form_id="page-edit-form")
    data.setdefault("body-count", "0")
    for name, value in changes.items():
        data.pop(name, None)
        data[name] = value
    return data


def post_edit(client, page, data):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def refused_on(response, field: str, kind: str, pk: int) -> bool:
    """The field says so, in the admin's language (Italian for an owner)."""
    assert response.status_code == 200, response.get("Location")
    errors = " ".join(response.context["form"].errors.get(field, []))
    user = response.wsgi_request.user
    with translation.override(UserProfile.get_for_user(user).get_preferred_language()):
        return refusal([(kind, pk)]) in errors


def offer_data(**extra) -> dict:
    return nested_form_data(
        {
            "title": "Caffè sospeso",
            "slug": "caffe-sospeso",
            "description": "Due caffè al prezzo di uno.",
            "valid_from": "2030-01-01",
            "valid_until": "2030-01-31",
            "discount_percent": "50",
            "linked_places": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
            "linked_events": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
            **extra,
        }
    )


def test_an_owner_cannot_give_a_new_offer_another_collections_image(
    owner_client, business, foreign_image, own_image
):
    url = reverse("wagtailadmin_pages:add", args=["offers", "offerpage", business.pk])

    response = owner_client.post(url, offer_data(image=foreign_image.pk))

    assert refused_on(response, "image", "image", foreign_image.pk)
    assert "Foto riservata" not in response.content.decode()
    assert not OfferPage.objects.exists()
    response = owner_client.post(url, offer_data(image=own_image.pk))
    assert response.status_code == 302
    assert OfferPage.objects.get().image == own_image


def test_an_owner_cannot_swap_an_offers_image_for_anothers(
    owner_client, business, foreign_image, own_image
):
    offer = OfferPageFactory(parent=business, image=own_image)
    offer.save_revision().publish()
    revisions = offer.revisions.count()

    response = post_edit(
        owner_client, offer, edit_form(owner_client, offer, image=foreign_image.pk)
    )

    assert refused_on(response, "image", "image", foreign_image.pk)
    offer.refresh_from_db()
    assert offer.revisions.count() == revisions
    assert offer.get_latest_revision_as_object().image == own_image


def test_an_image_the_page_has_already_stays_when_the_owner_edits(
    owner_client, business, foreign_image
):
    """An editor gave the offer the territory's picture: the owner keeps it."""
    offer = OfferPageFactory(parent=business, image=foreign_image)
    offer.save_revision().publish()

    data = edit_form(owner_client, offer, title="Caffè sospeso per due")
    response = post_edit(owner_client, offer, data)

    assert response.status_code == 302
    offer.refresh_from_db()
    latest = offer.get_latest_revision_as_object()
    assert latest.title == "Caffè sospeso per due" and latest.image == foreign_image


def test_an_owner_cannot_put_them_in_the_body_or_hero_of_the_business(
    owner_client, business, foreign_image, own_image, lecce_document
):
    image_block = ("image", {"image": foreign_image.pk, "caption": "", "credit": ""})
    link = f'<p><a linktype="document" id="{lecce_document.pk}">listino</a></p>'
    for field, changes, kind, pk in [
        ("hero_image", {"hero_image": foreign_image.pk}, "image", foreign_image.pk),
        (
            "body",
            nested_form_data({"body": streamfield([image_block])}),
            "image",
            foreign_image.pk,
        ),
        (
            "body",
            nested_form_data(
                {
                    "body": streamfield(
                        [
                            (
                                "paragraph",
                                rich_text_data(link, features=RICH_TEXT_FEATURES),
                            )
                        ]
                    )
                }
            ),
            "document",
            lecce_document.pk,
        ),
    ]:
        data = edit_form(owner_client, business, **changes)
        response = post_edit(owner_client, business, data)
        assert refused_on(response, field, kind, pk), (field, kind)
        html = response.content.decode()
        assert "Foto riservata" not in html and "listino" not in html
    own_block = ("image", {"image": own_image.pk, "caption": "", "credit": ""})
    data = edit_form(
        owner_client, business, **nested_form_data({"body": streamfield([own_block])})
    )
    assert post_edit(owner_client, business, data).status_code == 302


def test_editors_choose_from_their_territorys_collection(
    territory, business, foreign_image
):
    editor = get_user_model().objects.create_user("redattore", password="pw")
    editor.groups.add(Group.objects.get(name="Lecce editors"))
    client = Client(headers={"accept-language": "en"})
    client.force_login(editor)

    data = edit_form(client, business, hero_image=foreign_image.pk)

    assert post_edit(client, business, data).status_code == 302
    business.refresh_from_db()
    assert business.get_latest_revision_as_object().hero_image == foreign_image


@pytest.fixture
def lecce_document(territory):
    return get_document_model().objects.create(
        title="Listino riservato",
        file=ContentFile(b"%PDF-1.4", name="listino.pdf"),
        collection=Collection.objects.get(name="Lecce"),
    )


# wagtail-localize's translation editor


@pytest.fixture
def offer_translation(
    territory, business, own_image, django_capture_on_commit_callbacks
):
    """The English translation of the owner's live offer, with its image."""
    english = Locale.objects.get(language_code="en")
    publish_home_and_sections_in(territory, "en")
    offer = OfferPageFactory(parent=business, image=own_image)
    offer.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(business, [english])
        translate_object(offer, [english])
    return Translation.objects.get(
        source__object_id=offer.translation_key, target_locale=english
    )


def override(client, translation, value):
    segment = OverridableSegment.objects.get(
        source=translation.source, context__path="image"
    )
    url = reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])
    return client.put(
        url,
        urlencode({"value": value}),
        content_type="application/x-www-form-urlencoded",
    )


def test_an_owner_cannot_override_a_translations_image_with_anothers(
    owner_client, offer_translation, foreign_image, own_image
):
    response = override(owner_client, offer_translation, foreign_image.pk)

    assert response.status_code == 403
    assert not SegmentOverride.objects.exists()
    offer_translation.save_target(publish=True)
    assert offer_translation.get_target_instance().image == own_image


def test_an_owner_overrides_a_translations_image_with_their_own(
    owner_client, offer_translation, business
):
    access = BusinessAccess.objects.get(translation_key=business.translation_key)
    english_photo = ImageFactory(title="In inglese", collection=access.collection)

    response = override(owner_client, offer_translation, english_photo.pk)

    assert response.status_code in {200, 201}, response.content
    assert json.loads(SegmentOverride.objects.get().data_json) == str(english_photo.pk)
    offer_translation.save_target(publish=True)
    assert offer_translation.get_target_instance().image == english_photo
