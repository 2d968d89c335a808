"""Every item of the hostile corpus, posted through the admin's place form by an
editor: refused with a message on the field, or saved and served back intact."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import querydict_from_html

from cms.places.models import PlacePage
from tests.hostile import HOSTILE, MUST_ACCEPT, MUST_REFUSE, ONE_LINE_REFUSES

pytestmark = [pytest.mark.django_db, pytest.mark.database]

# The place's plain-text fields, each with the item as its value: one-line
# fields, then fields of paragraphs.
ONE_LINE = ("title", "address")
FIELDS = (*ONE_LINE, "summary", "ticket_notes")


@pytest.fixture
def editor_client(territory, django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw-12345")
    user.groups.add(Group.objects.get(name="Editors"))
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


def post_place(client, parent, slug: str, value: str):
    url = reverse("wagtailadmin_pages:add", args=["places", "placepage", parent.pk])
    data = querydict_from_html(
        client.get(url).content.decode(), form_id="page-edit-form"
    )
    for field in PlacePage._meta.get_fields():
        if isinstance(field, StreamField):
            data.setdefault(f"{field.name}-count", "0")
    data.update(dict.fromkeys(FIELDS, value))
    data.update({"slug": slug, "kind": "museum"})
    return client.post(url, data)


def check_item(client, parent, number: int, name: str, value: str) -> None:
    response = post_place(client, parent, f"hostile-{number}", value)
    if response.status_code == 200:  # the form came back
        errors = response.context["form"].errors
        expected = set(ONE_LINE if name in ONE_LINE_REFUSES else FIELDS)
        assert name in MUST_REFUSE | ONE_LINE_REFUSES, (
            f"{name!r} refused: {errors.as_data()}"
        )
        assert set(errors) == expected, errors.as_data()
        html = response.content.decode()
        for field in expected:  # each message is shown, on its field
            for message in errors[field]:
                assert escape(message) in html
        assert not PlacePage.objects.filter(slug=f"hostile-{number}").exists()
        return
    assert response.status_code == 302, response.content[:300]
    assert name in MUST_ACCEPT, f"{name!r} was stored"
    page = PlacePage.objects.get(slug=f"hostile-{number}")
    page.get_latest_revision().publish()  # as a moderator would approve it
    page.refresh_from_db()
    stored = {field: getattr(page, field) for field in FIELDS}
    assert stored == dict.fromkeys(FIELDS, value)

    api = Client().get(f"/api/v2/pages/{page.pk}/", {"fields": "*"})
    assert api.status_code == 200
    assert api["Content-Type"] == "application/json"
    assert api["X-Content-Type-Options"] == "nosniff"
    served = api.json()
    assert {field: served[field] for field in FIELDS} == stored


def test_every_hostile_item_is_refused_on_its_field_or_kept_intact(
    territory, editor_client
):
    """One territory for the whole corpus: a failure names the item."""
    parent = territory.sections["places"]
    failures = []
    for number, (name, value) in enumerate(HOSTILE):
        try:
            check_item(editor_client, parent, number, name, value)
        except AssertionError as error:
            failures.append(f"{name}: {error}")
    assert not failures, "\n".join(failures)


def test_messages_say_what_is_wrong(territory, editor_client):
    parent = territory.sections["places"]
    errors = (
        post_place(editor_client, parent, "x", "<script>alert(1)</script>")
        .context["form"]
        .errors
    )
    assert "plain text" in errors["summary"][0]
    errors = (
        post_place(editor_client, parent, "y", "Museo \u202egpj").context["form"].errors
    )
    assert "U+202E" in errors["address"][0]
    assert "RIGHT-TO-LEFT OVERRIDE" in errors["address"][0]
    errors = post_place(editor_client, parent, "z", "Via\r\nBcc: x@y.z")
    assert "on one line" in errors.context["form"].errors["title"][0]
    assert "summary" not in errors.context["form"].errors
    errors = post_place(editor_client, parent, "w", "Mu\u200bseo").context["form"]
    assert "U+200B (ZERO WIDTH SPACE)" in errors.errors["title"][0]


def test_corpus_covers_what_the_issue_names():
    names = {name for name, _value in HOSTILE}
    assert names >= MUST_ACCEPT
    assert {"script tag", "right-to-left override", "10,000 characters"} <= names
    assert {"arabic", "emoji with joiners"} <= MUST_ACCEPT
    assert {"zero-width space", "byte order mark"} <= MUST_REFUSE
