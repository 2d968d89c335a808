"""Conditional requests: an unchanged answer is a 304, anything that changes it
gives a new validator."""

import copy
import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from cms.changes.models import Change
from cms.territories.models import TerritorySettings
from cms.territories.setup import get_locale
from tests.cms.factories import ImageFactory, PlacePageFactory
from tests.cms.test_redirects import add_redirect

pytestmark = pytest.mark.django_db


@pytest.fixture
def territory(lecce_once):
    """Lecce made once for the module (tests/conftest.py), a copy per test."""
    return copy.deepcopy(lecce_once)


PLACES = "/api/v2/pages/?type=places.PlacePage&site=lecce.test:80&fields=*&limit=500"
TERRITORIES = "/api/v2/territories/"
REDIRECTS = "/api/v2/redirects/?territory=lecce"


def settle():
    """Make every change so far older than the settle window, as seconds later."""
    settled = timezone.now() - dt.timedelta(minutes=1)
    Change.objects.filter(created_at__gt=settled).update(created_at=settled)


def fetch(client, url, **headers):
    settle()
    return client.get(url, headers=headers)


def etag(client, url):
    response = fetch(client, url)
    assert response.status_code == 200, response.content
    return response["ETag"]


def revalidate(client, url, tag):
    return fetch(client, url, if_none_match=tag).status_code


@pytest.fixture
def place(territory):
    page = PlacePageFactory(
        parent=territory.sections["places"], title="Duomo", hero_image=ImageFactory()
    )
    page.save_revision().publish()
    return page


@pytest.mark.database
@pytest.mark.parametrize("url", [PLACES, TERRITORIES, REDIRECTS])
def test_an_unchanged_answer_is_a_bodiless_304(place, client, url):
    first = fetch(client, url)
    assert first.status_code == 200
    assert first["ETag"].startswith('W/"')
    assert first["Cache-Control"] == "no-cache"
    assert first["Last-Modified"]

    again = fetch(client, url, if_none_match=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == "no-cache"
    since = fetch(client, url, if_modified_since=first["Last-Modified"])
    assert since.status_code == 304


@pytest.mark.database
def test_the_detail_endpoints_answer_304_too(place, client):
    for url in (
        f"/api/v2/pages/{place.pk}/",
        f"/api/v2/territories/{place.get_site().pk}/",
    ):
        tag = etag(client, url)
        assert revalidate(client, url, tag) == 304


@pytest.mark.database
def test_a_304_runs_one_query_and_no_serialising(place, client):
    tag = etag(client, PLACES)
    with CaptureQueriesContext(connection) as full:
        assert fetch(client, PLACES).status_code == 200
    with CaptureQueriesContext(connection) as conditional:
        assert revalidate(client, PLACES, tag) == 304
    # settle() is one UPDATE in each; the 304 then reads the state, nothing else.
    assert len(conditional.captured_queries) == 2
    assert len(full.captured_queries) > 2 * len(conditional.captured_queries)


def test_every_query_string_has_its_own_validator(place, client):
    assert etag(client, PLACES) != etag(client, PLACES + "&offset=1")


@pytest.mark.database
def test_just_after_a_change_there_is_no_validator_yet(place, client):
    """A change with a lower id may still be committing: nothing to promise."""
    response = client.get(PLACES)
    assert response.status_code == 200
    assert not response.has_header("ETag")
    assert not response.has_header("Last-Modified")
    assert response["Cache-Control"] == "no-cache"


@pytest.mark.database
def test_publishing_a_page_changes_the_validators(territory, place, client):
    tags = {url: etag(client, url) for url in (PLACES, TERRITORIES, REDIRECTS)}
    PlacePageFactory(parent=territory.sections["places"]).save_revision().publish()
    for url, tag in tags.items():
        assert revalidate(client, url, tag) == 200, url


def test_unpublishing_a_page_changes_the_validators(place, client):
    tag = etag(client, PLACES)
    place.unpublish()
    response = fetch(client, PLACES, if_none_match=tag)
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_moving_and_renaming_change_pages_and_redirects(territory, place, client):
    pages, redirects = etag(client, PLACES), etag(client, REDIRECTS)
    place.slug = "cattedrale"
    place.save_revision().publish()
    assert revalidate(client, PLACES, pages) == 200
    assert revalidate(client, REDIRECTS, redirects) == 200

    pages = etag(client, PLACES)
    place.move(territory.sections["stories"], pos="last-child")
    assert revalidate(client, PLACES, pages) == 200


def test_an_editors_redirect_changes_the_redirects_answer(
    territory, place, client, admin_client
):
    """No stale 304 once an editor adds, edits or deletes a redirect, of this
    territory or of every site."""
    tag = etag(client, REDIRECTS)
    assert revalidate(client, REDIRECTS, tag) == 304

    redirect = add_redirect(admin_client, "/museo", site=territory.site, page=place)
    response = fetch(client, REDIRECTS, if_none_match=tag)
    assert response.status_code == 200
    assert [item["page"] for item in response.json()["items"]] == [place.pk]

    tag = etag(client, REDIRECTS)
    edit = reverse("wagtailredirects:edit", args=[redirect.pk])
    data = {"old_path": "/museo", "site": territory.site.pk, "redirect_page": ""}
    data["redirect_link"] = "https://t.example/"
    assert admin_client.post(edit, data).status_code == 302
    assert revalidate(client, REDIRECTS, tag) == 200

    tag = etag(client, REDIRECTS)
    add_redirect(admin_client, "/orari", link="https://t.example/o")  # every site
    assert revalidate(client, REDIRECTS, tag) == 200

    tag = etag(client, REDIRECTS)
    delete = reverse("wagtailredirects:delete", args=[redirect.pk])
    assert admin_client.post(delete).status_code == 302
    response = fetch(client, REDIRECTS, if_none_match=tag)
    assert response.status_code == 200
    assert [item["old_path"] for item in response.json()["items"]] == ["/orari"]


def test_deleting_a_page_changes_the_validator(place, client):
    tag = etag(client, PLACES)
    Page.objects.get(pk=place.pk).delete()
    assert revalidate(client, PLACES, tag) == 200


def test_territory_settings_change_the_validators(territory, place, client):
    tags = {url: etag(client, url) for url in (PLACES, TERRITORIES)}
    settings = TerritorySettings.objects.get(slug="lecce")
    settings.brand_colour = "#123456"
    settings.save()
    for url, tag in tags.items():
        assert revalidate(client, url, tag) == 200, url


def test_languages_changed_without_saving_change_the_validator(territory, client):
    tag = etag(client, TERRITORIES)
    TerritorySettings.objects.get(slug="lecce").languages.add(get_locale("de"))
    response = fetch(client, TERRITORIES, if_none_match=tag)
    assert response.status_code == 200
    codes = [lang["code"] for lang in response.json()["items"][0]["languages"]]
    assert "de" in codes


def test_editing_an_image_in_use_changes_the_validator(place, client):
    tag = etag(client, PLACES)
    image = place.hero_image
    image.alt_text = "La facciata"
    image.save()
    response = fetch(client, PLACES, if_none_match=tag)
    assert response.status_code == 200
    assert "La facciata" in response.content.decode()


def test_purged_renditions_change_the_validator(place, client):
    tag = etag(client, PLACES)
    place.hero_image.renditions.all().delete()
    assert revalidate(client, PLACES, tag) == 200


def test_a_view_restriction_changes_the_validator(place, client):
    tag = etag(client, PLACES)
    restriction = PageViewRestriction.objects.create(
        page=place, restriction_type="password", password="x"
    )
    response = fetch(client, PLACES, if_none_match=tag)
    assert response.status_code == 200
    assert response.json()["items"] == []

    tag = response["ETag"]
    restriction.delete()
    assert revalidate(client, PLACES, tag) == 200


@pytest.mark.database
def test_an_expiry_date_passing_changes_the_validator(place, client):
    """No change is recorded until the scheduler runs; the API hides it at once."""
    tag = etag(client, PLACES)
    Page.objects.filter(pk=place.pk).update(
        expire_at=timezone.now() - dt.timedelta(minutes=1)
    )
    response = fetch(client, PLACES, if_none_match=tag)
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_a_site_edit_changes_the_validators(place, client):
    tags = {url: etag(client, url) for url in (PLACES, TERRITORIES)}
    Site.objects.filter(hostname="lecce.test").update(site_name="Lecce barocca")
    for url, tag in tags.items():
        assert revalidate(client, url, tag) == 200, url


def test_another_territory_leaves_this_one_current(place, other_territory, client):
    tag = etag(client, PLACES)
    PlacePageFactory(
        parent=other_territory.sections["places"]
    ).save_revision().publish()
    assert revalidate(client, PLACES, tag) == 304


@pytest.mark.database
def test_restrictions_sites_and_purged_renditions_reach_the_change_feed(place, client):
    """They change answers without a publish: the feed (and Last-Modified) must
    know, or an incremental build would keep a page that went private."""
    site = place.get_site()
    fetch(client, PLACES)  # makes the renditions the factory's image lacks

    def recorded(action):
        newest = Change.objects.latest("id").pk
        action()
        return list(Change.objects.filter(pk__gt=newest, site=site))

    restriction = PageViewRestriction(page=place, restriction_type="login")
    changes = recorded(restriction.save)
    assert [change.page_id for change in changes] == [place.pk]
    assert [change.page_id for change in recorded(restriction.delete)] == [place.pk]
    assert [change.scope for change in recorded(site.save)] == ["territory"]
    purge = place.hero_image.renditions.all().delete
    assert {change.scope for change in recorded(purge)} == {"territory"}


@pytest.mark.database
def test_if_modified_since_alone_sees_recorded_changes(place, client):
    Change.objects.update(created_at=timezone.now() - dt.timedelta(minutes=5))
    older = fetch(client, PLACES)["Last-Modified"]
    PageViewRestriction.objects.create(page=place, restriction_type="login")
    response = fetch(client, PLACES, if_modified_since=older)
    assert response.status_code == 200
    assert response["Last-Modified"] != older
