"""An owner's admin shows what they may edit and what anyone can see, no more.

Issue 16, items 6 and 7: the page chooser, bulk actions and reports showed
owners the titles of others' drafts, private pages and pages in moderation;
wagtail-localize's convert to alias published an owner's translation without
moderation. The image and document choosers list only the collections the
user may choose from, checked on the server.
"""

import copy
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from cms.owners.models import BusinessAccess
from tests.cms.conftest import make_business, make_other_business, make_owner
from tests.cms.factories import (
    BusinessPageFactory,
    ImageFactory,
    OfferPageFactory,
    PlacePageFactory,
    StoryPageFactory,
)
from tests.conftest import (
    made_once,
    make_grecia,
    make_lecce,
    publish_home_and_sections_in,
)

pytestmark = pytest.mark.django_db

SEARCH = reverse("wagtailadmin_choose_page_search")


def child_url(page) -> str:
    return reverse("wagtailadmin_choose_page_child", args=[page.pk])


def draft(parent, title: str, factory=OfferPageFactory):
    page = factory(parent=parent, title=title, live=False)
    page.save_revision()
    return page


def live(parent, title: str, factory=OfferPageFactory):
    page = factory(parent=parent, title=title)
    page.save_revision().publish()
    return page


def collection_of(business):
    return BusinessAccess.objects.get(
        translation_key=business.translation_key
    ).collection


SECRET_TITLES = (
    "Offerta altrui in bozza",
    "Offerta riservata",
    "Sotto la riservata",
    "rinominata",
    "Offerta altrui in revisione",
    "Bottega nascosta",
    "Offerta sotto bozza",
    "Offerta grika in bozza",
)


def refused(response) -> bool:
    """Turned back to the dashboard (Wagtail's way) or not found."""
    if response.status_code == 302:
        return response["Location"] == reverse("wagtailadmin_home")
    return response.status_code in {403, 404}


def leaks(response) -> list[str]:
    body = response.content.decode()
    return [title for title in SECRET_TITLES if title in body]


def make_pages(territory, other_territory, owner, business, other_business) -> dict:
    """Every kind of page an owner must not learn of, and those they may."""
    private = live(other_business, "Offerta riservata")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    renamed = live(other_business, "Offerta pubblica")
    renamed.title = "Offerta rinominata in revisione"
    renamed.save_revision()  # a new title, not yet published
    in_review = draft(other_business, "Offerta altrui in revisione")
    in_review.get_workflow().start(in_review, owner)
    hidden_business = draft(
        territory.sections["businesses"], "Bottega nascosta", BusinessPageFactory
    )
    elsewhere = other_territory.sections["businesses"]
    return {
        "own_draft": draft(business, "Offerta mia in bozza"),
        "own_live": live(business, "Offerta mia viva"),
        "place": live(territory.sections["places"], "Museo aperto", PlacePageFactory),
        "other_live": live(other_business, "Offerta altrui viva"),
        "secrets": {
            "draft": draft(other_business, "Offerta altrui in bozza"),
            "private": private,
            "under_private": live(private, "Sotto la riservata"),
            "renamed": renamed,
            "in_review": in_review,
            "hidden_business": hidden_business,
            "under_hidden": live(hidden_business, "Offerta sotto bozza"),
            "other_territory": draft(
                live(elsewhere, "Bottega grika", BusinessPageFactory),
                "Offerta grika in bozza",
            ),
        },
    }


class TestOthersPages:
    """Every kind of page an owner must not learn of, and those they may, made
    once for the class (the tests only look)."""

    @pytest.fixture(scope="class")
    @classmethod
    def made(cls, django_db_setup, django_db_blocker) -> SimpleNamespace:
        with made_once(django_db_blocker):
            lecce, grecia, owner = make_lecce(), make_grecia(), make_owner()
            mine, other = make_business(lecce, owner), make_other_business(lecce)
            yield SimpleNamespace(
                territory=lecce,
                owner=owner,
                business=mine,
                other_business=other,
                pages=make_pages(lecce, grecia, owner, mine, other),
            )

    # Each test its own instances, as with Django's setUpTestData.
    @pytest.fixture
    def territory(self, made):
        return copy.deepcopy(made.territory)

    @pytest.fixture
    def owner(self, made):
        return copy.deepcopy(made.owner)

    @pytest.fixture
    def business(self, made):
        return copy.deepcopy(made.business)

    @pytest.fixture
    def other_business(self, made):
        return copy.deepcopy(made.other_business)

    @pytest.fixture
    def pages(self, made):
        return copy.deepcopy(made.pages)

    def test_page_chooser_search_finds_own_and_public_pages_only(
        self, client, owner, pages
    ):
        client.force_login(owner)
        response = client.get(SEARCH, {"q": "Offerta"})
        assert response.status_code == 200
        body = response.content.decode()
        for title in (
            "Offerta mia in bozza",
            "Offerta mia viva",
            "Offerta altrui viva",
        ):
            assert title in body
        assert leaks(response) == []
        places = client.get(SEARCH, {"q": "Museo", "page_type": "places.placepage"})
        assert "Museo aperto" in places.content.decode()

    def test_page_chooser_children_listing_leaves_out_others_hidden_pages(
        self, client, owner, business, other_business, territory, pages
    ):
        client.force_login(owner)
        mine = client.get(child_url(business)).content.decode()
        assert "Offerta mia in bozza" in mine and "Offerta mia viva" in mine
        for parent in (other_business, territory.sections["businesses"]):
            response = client.get(child_url(parent))
            assert response.status_code == 200
            assert leaks(response) == []
        assert (
            "Offerta altrui viva"
            in client.get(child_url(other_business)).content.decode()
        )

    @pytest.mark.parametrize(
        "secret", ["draft", "private", "in_review", "hidden_business"]
    )
    def test_page_chooser_will_not_open_a_hidden_page(
        self, client, owner, pages, secret
    ):
        client.force_login(owner)
        response = client.get(child_url(pages["secrets"][secret]))
        assert response.status_code == 404
        assert leaks(response) == []

    def test_chosen_pages_are_only_those_the_owner_sees(self, client, owner, pages):
        client.force_login(owner)
        url = reverse("wagtailadmin_choose_page_chosen_multiple")
        own = client.get(url, {"id": [pages["own_draft"].pk, pages["place"].pk]})
        assert "Offerta mia in bozza" in own.content.decode()
        for page in pages["secrets"].values():
            response = client.get(url, {"id": [pages["place"].pk, page.pk]})
            assert response.status_code == 404
            assert leaks(response) == []
        assert client.get(url, {"id": "x"}).status_code == 404

    def test_editors_chooser_is_as_wagtail_made_it(self, client, territory, pages):
        editor = get_user_model().objects.create_user("redattrice", password="pw")
        editor.groups.add(Group.objects.get(name="Lecce editors"))
        client.force_login(editor)
        body = client.get(SEARCH, {"q": "Offerta"}).content.decode()
        assert "Offerta altrui in bozza" in body and "Offerta grika in bozza" in body
        response = client.get(child_url(pages["secrets"]["draft"]))
        assert response.status_code == 200

    @pytest.mark.parametrize("action", ["publish", "unpublish", "move", "delete"])
    def test_owner_gets_no_bulk_action_on_pages(self, client, owner, pages, action):
        client.force_login(owner)
        ids = [pages["own_draft"].pk, *(page.pk for page in pages["secrets"].values())]
        url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
        before = dict(Page.objects.filter(pk__in=ids).values_list("pk", "live"))
        response = client.get(url, {"id": ids})
        assert refused(response) and leaks(response) == []
        assert refused(client.post(url + "?" + "&".join(f"id={pk}" for pk in ids)))
        assert dict(Page.objects.filter(pk__in=ids).values_list("pk", "live")) == before

    @pytest.mark.parametrize(
        "url_name",
        [
            "wagtailadmin_reports:page_types_usage",
            "wagtailadmin_reports:page_types_usage_results",
            "wagtailadmin_reports:site_history",
            "wagtailadmin_reports:workflow",
            "wagtailadmin_reports:workflow_tasks",
            "wagtailadmin_reports:aging_pages",
            "wagtailadmin_reports:locked_pages",
            "reports:translation_coverage",
            "throttle:login_attempts",
            "wagtail_localize:translations_report",
            "wagtail_localize:translations_report_results",
        ],
    )
    def test_reports_are_closed_to_owners(self, client, owner, pages, url_name):
        client.force_login(owner)
        response = client.get(reverse(url_name))
        assert refused(response) and leaks(response) == []


def test_page_chooser_of_a_type_starts_where_the_owner_may_look(
    client, owner, business, territory
):
    """Wagtail opens a typed chooser at the pages' common ancestor: a draft here."""
    hidden = draft(territory.sections["places"], "Sezione in bozza", StoryPageFactory)
    for title in ("Luogo A", "Luogo B"):
        live(hidden, title, PlacePageFactory)
    client.force_login(owner)
    chooser = reverse("wagtailadmin_choose_page")
    response = client.get(chooser, {"page_type": "places.placepage"}, follow=True)
    assert response.status_code == 200
    assert "Sezione in bozza" not in response.content.decode()


def test_owner_bulk_actions_on_images_name_only_their_own(
    client, owner, business, other_business
):
    mine = ImageFactory(title="Foto mia", collection=collection_of(business))
    theirs = ImageFactory(title="Foto altrui", collection=collection_of(other_business))
    client.force_login(owner)
    model = mine._meta
    url = reverse(
        "wagtail_bulk_action", args=[model.app_label, model.model_name, "add_tags"]
    )
    assert "Foto mia" in client.get(url, {"id": [mine.pk]}).content.decode()
    response = client.get(url, {"id": [mine.pk, theirs.pk]})
    assert response.status_code == 404
    assert "Foto altrui" not in response.content.decode()


def test_image_chooser_lists_and_returns_only_the_owners_collection(
    client, owner, business, other_business, territory
):
    mine = ImageFactory(title="Foto mia", collection=collection_of(business))
    theirs = ImageFactory(title="Foto altrui", collection=collection_of(other_business))
    client.force_login(owner)
    for url, query in [
        (reverse("wagtailimages_chooser:choose"), {}),
        (reverse("wagtailimages_chooser:choose_results"), {"q": "Foto"}),
        (
            reverse("wagtailimages_chooser:choose"),
            {"collection_id": theirs.collection_id},
        ),
    ]:
        body = client.get(url, query).content.decode()
        assert "Foto altrui" not in body
    assert (
        "Foto mia"
        in client.get(reverse("wagtailimages_chooser:choose")).content.decode()
    )
    chosen = reverse("wagtailimages_chooser:chosen", args=[theirs.pk])
    assert refused(client.get(chosen))
    multiple = reverse("wagtailimages_chooser:chosen_multiple")
    body = client.get(multiple, {"id": [mine.pk, theirs.pk]}).content.decode()
    assert "Foto mia" in body and "Foto altrui" not in body


def test_document_chooser_lists_no_document_of_others(client, owner, business):
    document = get_document_model().objects.create(
        title="Listino riservato", file=ContentFile(b"%PDF-1.4", name="listino.pdf")
    )
    client.force_login(owner)
    for url, query in [
        (reverse("wagtaildocs_chooser:choose"), {}),
        (reverse("wagtaildocs_chooser:choose_results"), {"q": "Listino"}),
        (reverse("wagtaildocs_chooser:chosen_multiple"), {"id": [document.pk]}),
    ]:
        assert "Listino riservato" not in client.get(url, query).content.decode()
    chosen = reverse("wagtaildocs_chooser:chosen", args=[document.pk])
    assert refused(client.get(chosen))


@pytest.fixture
def owners_translation(territory, business, owner, django_capture_on_commit_callbacks):
    """The English translation of the owner's live offer, a draft of the owner's."""
    english = Locale.objects.get(language_code="en")
    publish_home_and_sections_in(territory, "en")
    offer = live(business, "Offerta tradotta")
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(business, [english])
        translate_object(offer, [english])
    translation = offer.get_translation(english)
    translation.unpublish()
    Translation.objects.filter(target_locale=english).update(enabled=False)
    translation.refresh_from_db()
    assert not translation.live
    return translation


def test_owner_cannot_convert_a_translation_to_a_live_alias(
    client, owner, owners_translation
):
    client.force_login(owner)
    url = reverse("wagtail_localize:convert_to_alias", args=[owners_translation.pk])
    assert refused(client.get(url))
    assert refused(client.post(url))
    owners_translation.refresh_from_db()
    assert not owners_translation.live
    assert owners_translation.alias_of_id is None
    edit = reverse("wagtailadmin_pages:edit", args=[owners_translation.pk])
    assert "localize-convert-to-alias" not in client.get(edit).content.decode()


def test_an_editor_still_converts_a_translation_to_an_alias(
    client, territory, owners_translation
):
    editor = get_user_model().objects.create_user("redattrice", password="pw")
    editor.groups.add(Group.objects.get(name="Lecce editors"))
    client.force_login(editor)
    edit = reverse("wagtailadmin_pages:edit", args=[owners_translation.pk])
    assert "localize-convert-to-alias" in client.get(edit).content.decode()
    url = reverse("wagtail_localize:convert_to_alias", args=[owners_translation.pk])
    client.post(url)
    owners_translation.refresh_from_db()
    assert owners_translation.alias_of_id is not None
    assert owners_translation.live
