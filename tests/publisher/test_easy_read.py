"""Easy reading: a plain-language summary ("in parole semplici") shown first on
its page, marked up as a section of its own, and preferred by the audience
pages of children, older people and immigrant communities."""

from __future__ import annotations

import re

import pytest

from tests.publisher.test_theme import item, place
from tests.snapshots import build_site

EASY = "Il museo del Duomo. Ci sono quadri e statue. Si entra gratis."
SUMMARY = "Il museo della cattedrale, con le opere dei secoli passati."


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    pages = [
        item(1, "territories.TerritoryHomePage", "/", key="home", title="Lecce"),
        item(2, "places.PlacesIndexPage", "/luoghi/", title="Luoghi", intro=""),
        place(
            5,
            "/luoghi/duomo/",
            "museum",
            "Duomo",
            summary=SUMMARY,
            easy_read=EASY,
            audiences=["children", "families"],
        ),
        place(
            6,
            "/luoghi/castello/",
            "monument",
            "Castello",
            summary="Un castello.",
            audiences=["children"],
        ),
    ]
    return build_site(tmp_path_factory.mktemp("easy"), pages)


def main(site, path: str) -> str:
    html = (site / path / "index.html").read_text("utf-8")
    return html[html.index("<main") : html.index("</main>")]


def test_a_page_shows_its_plain_words_first(site):
    html = main(site, "it/luoghi/duomo")
    section = re.search(r'<section class="easy-read"[^>]*>(.*?)</section>', html, re.S)
    assert section and "<h2" in section[1] and "In parole semplici" in section[1]
    assert EASY in section[1]
    assert html.index("</h1>") < html.index(EASY) < html.index(SUMMARY)
    assert 'aria-labelledby="easy-read"' in html


def test_the_pages_for_children_prefer_plain_words(site):
    children = main(site, "it/audiences/children")
    assert EASY in children and SUMMARY not in children
    assert "Un castello." in children  # no plain words: its summary
    families = main(site, "it/audiences/families")
    assert SUMMARY in families and EASY not in families
