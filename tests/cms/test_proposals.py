"""Citizens propose events (issue 20): a public form, no account; the proposal
becomes a draft event in the territory's moderation, and the proposer hears
back in the language of the site they came from."""

import copy
import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cms.events.models import EventPage
from cms.proposals.models import EventProposal
from tests.cms.factories import PlacePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def territory(lecce_once):
    """Lecce made once for the module (tests/conftest.py), a copy per test."""
    return copy.deepcopy(lecce_once)


URL = "/propose/event/"


def form_data(territory, **fields) -> dict:
    day = timezone.localdate() + dt.timedelta(days=10)
    return {
        "territory": territory.site.pk,
        "title": "Pizzica in piazza",
        "description": "Musica e danza popolare per tutti.",
        "date": day.isoformat(),
        "start_time": "21:00",
        "end_time": "23:30",
        "repeats": "",
        "repeat_until": "",
        "venue": "",
        "address": "Piazza del Popolo, Calimera",
        "audiences": ["families"],
        "name": "Anna Greco",
        "email": "anna@example.org",
        "phone": "",
        "consent": "on",
        "website": "",
        **fields,
    }


def test_the_form_speaks_the_sites_language_and_lists_its_places(
    client, territory, other_territory
):
    duomo = PlacePageFactory(parent=territory.sections["places"], title="Duomo")
    duomo.save_revision().publish()
    elsewhere = PlacePageFactory(
        parent=other_territory.sections["places"], title="Menhir"
    )
    elsewhere.save_revision().publish()

    response = client.get(f"{URL}?territory=lecce&lang=de")
    html = response.content.decode()

    assert response.status_code == 200
    assert '<html lang="de" dir="ltr">' in html
    assert "Veranstaltung vorschlagen" in html  # "Propose an event"
    assert f'<option value="{territory.site.pk}" selected>' in html
    assert "Duomo" in html and "Menhir" not in html
    arabic = client.get(f"{URL}?territory=lecce&lang=ar").content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic


@pytest.mark.database
def test_a_proposal_becomes_a_draft_event_in_moderation(client, territory):
    response = client.post(f"{URL}?lang=de", form_data(territory))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("proposals:thanks"))
    page = EventPage.objects.get(title="Pizzica in piazza")
    assert not page.live
    assert page.get_parent().pk == territory.sections["events"].pk
    assert page.workflow_in_progress
    assert page.location == "Piazza del Popolo, Calimera"
    assert page.audiences == ["families"]
    local_start = timezone.localtime(page.start)
    assert (local_start.hour, local_start.minute) == (21, 0)
    proposal = page.proposal
    assert (proposal.language, proposal.status) == ("de", "pending")
    assert proposal.email == "anna@example.org"
    # A draft never reaches the API.
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404


def test_mistakes_are_named_and_nothing_is_stored(client, territory):
    response = client.post(
        URL, form_data(territory, address="", end_time="20:00", consent="")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html
    for field in ("id_address", "id_end_time", "id_consent"):
        assert f'href="#{field}"' in html
    assert not EventProposal.objects.exists()
    assert not EventPage.objects.exists()


def test_a_place_of_another_territory_is_refused(client, territory, other_territory):
    menhir = PlacePageFactory(parent=other_territory.sections["places"], title="M")
    menhir.save_revision().publish()
    response = client.post(URL, form_data(territory, venue=menhir.pk, address=""))
    assert 'href="#id_venue"' in response.content.decode()
    assert not EventPage.objects.exists()


def test_a_bot_is_thanked_and_nothing_is_stored(client, territory):
    response = client.post(URL, form_data(territory, website="http://spam"))
    assert response.status_code == 302
    assert not EventProposal.objects.exists()


@pytest.mark.database
def test_a_burst_is_limited(client, territory, settings):
    settings.VETRINA_PROPOSAL_RATE = (2, 3600)
    for n in range(2):
        assert (
            client.post(URL, form_data(territory, title=f"Ev {n}")).status_code == 302
        )
    response = client.post(URL, form_data(territory, title="Ev 3"))
    assert response.status_code == 429
    assert EventProposal.objects.count() == 2


def test_the_proposer_hears_of_publication_in_their_language(
    client, territory, moderator, django_capture_on_commit_callbacks
):
    client.post(f"{URL}?lang=de", form_data(territory))
    page = EventPage.objects.get(title="Pizzica in piazza")
    mail.outbox.clear()

    state = page.current_workflow_state
    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.task.specific.on_action(
            state.current_task_state, moderator, "approve"
        )

    page.refresh_from_db()
    assert page.live
    (message,) = mail.outbox
    assert message.to == ["anna@example.org"]
    assert message.extra_headers["Content-Language"] == "de"
    assert "Pizzica in piazza" in message.subject
    assert "veröffentlicht" in message.subject
    assert page.full_url in message.body
    assert page.proposal.status == "published"


def test_the_proposer_hears_when_it_is_declined(client, territory, moderator):
    client.post(f"{URL}?lang=ar", form_data(territory))
    page = EventPage.objects.get(title="Pizzica in piazza")
    mail.outbox.clear()

    state = page.current_workflow_state
    task_state = state.current_task_state
    task_state.task.specific.on_action(
        task_state, moderator, "reject", comment="Manca il luogo esatto."
    )

    (message,) = mail.outbox
    assert message.extra_headers["Content-Language"] == "ar"
    assert "Manca il luogo esatto." in message.body
    html = message.alternatives[0][0]
    assert 'dir="rtl"' in html
    assert EventProposal.objects.get().status == "declined"


def test_the_sites_learn_where_the_form_is(client, territory, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://cms.example.org"
    (lecce,) = client.get("/api/v2/territories/").json()["items"]
    assert lecce["propose_event_url"] == (
        "https://cms.example.org/propose/event/?territory=lecce"
    )


def test_setup_roles_gives_an_older_territorys_moderators_the_events(
    territory, moderator
):
    """What the README tells an operator to run after upgrading."""
    from django.core.management import call_command
    from wagtail.models import GroupPagePermission

    events = territory.sections["events"]
    GroupPagePermission.objects.filter(page=events).delete()  # as before
    assert not events.permissions_for_user(moderator).can_publish()

    call_command("setup_roles", verbosity=0)

    fresh = type(moderator).objects.get(pk=moderator.pk)  # no cached rights
    assert events.permissions_for_user(fresh).can_publish()
