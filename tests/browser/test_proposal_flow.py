"""A visitor proposes an event from a 360 px phone, in the language of the site
they came from; a moderator approves it; the rebuilt static site shows it and
the visitor gets an e-mail (issue 20)."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from cms.events.models import EventPage
from tests.browser.conftest import building_locally
from tests.browser.test_owner_flow import (
    PHONE,
    assert_fits_the_screen,
    log_in_as,
)
from tests.browser.test_publish_flow import wait_for_file_text
from tests.browser.test_quality import serious_violations
from tests.cms.factories import PlacePageFactory
from tests.conftest import publish_home_and_sections_in


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_visitor_proposes_an_event_and_a_moderator_publishes_it(
    browser, live_server, territory, django_user_model, tmp_path
):
    publish_home_and_sections_in(territory, "en")
    museum = PlacePageFactory(
        parent=territory.sections["places"], title="Museo Castromediano"
    )
    museum.save_revision().publish()
    moderator = django_user_model.objects.create_user(
        "moderatrice", password="pw-moderatrice-1"
    )
    moderator.groups.add(Group.objects.get(name="Lecce moderators"))
    day = timezone.localdate() + dt.timedelta(days=12)

    with building_locally(live_server, tmp_path) as dist:
        visitor = browser.new_context(viewport=PHONE, locale="it-IT")
        page = visitor.new_page()
        # The English site's link: the form speaks English.
        page.goto(f"{live_server.url}/propose/event/?territory=lecce&lang=en")
        expect(page.get_by_role("heading", level=1)).to_have_text("Propose an event")
        assert_fits_the_screen(page)
        assert serious_violations(page) == []
        page.get_by_label("Name of the event").fill("Night at the museum")
        page.get_by_label("What happens").fill("Guided visits by torchlight.")
        page.get_by_label("Day").fill(day.isoformat())
        page.get_by_label("Starts at").fill("20:30")
        page.get_by_label("Where: one of our places").select_option(
            label="Museo Castromediano"
        )
        page.get_by_label("Families").check()
        page.get_by_label("Your name").fill("Luca Rizzo")
        page.get_by_label("Your e-mail").fill("luca@example.org")
        page.get_by_label("I agree").check()
        page.get_by_role("button", name="Send the proposal").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Thank you")
        assert_fits_the_screen(page)

        proposed = EventPage.objects.get(title="Night at the museum")
        assert not proposed.live and proposed.venue_id == museum.pk
        event_html = dist / f"lecce/it/eventi/{proposed.slug}/index.html"
        assert not event_html.exists()

        moderation = browser.new_context(
            viewport={"width": 1280, "height": 900}, locale="it-IT"
        )
        editor = moderation.new_page()
        log_in_as(editor, live_server, "moderatrice", "pw-moderatrice-1")
        expect(editor.locator(".work-waiting")).to_contain_text("Night at the museum")
        editor.goto(f"{live_server.url}/admin/pages/{proposed.pk}/edit/")
        editor.click("footer [data-w-dropdown-target=toggle]")
        editor.click("button[data-workflow-action-name=approve]")
        wait_for_file_text(event_html, "Night at the museum")
        assert "Museo Castromediano" in event_html.read_text("utf-8")

        (message,) = [m for m in mail.outbox if m.to == ["luca@example.org"]]
        assert message.extra_headers["Content-Language"] == "en"
        assert "is published" in message.subject
        visitor.close()
        moderation.close()
