"""Redirects: a page renamed or moved keeps its old public paths working, and
the redirects editors make in Settings → Redirects reach the sites beside them."""

import copy
import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from cms.changes.models import Change, OldPath
from cms.territories.setup import get_locale
from tests.cms.factories import (
    BusinessPageFactory,
    OfferPageFactory,
    PlacePageFactory,
)
from tests.conftest import publish_home_and_sections_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def territory(lecce_once):
    """Lecce made once for the module (tests/conftest.py), a copy per test."""
    return copy.deepcopy(lecce_once)


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


def moved(old_path, page, locale="it"):
    """A move's item: the page's old path on the static site, to the page."""
    return {
        "old_path": f"/{locale}{old_path}",
        "locale": locale,
        "status": 301,
        "page": page,
        "url": None,
        "source": "move",
    }


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


@pytest.mark.database
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
        moved("/attivita/bottega/", business.pk),
        moved("/attivita/bottega/sconto/", offer.pk),
    ]


@pytest.mark.database
def test_move_sends_the_page_and_keeps_its_old_path(territory, shop, client):
    _, offer = shop
    other = BusinessPageFactory(parent=territory.sections["businesses"], slug="forno")
    since = settled_cursor(client)

    Page.objects.get(pk=offer.pk).move(other, pos="last-child")

    assert paths(get_feed(client, since)) == {offer.pk: "/attivita/forno/sconto/"}
    assert redirects(client) == [moved("/attivita/bottega/sconto/", offer.pk)]


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
        moved("/attivita/bottega-nuova/", business.pk),
        moved("/attivita/bottega-nuova/sconto/", offer.pk),
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

    assert moved("/" + old_path, english.pk, "en") in redirects(client)


def test_unknown_territory(db, client):
    response = client.get("/api/v2/redirects/?territory=atlantide")
    assert response.status_code == 404
    assert "atlantide" in response.json()["message"]


# The editors' own redirects (Settings → Redirects), read like moves.


def add_redirect(admin_client, old_path, *, site=None, page=None, link="", temp=False):
    """Add a redirect as an editor does, through Wagtail's form."""
    data = {
        "old_path": old_path,
        "site": site.pk if site else "",
        "redirect_page": page.pk if page else "",
        "redirect_link": link,
    }
    if not temp:
        data["is_permanent"] = "on"
    response = admin_client.post(reverse("wagtailredirects:add"), data)
    assert response.status_code == 302, response.context["form"].errors
    return Redirect.objects.get(old_path=Redirect.normalise_path(old_path), site=site)


def editors(old_path, locale, *, page=None, url=None, status=301):
    return {
        "old_path": old_path,
        "locale": locale,
        "status": status,
        "page": page,
        "url": url,
        "source": "editor",
    }


@pytest.fixture
def duomo(territory):
    """A place published in Italian and English."""
    publish_home_and_sections_in(territory, "en")
    place = PlacePageFactory(parent=territory.sections["places"], slug="duomo")
    english = place.copy_for_translation(get_locale("en"))
    english.slug = "cathedral"
    english.save_revision().publish()
    return place, english


def test_editors_redirects_say_their_language_and_status(
    territory, duomo, client, admin_client
):
    place, english = duomo
    lecce = territory.site
    add_redirect(admin_client, "/it/luoghi/duomo-vecchio/", site=lecce, page=place)
    add_redirect(admin_client, "/en/old-cathedral", site=lecce, page=place, temp=True)
    add_redirect(admin_client, "/museo.html", site=lecce, page=english)
    add_redirect(admin_client, "/biglietti", site=lecce, link="https://t.example/le")
    add_redirect(admin_client, "/en/tickets", link="https://t.example/en", temp=True)

    assert redirects(client) == [
        # Without a language prefix: the language of the page it leads to.
        editors("/biglietti", None, url="https://t.example/le"),
        # With one: that language, whichever translation was chosen.
        editors("/en/old-cathedral", "en", page=place.pk, status=302),
        editors("/en/tickets", "en", url="https://t.example/en", status=302),
        editors("/it/luoghi/duomo-vecchio", "it", page=place.pk),
        editors("/museo.html", "en", page=english.pk),
    ]


@pytest.mark.database
def test_a_redirect_of_every_site_reaches_every_territory(
    territory, other_territory, duomo, client, admin_client
):
    place, _ = duomo
    add_redirect(admin_client, "/orari", link="https://t.example/orari")
    add_redirect(admin_client, "/museo", page=place)  # public in Lecce only
    add_redirect(admin_client, "/solo-lecce", site=territory.site, page=place)

    assert [r["old_path"] for r in redirects(client)] == [
        "/museo",
        "/orari",
        "/solo-lecce",
    ]
    assert redirects(client, "grecia-salentina") == [
        editors("/orari", None, url="https://t.example/orari")
    ]


def test_only_to_public_pages_and_web_addresses(territory, duomo, client, admin_client):
    place, _ = duomo
    draft = PlacePageFactory(parent=territory.sections["places"], slug="bozza")
    draft.unpublish()
    private = PlacePageFactory(parent=territory.sections["places"], slug="privato")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    add_redirect(admin_client, "/a-draft", page=draft)
    add_redirect(admin_client, "/a-private-page", page=private)
    add_redirect(admin_client, "/by-ftp", link="ftp://files.example/x")
    # The form refuses a script; a row written behind it is left out too.
    response = admin_client.post(
        reverse("wagtailredirects:add"),
        {"old_path": "/x", "site": "", "redirect_link": "javascript:alert(1)"},
    )
    assert response.status_code == 200 and not Redirect.objects.filter(old_path="/x")
    Redirect.objects.create(old_path="/js", redirect_link="javascript:alert(1)")
    Redirect.objects.create(old_path="/nowhere")
    # Our pages have no routes: a route is ignored, as Wagtail ignores one a
    # page cannot resolve.
    Redirect.objects.create(
        old_path="/route", redirect_page=place, redirect_page_route_path="/x/"
    )

    assert redirects(client) == [editors("/route", "it", page=place.pk)]


@pytest.mark.database
def test_a_redirect_never_hides_a_page_and_an_editors_wins_over_a_move(
    territory, duomo, shop, client, admin_client, django_capture_on_commit_callbacks
):
    place, english = duomo
    business, offer = shop
    rename(business, "bottega-nuova", django_capture_on_commit_callbacks)
    add_redirect(admin_client, "/it/luoghi/duomo", page=english)  # a public page
    add_redirect(admin_client, "/en", link="https://t.example/")  # a home
    add_redirect(admin_client, "/it/attivita/bottega", link="https://t.example/b")
    add_redirect(admin_client, "/it/attivita/bottega/sconto", page=place)
    add_redirect(
        admin_client, "/it/attivita/bottega/sconto", site=territory.site, page=offer
    )

    assert redirects(client) == [
        editors("/it/attivita/bottega", "it", url="https://t.example/b"),
        editors("/it/attivita/bottega/sconto", "it", page=offer.pk),
    ]


@pytest.mark.database
@pytest.mark.parametrize("wagtail_records_too", [False, True])
def test_a_move_is_recorded_once(
    territory, duomo, client, settings, wagtail_records_too
):
    """The change feed records moves. Wagtail would record each again in its
    Redirects (switched off in the settings); rows it made, as before it was
    switched off, are left to the feed."""
    settings.WAGTAILREDIRECTS_AUTO_CREATE = wagtail_records_too
    place, english = duomo
    en = get_locale("en")
    events = territory.sections["events"]
    for page, section in ((place, events), (english, events.get_translation(en))):
        Page.objects.get(pk=page.pk).move(section, "last-child")

    made = Redirect.objects.filter(automatically_created=True)
    assert made.count() == (2 if wagtail_records_too else 0)
    assert not Redirect.objects.filter(automatically_created=False).exists()
    assert redirects(client) == [
        moved("/luoghi/cathedral/", english.pk, "en"),
        moved("/luoghi/duomo/", place.pk),
    ]
