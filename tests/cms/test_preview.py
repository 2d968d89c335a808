"""The editor's preview: the theme's own page, unsaved edits, for editors only."""

import copy
import datetime as dt
import re
import time
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.signing import TimestampSigner, b62_encode
from django.test import Client
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import querydict_from_html
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from cms.itineraries.models import ItineraryStop
from cms.stories.models import StoryPage
from tests.cms.factories import (
    BusinessPageFactory,
    EventPageFactory,
    ItineraryPageFactory,
    OfferPageFactory,
    PlacePageFactory,
    StoryPageFactory,
)
from tests.conftest import made_once, make_lecce

pytestmark = pytest.mark.django_db


def make_pages(territory) -> dict:
    sections = territory.sections
    business = BusinessPageFactory(parent=sections["businesses"], title="Bottega")
    place = PlacePageFactory(parent=sections["places"], title="Duomo")
    itinerary = ItineraryPageFactory(
        parent=sections["itineraries"], title="Centro storico"
    )
    itinerary.stops.add(ItineraryStop(place=place, note="Inizio"))
    itinerary.save_revision().publish()
    return {
        "home": territory.home,
        "index": sections["places"],
        "place": place,
        "story": StoryPageFactory(parent=sections["stories"], title="Il barocco"),
        "event": EventPageFactory(
            parent=sections["events"], title="Concerto", venue=place
        ),
        "itinerary": itinerary,
        "business": business,
        "offer": OfferPageFactory(parent=business, title="Sconto"),
    }


@pytest.fixture(scope="module")
def made(django_db_setup, django_db_blocker):
    """Lecce and a page of each type, made once for the module."""
    with made_once(django_db_blocker):
        lecce = make_lecce()
        yield lecce, make_pages(lecce)


@pytest.fixture
def territory(made):
    return copy.deepcopy(made[0])  # each test its own instances, as setUpTestData


@pytest.fixture
def pages(made):
    return copy.deepcopy(made[1])


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw-12345")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def client():
    """Messages are asserted in English; the admin speaks Italian first."""
    return Client(headers={"accept-language": "en"})


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def form_data(html: str, model, **changes):
    """The form's fields as a browser posts them; StreamFields (drawn by
    JavaScript) empty."""
    data = querydict_from_html(html, form_id="page-edit-form")
    for field in model._meta.get_fields():
        if isinstance(field, StreamField):
            data.setdefault(f"{field.name}-count", "0")
    data.update(changes)
    return data


def preview_url(client, page, **changes) -> str:
    """What the editor's Preview does: post the edit form, follow to the preview."""
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    data = form_data(edit.content.decode(), page.specific_class, **changes)
    endpoint = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    posted = client.post(endpoint, data)
    assert posted.json() == {"is_valid": True, "is_available": True}
    response = client.get(endpoint)
    assert response.status_code == 302, response.content[:500]
    return response["Location"]


def package_preview(page) -> str:
    """A preview made as wagtail-headless-preview makes it, for any page type."""
    token = HeadlessPreviewMixin.get_preview_signer().sign(f"id={page.pk}")
    PagePreview.objects.update_or_create(
        token=token,
        defaults={"content_type": page.content_type, "content_json": page.to_json()},
    )
    return preview_link(page, token)


def preview_link(page, token: str) -> str:
    content_type = f"{page.content_type.app_label}.{page.content_type.model}"
    return "/preview/?" + urlencode({"content_type": content_type, "token": token})


def assert_private(response) -> None:
    assert response["Cache-Control"] == "no-store, private"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def title_of(response) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)[1]


def test_preview_shows_unsaved_edits_through_the_theme(pages, editor_client):
    place = pages["place"]
    url = preview_url(editor_client, place, title="Duomo di Lecce (bozza)")
    assert url.startswith("/preview/?")  # the CMS serves it, same origin

    response = editor_client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert title_of(response) == "Duomo di Lecce (bozza)"
    assert '<html lang="it" dir="ltr">' in html
    assert re.search(r'href="/preview/static/lecce/css/site\.css\?v=\w+"', html)
    assert_private(response)
    assert "wagtail-userbar" in html  # for the accessibility checker
    place.refresh_from_db()
    assert place.title == "Duomo"  # nothing was saved


def test_preview_theme_assets_and_brand_colour(territory, pages, editor_client):
    territory.settings.brand_colour = "#123456"
    territory.settings.save()
    html = editor_client.get(package_preview(pages["place"])).content.decode()
    brand = re.search(r'href="(/preview/static/lecce/css/brand\.css\?v=\w+)"', html)[1]

    css = editor_client.get(brand)

    assert css.status_code == 200
    assert css["Content-Type"].startswith("text/css")
    assert css.content == b":root{--brand:#123456}\n"
    assert editor_client.get("/preview/static/lecce/css/nothing.css").status_code == 404


@pytest.mark.parametrize(
    "kind",
    [
        "home",
        "index",
        "place",
        "story",
        "event",
        "itinerary",
        "business",
        "offer",
    ],
)
def test_every_page_type_previews_from_the_editor(pages, editor_client, kind):
    url = preview_url(editor_client, pages[kind], title=f"Anteprima {kind}")
    response = editor_client.get(url)
    assert response.status_code == 200
    assert title_of(response) == f"Anteprima {kind}"


@pytest.mark.parametrize(
    "kind",
    ["home", "index", "place", "story", "event", "itinerary", "business", "offer"],
)
def test_every_page_type_renders_in_the_preview_view(pages, editor_client, kind):
    page = pages[kind]
    page.title = f"Anteprima {kind}"  # edited, not saved

    response = editor_client.get(package_preview(page))

    assert response.status_code == 200, response.content[:800]
    assert title_of(response) == f"Anteprima {kind}"
    assert_private(response)


def test_new_page_previews_under_its_parent(territory, editor_client):
    parent = territory.sections["stories"]
    add = reverse("wagtailadmin_pages:add", args=["stories", "storypage", parent.pk])
    form = editor_client.get(add).content.decode()
    data = form_data(
        form, StoryPage, title="Una storia nuova", slug="nuova", author="Redazione"
    )
    endpoint = reverse(
        "wagtailadmin_pages:preview_on_add", args=["stories", "storypage", parent.pk]
    )
    assert editor_client.post(endpoint, data).json()["is_valid"]

    response = editor_client.get(editor_client.get(endpoint)["Location"])

    assert response.status_code == 200, response.content[:800]
    assert title_of(response) == "Una storia nuova"


def test_arabic_page_previews_right_to_left(other_territory, editor_client):
    from cms.territories.setup import get_locale

    home_ar = other_territory.home.copy_for_translation(get_locale("ar"))
    home_ar.title = "غريكيا"
    home_ar.save_revision().publish()

    response = editor_client.get(package_preview(home_ar))

    assert response.status_code == 200, response.content[:800]
    assert '<html lang="ar" dir="rtl">' in response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(pages, client):
    url = package_preview(pages["place"])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert response["Cache-Control"] == "no-store, private"


def test_users_who_may_not_edit_the_page_are_refused(pages, client, django_user_model):
    visitor = django_user_model.objects.create_user("curioso", password="pw-12345")
    client.force_login(visitor)
    response = client.get(package_preview(pages["place"]))
    assert response.status_code == 403
    assert "may not edit this page" in response.content.decode()
    assert_private(response)


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({}, 400),
        ({"content_type": "places.placepage"}, 400),
        ({"content_type": "places.placepage", "token": "id=1:forged:sig"}, 403),
        ({"content_type": "places.placepage", "token": "garbage"}, 403),
    ],
)
def test_malformed_links_get_a_clear_page(pages, editor_client, query, status):
    response = editor_client.get("/preview/?" + urlencode(query))
    assert response.status_code == status
    assert "<h1>" in response.content.decode()
    assert_private(response)


def test_token_older_than_an_hour_is_refused(pages, editor_client):
    place = pages["place"]

    class HourAgo(TimestampSigner):
        def timestamp(self):
            return b62_encode(int(time.time()) - 3601)

    token = HourAgo(salt="headlesspreview.token").sign(f"id={place.pk}")
    place.update_page_preview(token)

    response = editor_client.get(preview_link(place, token))

    assert response.status_code == 410
    assert "expired" in response.content.decode().lower()
    assert not PagePreview.objects.filter(token=token).exists()  # pruned


def test_stale_preview_data_is_refused_and_deleted(pages, editor_client):
    url = package_preview(pages["place"])
    PagePreview.objects.update(created_at=dt.date.today() - dt.timedelta(days=2))

    response = editor_client.get(url)

    assert response.status_code == 410
    assert not PagePreview.objects.exists()


def test_token_of_one_page_does_not_open_another(pages, editor_client):
    place, other = (
        pages["place"],
        PlacePageFactory(parent=pages["index"], title="Altro"),
    )
    token = HeadlessPreviewMixin.get_preview_signer().sign(f"id={place.pk}")
    other.update_page_preview(token)  # page B's data under page A's token

    response = editor_client.get(preview_link(other, token))

    assert response.status_code == 403
    assert "another page" in response.content.decode()


def test_content_type_must_match_the_token(pages, editor_client):
    url = package_preview(pages["place"]).replace(
        "places.placepage", "stories.storypage"
    )
    assert editor_client.get(url).status_code == 404


def test_panel_preview_keeps_the_accessibility_checker(pages, editor_client):
    place = pages["place"]
    preview_url(editor_client, place)
    endpoint = reverse("wagtailadmin_pages:preview_on_edit", args=[place.pk])
    url = editor_client.get(endpoint, {"in_preview_panel": "true"})["Location"]
    assert "in_preview_panel=true" in url

    html = editor_client.get(url).content.decode()

    userbar = html[html.index('<template id="wagtail-userbar-template">') :]
    assert "<aside hidden" in userbar  # Wagtail's panel mode: checker only
    assert 'id="checker-axe-configuration"' in userbar


def test_a_page_the_build_would_skip_shows_why(pages, editor_client):
    place = pages["place"]
    place.kind = ""  # the build refuses a place without a kind

    response = editor_client.get(package_preview(place))

    assert response.status_code == 422
    assert "kind: is empty" in response.content.decode()
    assert_private(response)


def test_listings_follow_publishing_despite_the_cache(pages, editor_client):
    index = pages["index"]

    def listed() -> str:
        return editor_client.get(package_preview(index)).content.decode()

    assert "Duomo" in listed()
    new = PlacePageFactory(parent=index, title="Santa Croce")
    assert "Santa Croce" in listed()
    new.unpublish()
    assert "Santa Croce" not in listed()


def test_live_pages_are_read_once_while_nothing_changes(
    pages, editor_client, monkeypatch
):
    from cms.preview import rendering

    cache.clear()
    calls = []
    real = rendering.InProcessApi.get

    def counting(self, *args, **kwargs):
        calls.append(args)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(rendering.InProcessApi, "get", counting)
    editor_client.get(package_preview(pages["place"]))
    first = len(calls)
    editor_client.get(package_preview(pages["story"]))
    assert first and len(calls) == first
