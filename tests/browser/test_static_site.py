"""Visitors on the built static site, in real Chromium."""

import re


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
    # A same-page jump: the address changes when Chromium reports it.
    page.wait_for_url(re.compile(r"/it/luoghi/duomo/#main$"))


def test_missing_pages_get_the_language_404(page, site_url):
    response = page.goto(f"{site_url}/en/no-such-page/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"


FOCUSED = """() => {
  const el = document.activeElement, style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {text: el.textContent.trim(), href: el.getAttribute("href"),
          outline: parseFloat(style.outlineWidth) * (style.outlineStyle !== "none"),
          visible: box.width > 0 && box.height > 0 && box.bottom > 0};
}"""


def test_keyboard_alone_walks_the_menu_and_switches_language(page, site_url):
    """Tab reaches every section and every language, each with a visible focus
    ring, in reading order; Enter follows the link."""
    page.goto(f"{site_url}/it/luoghi/duomo/")
    sections = page.locator("header nav:not(.languages) a").all_inner_texts()
    languages = page.locator("header nav.languages a").all_inner_texts()
    walked = []
    for _ in range(2 + len(sections) + len(languages)):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert focused["visible"] and focused["outline"] >= 2, focused
        walked.append(focused["text"])
    assert walked == ["Vai al contenuto", "Lecce", *sections, *languages]
    assert sections and languages == ["Italiano", "English", "العربية"]

    page.keyboard.press("Shift+Tab")  # back to English
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/places/duomo/")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["text"] == "Skip to content"
