"""`/documents/<id>/<name>` serves a document to anyone only while a live, public
page links to it; before that, to the people who may choose or edit it (issue
16, item 9)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Collection, PageViewRestriction

from tests.cms.factories import PlacePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lecce_collection(territory):
    return Collection.objects.get(name="Lecce")


@pytest.fixture
def document(lecce_collection):
    """A PDF an editor uploaded to Lecce's collection and linked from no page."""
    return get_document_model().objects.create(
        title="Tariffe riservate",
        file=ContentFile(b"%PDF-1.4 riservato", name="tariffe.pdf"),
        collection=lecce_collection,
    )


def fetch(client: Client, document) -> int:
    return client.get(document.url).status_code


def logged_in(username: str, *groups: str) -> Client:
    user = get_user_model().objects.create_user(username, password="pw")
    user.groups.add(*Group.objects.filter(name__in=groups))
    client = Client()
    client.force_login(user)
    return client


def linking_body(document) -> list[dict]:
    link = f'<p><a linktype="document" id="{document.pk}">tariffe</a></p>'
    return [{"type": "paragraph", "value": link}]


def test_an_unused_document_is_hidden_from_all_but_who_may_choose_it(
    territory, document, client, admin_client
):
    assert document.url.startswith(f"/documents/{document.pk}/tariffe")
    assert fetch(client, document) == 404
    assert fetch(logged_in("proprietario"), document) == 404  # no document rights
    assert fetch(logged_in("editore", "Lecce editors"), document) == 200
    assert fetch(logged_in("moderatore", "Lecce moderators"), document) == 200
    assert fetch(admin_client, document) == 200


def test_a_document_a_live_page_links_is_public(territory, document, client):
    PlacePageFactory(parent=territory.sections["places"], body=linking_body(document))

    response = client.get(document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 riservato"


def test_a_link_in_a_draft_does_not_publish_the_document(territory, document, client):
    page = PlacePageFactory(parent=territory.sections["places"])
    page.body = linking_body(document)
    page.save_revision()  # a draft on top of the live page

    assert fetch(client, document) == 404
    page.get_latest_revision().publish()
    assert fetch(client, document) == 200


def test_a_private_or_unpublished_page_does_not_publish_it(territory, document, client):
    private = PlacePageFactory(
        parent=territory.sections["places"], body=linking_body(document)
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    PlacePageFactory(
        parent=territory.sections["places"], body=linking_body(document), live=False
    )

    assert fetch(client, document) == 404
