"""An owner's offer is public only while approved, live and in its dates.

Every other state (a draft, waiting for review, changes requested, approved
for a later day, past its last day, withdrawn, an unapproved edit of a live
offer) is tried through each path out of the CMS: the API listing and detail,
the change feed (tombstones only), and a real build over HTTP.
"""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from cms.offers.models import OfferPage
from cms.owners.withdrawal import withdraw
from publisher.build import BuildOptions, build
from tests.cms.factories import OfferPageFactory

SECRET = "Segreto"


def offers_listing(client) -> dict:
    response = client.get(
        "/api/v2/pages/?type=offers.OfferPage&fields=*&site=lecce.test:80&limit=20"
    )
    assert response.status_code == 200, response.content
    return response.json()


def submitted(offer: OfferPage, user) -> OfferPage:
    offer.save_revision(user=user)
    offer.get_workflow().start(offer, user)
    return offer


def approve(offer: OfferPage, user) -> None:
    state = offer.current_workflow_task_state
    state.task.specific.on_action(state, user, "approve")


def hidden_offers(business, owner, moderator) -> dict[str, OfferPage]:
    """One offer in each state that must not be public, by name."""
    today = timezone.localdate()
    offers = {}

    def new(name: str, **fields) -> OfferPage:
        offer = OfferPageFactory(
            parent=business, title=f"{SECRET} {name}", live=False, **fields
        )
        offers[name] = offer
        return offer

    new("bozza").save_revision(user=owner)
    submitted(new("in revisione"), owner)
    rejected = submitted(new("da correggere"), owner)
    state = rejected.current_workflow_task_state
    state.task.specific.on_action(state, moderator, "reject")
    later = submitted(
        new(
            "programmata",
            valid_from=today + dt.timedelta(days=10),
            valid_until=today + dt.timedelta(days=20),
        ),
        owner,
    )
    approve(later, moderator)
    past = new("scaduta", valid_from=today - dt.timedelta(days=20))
    past.valid_until = today + dt.timedelta(days=2)
    past.save_revision().publish()
    # Its last day has gone by, and the scheduler has not run yet.
    Page.objects.filter(pk=past.pk).update(
        expire_at=timezone.now() - dt.timedelta(minutes=1)
    )
    withdrawn = new("ritirata")
    withdrawn.save_revision().publish()
    withdraw(OfferPage.objects.get(pk=withdrawn.pk), owner)
    return offers


def status_on(dashboard: str, offer: OfferPage) -> str:
    """The status the owner's dashboard shows for an offer."""
    row = re.search(
        rf'<li class="owner-offer" data-status="(\w+)"[^>]*>\s*<a [^>]*>'
        rf"{re.escape(offer.title)}</a>",
        dashboard,
    )
    assert row, offer.title
    return row.group(1)


def assert_no_secret_leaves(client, offers, live_title: str) -> None:
    body = offers_listing(client)
    assert [item["title"] for item in body["items"]] == [live_title]
    assert SECRET not in str(body)
    for offer in offers.values():
        detail = client.get(f"/api/v2/pages/{offer.pk}/")
        assert detail.status_code == 404, offer.title


@pytest.mark.django_db
def test_no_hidden_offer_reaches_the_api_or_the_change_feed(
    client, territory, business, owner, moderator, settings
):
    settings.VETRINA_CHANGES_SETTLE_SECONDS = 0
    since = client.get("/api/v2/changes/?territory=lecce").json()["cursor"]
    live = OfferPageFactory(parent=business, title="Sconto pubblico", live=False)
    live.save_revision().publish()
    live.title = f"{SECRET} modifica in revisione"
    submitted(live, owner)

    offers = hidden_offers(business, owner, moderator)

    assert_no_secret_leaves(client, offers, "Sconto pubblico")
    feed = client.get(f"/api/v2/changes/?territory=lecce&since={since}").json()
    assert SECRET not in str(feed["items"])
    tombstones = {item["id"] for item in feed["tombstones"]}
    assert {offers["scaduta"].pk, offers["ritirata"].pk} <= tombstones


@pytest.mark.django_db
def test_withdrawn_submission_is_a_draft_again(client, owner, business):
    offer = submitted(OfferPageFactory(parent=business, live=False), owner)
    client.force_login(owner)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    url = reverse("owners_admin:withdraw", args=[offer.pk])
    assert url in dashboard and "Ritira dalla revisione" in dashboard

    response = client.post(url)

    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    offer.refresh_from_db()
    assert not offer.workflow_in_progress and not offer.live
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert status_on(dashboard, offer) == "draft"


@pytest.mark.django_db
def test_owner_takes_a_live_offer_off_the_site_at_once(client, owner, business):
    offer = OfferPageFactory(parent=business, live=False)
    offer.save_revision().publish()
    client.force_login(owner)

    client.post(reverse("owners_admin:withdraw", args=[offer.pk]))

    offer.refresh_from_db()
    assert not offer.live
    assert client.get(f"/api/v2/pages/{offer.pk}/").status_code == 404


@pytest.mark.django_db
def test_owner_cancels_an_approved_offer_before_its_first_day(
    client, owner, moderator, business
):
    today = timezone.localdate()
    offer = submitted(
        OfferPageFactory(
            parent=business,
            live=False,
            valid_from=today + dt.timedelta(days=3),
            valid_until=today + dt.timedelta(days=9),
        ),
        owner,
    )
    approve(offer, moderator)
    client.force_login(owner)

    client.post(reverse("owners_admin:withdraw", args=[offer.pk]))

    offer.refresh_from_db()
    assert not offer.revisions.filter(approved_go_live_at__isnull=False).exists()
    later = timezone.now() + dt.timedelta(days=4)
    assert not OfferPage.objects.filter(pk=offer.pk, go_live_at__lte=later).exists()


@pytest.mark.django_db
def test_nobody_withdraws_another_business_offer(
    client, owner, other_business, moderator
):
    offer = OfferPageFactory(parent=other_business, live=False)
    offer.save_revision().publish()
    client.force_login(owner)

    response = client.post(reverse("owners_admin:withdraw", args=[offer.pk]))

    assert response.status_code in {302, 403}
    offer.refresh_from_db()
    assert offer.live
    assert client.get(
        reverse("owners_admin:withdraw", args=[offer.pk])
    ).status_code in {302, 405}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_no_hidden_offer_reaches_the_built_site(
    live_server, territory, business, owner, moderator, tmp_path
):
    live = OfferPageFactory(parent=business, title="Sconto pubblico", live=False)
    live.save_revision().publish()
    live.title = f"{SECRET} modifica in revisione"
    submitted(live, owner)
    hidden_offers(business, owner, moderator)

    options = BuildOptions(
        api=live_server.url,
        out=tmp_path / "dist",
        content=tmp_path / "content",
        build_date=timezone.localdate().isoformat(),
        jobs=1,
    )
    build(options, progress=lambda message: None)

    written = [path for path in (tmp_path / "dist").rglob("*") if path.is_file()]
    assert any("Sconto pubblico" in p.read_text("utf-8", "ignore") for p in written)
    leaks = [p for p in written if SECRET in p.read_text("utf-8", "ignore")]
    assert leaks == []
    snapshots = list((tmp_path / "content").rglob("*.json"))
    assert snapshots and not [p for p in snapshots if SECRET in p.read_text("utf-8")]
