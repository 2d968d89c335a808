"""A page renamed or moved keeps its old public paths working (redirects)."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import Page

from cms.changes.models import Change, OldPath
from cms.territories.setup import get_locale
from tests.cms.factories import BusinessPageFactory, OfferPageFactory

pytestmark = pytest.mark.django_db


def settled_cursor(client, territory="lecce"):
    Change.objects.update(created_at=timezone.now() - dt.timedelta(minutes=1))
    body = client.get(f"/api/v2/changes/?territory={territory}").json()
    return body["cursor"]


def get_feed(client, since, territory="lecce"):
    response = client.get(f"/api/v2/changes/?territory={territory}&since={since}")
    assert response.status_code == 200, response.content
    return response.json()


def redirects(client, territory="lecce"):
    response = client.get(f"/api/v2/redirects/?territory={territory}")
    assert response.status_code == 200, response.content
    return response.json()["items"]


def rename(page, slug, capture):
    """Publish a new slug, as an editor does; Wagtail signals it on commit."""
    page = Page.objects.get(pk=page.pk).specific
    page.slug = slug
    with capture(execute=True):
        page.save_revision().publish()
    return page


def paths(body):
    return {item["id"]: item["meta"]["path"] for item in body["items"]}


@pytest.fixture
def shop(territory):
    business = BusinessPageFactory(
        parent=territory.sections["businesses"], slug="bottega"
    )
    offer = OfferPageFactory(parent=business, slug="sconto")
    return business, offer


def test_slug_change_sends_page_and_descendants_and_keeps_old_paths(
    territory, shop, client, django_capture_on_commit_callbacks
):
    business, offer = shop
    since = settled_cursor(client)

    rename(business, "bottega-nuova", django_capture_on_commit_callbacks)

    body = get_feed(client, since)
    assert paths(body) == {
        business.pk: "/attivita/bottega-nuova/",
        offer.pk: "/attivita/bottega-nuova/sconto/",
    }
    assert redirects(client) == [
        {"old_path": "/attivita/bottega/", "locale": "it", "page": business.pk},
        {"old_path": "/attivita/bottega/sconto/", "locale": "it", "page": offer.pk},
    ]


def test_move_sends_the_page_and_keeps_its_old_path(territory, shop, client):
    _, offer = shop
    other = BusinessPageFactory(parent=territory.sections["businesses"], slug="forno")
    since = settled_cursor(client)

    Page.objects.get(pk=offer.pk).move(other, pos="last-child")

    assert paths(get_feed(client, since)) == {offer.pk: "/attivita/forno/sconto/"}
    assert redirects(client) == [
        {"old_path": "/attivita/bottega/sconto/", "locale": "it", "page": offer.pk}
    ]


def test_move_to_another_territory(territory, other_territory, shop, client):
    business, offer = shop
    lecce = settled_cursor(client)
    grecia = settled_cursor(client, "grecia-salentina")

    Page.objects.get(pk=business.pk).move(
        other_territory.sections["businesses"], pos="last-child"
    )

    left = get_feed(client, lecce)
    assert left["items"] == []
    assert [t["id"] for t in left["tombstones"]] == [business.pk, offer.pk]
    arrived = get_feed(client, grecia, "grecia-salentina")
    assert paths(arrived) == {
        business.pk: "/attivita/bottega/",
        offer.pk: "/attivita/bottega/sconto/",
    }
    # Lecce cannot redirect to a page it no longer publishes.
    assert redirects(client) == []
    assert OldPath.objects.filter(site=territory.site).count() == 2


def test_back_at_an_old_path_means_no_redirect_to_itself(
    territory, shop, client, django_capture_on_commit_callbacks
):
    business, offer = shop
    rename(business, "bottega-nuova", django_capture_on_commit_callbacks)
    rename(business, "bottega", django_capture_on_commit_callbacks)

    assert redirects(client) == [
        {"old_path": "/attivita/bottega-nuova/", "locale": "it", "page": business.pk},
        {
            "old_path": "/attivita/bottega-nuova/sconto/",
            "locale": "it",
            "page": offer.pk,
        },
    ]
    assert not OldPath.objects.filter(old_path="/attivita/bottega/").exists()


def test_redirects_only_to_public_pages_and_never_over_one(
    territory, shop, client, django_capture_on_commit_callbacks
):
    business, offer = shop
    rename(business, "bottega-nuova", django_capture_on_commit_callbacks)
    Page.objects.get(pk=offer.pk).unpublish()
    assert [r["page"] for r in redirects(client)] == [business.pk]

    # A new page takes the old path: it wins over the redirect.
    BusinessPageFactory(parent=territory.sections["businesses"], slug="bottega")
    assert redirects(client) == []


def test_translated_pages_get_redirects_in_their_language(
    territory, shop, client, django_capture_on_commit_callbacks
):
    business, _ = shop
    english = business.copy_for_translation(get_locale("en"), copy_parents=True)
    english.save_revision().publish()
    old_path = english.url_path.split("/", 2)[2]

    rename(english, "workshop", django_capture_on_commit_callbacks)

    assert {"old_path": "/" + old_path, "locale": "en", "page": english.pk} in (
        redirects(client)
    )


def test_unknown_territory(db, client):
    response = client.get("/api/v2/redirects/?territory=atlantide")
    assert response.status_code == 404
    assert "atlantide" in response.json()["message"]
