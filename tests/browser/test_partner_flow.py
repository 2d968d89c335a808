"""A museum takes part from a 360 px phone: its staff update the opening hours
and propose an event, a visitor proposes another through the public form, a
moderator approves all three and the rebuilt static site shows them (the
"Done when" of issue 20)."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from cms.events.models import EventPage
from cms.places.models import PlacePage, Weekday
from tests.browser.conftest import building_locally
from tests.browser.test_owner_flow import (
    PHONE,
    assert_fits_the_screen,
    log_in_as,
    open_more_actions,
)
from tests.browser.test_publish_flow import wait_for_file_text
from tests.browser.test_quality import serious_violations
from tests.cms.factories import PlacePageFactory
from tests.conftest import publish_home_and_sections_in


def approve(editor, live_server, page) -> None:
    """The moderator approves the page's task in Wagtail's editor."""
    editor.goto(f"{live_server.url}/admin/pages/{page.pk}/edit/")
    editor.click("footer [data-w-dropdown-target=toggle]")
    editor.click("button[data-workflow-action-name=approve]")
    expect(editor.locator(".messages .success")).to_be_visible()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_museum_and_a_visitor_contribute_and_a_moderator_publishes(
    browser, live_server, territory, django_user_model, tmp_path
):
    publish_home_and_sections_in(territory, "en")
    museum = PlacePageFactory(
        parent=territory.sections["places"],
        title="Museo Castromediano",
        slug="museo-castromediano",
    )
    museum.opening_hours.create(
        weekday=Weekday.TUESDAY, opens=dt.time(9), closes=dt.time(19)
    )
    museum.save_revision().publish()
    curator = django_user_model.objects.create_user("museo", password="pw-museo-1")
    curator.institutions.add(museum)
    moderator = django_user_model.objects.create_user(
        "moderatrice", password="pw-moderatrice-1"
    )
    moderator.groups.add(Group.objects.get(name="Lecce moderators"))
    day = timezone.localdate() + dt.timedelta(days=12)
    place_html = tmp_path / "dist/lecce/it/luoghi/museo-castromediano/index.html"

    with building_locally(live_server, tmp_path) as dist:
        staff = browser.new_context(viewport=PHONE, locale="it-IT")
        page = staff.new_page()
        log_in_as(page, live_server, "museo", "pw-museo-1")
        card = page.locator(f"#institution-{museum.pk}-section")
        expect(card).to_contain_text("Museo Castromediano")
        assert_fits_the_screen(page)
        assert serious_violations(page) == []

        # The opening hours: a Sunday morning beside the Tuesday.
        card.get_by_role("link", name="Aggiorna orari e informazioni").click()
        page.wait_for_url(f"{live_server.url}/admin/pages/{museum.pk}/edit/")
        assert_fits_the_screen(page)
        page.click("#id_opening_hours-ADD")
        page.select_option("#id_opening_hours-1-weekday", str(Weekday.SUNDAY.value))
        pickers = page.locator(".xdsoft_datetimepicker:visible")
        for field, value in (("opens", "10:00"), ("closes", "13:00")):
            # A tap opens the time picker a moment later: wait for it, or it
            # would open over the form after the next tap.
            page.click(f"#id_opening_hours-1-{field}")
            expect(pickers).to_have_count(1)
            page.fill(f"#id_opening_hours-1-{field}", value)
        page.click("#id_title")  # a tap outside closes the time picker
        expect(pickers).to_have_count(0)
        assert_fits_the_screen(page)
        open_more_actions(page)
        page.click("button[name=action-submit]")
        page.wait_for_url(f"{live_server.url}/admin/")
        review = card.locator(".owner-actions .w-status")
        expect(review).to_have_text("La tua pagina: in attesa di revisione")
        museum.refresh_from_db()
        assert museum.workflow_in_progress
        assert not museum.opening_hours.filter(weekday=Weekday.SUNDAY).exists()

        # An event at the museum, from the dashboard.
        card.get_by_role("link", name="Proponi un evento").click()
        page.wait_for_url(f"{live_server.url}/admin/partners/{museum.pk}/event/")
        assert_fits_the_screen(page)
        page.get_by_label("Nome dell'evento").fill("Notte al museo")
        page.get_by_label("Che cosa succede").fill("Visita guidata a lume di torcia.")
        page.locator("input[name=date]").fill(day.isoformat())
        page.get_by_label("Inizia alle").fill("21:00")
        page.get_by_label("Finisce alle").fill("23:00")
        page.get_by_label("Famiglie").check()
        assert_fits_the_screen(page)
        page.get_by_role("button", name="Invia in revisione").click()
        page.wait_for_url(f"{live_server.url}/admin/")
        row = card.locator("li.owner-contribution", has_text="Notte al museo")
        expect(row).to_contain_text("In attesa di revisione")
        assert row.get_attribute("data-status") == "in_review"
        assert_fits_the_screen(page)

        # Another event, from a visitor: the Italian site's public form.
        visitor = browser.new_context(viewport=PHONE, locale="it-IT")
        form = visitor.new_page()
        form.goto(f"{live_server.url}/propose/event/?territory=lecce&lang=it")
        form.get_by_label("Nome dell'evento").fill("Concerto nel chiostro")
        form.get_by_label("Che cosa succede").fill("Musica barocca all'aperto.")
        form.locator("input[name=date]").fill(day.isoformat())
        form.get_by_label("Inizia alle").fill("20:30")
        form.get_by_label("Dove: uno dei nostri luoghi").select_option(
            label="Museo Castromediano"
        )
        form.get_by_label("Il vostro nome").fill("Luca Rizzo")
        form.get_by_label("La vostra e-mail").fill("luca@example.org")
        form.locator("input[name=consent]").check()
        form.get_by_role("button", name="Invia la proposta").click()
        expect(form.get_by_role("heading", level=1)).to_contain_text("Grazie")

        ours = EventPage.objects.get(title="Notte al museo")
        theirs = EventPage.objects.get(title="Concerto nel chiostro")
        assert ours.venue_id == theirs.venue_id == museum.pk
        assert not ours.live and not theirs.live

        moderation = browser.new_context(
            viewport={"width": 1280, "height": 900}, locale="it-IT"
        )
        editor = moderation.new_page()
        log_in_as(editor, live_server, "moderatrice", "pw-moderatrice-1")
        waiting = editor.locator(".work-waiting")
        for title in ("Museo Castromediano", "Notte al museo", "Concerto nel chiostro"):
            expect(waiting).to_contain_text(title)
        for item in (museum, ours, theirs):
            approve(editor, live_server, item)

        wait_for_file_text(place_html, "Domenica: 10:00–13:00")
        assert "Martedì: 09:00–19:00" in place_html.read_text("utf-8")
        for event in (ours, theirs):
            event.refresh_from_db()
            event_html = dist / f"lecce/it/eventi/{event.slug}/index.html"
            wait_for_file_text(event_html, event.title)
            assert "Museo Castromediano" in event_html.read_text("utf-8")
        assert PlacePage.objects.get(pk=museum.pk).opening_hours.count() == 2
        staff.close()
        visitor.close()
        moderation.close()
