"""An editor invites a business owner; the owner sets a password from the mail."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import mail
from django.urls import reverse

from cms.owners.dashboard import is_owner_only
from tests.cms.factories import BusinessPageFactory

pytestmark = pytest.mark.django_db
PASSWORD = "una-password-lunga-42"


@pytest.fixture
def editor(territory):
    user = get_user_model().objects.create_user(
        "redazione", "redazione@lecce.test", "pw", first_name="Anna"
    )
    user.groups.add(Group.objects.get(name="Lecce editors"))
    return user


@pytest.fixture
def other_editor(other_territory):
    user = get_user_model().objects.create_user("grecia", "redazione@grecia.test")
    user.groups.add(Group.objects.get(name="Grecìa Salentina editors"))
    return user


@pytest.fixture
def business(territory):
    page = BusinessPageFactory(
        parent=territory.sections["businesses"], title="Forno Rossi"
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def other_business(territory):
    page = BusinessPageFactory(parent=territory.sections["businesses"], title="Altra")
    page.save_revision().publish()
    return page


def invite_url(business) -> str:
    return reverse("owners_admin:invite") + f"?business={business.pk}"


def invite(client, business, email="forno@example.org", language="en"):
    return client.post(
        reverse("owners_admin:invite"),
        {
            "email": email,
            "name": "Maria Rossi",
            "language": language,
            "business": business.pk,
        },
    )


def refused(response) -> bool:
    """Wagtail's admin answers a PermissionDenied with a redirect to its home."""
    if response.status_code == 302:
        return response.url == reverse("wagtailadmin_home")
    return response.status_code == 403


def link_in(message) -> str:
    match = re.search(r"https?://\S+/owners/set-password/\S+/", message.body)
    assert match, message.body
    return match.group(0)


def path_of(url: str) -> str:
    assert url.startswith(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/")
    return url.removeprefix(settings.WAGTAILADMIN_BASE_URL.rstrip("/"))


def set_password(client, link: str, password: str = PASSWORD):
    form_page = client.get(path_of(link))
    assert form_page.status_code == 302  # the token moves to the session
    return client.post(
        form_page.url, {"new_password1": password, "new_password2": password}
    )


def test_editor_invites_a_new_owner_who_sets_a_password_and_logs_in(
    client, editor, business, other_business
):
    client.force_login(editor)
    form = client.get(invite_url(business))
    assert form.status_code == 200
    assert "Forno Rossi" in form.content.decode()

    response = invite(client, business, language="en")

    assert response.status_code == 302
    owner = get_user_model().objects.get(email="forno@example.org")
    assert not owner.has_usable_password() and owner.is_active
    assert owner.get_full_name() == "Maria Rossi"
    assert list(owner.businesses.all()) == [business]
    assert is_owner_only(owner)
    [message] = mail.outbox
    assert message.to == ["forno@example.org"]
    assert message.subject == "Your account for Forno Rossi on Lecce"
    assert "Choose your password" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "Forno Rossi" in html
    link = link_in(message)
    assert link in html

    client.logout()
    page = client.get(client.get(path_of(link)).url)
    assert page.status_code == 200
    assert page.headers["Content-Language"] == "en"
    assert "Choose your password" in page.content.decode()
    response = set_password(client, link)
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")

    client.logout()
    login = client.post(
        reverse("wagtailadmin_login"),
        {"username": owner.get_username(), "password": PASSWORD},
    )
    assert login.status_code == 302
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Forno Rossi" in dashboard
    assert "Altra" not in dashboard
    add_offer = reverse(
        "wagtailadmin_pages:add", args=["offers", "offerpage", business.pk]
    )
    assert add_offer in dashboard

    again = client.get(path_of(link))
    assert "This link no longer works" in again.content.decode()
    assert 'name="new_password1"' not in again.content.decode()


def test_the_mail_and_the_page_speak_the_owners_language(client, editor, business):
    client.force_login(editor)
    invite(client, business, language="it")

    [message] = mail.outbox
    assert message.subject == "Il tuo account per Forno Rossi su Lecce"
    assert "Scegli qui la tua password" in message.body
    client.logout()
    page = client.get(client.get(path_of(link_in(message))).url)
    assert page.headers["Content-Language"] == "it"
    assert "Scegli la tua password" in page.content.decode()


def test_an_expired_link_is_refused(client, editor, business, monkeypatch):
    client.force_login(editor)
    invite(client, business)
    link = link_in(mail.outbox[0])
    client.logout()
    later = dt.datetime.now() + dt.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)
    monkeypatch.setattr(
        PasswordResetTokenGenerator,
        "_now",
        lambda self: later + dt.timedelta(hours=1),
    )

    page = client.get(path_of(link))

    assert page.status_code == 200
    assert "This link no longer works" in page.content.decode()
    owner = get_user_model().objects.get(email="forno@example.org")
    assert not owner.has_usable_password()


def test_a_used_link_cannot_set_the_password_again(client, editor, business):
    client.force_login(editor)
    invite(client, business)
    link = link_in(mail.outbox[0])
    client.logout()
    set_password(client, link)
    client.logout()

    response = client.get(path_of(link))

    assert "This link no longer works" in response.content.decode()
    owner = get_user_model().objects.get(email="forno@example.org")
    assert owner.check_password(PASSWORD)


def test_an_editor_of_another_territory_cannot_invite(client, other_editor, business):
    client.force_login(other_editor)

    assert refused(client.get(invite_url(business)))
    assert refused(invite(client, business))
    assert not mail.outbox
    assert not get_user_model().objects.filter(email="forno@example.org").exists()
    assert not business.owners.exists()


def test_owners_and_moderators_cannot_invite(client, territory, business):
    moderator = get_user_model().objects.create_user("moderatore")
    moderator.groups.add(Group.objects.get(name="Lecce moderators"))
    client.force_login(moderator)
    assert refused(client.get(invite_url(business)))
    assert refused(invite(client, business))
    assert not mail.outbox


def test_an_existing_owner_is_added_and_told(client, editor, business, other_business):
    owner = get_user_model().objects.create_user("forno", "forno@example.org", PASSWORD)
    business.owners.add(owner)
    business.save_revision().publish()
    client.force_login(editor)

    response = invite(client, other_business, email="FORNO@example.org")

    assert response.status_code == 302
    assert (
        get_user_model().objects.filter(email__iexact="forno@example.org").count() == 1
    )
    assert set(owner.businesses.all()) == {business, other_business}
    [message] = mail.outbox
    assert message.subject == "You can now manage Altra on Lecce"
    assert "/owners/set-password/" not in message.body
    assert (
        settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_login") in message.body
    )
    assert owner.check_password(PASSWORD)


def test_an_owner_added_to_a_draft_stays_when_the_draft_is_published(
    client, editor, business
):
    business.title = "Forno Rossi e figli"
    business.save_revision()  # an unpublished draft, without the owner
    client.force_login(editor)
    invite(client, business)

    business.refresh_from_db()
    business.latest_revision.publish()

    owner = get_user_model().objects.get(email="forno@example.org")
    assert list(owner.businesses.all()) == [business]
    assert is_owner_only(owner)


def test_editors_find_the_invitation_on_the_business_page(client, editor, business):
    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[business.pk]))
    assert invite_url(business) in edit.content.decode()
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("owners_admin:signup_list") in home
