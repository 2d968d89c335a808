"""Audiences and place kinds: each code is worded in the page's language, and an
item with a code the publisher cannot word is refused by name."""

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.frontend import parse_mapping_cfg
from babel.util import pathmatch

from publisher import resources
from publisher.i18n import translations
from publisher.render import RenderContext, audience_output
from publisher.sitemodel import SiteModel
from publisher.snapshot import Snapshot
from publisher.vocabulary import AUDIENCE_SECTIONS, AUDIENCES, PLACE_KINDS
from tests.publisher.test_theme import TERRITORY, item, main, place, render

ROOT = Path(__file__).resolve().parents[2]
LABELS = [*AUDIENCES.values(), *PLACE_KINDS.values(), *AUDIENCE_SECTIONS.values()]
CATALOGS = sorted(
    path.name
    for path in resources.translations().iterdir()
    if (path / "LC_MESSAGES" / "messages.po").is_file() and path.name != "en"
)


def model(*extra: dict) -> SiteModel:
    """A place of every kind, each for every audience, and `extra`."""
    places = [
        place(10 + n, f"/luoghi/{kind}/", kind, f"Luogo {n}", audiences=[*AUDIENCES])
        for n, kind in enumerate(PLACE_KINDS)
    ]
    pages = [
        item(1, "territories.TerritoryHomePage", "/", key="home"),
        item(3, "places.PlacesIndexPage", "/luoghi/", intro=""),
        *places,
        *extra,
    ]
    return SiteModel.build(Snapshot(TERRITORY, "2026-11-25", pages))


def test_make_messages_extracts_every_label():
    with (ROOT / "babel.cfg").open() as handle:
        method_map, _ = parse_mapping_cfg(handle)
    path = "publisher/vocabulary.py"
    method = next(method for pattern, method in method_map if pathmatch(pattern, path))
    found = {message for _, message, *_ in extract_from_file(method, ROOT / path)}
    assert set(LABELS) <= found


@pytest.mark.parametrize("lang", CATALOGS)
def test_every_label_is_translated_in_every_catalog(lang):
    gettext = translations(lang).gettext
    assert [label for label in LABELS if gettext(label) == label] == []


def test_labels_are_in_the_pages_language():
    site = model()
    assert not site.problems
    places = main(render(site, "it", "/it/luoghi/"))
    headings = re.findall(r"<h2>([^<]+)</h2>", places)
    italian = translations("it").gettext
    assert headings == [italian(label) for label in PLACE_KINDS.values()]
    assert headings[0] == "Musei" and headings[-1] == "Altri luoghi"

    museum = render(site, "it", "/it/luoghi/museum/")
    chips = re.findall(r'<a href="/it/audiences/[^"]+/">([^<]+)</a>', museum)
    assert chips == [italian(label) for label in AUDIENCES.values()]
    # Pagefind files the page under the label the search page filters by.
    assert 'data-pagefind-filter="audience[content]" content="Per le scuole"' in museum

    ctx = RenderContext(site, "it", build_date="2026-11-25")
    page = audience_output("immigrant-communities", ctx)()
    assert "<h1>Per le comunità immigrate</h1>" in page
    assert "<h2>Luoghi da visitare</h2>" in page
    arabic = audience_output("families", RenderContext(site, "ar", build_date=""))()
    assert f"<h1>{translations('ar').gettext('For families')}</h1>" in arabic


def test_an_unknown_code_is_refused_with_the_item_the_field_and_the_code():
    site = model(
        place(30, "/luoghi/pozzo/", "well", "Pozzo"),
        place(31, "/luoghi/torre/", "monument", "Torre", audiences=["aliens"]),
        place(32, "/luoghi/porta/", "monument", "Porta", audiences="families"),
        place(33, "/luoghi/arco/", "monument", "Arco", audiences=[["families"]]),
    )
    problems = [str(problem) for problem in site.problems]
    assert problems[0].startswith(
        "places.PlacePage 30, field 'kind': 'well' is not a place kind the "
        "publisher knows (museum, library,"
    )
    assert problems[1].startswith(
        "places.PlacePage 31, field 'audiences': 'aliens' is not an audience"
    )
    assert "publisher/vocabulary.py needs a label for it" in problems[1]
    assert problems[2].startswith(
        "places.PlacePage 32, field 'audiences': 'families' is not a list"
    )
    assert problems[3].startswith("places.PlacePage 33, field 'audiences': [")
    assert len(problems) == 4
    published = {entry.page["id"] for entry in site.entries["it"]}
    assert published.isdisjoint({30, 31, 32, 33})
    assert {10 + n for n in range(len(PLACE_KINDS))} <= published
