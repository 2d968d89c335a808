"""The API client keeps answers on disk and revalidates them with a live CMS."""

import datetime as dt

import pytest
from django.utils import timezone

from publisher.api import PAGE_TYPES, ApiClient
from tests.cms.factories import PlacePageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def settle():
    """Make every change older than the feed's settle window, as seconds later."""
    from cms.changes.models import Change

    settled = timezone.now() - dt.timedelta(minutes=1)
    Change.objects.filter(created_at__gt=settled).update(created_at=settled)


def pull(url, cache):
    """What a full fetch asks: the territories, then every type's pages."""
    client = ApiClient(url, retries=0, cache=cache)
    pages = {}
    for territory in client.territories():
        for page_type in PAGE_TYPES:
            pages.update(
                (page["id"], page)
                for page in client.pages(territory["site"], page_type)
            )
    return client, pages


@pytest.fixture
def place(territory):
    page = PlacePageFactory(parent=territory.sections["places"], title="Duomo")
    page.save_revision().publish()
    return page


def test_an_unchanged_pull_is_all_304s_and_the_same_answers(
    place, live_server, tmp_path
):
    settle()
    first, pages = pull(live_server.url, tmp_path)
    assert first.revalidated == 0
    assert place.pk in pages
    requests = 1 + len(PAGE_TYPES)
    assert len(list(tmp_path.glob("*.json"))) == requests

    again, same = pull(live_server.url, tmp_path)
    assert again.revalidated == requests
    assert same == pages


def test_a_publish_is_fetched_again(place, territory, live_server, tmp_path):
    settle()
    pull(live_server.url, tmp_path)
    added = PlacePageFactory(parent=territory.sections["places"], title="Santa Croce")
    added.save_revision().publish()
    settle()

    client, pages = pull(live_server.url, tmp_path)
    assert client.revalidated == 0  # every answer of the territory changed
    assert {place.pk, added.pk} <= set(pages)
    assert pages[added.pk]["title"] == "Santa Croce"


def test_answers_just_after_a_change_are_not_kept(place, live_server, tmp_path):
    """The CMS gives no validator while a change may still be committing."""
    client, pages = pull(live_server.url, tmp_path)
    assert place.pk in pages
    assert list(tmp_path.glob("*.json")) == []

    settle()
    pull(live_server.url, tmp_path)
    client, _ = pull(live_server.url, tmp_path)
    assert client.revalidated == 1 + len(PAGE_TYPES)


def test_a_damaged_cache_entry_is_fetched_in_full(place, live_server, tmp_path):
    settle()
    _, pages = pull(live_server.url, tmp_path)
    for entry in tmp_path.glob("*.json"):
        entry.write_text("{not json")

    client, again = pull(live_server.url, tmp_path)
    assert client.revalidated == 0
    assert again == pages


def test_without_a_cache_nothing_is_revalidated(place, live_server):
    settle()
    client = ApiClient(live_server.url, retries=0)
    client.territories()
    client.territories()
    assert client.revalidated == 0
