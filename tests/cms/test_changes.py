"""The change feed: items, tombstones and resets a static build syncs from."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from cms.changes import feed as feed_module
from cms.changes.feed import prune_changes
from cms.changes.models import Change, Scope
from cms.changes.recording import territory_site_for
from cms.changes.signals import content_changed
from cms.core.models import Topic
from cms.territories.setup import get_locale
from tests.cms.factories import (
    BusinessPageFactory,
    ImageFactory,
    OfferPageFactory,
    PlacePageFactory,
    StoryPageFactory,
)

pytestmark = pytest.mark.django_db


def get_feed(client, since=None, territory="lecce"):
    url = f"/api/v2/changes/?territory={territory}"
    if since is not None:
        url += f"&since={since}"
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()


def cursor_now(client, territory="lecce"):
    """What a client does first: take a cursor, then fetch everything.

    Everything so far is settled first, as it would be a few seconds later.
    """
    settle_everything()
    body = get_feed(client, territory=territory)
    assert body["reset"] is True
    return body["cursor"]


def settle_everything():
    """Make every change so far older than the settle window."""
    Change.objects.update(created_at=timezone.now() - dt.timedelta(minutes=1))


def publish(page):
    page.save_revision().publish()
    return page


def change_inserts(queries):
    return sum(
        q["sql"].startswith('INSERT INTO "changes_change"')
        for q in queries.captured_queries
    )


def ids(entries):
    return [entry["id"] for entry in entries]


@pytest.mark.database
def test_without_a_cursor_the_client_is_told_to_fetch_everything(territory, client):
    body = get_feed(client)
    assert body["reset"] is True
    assert body["items"] == body["tombstones"] == []
    assert body["more"] is False
    assert body["cursor"].startswith("c")


@pytest.mark.database
def test_publish_gives_the_same_item_as_the_pages_listing(territory, client):
    hero = ImageFactory(title="Facciata")
    topic = Topic.objects.create(
        name="Barocco", slug="barocco", locale=territory.home.locale
    )
    since = cursor_now(client)
    place = PlacePageFactory(
        parent=territory.sections["places"], title="Duomo", hero_image=hero
    )
    place.opening_hours.create(weekday=0, opens="09:00", closes="13:00")
    publish(place)
    story = StoryPageFactory(parent=territory.sections["stories"], hero_image=hero)
    story.related_places.create(place=place)
    story.topics.add(topic)
    publish(story)

    body = get_feed(client, since)

    assert body["reset"] is False
    assert body["tombstones"] == []
    assert ids(body["items"]) == sorted([place.pk, story.pk])
    by_id = {item["id"]: item for item in body["items"]}
    for type_, page in (("places.PlacePage", place), ("stories.StoryPage", story)):
        listing = client.get(
            f"/api/v2/pages/?type={type_}&fields=*&site=lecce.test:80"
        ).json()
        (expected,) = [item for item in listing["items"] if item["id"] == page.pk]
        assert by_id[page.pk] == expected
    assert by_id[place.pk]["meta"]["path"] == "/luoghi/duomo/"
    assert by_id[place.pk]["media"]["images"][str(hero.pk)]["title"] == "Facciata"
    assert by_id[story.pk]["topics"][0]["slug"] == "barocco"


@pytest.mark.database
def test_unpublish_gives_a_tombstone(territory, client):
    place = publish(PlacePageFactory(parent=territory.sections["places"]))
    since = cursor_now(client)
    place.unpublish()

    body = get_feed(client, since)

    assert body["items"] == []
    assert body["tombstones"] == [
        {
            "id": place.pk,
            "type": "places.PlacePage",
            "locale": "it",
            "translation_key": str(place.translation_key),
        }
    ]


@pytest.mark.database
def test_deleting_a_subtree_gives_tombstones_in_one_insert(territory, client):
    business = BusinessPageFactory(parent=territory.sections["businesses"])
    offer = OfferPageFactory(parent=business)
    business_key, offer_key = business.translation_key, offer.translation_key
    since = cursor_now(client)

    with CaptureQueriesContext(connection) as queries:
        Page.objects.get(pk=business.pk).delete()

    assert change_inserts(queries) == 1
    body = get_feed(client, since)
    assert body["items"] == []
    assert body["tombstones"] == [
        {
            "id": business.pk,
            "type": "offers.BusinessPage",
            "locale": "it",
            "translation_key": str(business_key),
        },
        {
            "id": offer.pk,
            "type": "offers.OfferPage",
            "locale": "it",
            "translation_key": str(offer_key),
        },
    ]


def test_scheduled_expiry_gives_a_tombstone(territory, client):
    place = publish(PlacePageFactory(parent=territory.sections["places"]))
    Page.objects.filter(pk=place.pk).update(
        expire_at=timezone.now() - dt.timedelta(minutes=1)
    )
    since = cursor_now(client)

    call_command("publish_scheduled")

    body = get_feed(client, since)
    assert ids(body["tombstones"]) == [place.pk]
    assert body["items"] == []


def test_scheduled_go_live_gives_an_item(territory, client):
    place = PlacePageFactory(parent=territory.sections["places"], live=False)
    place.go_live_at = timezone.now() - dt.timedelta(minutes=1)
    place.save_revision(approved_go_live_at=place.go_live_at)
    since = cursor_now(client)

    call_command("publish_scheduled")

    assert ids(get_feed(client, since)["items"]) == [place.pk]


def test_draft_edits_do_not_appear(territory, client):
    place = publish(PlacePageFactory(parent=territory.sections["places"]))
    since = cursor_now(client)
    place.title = "Bozza nuova"
    place.save_revision()

    body = get_feed(client, since)
    assert body["reset"] is False
    assert body["items"] == body["tombstones"] == []


def test_private_pages_are_tombstones_never_items(territory, client):
    business = BusinessPageFactory(parent=territory.sections["businesses"])
    offer = OfferPageFactory(parent=business)
    PageViewRestriction.objects.create(
        page=business, restriction_type="password", password="x"
    )
    since = cursor_now(client)
    publish(business)
    publish(offer)  # private too: under a restricted page

    body = get_feed(client, since)
    assert body["items"] == []
    assert ids(body["tombstones"]) == [business.pk, offer.pk]


def test_expired_but_not_yet_unpublished_pages_are_tombstones(territory, client):
    place = PlacePageFactory(parent=territory.sections["places"])
    since = cursor_now(client)
    place.expire_at = timezone.now() + dt.timedelta(seconds=1)
    publish(place)
    Page.objects.filter(pk=place.pk).update(
        expire_at=timezone.now() - dt.timedelta(seconds=1)
    )

    assert ids(get_feed(client, since)["tombstones"]) == [place.pk]


def test_other_territories_changes_never_appear(territory, other_territory, client):
    lecce_since = cursor_now(client, "lecce")
    grecia_since = cursor_now(client, "grecia-salentina")
    here = publish(PlacePageFactory(parent=territory.sections["places"]))
    there = publish(PlacePageFactory(parent=other_territory.sections["places"]))
    gone = PlacePageFactory(parent=other_territory.sections["places"])
    gone.delete()

    assert ids(get_feed(client, lecce_since)["items"]) == [here.pk]
    assert get_feed(client, lecce_since)["tombstones"] == []
    grecia = get_feed(client, grecia_since, "grecia-salentina")
    assert ids(grecia["items"]) == [there.pk]
    assert ids(grecia["tombstones"]) == [gone.pk]


def test_translated_pages_belong_to_their_territory(territory, other_territory, client):
    place = publish(PlacePageFactory(parent=territory.sections["places"]))
    since = cursor_now(client)
    grecia_since = cursor_now(client, "grecia-salentina")
    english = place.copy_for_translation(get_locale("en"), copy_parents=True)
    english.title = "Cathedral"
    publish(english)

    assert english.get_parent().get_parent().depth == 2  # not under the site root
    assert territory_site_for(english) == territory.site
    assert territory_site_for(english.get_parent()) == territory.site
    assert territory_site_for(other_territory.sections["places"]) == (
        other_territory.site
    )
    assert territory_site_for(Page.get_first_root_node()) is None
    body = get_feed(client, since)
    assert ids(body["items"]) == [english.pk]
    assert body["items"][0]["meta"]["locale"] == "en"
    assert body["items"][0]["meta"]["translation_key"] == str(place.translation_key)
    grecia = get_feed(client, grecia_since, "grecia-salentina")
    assert grecia["items"] == grecia["tombstones"] == []


def test_territory_settings_save_asks_for_a_reset(territory, other_territory, client):
    since = cursor_now(client)
    grecia_since = cursor_now(client, "grecia-salentina")
    territory.settings.brand_colour = "#123456"
    territory.settings.save()

    body = get_feed(client, since)
    assert body["reset"] is True
    assert body["items"] == body["tombstones"] == []
    assert get_feed(client, grecia_since, "grecia-salentina")["reset"] is False


def test_topic_save_resets_every_territory(territory, other_territory, client):
    since = cursor_now(client)
    grecia_since = cursor_now(client, "grecia-salentina")
    Topic.objects.create(name="Cibo", slug="cibo", locale=territory.home.locale)

    assert get_feed(client, since)["reset"] is True
    assert get_feed(client, grecia_since, "grecia-salentina")["reset"] is True


def test_image_change_resets_the_territories_that_use_it(
    territory, other_territory, client
):
    used = ImageFactory()
    unused = ImageFactory()
    publish(PlacePageFactory(parent=territory.sections["places"], hero_image=used))
    since = cursor_now(client)
    grecia_since = cursor_now(client, "grecia-salentina")

    unused.title = "Nessuno la usa"
    unused.save()
    assert get_feed(client, since)["reset"] is False

    used.alt_text = "Nuovo testo alternativo"
    used.save()
    assert get_feed(client, since)["reset"] is True
    assert get_feed(client, grecia_since, "grecia-salentina")["reset"] is False

    since = cursor_now(client)
    used.delete()
    assert get_feed(client, since)["reset"] is True


def test_bad_cursors_ask_for_a_reset(territory, client):
    publish(PlacePageFactory(parent=territory.sections["places"]))
    newest = Change.objects.latest("id").pk
    for bad in ("nonsense", "c", "12", f"c{newest + 1000}"):
        assert get_feed(client, bad)["reset"] is True, bad


@pytest.mark.database
def test_pruned_cursors_ask_for_a_reset(territory, client):
    old_cursor = f"c{Change.objects.latest('id').pk}"  # territory set-up
    place = publish(PlacePageFactory(parent=territory.sections["places"]))
    assert get_feed(client, old_cursor)["reset"] is False
    Change.objects.update(created_at=timezone.now() - dt.timedelta(days=31))
    publish(place)
    publish(place)

    assert prune_changes() > 0
    assert Change.objects.count() == 2  # the two recent publishes
    assert get_feed(client, old_cursor)["reset"] is True


@pytest.mark.database
def test_prune_keeps_the_newest_change(territory, client):
    Change.objects.update(created_at=timezone.now() - dt.timedelta(days=31))
    newest = Change.objects.latest("id")
    call_command("prune_changes")
    assert list(Change.objects.all()) == [newest]
    assert get_feed(client, f"c{newest.pk}")["reset"] is False
    assert get_feed(client, f"c{newest.pk + 1}")["reset"] is True


@pytest.mark.database
def test_cursor_pages_through_many_changes(territory, client, monkeypatch):
    monkeypatch.setattr(feed_module, "PAGE_SIZE", 2)
    since = cursor_now(client)
    places = [
        publish(PlacePageFactory(parent=territory.sections["places"])) for _ in range(5)
    ]
    publish(places[0])  # changed again: delivered once, in its latest position
    settle_everything()

    seen, calls, more = [], 0, True
    while more:
        body = get_feed(client, since)
        assert len(body["items"]) <= 2
        seen += ids(body["items"])
        since, more = body["cursor"], body["more"]
        calls += 1
    assert calls == 3
    assert sorted(seen) == sorted(p.pk for p in places)
    assert seen[-1] == places[0].pk
    assert get_feed(client, since)["items"] == []


@pytest.mark.database
def test_the_cursor_waits_for_the_settle_window(territory, client):
    """A young change is delivered, but the cursor stays before it, so a change
    with a lower id still in flight in another transaction is not skipped."""
    since = cursor_now(client)
    settled = publish(PlacePageFactory(parent=territory.sections["places"]))
    settle_everything()
    settled_id = Change.objects.latest("id").pk
    young = publish(PlacePageFactory(parent=territory.sections["places"]))

    body = get_feed(client, since)
    assert ids(body["items"]) == [settled.pk, young.pk]
    assert body["cursor"] == f"c{settled_id}"

    again = get_feed(client, body["cursor"])
    assert ids(again["items"]) == [young.pk]  # delivered again, harmlessly
    assert again["cursor"] == body["cursor"]

    settle_everything()
    last = get_feed(client, body["cursor"])
    assert last["cursor"] == f"c{Change.objects.latest('id').pk}"
    assert get_feed(client, last["cursor"])["items"] == []


@pytest.mark.database
def test_cut_off_young_changes_are_not_more(territory, client, monkeypatch):
    monkeypatch.setattr(feed_module, "PAGE_SIZE", 1)
    since = cursor_now(client)
    settle_everything()
    since = cursor_now(client)
    for _ in range(2):
        publish(PlacePageFactory(parent=territory.sections["places"]))

    body = get_feed(client, since)
    assert len(body["items"]) == 1
    assert body["cursor"] == since
    assert body["more"] is False  # calling again now would change nothing


def add_places(territory, count):
    image = ImageFactory()
    for _ in range(count):
        place = PlacePageFactory(parent=territory.sections["places"], hero_image=image)
        place.opening_hours.create(weekday=1, opens="09:00", closes="18:00")
        place.ticket_prices.create(label="Intero", price="5.00")
        publish(place)
        story = StoryPageFactory(parent=territory.sections["stories"])
        story.related_places.create(place=place)
        publish(story)
        publish(
            OfferPageFactory(
                parent=BusinessPageFactory(parent=territory.sections["businesses"])
            )
        )
        gone = PlacePageFactory(parent=territory.sections["places"])
        gone.delete()


def count_feed_queries(client, since):
    get_feed(client, since)  # warm per-process caches
    with CaptureQueriesContext(connection) as ctx:
        body = get_feed(client, since)
    return len(ctx.captured_queries), len(body["items"]), len(body["tombstones"])


@pytest.mark.database
def test_feed_queries_do_not_grow_with_its_size(territory, client):
    since = cursor_now(client)
    add_places(territory, 2)
    small = count_feed_queries(client, since)
    add_places(territory, 6)
    large = count_feed_queries(client, since)

    assert (small[1], small[2]) == (6, 2)
    assert (large[1], large[2]) == (24, 8)
    assert small[0] == large[0]


def test_unknown_or_missing_territory(db, client):
    response = client.get("/api/v2/changes/?territory=atlantide")
    assert response.status_code == 404
    assert "atlantide" in response.json()["message"]
    response = client.get("/api/v2/changes/")
    assert response.status_code == 400
    assert "territory" in response.json()["message"]
    response = client.get("/api/v2/changes/?territory=lecce&sicne=c1")
    assert response.status_code == 400


@pytest.mark.database
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_content_changed_is_sent_once_per_territory_per_transaction(
    territory, other_territory
):
    """Real commits here: the signal must follow the commit, not the save."""
    received = []

    def receiver(sender, site_id, **kwargs):
        received.append((sender, site_id))

    content_changed.connect(receiver)
    try:
        with transaction.atomic():
            for _ in range(3):
                publish(PlacePageFactory(parent=territory.sections["places"]))
            publish(PlacePageFactory(parent=other_territory.sections["places"]))
            territory.settings.save()
            assert received == []  # nothing before the commit
        assert sorted(received) == sorted(
            [(Change, territory.site.pk), (Change, other_territory.site.pk)]
        )

        received.clear()
        with transaction.atomic():
            publish(PlacePageFactory(parent=territory.sections["places"]))
        assert received == [(Change, territory.site.pk)]

        received.clear()
        with pytest.raises(RuntimeError), transaction.atomic():
            publish(PlacePageFactory(parent=territory.sections["places"]))
            raise RuntimeError("rolled back")
        assert received == []
        publish(PlacePageFactory(parent=other_territory.sections["places"]))
        assert received == [(Change, other_territory.site.pk)]

        # An editor's redirect: its territory is rebuilt too.
        received.clear()
        Redirect.objects.create(
            site=territory.site, old_path="/orari", redirect_link="https://t.example/"
        )
        assert received == [(Change, territory.site.pk)]
    finally:
        content_changed.disconnect(receiver)


@pytest.mark.database
def test_one_insert_per_event(territory):
    with CaptureQueriesContext(connection) as queries:
        publish(PlacePageFactory(parent=territory.sections["places"]))
    assert change_inserts(queries) == 1
    assert Change.objects.filter(scope=Scope.PAGE).count() == 1


@pytest.mark.database
def test_a_reset_among_young_changes_gives_a_cursor_that_works_next_time(
    territory, client
):
    """Right after a burst of edits nothing is settled yet; the reset's cursor
    must still let the next call be incremental, not another full fetch."""
    Change.objects.all().delete()  # the log starts after a prune...
    publish(PlacePageFactory(parent=territory.sections["places"]))  # ...and is young
    cursor = get_feed(client)["cursor"]
    following = get_feed(client, cursor)
    assert following["reset"] is False
    assert len(following["items"]) == 1  # re-delivered until it settles


def redirect_changes():
    return set(
        Change.objects.filter(scope=Scope.REDIRECTS).values_list("site_id", flat=True)
    )


def test_an_editors_redirect_changes_its_territory_without_a_reset(
    territory, other_territory, client
):
    lecce, grecia = territory.site.pk, other_territory.site.pk
    since = cursor_now(client)
    redirect = Redirect.objects.create(
        site_id=lecce, old_path="/orari", redirect_link="https://t.example/"
    )
    assert redirect_changes() == {lecce}
    settle_everything()
    body = get_feed(client, since)
    assert (body["reset"], body["items"], body["tombstones"]) == (False, [], [])
    assert body["cursor"] != since

    Change.objects.all().delete()
    redirect.site_id = grecia
    redirect.save()  # the territory it leaves changes too
    assert redirect_changes() == {lecce, grecia}

    Change.objects.all().delete()
    redirect.delete()
    assert redirect_changes() == {grecia}

    Change.objects.all().delete()
    Redirect.objects.create(old_path="/orari", redirect_link="https://t.example/")
    assert redirect_changes() == {lecce, grecia}  # every territory, no other Site


def test_a_page_or_site_deleted_takes_its_redirects_along(territory, other_territory):
    place = PlacePageFactory(parent=territory.sections["places"])
    Redirect.objects.create(old_path="/a", redirect_page=place)
    Redirect.objects.create(
        site=other_territory.site, old_path="/b", redirect_link="https://t.example/"
    )
    Page.objects.get(pk=place.pk).delete()
    other_territory.site.delete()

    assert not Redirect.objects.exists()
    # No change was recorded for the Site being deleted: that would break it.
    connection.check_constraints()
