"""A business asks to join from the public form; an editor approves or rejects it."""

import copy
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.users.models import UserProfile

from cms.offers.models import BusinessPage
from cms.owners.models import BusinessAccess, SignupRequest
from tests.cms.factories import BusinessPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def territory(lecce_once):
    """Lecce made once for the module (tests/conftest.py), a copy per test."""
    return copy.deepcopy(lecce_once)


SIGNUP = reverse("owners:signup")
THANKS = reverse("owners:signup_thanks")
REQUESTER = "forno@example.org"


def make_editor(group: str, username: str, email: str, language: str = ""):
    user = get_user_model().objects.create_user(username, email, "pw")
    user.groups.add(Group.objects.get(name=group))
    if language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    return user


@pytest.fixture
def editor(territory):
    return make_editor("Lecce editors", "redazione", "redazione@lecce.test", "en")


@pytest.fixture
def italian_editor(territory):
    return make_editor("Lecce editors", "redattrice", "redattrice@lecce.test", "it")


@pytest.fixture
def other_editor(other_territory):
    return make_editor(
        "Grecìa Salentina editors", "grecia", "redazione@grecia.test", "en"
    )


@pytest.fixture
def pending(territory):
    """A request already sent from the form, waiting for Lecce's editors."""
    return SignupRequest.objects.create(
        business_name="Forno Rossi",
        territory=territory.site,
        contact_name="Maria Rossi",
        email=REQUESTER,
        language="en",
    )


def form_data(where, **changes) -> dict:
    """What a visitor types for a business in the territory `where`."""
    data = {
        "kind": "business",
        "business_name": "Forno Rossi",
        "territory": where.site.pk,
        "contact_name": "Maria Rossi",
        "email": REQUESTER,
        "phone": "",
        "message": "Pane e frise dal 1950.",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return data


def send(client, data, query: str = "", **headers):
    return client.post(SIGNUP + query, data, **headers)


def send_and_notify(client, django_capture_on_commit_callbacks, data, **kwargs):
    """Send the form and let the editors' notice go, as it does after commit."""
    with django_capture_on_commit_callbacks(execute=True):
        return send(client, data, **kwargs)


def refused(response) -> bool:
    """Wagtail's admin answers a PermissionDenied with a redirect to its home."""
    if response.status_code == 302:
        return response.url == reverse("wagtailadmin_home")
    return response.status_code == 403


def review_url(signup) -> str:
    return reverse("owners_admin:signup_review", args=[signup.pk])


def reject_url(signup) -> str:
    return reverse("owners_admin:signup_reject", args=[signup.pk])


def link_in(message) -> str:
    match = re.search(r"https?://\S+/owners/set-password/\S+/", message.body)
    assert match, message.body
    return match.group(0)


# The public form


def test_a_visitor_sends_the_form_and_is_thanked(
    client, territory, django_capture_on_commit_callbacks
):
    response = send_and_notify(
        client,
        django_capture_on_commit_callbacks,
        form_data(territory),
        query="?lang=en",
    )

    assert response.status_code == 302
    assert response.url == THANKS + "?lang=en"
    thanks = client.get(response.url)
    assert thanks.status_code == 200
    assert "Thank you, your request is sent" in thanks.content.decode()
    [signup] = SignupRequest.objects.all()
    assert signup.status == SignupRequest.Status.PENDING
    assert signup.business_name == "Forno Rossi"
    assert signup.territory == territory.site
    assert signup.contact_name == "Maria Rossi"
    assert signup.email == REQUESTER
    assert signup.handled_by is None and signup.business is None


@pytest.mark.parametrize(
    ("query", "headers", "language"),
    [
        ("?lang=it", {"HTTP_ACCEPT_LANGUAGE": "en"}, "it"),
        ("?lang=en", {"HTTP_ACCEPT_LANGUAGE": "it"}, "en"),
        ("", {"HTTP_ACCEPT_LANGUAGE": "it-IT,it;q=0.9"}, "it"),
        ("", {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}, "en"),
        ("", {"HTTP_ACCEPT_LANGUAGE": "de"}, "en"),
        ("", {"HTTP_ACCEPT_LANGUAGE": "ja"}, "en"),
        ("", {}, "en"),
    ],
    ids=["lang-it", "lang-en", "browser-it", "browser-en", "de", "ja", "no-header"],
)
def test_the_request_keeps_the_visitors_language(
    client, territory, query, headers, language
):
    response = send(client, form_data(territory), query=query, **headers)

    assert response.status_code == 302
    assert response.url == THANKS + f"?lang={language}"
    assert SignupRequest.objects.get().language == language


def test_the_territorys_editors_are_mailed_in_their_admin_language(
    client,
    territory,
    editor,
    italian_editor,
    other_editor,
    django_capture_on_commit_callbacks,
):
    make_editor("Lecce editors", "senza-mail", "")  # nobody to write to

    send_and_notify(
        client,
        django_capture_on_commit_callbacks,
        form_data(territory),
        query="?lang=it",
    )

    signup = SignupRequest.objects.get()
    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["redattrice@lecce.test", "redazione@lecce.test"]
    assert all(len(message.to) == 1 for message in mail.outbox)
    english = by_address["redazione@lecce.test"]
    assert english.subject == "New sign-up request: Forno Rossi"
    assert "A business asks to publish its offers on Lecce." in english.body
    assert "Approve or reject it here:" in english.body
    italian = by_address["redattrice@lecce.test"]
    assert italian.subject == "Nuova richiesta di adesione: Forno Rossi"
    assert "Un'attività chiede di pubblicare le sue offerte su Lecce." in italian.body
    for message in (english, italian):
        assert review_url(signup) in message.body
        html, mimetype = message.alternatives[0]
        assert mimetype == "text/html"
        assert review_url(signup) in html


def test_editors_of_another_territory_are_not_mailed(
    client, territory, other_editor, django_capture_on_commit_callbacks
):
    send_and_notify(client, django_capture_on_commit_callbacks, form_data(territory))

    assert SignupRequest.objects.count() == 1
    assert not mail.outbox


def test_the_form_preselects_the_territory_from_the_link(
    client, territory, other_territory
):
    page = client.get(SIGNUP + "?territory=grecia-salentina").content.decode()

    selected = re.findall(r'<option value="(\d+)" selected>([^<]*)</option>', page)
    assert selected == [(str(other_territory.site.pk), "Grecìa Salentina")]
    assert f'<option value="{territory.site.pk}">Lecce</option>' in page


def test_the_form_preselects_nothing_for_an_unknown_territory(client, territory):
    page = client.get(SIGNUP + "?territory=atlantide").content.decode()

    assert '<option value="" selected>Choose your territory</option>' in page
    assert not re.search(r'<option value="\d+" selected>', page)


def test_the_form_speaks_italian_when_asked(client, territory):
    response = client.get(SIGNUP + "?lang=it", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "it"
    page = response.content.decode()
    assert '<html lang="it" dir="ltr">' in page
    assert "Hai un'attività, un museo, una biblioteca o un'associazione?" in page
    assert "Invia la richiesta" in page


@pytest.mark.parametrize("header", [{}, {"HTTP_ACCEPT_LANGUAGE": "de"}])
def test_the_form_speaks_english_otherwise(client, territory, header):
    response = client.get(SIGNUP, **header)

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "en"
    assert "Accept-Language" in response.headers["Vary"]
    page = response.content.decode()
    assert '<html lang="en" dir="ltr">' in page
    assert "Do you run a business, a museum, a library or an association?" in page
    assert "Send the request" in page


def test_the_form_works_without_javascript_with_a_csrf_token(territory):
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(SIGNUP).content.decode()

    assert "<script" not in page
    assert re.search(r'<form method="post"', page)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token
    without_token = browser.post(SIGNUP, form_data(territory))
    assert without_token.status_code == 403
    assert not SignupRequest.objects.exists()

    response = browser.post(
        SIGNUP, {**form_data(territory), "csrfmiddlewaretoken": token.group(1)}
    )

    assert response.status_code == 302
    assert response.url.startswith(THANKS)
    assert SignupRequest.objects.count() == 1


def test_a_bot_filling_the_hidden_field_is_thanked_and_ignored(
    client, territory, editor, django_capture_on_commit_callbacks
):
    response = send_and_notify(
        client,
        django_capture_on_commit_callbacks,
        form_data(territory, website="https://spam.example"),
    )

    assert response.status_code == 302
    assert response.url.startswith(THANKS)
    assert not SignupRequest.objects.exists()
    assert not mail.outbox


def test_the_hidden_field_is_hidden_from_people(client, territory):
    page = client.get(SIGNUP).content.decode()

    trap = re.search(r'<div class="hp" aria-hidden="true">.*?</div>', page, re.S)
    assert trap and 'name="website"' in trap.group(0)
    assert 'tabindex="-1"' in trap.group(0)
    assert page.count('name="website"') == 1


@pytest.mark.database
def test_too_many_requests_from_one_address_are_refused(client, territory, settings):
    settings.VETRINA_SIGNUP_RATE = (2, 3600)
    for n in range(2):
        accepted = send(client, form_data(territory, business_name=f"Forno {n}"))
        assert accepted.status_code == 302

    response = send(client, form_data(territory, business_name="Forno 3"))

    assert response.status_code == 429
    assert response.headers["Retry-After"] == "3600"
    assert "Too many requests" in response.content.decode()
    assert SignupRequest.objects.count() == 2
    assert not SignupRequest.objects.filter(business_name="Forno 3").exists()


@pytest.mark.database
def test_the_rate_limit_is_per_address(client, territory, settings):
    settings.VETRINA_SIGNUP_RATE = (1, 3600)
    first = send(client, form_data(territory), REMOTE_ADDR="192.0.2.1")
    again = send(client, form_data(territory), REMOTE_ADDR="192.0.2.1")

    neighbour = send(client, form_data(territory), REMOTE_ADDR="192.0.2.2")

    assert (first.status_code, again.status_code) == (302, 429)
    assert neighbour.status_code == 302
    assert SignupRequest.objects.count() == 2


@pytest.mark.database
def test_rejected_forms_do_not_count_towards_the_limit(client, territory, settings):
    settings.VETRINA_SIGNUP_RATE = (1, 3600)
    for _ in range(3):
        assert send(client, form_data(territory, consent="")).status_code == 200

    assert send(client, form_data(territory)).status_code == 302


@pytest.mark.parametrize(
    ("changes", "field", "label", "error"),
    [
        (
            {"consent": ""},
            "consent",
            "I agree that the editors of the territory keep these details",
            "We need your consent to handle the request.",
        ),
        (
            {"email": "forno-at-example"},
            "email",
            "E-mail",
            "Enter a valid email address.",
        ),
        (
            {"business_name": "Forno <script>alert(1)</script>"},
            "business_name",
            "Name of the business or institution",
            "Write plain text: HTML such as “&lt;script” is not allowed here.",
        ),
        (
            {"business_name": "Forno \u202eissoR"},
            "business_name",
            "Name of the business or institution",
            "Remove the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE)",
        ),
        ({"territory": ""}, "territory", "Territory", "This field is required."),
    ],
    ids=["no-consent", "bad-email", "html", "bidi-override", "no-territory"],
)
def test_an_invalid_form_is_shown_again_with_the_error_on_its_field(
    client,
    territory,
    editor,
    django_capture_on_commit_callbacks,
    changes,
    field,
    label,
    error,
):
    response = send_and_notify(
        client, django_capture_on_commit_callbacks, form_data(territory, **changes)
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Error:" in page
    assert "There is a problem" in page
    # The summary names the field and links to it; the field shows the error.
    summary = re.search(rf'<a href="#id_{field}">([^<]*)</a>', page)
    assert summary, page
    assert summary.group(1).startswith(label)
    assert f": {error}" in summary.group(1)
    assert re.search(
        rf'<p class="error" id="id_{field}_error">[^<]*{re.escape(error)}', page
    )
    assert not SignupRequest.objects.exists()
    assert not mail.outbox


def test_the_errors_speak_the_visitors_language(client, territory):
    response = send(client, form_data(territory, consent=""), query="?lang=it")

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "it"
    assert "Ci serve il tuo consenso per gestire la richiesta." in (
        response.content.decode()
    )


def test_what_the_visitor_typed_is_kept_when_the_form_comes_back(client, territory):
    response = send(client, form_data(territory, email="sbagliata"))

    page = response.content.decode()
    assert 'value="Forno Rossi"' in page
    assert 'value="Maria Rossi"' in page


# Review in the admin


def test_an_editor_sees_the_pending_request_in_the_list(client, editor, pending):
    client.force_login(editor)

    response = client.get(reverse("owners_admin:signup_list"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Forno Rossi" in page and REQUESTER in page
    assert review_url(pending) in page
    review = client.get(review_url(pending))
    assert review.status_code == 200
    assert "Approve and invite" in review.content.decode()


@pytest.mark.database
def test_approving_with_an_existing_business_invites_the_requester_as_its_owner(
    client, editor, pending, business
):
    client.force_login(editor)

    response = client.post(review_url(pending), {"business": business.pk})

    assert response.status_code == 302
    assert response.url == reverse("owners_admin:signup_list")
    pending.refresh_from_db()
    assert pending.status == SignupRequest.Status.APPROVED
    assert pending.handled_by == editor and pending.handled_at is not None
    assert pending.business.pk == business.pk
    requester = get_user_model().objects.get(email=REQUESTER)
    assert requester.is_active and not requester.has_usable_password()
    assert requester.get_full_name() == "Maria Rossi"
    assert UserProfile.get_for_user(requester).preferred_language == "en"
    assert requester in BusinessPage.objects.get(pk=business.pk).owners.all()
    assert list(requester.businesses.all()) == [business]
    [message] = mail.outbox
    assert message.to == [REQUESTER]
    assert message.subject == "Your account for Mia on Lecce"
    assert link_in(message)
    assert BusinessPage.objects.count() == 1  # no new page


def test_the_invitation_speaks_the_requesters_language(
    client, editor, pending, business
):
    pending.language = "it"
    pending.save()
    client.force_login(editor)

    client.post(review_url(pending), {"business": business.pk})

    [message] = mail.outbox
    assert message.subject == "Il tuo account per Mia su Lecce"
    assert "Scegli qui la tua password" in message.body
    assert link_in(message)


@pytest.mark.database
def test_approving_without_a_business_creates_a_draft_owned_by_the_requester(
    client, territory, editor, pending
):
    client.force_login(editor)

    response = client.post(review_url(pending), {"business": ""})

    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == SignupRequest.Status.APPROVED
    page = pending.business.specific
    assert page is not None
    assert page.title == "Forno Rossi"
    assert page.slug == "forno-rossi"
    assert not page.live
    assert page.get_parent().specific == territory.sections["businesses"]
    requester = get_user_model().objects.get(email=REQUESTER)
    assert list(page.owners.all()) == [requester]
    assert requester.pk in page.latest_revision.content["owners"]
    [message] = mail.outbox
    assert message.to == [REQUESTER]
    assert "Forno Rossi" in message.subject
    assert link_in(message)


@pytest.mark.database
def test_two_requests_with_the_same_name_get_separate_draft_businesses(
    client, territory, editor, pending
):
    twin = SignupRequest.objects.create(
        business_name="Forno Rossi",
        territory=territory.site,
        contact_name="Luca Bianchi",
        email="luca@example.org",
    )
    client.force_login(editor)
    client.post(review_url(pending), {"business": ""})

    response = client.post(review_url(twin), {"business": ""})

    assert response.status_code == 302
    first = SignupRequest.objects.get(pk=pending.pk).business.specific
    second = SignupRequest.objects.get(pk=twin.pk).business.specific
    assert first.pk != second.pk
    assert (first.slug, second.slug) == ("forno-rossi", "forno-rossi-2")
    assert [u.email for u in first.owners.all()] == [REQUESTER]
    assert [u.email for u in second.owners.all()] == ["luca@example.org"]
    # Each owner uploads images to a collection of their own.
    collections = {
        BusinessAccess.objects.get(translation_key=page.translation_key).collection_id
        for page in (first, second)
    }
    assert len(collections) == 2


# Rejection


def test_rejecting_records_who_decided_and_mails_nobody(client, editor, pending):
    client.force_login(editor)

    response = client.post(reject_url(pending))

    assert response.status_code == 302
    assert response.url == reverse("owners_admin:signup_list")
    pending.refresh_from_db()
    assert pending.status == SignupRequest.Status.REJECTED
    assert pending.handled_by == editor and pending.handled_at is not None
    assert pending.business is None
    assert not mail.outbox
    assert not get_user_model().objects.filter(email=REQUESTER).exists()
    handled = client.get(reverse("owners_admin:signup_list") + "?status=handled")
    assert "Forno Rossi" in handled.content.decode()
    still_pending = client.get(reverse("owners_admin:signup_list"))
    assert review_url(pending) not in still_pending.content.decode()


def test_a_rejected_request_cannot_be_approved(client, editor, pending, business):
    client.force_login(editor)
    client.post(reject_url(pending))

    review = client.get(review_url(pending))
    assert review.status_code == 200
    assert "Approve and invite" not in review.content.decode()
    response = client.post(review_url(pending), {"business": business.pk})

    assert refused(response)
    pending.refresh_from_db()
    assert pending.status == SignupRequest.Status.REJECTED
    assert pending.business is None
    assert not get_user_model().objects.filter(email=REQUESTER).exists()
    assert not mail.outbox


@pytest.mark.database
def test_an_approved_request_cannot_be_approved_or_rejected_again(
    client, editor, pending, business
):
    client.force_login(editor)
    client.post(review_url(pending), {"business": business.pk})
    mail.outbox.clear()

    assert refused(client.post(review_url(pending), {"business": ""}))
    assert refused(client.post(reject_url(pending)))

    pending.refresh_from_db()
    assert pending.status == SignupRequest.Status.APPROVED
    assert pending.business.pk == business.pk
    assert BusinessPage.objects.count() == 1
    assert not mail.outbox


def test_reject_needs_a_post(client, editor, pending):
    client.force_login(editor)

    assert client.get(reject_url(pending)).status_code == 405
    pending.refresh_from_db()
    assert pending.status == SignupRequest.Status.PENDING


# Isolation between territories and roles


def test_an_editor_of_another_territory_does_not_see_the_request(
    client, other_editor, pending
):
    client.force_login(other_editor)

    response = client.get(reverse("owners_admin:signup_list"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Forno Rossi" not in page and REQUESTER not in page
    assert review_url(pending) not in page


def test_an_editor_of_another_territory_cannot_open_or_decide_the_request(
    client, other_editor, pending
):
    client.force_login(other_editor)

    assert client.get(review_url(pending)).status_code == 404
    assert client.post(review_url(pending), {"business": ""}).status_code == 404
    assert client.post(reject_url(pending)).status_code == 404

    pending.refresh_from_db()
    assert pending.status == SignupRequest.Status.PENDING
    assert pending.handled_by is None
    assert not mail.outbox


def test_a_request_cannot_be_linked_to_a_business_of_another_territory(
    client, other_territory, editor, pending
):
    """The business must belong to the request's territory."""
    elsewhere = BusinessPageFactory(
        parent=other_territory.sections["businesses"], title="Altrove"
    )
    elsewhere.save_revision().publish()
    client.force_login(editor)

    response = client.post(review_url(pending), {"business": elsewhere.pk})

    assert response.status_code == 200
    pending.refresh_from_db()
    assert pending.status == SignupRequest.Status.PENDING
    assert not BusinessPage.objects.get(pk=elsewhere.pk).owners.exists()
    assert not get_user_model().objects.filter(email=REQUESTER).exists()
    assert not mail.outbox


@pytest.mark.parametrize("who", ["owner", "moderator"])
def test_owners_and_moderators_cannot_open_the_requests(
    client, request, business, pending, who
):
    client.force_login(request.getfixturevalue(who))

    assert refused(client.get(reverse("owners_admin:signup_list")))
    assert refused(client.get(review_url(pending)))
    assert refused(client.post(review_url(pending), {"business": business.pk}))
    assert refused(client.post(reject_url(pending)))

    pending.refresh_from_db()
    assert pending.status == SignupRequest.Status.PENDING
    assert not mail.outbox


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Forno Rossi\r\nBcc: everyone@example.org", "on one line"),
        ("Forno\u200bRossi", "U+200B"),
        ("\ufeffForno Rossi", "U+FEFF"),
    ],
    ids=["header-injection", "zero-width-space", "byte-order-mark"],
)
def test_a_name_with_line_breaks_or_invisible_characters_is_refused_on_its_field(
    client, territory, editor, django_capture_on_commit_callbacks, name, message
):
    response = send_and_notify(
        client,
        django_capture_on_commit_callbacks,
        form_data(territory, business_name=name),
        headers={"accept-language": "en"},
    )

    assert response.status_code == 200
    assert message in response.context["form"].errors["business_name"][0]
    assert not SignupRequest.objects.exists()
    assert mail.outbox == []


def test_a_message_keeps_its_paragraphs_and_the_editors_hear_of_it(
    client, territory, editor, django_capture_on_commit_callbacks
):
    data = form_data(territory, message="Pane e frise.\r\n\r\nDal 1950.")
    response = send_and_notify(client, django_capture_on_commit_callbacks, data)

    assert response.status_code == 302
    assert SignupRequest.objects.get().message == "Pane e frise.\r\n\r\nDal 1950."
    assert len(mail.outbox) == 1
