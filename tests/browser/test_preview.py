"""The editor's preview in real Chromium: the theme's page, before saving.

Wagtail's preview redirects to the CMS's own preview view (redirect mode), so
the side panel holds the themed page itself and Wagtail's userbar inside it
feeds the checks panel (accessibility checker, content metrics).
"""

import re

import pytest

from tests.browser.test_editor_flow import log_in
from tests.cms.factories import PlacePageFactory


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_previews_an_unsaved_title_in_the_panel_and_a_new_tab(
    page, live_server, territory, django_user_model
):
    # An h3 straight after the page's h1: the accessibility checker must say so.
    place = PlacePageFactory(
        parent=territory.sections["places"],
        title="Duomo",
        body=[{"type": "paragraph", "value": "<h3>Orari</h3><p>Ogni giorno.</p>"}],
    )
    log_in(page, live_server, django_user_model)
    page.goto(f"{live_server.url}/admin/pages/{place.pk}/edit/")
    page.fill("#id_title", "Duomo di Lecce, in bozza")

    page.click("button[data-side-panel-toggle=preview]")
    panel = page.frame_locator("#w-preview-iframe")
    heading = panel.locator("main h1")
    heading.filter(has_text="Duomo di Lecce, in bozza").wait_for()
    assert panel.locator("html").get_attribute("lang") == "it"
    assert panel.locator("link[href*='/preview/static/lecce/css/site.css']").count()
    colour = panel.locator("body").evaluate(
        "body => getComputedStyle(body).getPropertyValue('--brand').trim()"
    )
    assert colour == territory.settings.brand_colour  # brand.css was served

    # Wagtail's checks panel reads the preview through the userbar inside it:
    # content metrics, and axe's heading-order issue on the body's h3.
    page.click("button[data-side-panel-toggle=checks]")
    words = page.locator("[data-content-word-count]")
    words.filter(has_text=re.compile(r"\d")).wait_for()
    issue = page.locator("[data-content-checker-selector-text]")
    issue.filter(has_text="h3").wait_for()
    assert page.locator("[data-content-checker-row]").count() == 1

    page.click("button[data-side-panel-toggle=preview]")
    # The panel refreshes its preview when it opens: let that finish first. The
    # test server shares one in-memory SQLite connection between its threads,
    # so two preview requests at once can trip over each other's savepoints.
    heading.filter(has_text="Duomo di Lecce, in bozza").wait_for()
    page.wait_for_load_state("networkidle")
    with page.context.expect_page() as new_tab:
        page.click("[data-w-preview-target=newTab]")
    tab = new_tab.value
    tab.wait_for_url(re.compile(r"/preview/\?content_type=places\.placepage&token="))
    assert tab.locator("main h1").inner_text() == "Duomo di Lecce, in bozza"
    tab.close()

    place.refresh_from_db()
    assert place.title == "Duomo"  # previewing saved nothing
