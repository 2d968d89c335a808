"""Business owners in real Chromium on a 360 px phone: asking to join, and an
offer from their dashboard to the static site and off it again after its last day.

The owner adds an offer and submits it; a moderator of the territory approves
it; the local builder (the demo's backend) rebuilds from the live CMS over
HTTP and the offer is on the site; when the scheduler runs after its last day
the offer expires and the next build takes it off.
"""

import datetime as dt
import time
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from cms.offers.models import OfferPage
from cms.owners.models import SignupRequest
from tests.browser.conftest import building_locally
from tests.browser.test_publish_flow import wait_for_file_text
from tests.browser.test_quality import serious_violations
from tests.cms.factories import BusinessPageFactory

PHONE = {"width": 360, "height": 740}


def log_in_as(page, live_server, username: str, password: str) -> None:
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def assert_fits_the_screen(page) -> None:
    """Nothing pushes the page wider than the phone: no sideways scrolling."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide"


def open_more_actions(page) -> None:
    """Open the footer's "more actions" menu, tapping again if a tap was lost."""
    scroll_to_the_actions(page)
    toggle = page.locator("footer [data-w-dropdown-target=toggle]")
    submit = page.locator("footer button[name=action-submit]")
    for _ in range(3):
        if toggle.get_attribute("aria-expanded") != "true":
            toggle.click()
        try:
            submit.wait_for(state="visible", timeout=3000)
            return
        except PlaywrightTimeout:
            continue
    raise AssertionError("the footer's menu did not open")


# Where a swipe lands off the fields: with the pointer resting on a time field
# (Wagtail's time picker), the wheel left the editor where it was.
NOT_A_FIELD = """([x, y]) => !document.elementFromPoint(x, y)
    ?.closest("input, select, textarea")"""


def scroll_to_the_actions(page) -> None:
    """Swipe down to the footer's actions, as a thumb would, off the fields.

    Playwright's own scrolling centres the target on both axes, and Wagtail's
    folded minimap makes the editor wider than a phone inside an
    overflow-hidden box: that would slide the whole form sideways.
    """
    toggle = page.locator("footer [data-w-dropdown-target=toggle]")
    toggle.wait_for(state="attached")
    spots = [(x, y) for y in (370, 200, 550, 100, 650) for x in (180, 6, 354)]
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        box = toggle.bounding_box()
        if box and box["y"] + box["height"] <= PHONE["height"]:
            return
        x, y = next(spot for spot in spots if page.evaluate(NOT_A_FIELD, spot))
        page.mouse.move(x, y)
        page.mouse.wheel(0, 600)
        # The wheel returns before the page has scrolled; on a busy machine
        # twenty quick swipes used to be spent before the first one landed.
        page.wait_for_timeout(250)
    raise AssertionError("the footer's actions never came into view")


def wait_for_missing_file(path, seconds: float = 60) -> None:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if not path.exists():
            return
        time.sleep(0.2)
    raise AssertionError(f"{path} is still there")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_owner_offer_goes_through_moderation_onto_the_site_and_off_it(
    browser, live_server, territory, django_user_model, tmp_path
):
    owner = django_user_model.objects.create_user("bottega", password="pw-bottega-1")
    moderator = django_user_model.objects.create_user(
        "moderatrice", password="pw-moderatrice-1"
    )
    moderator.groups.add(Group.objects.get(name="Lecce moderators"))
    business = BusinessPageFactory(
        parent=territory.sections["businesses"], title="Bottega Verde", slug="bottega"
    )
    business.owners.add(owner)
    business.save_revision().publish()
    today = timezone.localdate()
    last_day = today + dt.timedelta(days=6)
    dist = tmp_path / "dist"
    offer_html = dist / "lecce/it/attivita/bottega/sconto-famiglie/index.html"

    with building_locally(live_server, tmp_path) as dist:
        owner_context = browser.new_context(viewport=PHONE, locale="it-IT")
        page = owner_context.new_page()
        log_in_as(page, live_server, "bottega", "pw-bottega-1")
        assert_fits_the_screen(page)
        page.get_by_role("link", name="Aggiungi un'offerta").click()
        page.fill("#id_title", "Sconto famiglie")
        page.fill("#id_description", "**Due caffè** al prezzo di uno per le famiglie.")
        page.fill("#id_discount_percent", "50")
        pickers = page.locator(".xdsoft_datetimepicker:visible")
        for field, day in (("valid_from", today), ("valid_until", last_day)):
            # A tap opens the date picker a moment later: wait for it, or on a
            # busy machine it opens over the form after the next tap.
            page.click(f"#id_{field}")
            expect(pickers).to_have_count(1)
            page.fill(f"#id_{field}", day.isoformat())
        page.click("#id_title")  # a tap outside closes the date picker
        expect(pickers).to_have_count(0)
        assert_fits_the_screen(page)
        open_more_actions(page)
        page.click("button[name=action-submit]")
        page.wait_for_url(f"{live_server.url}/admin/")  # back on the dashboard
        assert_fits_the_screen(page)
        row = page.locator("li.owner-offer", has_text="Sconto famiglie")
        assert row.get_attribute("data-status") == "in_review"
        assert "In attesa di revisione" in row.text_content()
        assert not offer_html.exists()
        offer = OfferPage.objects.get(title="Sconto famiglie")
        assert not offer.live

        moderator_context = browser.new_context(
            viewport={"width": 1280, "height": 900}, locale="it-IT"
        )
        editor = moderator_context.new_page()
        log_in_as(editor, live_server, "moderatrice", "pw-moderatrice-1")
        editor.goto(f"{live_server.url}/admin/pages/{offer.pk}/edit/")
        editor.click("footer [data-w-dropdown-target=toggle]")
        editor.click("button[data-workflow-action-name=approve]")
        wait_for_file_text(offer_html, "Sconto famiglie")
        assert "<strong>Due caffè</strong>" in offer_html.read_text("utf-8")

        page.goto(f"{live_server.url}/admin/")
        row = page.locator("li.owner-offer", has_text="Sconto famiglie")
        assert row.get_attribute("data-status") == "live"

        offer.refresh_from_db()
        assert offer.live and offer.expire_at is not None
        after_last_day = offer.expire_at + dt.timedelta(minutes=1)
        assert timezone.localtime(after_last_day).date() == last_day + dt.timedelta(1)
        with mock.patch("django.utils.timezone.now", return_value=after_last_day):
            call_command("publish_scheduled", verbosity=0)
            wait_for_missing_file(offer_html)

        offer.refresh_from_db()
        assert not offer.live and offer.expired
        owner_context.close()
        moderator_context.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_business_asks_to_join_from_a_phone(browser, live_server, territory):
    """The public form: Italian, accessible, errors named, then sent."""
    context = browser.new_context(viewport=PHONE, locale="it-IT")
    page = context.new_page()
    page.goto(f"{live_server.url}/owners/signup/?territory=lecce")
    assert page.locator("html").get_attribute("lang") == "it"
    assert page.locator("select[name=territory] option:checked").inner_text() == "Lecce"
    assert_fits_the_screen(page)
    assert serious_violations(page) == []

    page.fill("input[name=business_name]", "Forno <b>Rossi</b>")
    page.get_by_role("button", name="Invia la richiesta").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Nome dell'attività")
    expect(summary).to_contain_text("consenso")
    assert_fits_the_screen(page)
    assert serious_violations(page) == []
    assert not SignupRequest.objects.exists()

    page.fill("input[name=business_name]", "Forno Rossi")
    page.fill("input[name=contact_name]", "Maria Rossi")
    page.fill("input[name=email]", "forno@example.org")
    page.check("input[name=consent]")
    page.get_by_role("button", name="Invia la richiesta").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Grazie")
    [request] = SignupRequest.objects.all()
    assert (request.business_name, request.language) == ("Forno Rossi", "it")
    context.close()
