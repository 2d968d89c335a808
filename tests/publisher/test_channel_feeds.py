"""The Atom and JSON feeds of stories and events: what a feed reader gets."""

import copy
import json
import xml.etree.ElementTree as ET

import pytest

from publisher.channels import feeds
from publisher.render import RenderContext, render_page
from publisher.sitemodel import SiteModel
from publisher.snapshot import Snapshot
from tests.hostile import HOSTILE as HOSTILE_TEXTS
from tests.linkcheck import broken_links
from tests.publisher.test_theme import HOSTILE, TERRITORY, event, item, story
from tests.snapshots import build_site

A = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
BUILD_DATE = "2026-11-25"
RENDITION = "https://cms.example/media/hero-1200.webp"


def hero_story(id, path, day, title, **fields):
    page = story(id, path, day, title)
    page["hero_image"] = 70
    page["media"]["images"]["70"] = {
        "id": 70,
        "alt": "La facciata",
        "renditions": [
            {"url": RENDITION, "width": 1200, "height": 800, "format": "webp"}
        ],
    }
    return {**page, **fields}


@pytest.fixture
def pages():
    return [
        item(1, "territories.TerritoryHomePage", "/", key="home"),
        item(2, "territories.TerritoryHomePage", "/", locale="en", key="home"),
        item(12, "stories.StoriesIndexPage", "/storie/", intro=""),
        item(4, "events.EventsIndexPage", "/eventi/", intro=""),
        hero_story(16, "/storie/vecchia/", "2026-01-10", "Storia vecchia"),
        story(17, "/storie/nuova/", "2026-11-20", HOSTILE),
        event(6, "2026-12-05T18:00:00+01:00", title="Concerto", summary=HOSTILE),
        event(7, "2026-10-01T18:00:00+02:00", title="Concerto passato"),
    ]


def context(pages, lang="it", media=None):
    model = SiteModel.build(Snapshot(TERRITORY, BUILD_DATE, pages))
    return RenderContext(model, lang, media=media or {}, build_date=BUILD_DATE)


def atom(pages, lang="it", **kwargs):
    return ET.fromstring(feeds.atom(context(pages, lang, **kwargs)))  # noqa: S314


def json_feed(pages, lang="it", **kwargs):
    return json.loads(feeds.json_feed(context(pages, lang, **kwargs)))


def titles(feed):
    return [e.findtext(f"{A}title") for e in feed.iter(f"{A}entry")]


def test_atom_feed_has_every_element_rfc_4287_requires(pages):
    feed = atom(pages)
    assert feed.tag == f"{A}feed"
    assert feed.get(XML_LANG) == "it"
    for name in ("id", "title", "updated", "subtitle", "rights"):
        assert feed.findtext(f"{A}{name}"), name
    assert feed.findtext(f"{A}title") == "Lecce: storie ed eventi"
    assert feed.findtext(f"{A}rights") == "CC BY 4.0 https://x"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{A}link")}
    assert links["self"] == "https://lecce.example.org/it/feed.atom"
    assert links["license"] == "https://x"
    assert "https://lecce.example.org/it/" in [
        link.get("href")
        for link in feed.findall(f"{A}link")
        if link.get("rel") == "alternate" and link.get("type") == "text/html"
    ]
    entries = list(feed.iter(f"{A}entry"))
    assert len(entries) == 4
    for entry in entries:
        for name in ("id", "title", "updated", "summary"):
            assert entry.find(f"{A}{name}") is not None, name
        assert entry.findtext(f"{A}author/{A}name")
        [link] = [x for x in entry.findall(f"{A}link") if x.get("rel") == "alternate"]
        assert link.get("href").startswith("https://lecce.example.org/it/")


def test_entries_are_dated_by_publication_never_by_when_an_event_happens(pages):
    """A feed's dates say what is new: the concert of 5 December was published
    on 1 November and revised on 24 November, so neither the entry nor the
    feed is dated in December, after the build."""
    concert, past = pages[6]["meta"], pages[7]["meta"]
    concert["first_published_at"] = "2026-11-01T10:00:00+01:00"
    concert["last_published_at"] = "2026-11-24T09:00:00+01:00"
    past["first_published_at"] = past["last_published_at"] = "2026-09-01T10:00:00+02:00"
    feed = atom(pages)
    assert titles(feed) == [
        HOSTILE,  # a story of 20 November
        "Concerto",  # published 1 November
        "Concerto passato",  # published 1 September
        "Storia vecchia",  # a story of 10 January
    ]
    entry = next(
        e for e in feed.iter(f"{A}entry") if e.findtext(f"{A}title") == "Concerto"
    )
    assert entry.findtext(f"{A}published") == "2026-11-01T10:00:00+01:00"
    assert entry.findtext(f"{A}updated") == "2026-11-24T09:00:00+01:00"
    assert feed.findtext(f"{A}updated") == "2026-11-24T09:00:00+01:00"
    [item] = [i for i in json_feed(pages)["items"] if i["title"] == "Concerto"]
    assert (item["date_published"], item["date_modified"]) == (
        "2026-11-01T10:00:00+01:00",
        "2026-11-24T09:00:00+01:00",
    )


def test_at_most_fifty_entries(pages):
    pages += [
        story(100 + n, f"/storie/s{n}/", f"2026-05-{n % 28 + 1:02d}", f"S{n}")
        for n in range(60)
    ]
    assert len(list(atom(pages).iter(f"{A}entry"))) == 50
    assert len(json_feed(pages)["items"]) == 50


def test_entry_ids_survive_a_slug_change(pages):
    before = atom(pages).find(f"{A}entry").findtext(f"{A}id")
    moved = copy.deepcopy(pages)
    moved[6]["meta"]["path"] = "/eventi/concerto-di-natale/"
    entry = atom(moved).find(f"{A}entry")
    assert entry.findtext(f"{A}id") == before == "tag:lecce.example.org,2026:it/k6"
    assert "concerto-di-natale" in entry.find(f"{A}link").get("href")


def test_hero_image_is_an_absolute_enclosure_with_its_type(pages):
    media = {RENDITION: "/media/abc123.webp"}
    feed = atom(pages, media=media)
    [entry] = [
        e
        for e in feed.iter(f"{A}entry")
        if "Storia vecchia" in ET.tostring(e, "unicode")
    ]
    [enclosure] = [x for x in entry.findall(f"{A}link") if x.get("rel") == "enclosure"]
    assert enclosure.get("href") == "https://lecce.example.org/media/abc123.webp"
    assert enclosure.get("type") == "image/webp"
    [row] = [i for i in json_feed(pages, media=media)["items"] if "k16" in i["id"]]
    assert row["image"] == "https://lecce.example.org/media/abc123.webp"


def test_hostile_text_comes_out_escaped_and_intact(pages):
    raw = feeds.atom(context(pages)).decode()
    assert "<img" not in raw
    assert "&lt;img src=x onerror=" in raw
    assert HOSTILE in titles(atom(pages))
    assert HOSTILE in [item["title"] for item in json_feed(pages)["items"]]


def test_control_characters_leave_a_feed_that_still_parses(pages):
    for n, (_, text) in enumerate(HOSTILE_TEXTS):
        pages.append(story(200 + n, f"/storie/h{n}/", "2026-11-21", text or "x"))
    feed = atom(pages)  # raises if the XML is not well formed
    assert "MuseoLecce" in titles(feed)  # the null byte, dropped
    assert "<script>alert(1)</script>" in titles(feed)


def test_json_feed_has_the_same_items_with_json_feed_keys(pages):
    feed = json_feed(pages)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] == "Lecce: storie ed eventi"
    assert feed["feed_url"] == "https://lecce.example.org/it/feed.json"
    assert feed["home_page_url"] == "https://lecce.example.org/it/"
    assert feed["language"] == "it"
    entries = atom(pages).iter(f"{A}entry")
    assert [i["id"] for i in feed["items"]] == [e.findtext(f"{A}id") for e in entries]
    for row in feed["items"]:
        assert {"id", "url", "title", "summary", "date_published", "language"} <= set(
            row
        )
        assert "content_text" in row or "content_html" in row
        assert row["url"].startswith("https://lecce.example.org/it/")
    # Never published before (a hand-made snapshot): the build's day.
    assert feed["items"][0]["date_published"] == "2026-11-25T00:00:00+01:00"


def test_arabic_feed_speaks_arabic_and_marks_italian_entries(pages):
    feed = atom(pages, "ar")
    assert feed.get(XML_LANG) == "ar"
    assert feed.findtext(f"{A}title") == "Lecce: قصص وفعاليات"
    concert = feed.find(f"{A}entry")
    assert concert.get(XML_LANG) == "it"  # an untranslated page, shown in Italian
    assert "ديسمبر" in concert.findtext(f"{A}summary")
    assert json_feed(pages, "ar")["items"][0]["language"] == "it"


def test_same_snapshot_and_date_give_the_same_bytes(pages):
    assert feeds.atom(context(pages)) == feeds.atom(context(copy.deepcopy(pages)))
    assert feeds.json_feed(context(pages)) == feeds.json_feed(context(pages))


def test_every_page_names_its_feeds_in_head_and_footer(pages):
    ctx = context(pages, "en")
    html = render_page(ctx.model.entries["en"][0], ctx)
    head = html[: html.index("</head>")]
    assert 'type="application/atom+xml"' in head and 'href="/en/feed.atom"' in head
    assert 'type="application/feed+json"' in head and 'href="/en/feed.json"' in head
    footer = html[html.index("<footer") :]
    assert ">Atom feed</a>" in footer and ">JSON feed</a>" in footer
    italian = context(pages, "it")
    html = render_page(italian.model.entries["it"][0], italian)
    assert ">Feed Atom</a>" in html[html.index("<footer") :]


def test_a_build_writes_both_feeds_in_every_language(pages, tmp_path):
    site = build_site(tmp_path, pages, BUILD_DATE)
    for lang in ("it", "en", "ar"):
        ET.parse(site / lang / "feed.atom")  # noqa: S314 our own output
        assert json.loads((site / lang / "feed.json").read_text())["items"]
    assert broken_links(site) == []
