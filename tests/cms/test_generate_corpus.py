"""The benchmark corpus: right counts, a valid tree, live pages the API serves."""

from collections import defaultdict
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, Page, ReferenceIndex

from cms.demo.corpus import CorpusSpec, generate_corpus
from cms.demo.corpus.generator import delete_territory
from cms.events.models import EventPage
from cms.itineraries.models import ItineraryPage
from cms.offers.models import BusinessPage, OfferPage
from cms.places.models import PlacePage
from cms.stories.models import StoryPage
from cms.territories.models import TerritoryHomePage

# The demo app: dev and test settings only, never on the production database.
pytestmark = [pytest.mark.django_db, pytest.mark.demo]

CONTENT_MODELS = (
    PlacePage,
    StoryPage,
    EventPage,
    ItineraryPage,
    BusinessPage,
    OfferPage,
)
SMALL = ("--territories", "2", "--languages", "2", "--items", "3", "--images", "1")


def generate(*args: str) -> str:
    out = StringIO()
    call_command("generate_corpus", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def corpus():
    return generate(*SMALL)


def content_pages():
    return Page.objects.type(*CONTENT_MODELS)


def home(slug, language):
    source = TerritoryHomePage.objects.get(slug=slug, locale__language_code="it")
    return source.get_translation(Locale.objects.get(language_code=language))


def api_items(client, model, site="corpus-1.localhost:8000"):
    response = client.get(
        f"/api/v2/pages/?type={model._meta.label}&site={site}&fields=*&limit=100"
    )
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_each_territory_and_language_has_n_pages_of_each_type(corpus):
    assert content_pages().count() == 2 * 2 * 6 * 3
    for slug in ("corpus-1", "corpus-2"):
        for language in ("it", "en"):
            root = home(slug, language)
            for model in CONTENT_MODELS:
                pages = model.objects.descendant_of(root)
                assert pages.count() == 3, (slug, language, model)
                assert set(pages.values_list("locale__language_code", flat=True)) == {
                    language
                }
    assert "Created 72 pages" in corpus
    assert "corpus-2 [en] 3/3 items" in corpus


def test_offers_hang_under_their_businesses(corpus):
    for offer in OfferPage.objects.all():
        assert isinstance(offer.get_parent().specific, BusinessPage)
    assert set(BusinessPage.objects.values_list("numchild", flat=True)) == {1}


def test_the_tree_is_valid(corpus):
    assert Page.find_problems() == ([], [], [], [], [])
    url_paths = dict(Page.objects.values_list("path", "url_path"))
    for page in Page.objects.filter(depth__gt=1):
        parent_url = url_paths[page.path[: -Page.steplen]]
        assert page.url_path == f"{parent_url}{page.slug}/"


def test_generated_pages_pass_validation(corpus):
    today = timezone.localdate()
    for page in content_pages().specific():
        page.full_clean()
        assert page.live and not page.has_unpublished_changes
        assert page.first_published_at is not None
        if isinstance(page, PlacePage | BusinessPage):
            assert 39.8 <= page.latitude <= 40.6
            assert 17.9 <= page.longitude <= 18.6
        if isinstance(page, EventPage):
            assert page.start > timezone.now()
        if isinstance(page, OfferPage):
            assert page.valid_from <= today <= page.valid_until
        if isinstance(page, ItineraryPage):
            assert page.stops.exists()


def test_translations_share_their_key_and_facts(corpus):
    by_key = defaultdict(dict)
    for place in PlacePage.objects.select_related("locale"):
        by_key[place.translation_key][place.locale.language_code] = place
    assert len(by_key) == 2 * 3
    for versions in by_key.values():
        assert set(versions) == {"it", "en"}
        italian, english = versions["it"], versions["en"]
        assert (italian.latitude, italian.kind) == (english.latitude, english.kind)
        assert italian.title != english.title


def test_pages_come_back_through_the_api_in_both_languages(corpus, client):
    for model in CONTENT_MODELS:
        items = api_items(client, model)
        assert len(items) == 2 * 3
        keys = defaultdict(set)
        for item in items:
            keys[item["meta"]["translation_key"]].add(item["meta"]["locale"])
        assert list(keys.values()) == [{"it", "en"}] * 3
    place = api_items(client, PlacePage)[0]
    assert place["opening_hours"] and place["body"]
    hero = place["hero_image"]
    assert hero is None or place["media"]["images"][str(hero)]["alt"]


def test_references_are_indexed_as_wagtail_would(corpus):
    for model in CONTENT_MODELS:
        page = model.objects.order_by("pk").last()
        stored = set(
            ReferenceIndex.objects.filter(object_id=str(page.pk)).values_list(
                "to_content_type", "to_object_id", "content_path"
            )
        )
        ReferenceIndex.create_or_update_for_object(page)
        assert stored
        assert stored == set(
            ReferenceIndex.objects.filter(object_id=str(page.pk)).values_list(
                "to_content_type", "to_object_id", "content_path"
            )
        )


def test_running_again_refuses_without_replace(corpus):
    with pytest.raises(
        CommandError, match=r"corpus-1, corpus-2 already exist.*--replace"
    ):
        generate(*SMALL)
    assert content_pages().count() == 72


def test_replace_regenerates_the_same_corpus(corpus):
    keys = set(content_pages().values_list("translation_key", "locale"))
    references = ReferenceIndex.objects.count()

    output = generate(*SMALL, "--replace")

    assert "Deleted territory corpus-1." in output
    assert content_pages().count() == 72
    assert set(content_pages().values_list("translation_key", "locale")) == keys
    assert ReferenceIndex.objects.count() == references
    assert Page.find_problems() == ([], [], [], [], [])
    connection.check_constraints()  # no row left pointing at a deleted page
    assert TerritoryHomePage.objects.count() == 2 * 2


def test_an_edited_page_is_deleted_the_wagtail_way(corpus):
    place = PlacePage.objects.first()
    place.title = "Modificato"
    place.save_revision().publish()

    generate(*SMALL, "--replace")

    assert not PlacePage.objects.filter(title="Modificato").exists()
    assert content_pages().count() == 72


def test_queries_do_not_grow_with_the_number_of_pages():
    def queries(items):
        with CaptureQueriesContext(connection) as captured:
            generate_corpus(CorpusSpec(items=items, images=0, batch_size=10_000))
        delete_territory("corpus-1")
        return len(captured)

    queries(1)  # topics and locales are created once
    assert queries(60) - queries(20) < 40  # for 240 more pages


@pytest.mark.parametrize(
    "args",
    [("--languages", "7"), ("--items", "0"), ("--batch-size", "5")],
)
def test_nonsense_is_refused_clearly(args):
    with pytest.raises(CommandError):
        generate(*args)
