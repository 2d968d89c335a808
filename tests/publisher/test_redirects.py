"""The first rules of `_redirects`: the API's redirects (moves and the editors'
own), each checked; a bad row is named and left out, never written
(test_netlify_config.py reads the written lines with Netlify's own parser)."""

import pytest

from publisher.build import BuildOptions, publish_territory
from publisher.errors import BadContent
from publisher.netlify import redirects as netlify_redirects
from publisher.redirects import Rule, read
from publisher.sitemodel import SiteModel
from publisher.snapshot import Snapshot
from tests.publisher.test_theme import PLACE, TERRITORY, item

BUILD_DATE = "2026-11-25"


def pages() -> list[dict]:
    return [
        item(1, "territories.TerritoryHomePage", "/", key="home"),
        item(2, "places.PlacesIndexPage", "/luoghi/", key="places", intro=""),
        item(5, "places.PlacePage", "/luoghi/duomo/", key="duomo", **PLACE),
        item(6, "places.PlacePage", "/luoghi/caffè/", key="caffe", **PLACE),
        item(1001, "territories.TerritoryHomePage", "/", "en", key="home"),
        item(1002, "places.PlacesIndexPage", "/places/", "en", key="places", intro=""),
        item(1005, "places.PlacePage", "/places/cathedral/", "en", "duomo", **PLACE),
    ]


def row(old_path, locale=None, *, page=None, url=None, status=301):
    return {
        "old_path": old_path,
        "locale": locale,
        "status": status,
        "page": page,
        "url": url,
        "source": "editor",
    }


# Every kind of row the API sends, and what each becomes.
GOOD = {
    "/it/luoghi/duomo-vecchio/": (row("/it/luoghi/duomo-vecchio/", "it", page=5),
                                  "/it/luoghi/duomo/", 301),
    # The page in the old path's language: the English translation.
    "/en/old-cathedral": (row("/en/old-cathedral", "en", page=5, status=302),
                          "/en/places/cathedral/", 302),
    "/museo.html": (row("/museo.html", "en", page=1005), "/en/places/cathedral/", 301),
    # A language the site does not offer: the page in its own.
    "/de/alter-dom": (row("/de/alter-dom", "de", page=5), "/it/luoghi/duomo/", 301),
    # Paths are written as they are; page URLs percent-encoded, as short URLs.
    "/it/caffè-storico": (row("/it/caffè-storico", "it", page=6),
                          "/it/luoghi/caff%C3%A8/", 301),
    "/biglietti": (row("/biglietti", url="https://t.example/le?a=1&b=2#orari"),
                   "https://t.example/le?a=1&b=2#orari", 301),
    "/en/tickets": (row("/en/tickets", "en", url="https://t.example/città", status=302),
                    "https://t.example/citt%C3%A0", 302),
    # From a CMS before the editors' redirects: moves, below the language's home.
    "/it/luoghi/vecchio/": ({"old_path": "/luoghi/vecchio/", "locale": "it", "page": 5},
                            "/it/luoghi/duomo/", 301),
}  # fmt: skip

# Rows left out, each with the field named in its problem.
BAD = [
    (row("/x y", page=5), "old_path"),
    (row("/x\n/ /admin 200!", page=5), "old_path"),
    (row("/bom\ufeff", page=5), "old_path"),
    (row("//evil.example/x", page=5), "old_path"),
    (row("relative", page=5), "old_path"),
    (row(None, page=5), "old_path"),
    (row("/eventi?anno=2020", page=5), "old_path"),
    (row("/vecchio/*", page=5), "old_path"),
    (row("/it/:slug", page=5), "old_path"),
    (row("/.netlify/functions/x", page=5), "old_path"),
    (row("/", url="https://t.example/"), "old_path"),  # the language chooser
    (row("/en/", url="https://t.example/"), "old_path"),  # a home
    (row("/it/luoghi/duomo", page=1005), "old_path"),  # a page
    (row("/status", page=5, status=200), "status"),
    (row("/status-text", page=5, status="301"), "status"),
    (row("/status-float", page=5, status=301.0), "status"),
    (row("/both", page=5, url="https://t.example/"), "page"),
    (row("/neither"), "page"),
    (row("/page-text", page="5"), "page"),
    (row("/script", url="javascript:alert(1)"), "url"),
    (row("/ftp", url="ftp://files.example/x"), "url"),
    (row("/no-host", url="https:///x"), "url"),
    (row("/spaced", url="https://t.example/a b"), "url"),
    (row("/separator", url="https://t.example/a\u2028b"), "url"),
    (row("/this-machine", url="http://127.0.0.1:8000/x"), "url"),
    ("not an object", "item"),
]


def model(redirects, territory=TERRITORY) -> SiteModel:
    return SiteModel.build(Snapshot(territory, BUILD_DATE, pages(), redirects))


def test_every_kind_of_redirect_becomes_one_rule():
    rules, problems = read(model([r for r, _, _ in GOOD.values()]))
    assert problems == []
    assert rules == sorted(
        (Rule(old, new, status) for old, (_, new, status) in GOOD.items()),
        key=lambda rule: rule.old,
    )


def test_a_bad_row_is_named_and_left_out():
    rules, problems = read(model([r for r, _ in BAD] + [GOOD["/biglietti"][0]]))
    assert [rule.old for rule in rules] == ["/biglietti"]
    assert [problem.field for problem in problems] == [field for _, field in BAD]
    for problem in problems:
        # Named in one line, whatever the row held.
        assert str(problem).startswith("redirect '") or "not an object" in str(problem)
        assert str(problem).isprintable()


def test_rows_that_lead_nowhere_here_are_left_out_quietly():
    rules, problems = read(
        model(
            [
                row("/unpublished", "it", page=999),  # not in this site's snapshot
                row("/a", "it", page=5),
                row("/a/", "it", url="https://t.example/"),  # the same path for Netlify
            ]
        )
    )
    assert (rules, problems) == ([Rule("/a", "/it/luoghi/duomo/", 301)], [])


def test_a_local_site_may_redirect_to_this_machine():
    """The invariant is about sites on a public address; a demo is local."""
    local = {**TERRITORY, "base_url": "http://localhost:8001"}
    rules, problems = read(model([row("/cms", url="http://127.0.0.1:8000/")], local))
    assert problems == [] and rules == [Rule("/cms", "http://127.0.0.1:8000/", 301)]


def test_old_paths_come_first_and_are_never_forced():
    text = netlify_redirects(
        ["it", "en"], "it", [("/a", "/it/luoghi/duomo/", 301), ("/b", "https://x", 302)]
    )
    assert text.splitlines()[:3] == [
        "/a /it/luoghi/duomo/ 301",
        "/b https://x 302",
        "/  /it/  302!  Language=it",
    ]


def test_the_build_names_bad_redirects_and_strict_refuses_them(tmp_path):
    snapshot = Snapshot(TERRITORY, BUILD_DATE, pages(), [row("/x y", page=5)])
    options = BuildOptions(
        api="http://unused", out=tmp_path / "dist", content=tmp_path, strict=True
    )
    messages = []
    with pytest.raises(BadContent, match="redirect '/x y', field 'old_path'"):
        publish_territory(snapshot, options, progress=messages.append)
    assert messages == [
        "warning: lecce: skipped redirect '/x y', field 'old_path': "
        "has a space or an invisible character"
    ]
