"""Publish to live in real Chromium: edit, preview, publish, and the static site
in dist/ changes by itself within seconds — the English page's switcher too.

The local builder (the demo's backend) runs the publisher against the live CMS
over HTTP; tasks run in-process here, as the demo's worker would run them.
"""

import time

import pytest

from cms.publishing.models import Build
from tests.browser.conftest import building_locally, serving
from tests.browser.test_editor_flow import log_in
from tests.cms.factories import PlacePageFactory
from tests.conftest import publish_home_and_sections_in


def wait_for_file_text(path, text: str, seconds: float = 60) -> float:
    """Seconds until `path` contains `text` (the build runs in the background)."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if path.exists() and text in path.read_text("utf-8"):
            return time.monotonic() - started
        time.sleep(0.2)
    raise AssertionError(f"{path} never showed {text!r}")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_edits_previews_publishes_and_the_static_site_follows(
    page, live_server, territory, django_user_model, tmp_path
):
    from cms.territories.setup import get_locale

    # The site as it stands before the editor's session (one build, below).
    publish_home_and_sections_in(territory, "en")
    place = PlacePageFactory(
        parent=territory.sections["places"], title="Duomo", slug="duomo"
    )
    place.save_revision().publish()  # as an editor would, not as a factory
    translated = place.copy_for_translation(get_locale("en"))
    translated.title, translated.slug = "Cathedral", "cathedral"
    translated.save_revision().publish()

    with building_locally(live_server, tmp_path) as dist:
        italian = dist / "lecce/it/luoghi/duomo/index.html"
        translated.save_revision().publish()
        wait_for_file_text(italian, "<h1>Duomo</h1>")  # built on publishing

        log_in(page, live_server, django_user_model)
        page.goto(f"{live_server.url}/admin/pages/{place.pk}/edit/")
        page.fill("#id_title", "Duomo di Lecce")
        page.click("button[data-side-panel-toggle=preview]")
        preview = page.frame_locator("#w-preview-iframe").locator("main h1")
        preview.filter(has_text="Duomo di Lecce").wait_for()
        assert "Duomo di Lecce" not in italian.read_text("utf-8")  # not yet live

        page.click("footer [data-w-dropdown-target=toggle]")
        page.click("button[name=action-publish]")
        seconds = wait_for_file_text(italian, "<h1>Duomo di Lecce</h1>")
        assert seconds < 60

    last = Build.objects.filter(site=territory.site).first()
    assert last.status == Build.Status.SUCCEEDED, last.message
    with serving(dist / "lecce") as url:
        page.goto(f"{url}/en/luoghi/cathedral/")
        assert page.locator("h1").inner_text() == "Cathedral"
        page.get_by_role("link", name="Italiano").click()
        page.wait_for_url("**/it/luoghi/duomo/")
        assert page.locator("h1").inner_text() == "Duomo di Lecce"
