"""The sitemap: every indexable page of every language with its hreflang
alternates and `x-default`, the CMS's pages with their last revision, and
whatever a URL carries escaped, so the XML stays well-formed."""

import xml.etree.ElementTree as ET

from publisher.site_files import SITEMAP_NS, XHTML_NS, sitemap, write_site_files
from publisher.sitemodel import SiteModel
from publisher.snapshot import Snapshot
from tests.publisher.test_theme import TERRITORY, item, place

BASE = TERRITORY["base_url"]
# What XML must escape, in a path the CMS sends.
AWKWARD = '/luoghi/sale-&-tabacchi-<1>-"l\'angolo"/'


def model() -> SiteModel:
    """Italian and English: a home and a place in both, a place in Italian."""
    pages = [
        item(1, "territories.TerritoryHomePage", "/", key="home", title="Lecce"),
        item(2, "territories.TerritoryHomePage", "/", "en", key="home", title="Lecce"),
        place(3, AWKWARD, "museum", "Sale & tabacchi", key="shop"),
        place(4, "/luoghi/duomo/", "museum", "Duomo"),
    ]
    pages.append({**pages[2], "id": 5, "meta": {**pages[2]["meta"], "locale": "en"}})
    territory = {**TERRITORY, "languages": TERRITORY["languages"][:2]}
    return SiteModel.build(Snapshot(territory, "2026-11-25", pages))


def read(data: bytes) -> dict[str, list[tuple[str, str]]]:
    """Each <loc> with its (hreflang, href) alternates, as a parser reads them."""
    root = ET.fromstring(data)  # noqa: S314 our own output
    assert root.tag == f"{{{SITEMAP_NS}}}urlset"
    return {
        url.findtext(f"{{{SITEMAP_NS}}}loc"): [
            (link.get("hreflang"), link.get("href"))
            for link in url.findall(f"{{{XHTML_NS}}}link")
            if link.get("rel") == "alternate"
        ]
        for url in root.findall(f"{{{SITEMAP_NS}}}url")
    }


def test_every_page_of_every_language_with_its_alternates():
    site = model()

    found = read(sitemap(site))

    expected = [
        (
            BASE + entry.url,
            [(code, BASE + url) for code, url in site.alternates(entry)]
            + [("x-default", BASE + dict(site.alternates(entry))["it"])],
        )
        for lang in ("it", "en")
        for entry in site.entries[lang]
    ]
    assert list(found.items()) == expected
    assert found[f"{BASE}/it/"] == [
        ("it", f"{BASE}/it/"),
        ("en", f"{BASE}/en/"),
        ("x-default", f"{BASE}/it/"),  # the territory's default language
    ]
    # Untranslated, the place is shown in Italian under /en/ too (the fallback).
    assert f"{BASE}/en/luoghi/duomo/" in found


def test_characters_xml_must_escape_leave_it_well_formed(tmp_path):
    write_site_files(tmp_path, model())
    data = (tmp_path / "sitemap.xml").read_bytes()

    found = read(data)  # parses

    awkward = f"{BASE}/it{AWKWARD}"
    assert found[awkward] == [
        ("it", awkward),
        ("en", f"{BASE}/en{AWKWARD}"),
        ("x-default", awkward),
    ]
    assert b"sale-&amp;-tabacchi-&lt;1&gt;" in data and b"sale-&-" not in data


def test_the_same_site_gives_the_same_bytes():
    assert sitemap(model()) == sitemap(model())


def test_a_built_site_lists_every_indexable_page_and_nothing_else(tmp_path):
    """The hand-written pages, the audiences, the map and the search page too;
    a CMS page's lastmod is its last revision; redirects and the 404 stay out."""
    from tests.browser.conftest import _demo_pages
    from tests.snapshots import build_site

    pages = _demo_pages()
    pages[0]["meta"]["last_published_at"] = "2026-11-20T10:00:00+01:00"
    site = build_site(tmp_path, pages, jobs=1)
    data = (site / "sitemap.xml").read_bytes()
    found = read(data)
    indexable = {
        BASE + "/" + str(path.parent.relative_to(site)) + "/"
        for path in site.rglob("index.html")
        if path.parent != site and path.parts[len(site.parts)] != "q"
    }
    assert set(found) == indexable
    for url in ("/en/about/", "/it/audiences/families/", "/ar/map/", "/it/search/"):
        assert found[BASE + url][-1] == ("x-default", BASE + "/it" + url[3:]), url
    home = ET.fromstring(data).find(f"{{{SITEMAP_NS}}}url")  # noqa: S314
    assert home.findtext(f"{{{SITEMAP_NS}}}lastmod") == "2026-11-20"
