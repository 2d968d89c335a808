"""Short URLs and posters in a real browser: the redirect, and Ctrl-P on A4."""

import re

import pytest

from tests.browser.conftest import serving
from tests.browser.test_quality import html_errors, serious_violations
from tests.publisher.test_channel_print import pages
from tests.snapshots import build_site

CM = 96 / 2.54  # CSS pixels in a centimetre


def long_pages() -> list[dict]:
    """The print tests' pages, one with far more text than a sheet holds."""
    found = pages()
    found[4]["summary"] = "Una facciata barocca tra le più belle del Salento. " * 60
    return found


@pytest.fixture(scope="module")
def print_dist(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("print-site"), long_pages())


@pytest.fixture(scope="module")
def print_site(print_dist):
    with serving(print_dist) as url:
        yield url


def test_a_short_url_opens_the_page(page, print_site):
    page.goto(f"{print_site}/q/5/")
    page.wait_for_url(f"{print_site}/it/luoghi/duomo/")
    assert page.locator("h1").inner_text() == "Duomo"
    page.goto(f"{print_site}/q/105/")
    page.wait_for_url(f"{print_site}/en/places/cathedral/")


@pytest.mark.parametrize("url", ["/it/luoghi/duomo/", "/ar/amakin/duomo/",
                                 "/it/eventi/e7/"])  # fmt: skip
def test_printing_a_poster_gives_one_a4_page_with_a_large_qr_code(
    page, print_site, url
):
    page.goto(f"{print_site}{url}")
    page.get_by_role("link", name=re.compile("Locandina|ملصق")).click()
    page.wait_for_url(f"{print_site}{url}poster.html")
    assert page.locator(".poster-screen").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".poster-screen").is_visible()
    qr = page.locator(".poster-qr img")
    box = qr.bounding_box()
    assert box["width"] >= 5 * CM and box["height"] >= 5 * CM, box
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")
    assert page.locator(".short-url").is_visible()
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1
    if url.startswith("/ar/"):
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"


def test_posters_and_redirect_pages_are_valid_and_accessible(
    page, print_dist, print_site
):
    ours = [e for e in html_errors(print_dist) if "poster.html:" in e or e[:2] == "q/"]
    assert ours == []
    problems = []
    for url in ("/it/luoghi/duomo/poster.html", "/ar/amakin/duomo/poster.html",
                "/it/attivita/bottega/sconto/poster.html"):  # fmt: skip
        page.goto(print_site + url)
        problems += serious_violations(page, url)
    assert problems == []
