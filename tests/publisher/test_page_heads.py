"""What every page's head tells browsers and search engines: a description on
every page (its own words, else a sentence for its kind), the territory's
icons, and a 404 that claims no other page's address."""

from __future__ import annotations

import io
import json
import re

import pytest
from PIL import Image

from tests.browser.conftest import _demo_pages
from tests.publisher.test_theme import TERRITORY
from tests.snapshots import build_site

BASE = TERRITORY["base_url"]
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("heads"), _demo_pages())


def pages(site):
    """Every page of the theme (not the language chooser, posters, e-mails)."""
    for path in sorted(site.rglob("*.html")):
        html = path.read_text("utf-8")
        if '<meta property="og:title"' in html:
            yield path.relative_to(site).as_posix(), html


def test_every_page_has_a_description(site):
    described = {}
    for name, html in pages(site):
        found = DESCRIPTION.findall(html)
        assert len(found) == 1 and found[0].strip(), name
        assert len(found[0]) <= 160, name
        described[name] = found[0]
    assert len(described) > 40
    assert described["it/map/index.html"].startswith("La mappa di Lecce")
    assert described["en/search/index.html"].startswith("Search the places")
    assert "Lecce" in described["ar/audiences/families/index.html"]
    assert described["it/404.html"]
    assert described["en/about/index.html"]  # the start of its text


def test_the_icons_come_from_the_territorys_brand(site):
    icon = Image.open(io.BytesIO((site / "favicon.ico").read_bytes()))
    assert icon.format == "ICO"
    assert {(16, 16), (32, 32), (48, 48)} <= set(icon.info["sizes"])
    touch = Image.open(io.BytesIO((site / "apple-touch-icon.png").read_bytes()))
    assert (touch.format, touch.size) == ("PNG", (180, 180))
    brand = TERRITORY["brand_colour"].lstrip("#")
    corner = touch.convert("RGB").getpixel((2, 2))
    assert corner == tuple(int(brand[i : i + 2], 16) for i in (0, 2, 4))
    for name, html in pages(site):
        assert '<link rel="icon" href="/favicon.ico"' in html, name
        assert '<link rel="apple-touch-icon" href="/apple-touch-icon.png">' in html


def test_the_404_claims_no_other_address(site):
    html = (site / "it" / "404.html").read_text("utf-8")
    assert '<meta name="robots" content="noindex">' in html
    assert 'rel="canonical"' not in html and 'hreflang="x-default"' not in html
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html)
    ids = [node.get("@id") for node in json.loads(script[1])["@graph"]]
    assert f"{BASE}/it/" not in ids
