"""Editors in the Wagtail admin, in real Chromium against a live CMS."""

import pytest


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_logs_in_and_finds_the_territory_pages(
    page, live_server, territory, django_user_model
):
    django_user_model.objects.create_superuser("redazione", "r@example.org", "pw-12345")
    page.goto(f"{live_server.url}/admin/")
    page.fill("input[name=username]", "redazione")
    page.fill("input[name=password]", "pw-12345")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    assert page.locator("html").get_attribute("lang") == "it"  # Italian first
    page.goto(f"{live_server.url}/admin/pages/{territory.home.pk}/")
    assert page.get_by_role("link", name="Luoghi", exact=True).is_visible()
