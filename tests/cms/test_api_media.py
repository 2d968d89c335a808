"""Images and documents are public only while a live page uses them."""

import pytest
from django.core.files.base import ContentFile
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


def test_media_lists_what_the_build_resolves_in_rich_text(territory, client):
    """The API reads rich text with the publisher's reader: an embed that is not
    self-closing counts, and an id that is not a number is left out, not a 500."""
    from publisher.richtext import references

    image = ImageFactory(title="Facciata")
    document = get_document_model().objects.create(
        title="Orari", file=ContentFile(b"%PDF-1.4", name="orari.pdf")
    )
    html = (
        f'<p><embed embedtype="image" id="{image.pk}" format="left" alt="">'
        f'<a linktype="document" id="{document.pk}">orari</a>'
        '<a linktype="page" id="²">rotto</a></p>'
    )
    PlacePageFactory(
        parent=territory.sections["places"],
        body=[{"type": "paragraph", "value": html}],
    )

    answer = client.get(
        "/api/v2/pages/?type=places.PlacePage&site=lecce.test:80&fields=media"
    )
    assert answer.status_code == 200
    media = answer.json()["items"][0]["media"]
    assert sorted(references(html)) == [("document", document.pk), ("image", image.pk)]
    assert list(media["images"]) == [str(image.pk)]
    assert list(media["documents"]) == [str(document.pk)]
