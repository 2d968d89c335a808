"""Images and documents are public only while a live page uses them."""

import pytest
from wagtail.documents import get_document_model

from tests.cms.factories import ImageFactory, PlacePageFactory

pytestmark = pytest.mark.django_db


def test_unused_or_draft_only_images_are_not_served(territory, client):
    used = ImageFactory(title="In uso")
    unused = ImageFactory(title="Caricata da un esercente")
    draft_only = ImageFactory(title="Solo in bozza")
    PlacePageFactory(parent=territory.sections["places"], hero_image=used)
    PlacePageFactory(
        parent=territory.sections["places"], hero_image=draft_only, live=False
    )

    listing = client.get("/api/v2/images/").json()
    assert [item["title"] for item in listing["items"]] == ["In uso"]
    assert client.get(f"/api/v2/images/{used.pk}/").status_code == 200
    assert client.get(f"/api/v2/images/{unused.pk}/").status_code == 404
    assert client.get(f"/api/v2/images/{draft_only.pk}/").status_code == 404


def test_documents_follow_the_pages_that_link_them(territory, client):
    from django.core.files.base import ContentFile

    document_model = get_document_model()
    linked = document_model.objects.create(
        title="Orari", file=ContentFile(b"%PDF-1.4", name="orari.pdf")
    )
    hidden = document_model.objects.create(
        title="Bozza", file=ContentFile(b"%PDF-1.4", name="bozza.pdf")
    )
    body = [
        {
            "type": "paragraph",
            "value": f'<p><a linktype="document" id="{linked.pk}">orari</a></p>',
        }
    ]
    PlacePageFactory(parent=territory.sections["places"], body=body)

    assert client.get(f"/api/v2/documents/{linked.pk}/").status_code == 200
    assert client.get(f"/api/v2/documents/{hidden.pk}/").status_code == 404
    page = client.get(
        "/api/v2/pages/?type=places.PlacePage&site=lecce.test:80&fields=media"
    ).json()["items"][0]
    assert page["media"]["documents"][str(linked.pk)]["url"].endswith(".pdf")
