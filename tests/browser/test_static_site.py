"""Visitors on the built static site, in real Chromium."""


def test_language_switcher_opens_the_same_page_in_english(page, site_url):
    page.goto(f"{site_url}/it/luoghi/duomo/")
    assert page.locator("h1").inner_text() == "Duomo"
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/places/duomo/")
    assert page.locator("h1").inner_text() == "Duomo"
    assert page.locator("html").get_attribute("lang") == "en"


def test_keyboard_users_reach_the_skip_link_first(page, site_url):
    page.goto(f"{site_url}/it/luoghi/duomo/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Vai al contenuto"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")


def test_missing_pages_get_the_language_404(page, site_url):
    response = page.goto(f"{site_url}/en/no-such-page/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
