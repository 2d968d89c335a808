"""Editors see the work to do (issue 20): per territory, on the admin's home,
what waits for review, what ends this week, the pages missing a language and
the last builds; nothing of another territory, nothing for business owners."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cms.publishing.models import Build
from cms.reports.dashboard import waiting
from cms.reports.views import territories
from tests.cms.factories import (
    BusinessPageFactory,
    EventPageFactory,
    OfferPageFactory,
    PlacePageFactory,
)

pytestmark = pytest.mark.django_db


def panel(client, user, slug="lecce") -> str:
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    if f'id="work-{slug}' not in html:
        return ""
    start = html.index(f'id="work-{slug}')
    return html[start : html.index("</section>", start)]


@pytest.mark.database
def test_the_moderation_queue_says_what_waits_since_when_and_from_whom(
    client, owner, business, moderator
):
    offer = OfferPageFactory(parent=business, title="Sconto famiglie", live=False)
    offer.save_revision(user=owner)
    offer.get_workflow().start(offer, owner)

    html = panel(client, moderator)

    assert "In attesa di revisione: 1" in html or "Waiting for review: 1" in html
    row = html[html.index("Sconto famiglie") :]
    assert "bottega" in row[: row.index("</li>")]
    assert reverse("wagtailadmin_pages:edit", args=[offer.pk]) in html


def test_offers_and_events_ending_this_week(client, editor, business, territory):
    today = timezone.localdate()
    OfferPageFactory(
        parent=business, title="Ultimi giorni", valid_until=today + dt.timedelta(3)
    ).save_revision().publish()
    OfferPageFactory(parent=business, title="Ancora a lungo").save_revision().publish()
    events = territory.sections["events"]
    now = timezone.now()
    for title, fields in [
        ("Concerto di dopodomani", {"start": now + dt.timedelta(days=2)}),
        (
            "Corso che finisce",
            {"start": now - dt.timedelta(days=14), "frequency": "weekly",
             "repeat_count": 3},
        ),
        (
            "Visite senza fine",
            {"start": now - dt.timedelta(days=14), "frequency": "weekly"},
        ),
        ("Festa del mese prossimo", {"start": now + dt.timedelta(days=30)}),
    ]:  # fmt: skip
        EventPageFactory(parent=events, title=title, **fields).save_revision().publish()

    html = panel(client, editor)
    ending = html[html.index('class="work-ending"') :]
    ending = ending[: ending.index("</ul>")]

    assert "Ultimi giorni" in ending and "Ancora a lungo" not in ending
    assert "Concerto di dopodomani" in ending
    assert "Corso che finisce" in ending  # its third and last Tuesday
    assert "Visite senza fine" not in ending
    assert "Festa del mese prossimo" not in ending


def test_pages_missing_a_language_and_the_last_builds(client, editor, territory):
    PlacePageFactory(parent=territory.sections["places"], title="Duomo")
    Build.objects.create(
        site=territory.site, backend="local", status="failed", message="API down"
    )

    html = panel(client, editor)

    untranslated = html[html.index('class="work-untranslated"') :]
    assert "?territory=lecce&amp;untranslated=true" in untranslated
    builds = html[html.index('class="work-builds"') :]
    assert "API down" in builds


def test_nothing_of_another_territory_and_nothing_for_owners(
    client, editor, owner, business, other_territory
):
    assert panel(client, editor)
    assert panel(client, editor, "grecia-salentina") == ""
    assert panel(client, owner) == ""


@pytest.mark.database
def test_the_moderation_queues_are_read_once_for_every_territory(
    owner, business, other_territory
):
    elsewhere = BusinessPageFactory(
        parent=other_territory.sections["businesses"], title="Altrove"
    )
    elsewhere.save_revision().publish()
    for parent, title in [(business, "Sconto"), (elsewhere, "Degustazione")]:
        offer = OfferPageFactory(parent=parent, title=title, live=False)
        offer.save_revision(user=owner)
        offer.get_workflow().start(offer, owner)
    both = list(territories())
    lecce = next(t for t in both if t.slug == "lecce")

    with CaptureQueriesContext(connection) as one:
        alone = waiting([lecce])
    with CaptureQueriesContext(connection) as two:
        queues = waiting(both)

    assert len(two) == len(one)
    assert [w.page.title for w in alone[lecce.pk]] == ["Sconto"]
    assert {t.slug: [w.page.title for w in queues[t.pk]] for t in both} == {
        "lecce": ["Sconto"],
        "grecia-salentina": ["Degustazione"],
    }
