"""The hostile corpus through the build: every item a place could hold is
rendered, escaped, and still there for the reader."""

import json
from html.parser import HTMLParser

import pytest

from publisher.render import RenderContext, render_page
from publisher.sitemodel import SiteModel
from publisher.snapshot import Snapshot
from tests.hostile import HOSTILE, MUST_ACCEPT
from tests.publisher.test_theme import TERRITORY, item, place


class Markup(HTMLParser):
    """What a browser would run: attributes, link targets and script bodies.

    A JSON-LD block is data, not code: it must parse as JSON and hold no `<`
    at all, so API text can never close the element.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self.in_script = False
        self.in_data_block = False

    def handle_starttag(self, tag, attrs):
        self.in_script = tag == "script"
        self.in_data_block = self.in_script and ("type", "application/ld+json") in attrs
        for attr, value in attrs:
            if attr.startswith("on"):
                self.problems.append(f"<{tag} {attr}=…>")
            target = (value or "").strip().lower()
            if attr in ("href", "src", "action") and target.startswith(
                ("javascript:", "data:text")
            ):
                self.problems.append(f"<{tag} {attr}={value}>")
        if tag in ("svg", "iframe", "object", "embed"):
            self.problems.append(f"<{tag}>")

    def handle_endtag(self, tag):
        self.in_script = self.in_data_block = False

    def handle_data(self, data):
        if self.in_data_block:
            if "<" in data:
                self.problems.append(f"<script type=ld+json>{data[:40]}")
            json.loads(data)
            return
        if self.in_script and "alert(" in data:
            self.problems.append(f"<script>{data[:40]}")
        self.text.append(data)


def normalised(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def rendered():
    pages = [
        item(1, "territories.TerritoryHomePage", "/", key="home"),
        item(3, "places.PlacesIndexPage", "/luoghi/", intro=""),
    ]
    for number, (_name, value) in enumerate(HOSTILE):
        pages.append(
            place(
                100 + number,
                f"/luoghi/p{number}/",
                "museum",
                value,
                summary=value,
                address=value,
                ticket_notes=value,
            )
        )
    site = SiteModel.build(Snapshot(TERRITORY, "2026-11-25", pages))
    ctx = RenderContext(site, "it", build_date="2026-11-25")
    by_url = {e.url: e for e in site.entries["it"]}
    places = {
        number: render_page(by_url[f"/it/luoghi/p{number}/"], ctx)
        for number in range(len(HOSTILE))
    }
    return places, render_page(by_url["/it/luoghi/"], ctx)


@pytest.mark.parametrize("number", range(len(HOSTILE)), ids=[n for n, _v in HOSTILE])
def test_nothing_runs_and_nothing_is_lost(rendered, number):
    name, value = HOSTILE[number]
    places, index = rendered
    for html in (places[number], index):
        markup = Markup()
        markup.feed(html)
        assert not markup.problems, (name, markup.problems)
        assert "<script>alert" not in html.lower()
    page = Markup()
    page.feed(places[number])
    visible = normalised("".join(page.text))  # entities decoded
    assert normalised(value) in visible, name  # the reader sees what was written


def test_legitimate_text_reaches_the_page_verbatim(rendered):
    places, _index = rendered
    for number, (name, value) in enumerate(HOSTILE):
        if name in ("arabic", "arabic with right-to-left mark", "emoji with joiners"):
            assert name in MUST_ACCEPT
            assert value in places[number]
