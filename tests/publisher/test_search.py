"""Search: Pagefind's index over a real build, and the search page."""

import gzip
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from publisher import search
from publisher.channels.search import plural_samples
from publisher.snapshot import Snapshot
from tests.publisher.test_incremental import demo_pages, tree
from tests.publisher.test_theme import TERRITORY
from tests.snapshots import build_site


def publish(root: Path, pages=None, **kwargs) -> Path:
    return build_site(root, pages or demo_pages(), **kwargs)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return publish(tmp_path_factory.mktemp("search"))


def fragments(site: Path) -> dict[str, dict]:
    """Every indexed page by URL, as Pagefind stored it."""
    found = {}
    for path in site.glob("pagefind/*/fragment/*.pf_fragment"):
        data = gzip.decompress(path.read_bytes()).removeprefix(search.SIGNATURE)
        fragment = json.loads(data)
        found[fragment["url"]] = fragment
    return found


def test_every_language_gets_its_own_bundle(site):
    """/pagefind/<lang>/, indexing that language's pages only: an edit
    re-indexes its language, not the site."""
    for lang in ("it", "en", "ar"):
        entry = json.loads(
            (site / "pagefind" / lang / "pagefind-entry.json").read_text()
        )
        assert list(entry["languages"]) == [lang]
        assert entry["version"] == search.pagefind_version()
        assert (site / search.bundle_url(lang).lstrip("/")).is_file()
        page = (site / lang / "search" / "index.html").read_text()
        assert f'data-bundle="{search.bundle_url(lang)}"' in page


def test_only_real_pages_are_indexed(site):
    urls = set(fragments(site))
    expected = {"/it/luoghi/duomo/", "/en/places/cathedral/", "/ar/luoghi/duomo/",
                "/it/storie/barocco/", "/it/eventi/e9/", "/it/attivita/bottega/",
                "/it/attivita/bottega/sconto/", "/it/about/", "/ar/legal/"}  # fmt: skip
    assert expected <= urls
    for url in urls:
        assert not url.endswith((".html", "/search/", "/luoghi/", "/it/", "/en/"))
        assert "/audiences/" not in url
    marked = {
        "/" + path.relative_to(site).as_posix().removesuffix("index.html")
        for path in site.rglob("*.html")
        if "data-pagefind-body" in path.read_text()
    }
    assert urls == marked


def test_pages_are_filed_by_type_and_audience_in_their_language(site):
    found = fragments(site)
    duomo = found["/it/luoghi/duomo/"]
    assert duomo["filters"] == {"type": ["Luogo"], "audience": ["Per le famiglie"]}
    assert duomo["meta"]["title"] == "Duomo"
    assert found["/en/places/cathedral/"]["filters"]["type"] == ["Place"]
    assert found["/ar/luoghi/duomo/"]["filters"]["type"] == ["مكان"]
    assert found["/it/attivita/bottega/sconto/"]["filters"] == {"type": ["Offerta"]}
    assert "filters" not in found["/it/about/"] or not found["/it/about/"]["filters"]
    # Only <main>: neither the menu, the header's form nor the footer.
    assert "Cerca nel sito" not in duomo["content"]
    assert "Licenza" not in duomo["content"] and "Open data" not in duomo["content"]


def test_the_same_pages_give_the_same_index_bytes(site, tmp_path):
    expected = tree(site / "pagefind")
    for n in range(3):
        copy = tmp_path / str(n)
        shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pagefind"))
        search.index_site(copy, ["it", "en", "ar"])
        assert tree(copy / "pagefind") == expected


def test_a_failing_pagefind_fails_the_build_and_keeps_the_site(
    site, tmp_path, monkeypatch
):
    root = tmp_path / "root"
    shutil.copytree(site.parents[1], root, copy_function=shutil.copy2)
    target = root / "dist" / "lecce"
    before = tree(target)
    fail = "import sys; sys.exit('error: pagefind could not parse it/x.html')"
    monkeypatch.setattr(search, "COMMAND", [sys.executable, "-c", fail])
    with pytest.raises(search.SearchIndexFailed, match=r"could not parse it/x\.html"):
        publish(root, full=True)
    assert tree(target) == before
    assert not list((root / "dist").glob(".staging-*"))


def test_an_unreadable_bundle_is_a_clear_failure(tmp_path, monkeypatch):
    write = (
        "import pathlib, sys; a = sys.argv; p = pathlib.Path(a[a.index('--output-path')"
        " + 1]); p.mkdir(parents=True); (p / 'pagefind-entry.json').write_text('nope')"
    )
    monkeypatch.setattr(search, "COMMAND", [sys.executable, "-c", write])
    with pytest.raises(search.SearchIndexFailed, match="cannot read"):
        search.index_site(tmp_path, ["it"])


def test_the_search_page_has_a_labelled_form_and_no_inline_script(site):
    for lang, direction in (("it", "ltr"), ("en", "ltr"), ("ar", "rtl")):
        html = (site / lang / "search/index.html").read_text()
        assert f'<html lang="{lang}" dir="{direction}">' in html
        assert (
            f'<form class="search-form" role="search" action="/{lang}/search/"' in html
        )
        assert '<label for="search-q">' in html
        assert '<input type="search" id="search-q" name="q"' in html
        assert '<button type="submit">' in html
        assert "data-pagefind-body" not in html
        code = re.findall(r"<script(?![^>]*application/ld\+json)[^>]*>", html)
        src = re.search(r"/static/js/search\.[0-9a-f]+\.js", html)[0]
        assert code == [f'<script type="module" src="{src}">']
    italian = (site / "it/search/index.html").read_text()
    assert 'name="type" value="Luogo"> Luogo</label>' in italian
    assert 'name="audience" value="Per le famiglie">' in italian
    assert 'data-count-one="{count} risultato"' in italian
    assert 'data-count-other="{count} risultati"' in italian
    assert "La ricerca ha bisogno di JavaScript" in italian


def test_every_other_page_has_the_header_search_form(site):
    for lang, label in (("it", "Cerca nel sito"), ("en", "Search the site"),
                        ("ar", "ابحث في الموقع")):  # fmt: skip
        for path in (site / lang).rglob("*.html"):
            html = path.read_text()
            if '<header class="site-header">' not in html:
                continue  # not a web page: a newsletter, a poster
            if path.parent.name == "search":
                assert "header-search" not in html
                continue
            assert f'action="/{lang}/search/" method="get">' in html, path
            assert f'for="header-search-q">{label}</label>' in html, path


def test_counts_are_worded_for_every_plural_category():
    assert [c for c, _ in plural_samples("ar")] == sorted(
        ["zero", "one", "two", "few", "many", "other"]
    )
    assert dict(plural_samples("en")) == {"one": 1, "other": 0}


def test_a_page_names_its_type_audiences_and_image_for_the_index():
    from publisher.render import RenderContext, render_page
    from publisher.sitemodel import SiteModel

    renditions = [
        {"url": f"https://cms.test/duomo-{w}.webp", "width": w, "height": w // 2}
        for w in (480, 960)
    ]
    pages = demo_pages()
    duomo = next(p for p in pages if p["id"] == 5)
    duomo["hero_image"] = 77
    duomo.setdefault("media", {}).setdefault("images", {})["77"] = {
        "alt": "Facciata",
        "renditions": renditions,
    }
    duomo["audiences"] = ["families", "schools"]
    model = SiteModel.build(Snapshot(TERRITORY, "2026-11-25", pages))
    media = {r["url"]: f"/media/d{r['width']}.webp" for r in renditions}
    entry = next(e for e in model.entries["it"] if e.page["id"] == 5)
    head = render_page(entry, RenderContext(model, "it", media=media)).split("</head>")[
        0
    ]
    assert re.findall(r'<meta name="search-[^>]+>', head) == [
        '<meta name="search-type" data-pagefind-filter="type[content]" '
        'content="Luogo">',
        '<meta name="search-audience" data-pagefind-filter="audience[content]" '
        'content="Per le famiglie">',
        '<meta name="search-audience" data-pagefind-filter="audience[content]" '
        'content="Per le scuole">',
        '<meta name="search-image" data-pagefind-meta="image[content]" '
        'content="/media/d480.webp">',
    ]


def test_excerpts_separate_labels_from_values_and_skip_controls(site):
    """Pagefind runs a <dt> and its <dd> together (Pagefind/pagefind#736): the
    theme puts a separator only screen readers and the index see."""
    found = fragments(site)
    shop = found["/it/attivita/bottega/"]["content"]
    assert "Indirizzo: Via Palmieri 1, 73100 Lecce. Telefono: " in shop
    concert = found["/it/eventi/e9/"]["content"]
    assert "Prezzo: Gratuito" in concert
    for fragment in found.values():
        for control in (
            "Aggiungi al calendario",
            "Locandina da stampare",
            "Codice QR",
            "Vedi sulla mappa",
            "Add to calendar",
            "Poster to print",
        ):
            assert control not in fragment["content"], fragment["url"]
