"""Search on the built static site, in real Chromium: Pagefind's index, the
search page's script, under the site's Content-Security-Policy."""

import pytest
from playwright.sync_api import expect

from publisher.netlify import CSP
from publisher.serve import SiteHandler
from tests.browser.conftest import serving
from tests.browser.test_quality import serious_violations

SEARCH = {"it": "Cerca nel sito", "en": "Search the site", "ar": "ابحث في الموقع"}
PLACE = {"it": "Luogo", "en": "Place", "ar": "مكان"}
FAMILIES = {"it": "Per le famiglie", "en": "For families", "ar": "للعائلات"}
ONE = {"it": "1 risultato", "en": "1 result", "ar": "نتيجة واحدة"}
DUOMO = {
    "it": "/it/luoghi/duomo/",
    "en": "/en/places/duomo/",
    "ar": "/ar/luoghi/duomo/",
}


class StrictHandler(SiteHandler):
    """As Netlify serves the site: with the Content-Security-Policy of _headers."""

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        super().end_headers()


@pytest.fixture(scope="module")
def strict_url(built_site):
    with serving(built_site, StrictHandler) as url:
        yield url


@pytest.fixture
def errors(page):
    """Script errors and CSP refusals on the page: there must be none."""
    found = []
    page.on("pageerror", lambda error: found.append(str(error)))
    page.on(
        "response",
        lambda response: (
            found.append(f"{response.status} {response.url}")
            if response.status >= 400
            else None
        ),
    )
    return found


def results(page):
    return page.locator("#search-results li h2 a")


def wait_for_count(page, text):
    expect(page.locator("#search-status")).to_have_text(text)


@pytest.mark.parametrize("lang", ["it", "en", "ar"])
def test_a_title_word_finds_the_page_and_a_filter_narrows(
    page, strict_url, errors, lang
):
    page.goto(f"{strict_url}/{lang}/search/")
    assert page.locator("html").get_attribute("dir") == (
        "rtl" if lang == "ar" else "ltr"
    )
    page.get_by_label(SEARCH[lang]).fill("Duomo")
    page.get_by_label(SEARCH[lang]).press("Enter")
    expect(results(page).nth(1)).to_be_visible()
    everything = results(page).count()
    assert "Duomo" in results(page).all_inner_texts()
    assert page.url.endswith("?q=Duomo")

    page.get_by_label(PLACE[lang], exact=True).check()
    wait_for_count(page, ONE[lang])
    assert results(page).all_inner_texts() == ["Duomo"]
    assert results(page).count() < everything
    assert page.locator("#search-results mark").first.inner_text().startswith("Duomo")
    assert page.locator("#search-results :is(script, [onerror])").count() == 0

    results(page).first.click()
    page.wait_for_url(f"**{DUOMO[lang]}")
    assert page.locator("h1").inner_text() == "Duomo"
    assert errors == []


def test_the_address_keeps_the_search_and_its_filters(page, strict_url, errors):
    page.goto(f"{strict_url}/it/search/?q=barocco&audience=Per+le+famiglie")
    wait_for_count(page, "1 risultato")
    assert results(page).all_inner_texts() == ["Il barocco"]
    assert page.get_by_label(FAMILIES["it"]).is_checked()
    assert page.get_by_label(SEARCH["it"]).input_value() == "barocco"
    assert errors == []


def test_the_header_form_of_every_page_opens_the_search(page, strict_url):
    page.goto(f"{strict_url}/en/places/duomo/")
    page.locator("header").get_by_label("Search the site").fill("concerto")
    page.locator("header").get_by_role("button", name="Search").click()
    page.wait_for_url("**/en/search/?q=concerto")
    wait_for_count(page, "1 result")
    assert results(page).all_inner_texts() == ["Concerto"]


def test_words_typed_while_the_index_loads_are_searched(page, strict_url, errors):
    """On a slow network the visitor types before Pagefind is ready: the words
    are kept and searched, not wiped when the script starts."""

    held = []
    page.route("**/pagefind/*/pagefind.js", lambda route: held.append(route))
    page.goto(f"{strict_url}/it/search/", wait_until="domcontentloaded")
    page.get_by_label(SEARCH["it"]).fill("Duomo")
    while not held:  # the script asked for the index before the words arrived
        page.wait_for_timeout(20)
    held[0].continue_()
    expect(results(page).first).to_be_visible()
    assert "Duomo" in results(page).all_inner_texts()
    assert page.get_by_label(SEARCH["it"]).input_value() == "Duomo"
    assert errors == []


def test_keyboard_alone_searches_and_opens_a_result(page, strict_url, errors):
    page.goto(f"{strict_url}/it/search/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Vai al contenuto"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "search-q"
    page.keyboard.type("Duomo")
    page.keyboard.press("Enter")
    expect(results(page).first).to_be_visible()
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('#search-results')"):
            break
    else:
        pytest.fail("Tab never reached the results")
    focused = page.evaluate(
        "({href: document.activeElement.getAttribute('href'),"
        " outline: getComputedStyle(document.activeElement).outlineStyle})"
    )
    assert focused["outline"] != "none"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{focused['href']}")
    assert errors == []


@pytest.mark.parametrize("lang", ["it", "en", "ar"])
def test_no_serious_accessibility_violations_on_the_search_page(page, site_url, lang):
    """Served without the CSP, which would refuse axe's injected script."""
    page.goto(f"{site_url}/{lang}/search/?q=Duomo")
    expect(results(page).first).to_be_visible()
    assert serious_violations(page) == []


def test_without_javascript_the_page_says_so_and_links_the_sections(
    browser, built_site
):
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    try:
        page = context.new_page()
        with serving(built_site) as url:
            page.goto(f"{url}/en/search/?q=Duomo")
            notice = page.locator("#search-nojs")
            assert notice.is_visible()
            assert "needs JavaScript" in notice.inner_text()
            assert "Places" in notice.get_by_role("link").all_inner_texts()
            assert page.get_by_label("Search the site").is_visible()
            assert not page.get_by_label("Place", exact=True).is_visible()
    finally:
        context.close()
