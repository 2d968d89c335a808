"""Institutions as partners: a museum's staff keep its place page, propose
events at it and stories about it, all through the territory's moderation."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from cms.events.models import EventPage
from cms.owners.dashboard import is_owner_only
from cms.owners.models import BusinessAccess, SignupRequest
from cms.stories.models import StoryPage
from tests.cms.factories import EventPageFactory, PlacePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def museum(territory):
    page = PlacePageFactory(
        parent=territory.sections["places"], title="Museo Castromediano"
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def other_museum(territory):
    page = PlacePageFactory(parent=territory.sections["places"], title="Museo Faggiano")
    page.save_revision().publish()
    return page


@pytest.fixture
def curator(museum):
    """The museum's staff account, invited by the editors."""
    user = get_user_model().objects.create_user(
        "museo", password="pw", email="museo@example.org"
    )
    user.institutions.add(museum)
    return user


def event_data(**changes) -> dict:
    day = timezone.localdate() + dt.timedelta(days=10)
    return {
        "title": "Notte al museo",
        "description": "Visita guidata a lume di torcia.",
        "date": day.isoformat(),
        "start_time": "21:00",
        "end_time": "23:00",
        "repeats": "",
        "repeat_until": "",
        "audiences": ["families"],
        **changes,
    }


def test_an_editor_invites_a_museums_staff(client, editor, museum):
    client.force_login(editor)
    response = client.post(
        reverse("owners_admin:invite"),
        {
            "email": "direzione@example.org",
            "name": "Anna Verdi",
            "language": "it",
            "business": museum.pk,
        },
    )

    assert response.status_code == 302
    staff = get_user_model().objects.get(email="direzione@example.org")
    assert list(staff.institutions.all()) == [museum]
    assert is_owner_only(staff)
    [message] = mail.outbox
    assert "Museo Castromediano" in message.body
    assert "eventi" in message.body  # their invitation speaks of events, in Italian
    assert "offerte" not in message.body


def test_the_staff_may_edit_their_place_but_not_publish_it(curator, museum):
    other = PlacePageFactory(parent=museum.get_parent())
    mine = museum.permissions_for_user(curator)

    assert mine.can_edit()
    assert not mine.can_publish()
    assert not mine.can_delete()
    assert museum.get_workflow() is not None  # so "Submit for moderation" shows
    assert mine.can_submit_for_moderation()
    assert not other.permissions_for_user(curator).can_edit()


def test_the_staff_edit_goes_to_the_moderators(curator, museum, moderator):
    museum.step_free_access = True
    museum.save_revision(user=curator)
    museum.get_workflow().start(museum, curator)

    museum.refresh_from_db()
    assert not PlacePageFactory._meta.model.objects.get(pk=museum.pk).step_free_access
    state = museum.current_workflow_task_state
    actions = {name for name, *_ in state.task.specific.get_actions(museum, moderator)}
    assert "approve" in actions
    state.task.specific.on_action(state, moderator, "approve")
    museum.refresh_from_db()
    assert museum.live and museum.step_free_access


def test_the_dashboard_shows_the_institution_with_its_actions(client, curator, museum):
    client.force_login(curator)

    page = client.get(reverse("wagtailadmin_home")).content.decode()

    card = page[page.index(f'id="institution-{museum.pk}') :]
    assert "Museo Castromediano" in card
    edit = reverse("wagtailadmin_pages:edit", args=[museum.pk])
    assert f'href="{edit}"' in card
    assert reverse("partners:event", args=[museum.pk]) in card
    assert reverse("partners:story", args=[museum.pk]) in card
    # Italian by default, with labelled buttons.
    assert "Proponi un evento" in card
    assert "Aggiorna orari e informazioni" in card


def test_the_staff_propose_an_event_at_their_venue(client, curator, museum, moderator):
    client.force_login(curator)

    response = client.post(reverse("partners:event", args=[museum.pk]), event_data())

    assert response.status_code == 302
    event = EventPage.objects.get(title="Notte al museo")
    assert not event.live
    assert event.venue_id == museum.pk
    assert event.owner == curator
    assert event.workflow_in_progress
    perms = event.permissions_for_user(curator)
    assert perms.can_edit() and not perms.can_publish()
    # The moderators approve it: it is published.
    state = event.current_workflow_task_state
    state.task.specific.on_action(state, moderator, "approve")
    event.refresh_from_db()
    assert event.live


def test_asked_for_changes_the_staff_mend_and_resubmit(
    client, curator, museum, moderator
):
    client.force_login(curator)
    client.post(reverse("partners:event", args=[museum.pk]), event_data())
    event = EventPage.objects.get(title="Notte al museo")
    state = event.current_workflow_task_state
    state.task.specific.on_action(
        state, moderator, "reject", comment="Manca il prezzo."
    )

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Manca il prezzo." in dashboard
    event.refresh_from_db()
    assert event.permissions_for_user(curator).can_submit_for_moderation()


def test_a_story_about_the_place(client, curator, museum):
    client.force_login(curator)

    response = client.post(
        reverse("partners:story", args=[museum.pk]),
        {
            "title": "Il lapidario messapico",
            "summary": "Pietre che parlano.",
            "text": "Pietre & iscrizioni.\r\n\r\nSeconda riga.",
            "author": "",
        },
    )

    assert response.status_code == 302
    story = StoryPage.objects.get(title="Il lapidario messapico")
    assert [p.place_id for p in story.related_places.all()] == [museum.pk]
    assert [block.block_type for block in story.body] == ["paragraph", "paragraph"]
    assert story.body[0].value.source == "<p>Pietre &amp; iscrizioni.</p>"
    assert story.workflow_in_progress
    assert not story.live


def test_the_staff_see_only_their_own_proposals(
    client, curator, museum, other_museum, territory, editor
):
    others = EventPageFactory(
        parent=territory.sections["events"], title="Bozza altrui", live=False
    )
    others.save_revision(user=editor)
    client.force_login(curator)
    client.post(reverse("partners:event", args=[museum.pk]), event_data())

    # Not another museum's forms.
    assert client.get(reverse("partners:event", args=[other_museum.pk])).status_code
    assert (
        client.get(reverse("partners:event", args=[other_museum.pk])).status_code == 404
    )
    # Not the others' drafts, in the events section or the chooser.
    events = territory.sections["events"]
    listing = client.get(reverse("wagtailadmin_explore", args=[events.pk]))
    assert "Bozza altrui" not in listing.content.decode()
    assert "Notte al museo" in listing.content.decode()
    chooser = client.get(reverse("wagtailadmin_choose_page"), {"q": "Bozza"})
    assert "Bozza altrui" not in chooser.content.decode()
    assert not others.permissions_for_user(curator).can_edit()


def test_someone_without_the_institution_cannot_propose(
    client, museum, owner, business
):
    client.force_login(owner)  # a business owner, not the museum's
    response = client.post(reverse("partners:event", args=[museum.pk]), event_data())
    assert response.status_code == 404
    assert not EventPage.objects.filter(title="Notte al museo").exists()


def test_an_institution_asks_to_join_and_is_linked_to_its_place(
    client, editor, museum, territory
):
    signup = SignupRequest.objects.create(
        kind=SignupRequest.Kind.INSTITUTION,
        business_name="Museo Castromediano",
        territory=territory.site,
        contact_name="Anna Verdi",
        email="direzione@example.org",
        language="it",
    )
    client.force_login(editor)
    url = reverse("owners_admin:signup_review", args=[signup.pk])

    page = client.get(url).content.decode()
    assert "Museo Castromediano" in page
    refused = client.post(url, {"business": ""})
    assert refused.status_code == 200  # an institution needs its place chosen
    response = client.post(url, {"business": museum.pk})

    assert response.status_code == 302
    staff = get_user_model().objects.get(email="direzione@example.org")
    assert list(staff.institutions.all()) == [museum]


def test_removing_the_last_account_takes_the_rights_away(curator, museum):
    access = BusinessAccess.objects.get(translation_key=museum.translation_key)
    assert curator in access.group.user_set.all()

    curator.institutions.remove(museum)

    assert curator not in access.group.user_set.all()
    assert not curator.groups.filter(name="Business owners").exists()
    assert not Page.objects.get(pk=museum.pk).permissions_for_user(curator).can_edit()


def test_a_place_without_partners_gets_no_group(museum):
    assert not BusinessAccess.objects.filter(
        translation_key=museum.translation_key
    ).exists()
    assert not re.search(
        r"Institution", " ".join(Group.objects.values_list("name", flat=True))
    )


def test_the_staff_withdraw_their_proposal_but_not_their_place(
    client, curator, museum, territory, editor
):
    client.force_login(curator)
    client.post(reverse("partners:event", args=[museum.pk]), event_data())
    event = EventPage.objects.get(title="Notte al museo")
    withdraw = reverse("owners_admin:withdraw", args=[event.pk])
    assert withdraw in client.get(reverse("wagtailadmin_home")).content.decode()

    assert client.post(withdraw).status_code == 302

    event.refresh_from_db()
    assert not event.workflow_in_progress and not event.live
    # Their place is the territory's page: they edit it, never take it down.
    place = client.post(reverse("owners_admin:withdraw", args=[museum.pk]))
    assert place.status_code in {302, 403}  # Wagtail sends refusals home
    museum.refresh_from_db()
    assert museum.live
    others = EventPageFactory(parent=territory.sections["events"])
    others.save_revision(user=editor).publish()
    refused = client.post(reverse("owners_admin:withdraw", args=[others.pk]))
    assert refused.status_code in {302, 403}
    others.refresh_from_db()
    assert others.live
