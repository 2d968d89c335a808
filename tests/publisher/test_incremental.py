"""Incremental builds through the change feed: the same bytes as a full build.

A fake CMS answers the content API over real HTTP: territories, pages, the
change feed (with cursors, batches, tombstones and resets) and redirects.
"""

import contextlib
import copy
import json
import os
import re
import shutil
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from publisher import resources, search
from publisher.build import MANIFEST, BuildOptions, build
from publisher.errors import RenderFailed
from publisher.incremental import State, plan
from publisher.snapshot import Snapshot
from tests.publisher.test_theme import PLACE, TERRITORY, event, item
from tests.snapshots import BUSINESS, ITINERARY, OFFER, SECTIONS, STORY


def place(id, path, title, lang="it", key=None, **fields):
    return item(
        id, "places.PlacePage", path, lang, key=key, title=title, **{**PLACE, **fields}
    )


def demo_pages() -> list[dict]:
    """Every template in Italian and English (Arabic falls back), plus filler."""
    pages = []
    for lang, offset in (("it", 0), ("en", 1000)):
        it = lang == "it"

        def path(section, slug, it=it):
            return f"/{SECTIONS[section][1 if it else 2]}/{slug}/"

        duomo = 5 + offset
        pages += [
            item(1 + offset, "territories.TerritoryHomePage", "/", lang, key="home"),
            *(
                item(
                    10 + n + offset,
                    type_,
                    f"/{a if it else b}/",
                    lang,
                    key=b,
                    title=b.capitalize(),
                    intro="",
                )
                for n, (type_, a, b) in enumerate(SECTIONS)
            ),
            place(
                duomo,
                path(0, "duomo" if it else "cathedral"),
                "Duomo" if it else "Cathedral",
                lang,
                "duomo",
                audiences=["families"],
            ),
            item(
                7 + offset,
                "stories.StoryPage",
                path(1, "barocco"),
                lang,
                key="story",
                title="Il barocco",
                related_places=[{"place": duomo}],
                audiences=["families"],
                body=[
                    {
                        "type": "paragraph",
                        "id": "b1",
                        "value": f'<p><a linktype="page" id="{duomo}">Qui</a>.</p>',
                    }
                ],
                **STORY,
            ),
            item(
                8 + offset,
                "itineraries.ItineraryPage",
                path(3, "centro"),
                lang,
                key="itinerary",
                title="Centro storico",
                stops=[{"place": duomo, "note": "Inizio"}],
                **ITINERARY,
            ),
            item(
                20 + offset,
                "stories.StoryPage",
                path(1, "altra"),
                lang,
                key="story2",
                title="Un'altra storia",
                related_places=[],
                audiences=[],
                **STORY,
            ),
        ]
    pages += [
        place(6, "/luoghi/santa-croce/", "Santa Croce"),
        {
            **event(9, "2026-12-05T18:00:00+01:00", title="Concerto", venue=5),
            "audiences": ["families"],
        },
        item(
            30, "offers.BusinessPage", "/attivita/bottega/", title="Bottega", **BUSINESS
        ),
        item(
            31, "offers.OfferPage", "/attivita/bottega/sconto/", title="Sconto", **OFFER
        ),
    ]
    for n in range(40):
        pages.append(place(100 + n, f"/luoghi/luogo-{n}/", f"Luogo {n}", key=f"l{n}"))
        if n < 5:
            pages.append(
                place(1100 + n, f"/places/site-{n}/", f"Site {n}", "en", f"l{n}")
            )
    return pages


def moved(old_path, page, locale="it"):
    """A redirects item for a page that moved (docs/api.md, "Redirects")."""
    return {"old_path": old_path, "locale": locale, "status": 301, "page": page,
            "url": None, "source": "move"}  # fmt: skip


class FakeCms:
    """The content API of one territory, with a change log behind the feed."""

    def __init__(self, pages):
        self.territory = copy.deepcopy(TERRITORY)
        self.pages = {p["id"]: p for p in copy.deepcopy(pages)}
        self.log: list[tuple[int, int, dict | None]] = []  # seq, id, tombstone
        self.redirects: list[dict] | None = []  # None: the endpoint is missing
        self.feed = True  # False: an older CMS without the change feed
        self.expired = 0  # cursors before this sequence number need a reset
        self.batch = 2  # changes per answer: the rest comes with "more"
        self.calls: list[str] = []

    @property
    def seq(self) -> int:
        return self.log[-1][0] if self.log else 0

    def put(self, page):
        self.pages[page["id"]] = copy.deepcopy(page)
        self.log.append((self.seq + 1, page["id"], None))

    def delete(self, page_id):
        meta = self.pages.pop(page_id)["meta"]
        tombstone = {
            "id": page_id,
            "type": meta["type"],
            "locale": meta["locale"],
            "translation_key": meta["translation_key"],
        }
        self.log.append((self.seq + 1, page_id, tombstone))

    def answer(self, path, query):
        self.calls.append(path)
        if path == "territories/":
            return {"meta": {"total_count": 1}, "items": [self.territory]}
        if path == "pages/":
            found = sorted(
                (p for p in self.pages.values() if p["meta"]["type"] == query["type"]),
                key=lambda p: p["id"],
            )
            offset, limit = int(query["offset"]), int(query["limit"])
            return {
                "meta": {"total_count": len(found)},
                "items": found[offset : offset + limit],
            }
        if path == "changes/" and self.feed:
            since = query.get("since")
            if since is None or int(since) < self.expired:
                return {"cursor": str(self.seq), "reset": True, "more": False,
                        "items": [], "tombstones": []}  # fmt: skip
            rows = [row for row in self.log if row[0] > int(since)]
            batch = rows[: self.batch]
            return {
                "cursor": str(batch[-1][0]) if batch else since,
                "reset": False,
                "more": len(rows) > len(batch),
                # Re-delivered as they are now, as a real feed would.
                "items": [self.pages[i] for _, i, t in batch if i in self.pages],
                "tombstones": [t for _, _, t in batch if t is not None],
            }
        if path == "redirects/" and self.redirects is not None:
            return {"items": self.redirects}
        return None


@contextlib.contextmanager
def serving(fake: FakeCms):
    """The fake CMS on a local port, over real HTTP."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urlparse(self.path)
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            body = fake.answer(url.path.removeprefix("/api/v2/"), query)
            self.send_response(404 if body is None else 200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(json.dumps(body or {"message": "not found"}).encode())

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    fake.url = f"http://127.0.0.1:{server.server_port}"
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def cms():
    with serving(FakeCms(demo_pages())) as fake:
        yield fake


@pytest.fixture(scope="module")
def first_build(tmp_path_factory):
    """A full build of the demo content, made once: (folder, report)."""
    root = tmp_path_factory.mktemp("first")
    with serving(FakeCms(demo_pages())) as fake:
        return root, run(fake, root)


@pytest.fixture
def built(first_build, tmp_path) -> Path:
    """A copy of the first build (output, snapshot, state), times included: the
    `cms` fixture's feed starts where it stopped."""
    shutil.copytree(first_build[0], tmp_path / "a", copy_function=shutil.copy2)
    return tmp_path / "a"


SITE_SETTINGS = """\
from vetrina.site.publishconf import *  # noqa: F403

PATH = "content"
"""


def run(cms, root: Path, **kwargs):
    """One build of the fake CMS into root/dist, keeping state in root/content,
    with a site of its own whose pages are root/content/pages."""
    pages = root / "content" / "pages"
    if not pages.exists():
        shutil.copytree(resources.content() / "pages", pages)
        (root / "publishconf.py").write_text(SITE_SETTINGS)
    options = BuildOptions(
        api=cms.url,
        out=root / "dist",
        content=root / "content",
        settings=root / "publishconf.py",
        build_date="2026-11-25",
        jobs=2,
        **kwargs,
    )
    lines: list[str] = []
    [report] = build(options, progress=lines.append)
    report.lines = lines
    return report


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def times(root: Path) -> dict[str, int]:
    return {
        p.relative_to(root).as_posix(): p.stat().st_mtime_ns
        for p in root.rglob("*")
        if p.is_file()
    }


def assert_same_as_full(cms, root: Path, other: Path) -> None:
    """The incremental output is byte for byte a fresh full build's, and so is
    the snapshot the feed patched and the state's dependency index."""
    fresh = run(cms, other, full=True)
    assert fresh.mode == "full"
    for name in ("dist/lecce", "content/snapshots/lecce"):
        built, expected = tree(root / name), tree(other / name)
        assert sorted(built) == sorted(expected), name
        different = [f for f in built if built[f] != expected[f]]
        assert different == [], name
    state = State.load(root / "content/state/lecce.json")
    full_state = State.load(other / "content/state/lecce.json")
    assert state.outputs == full_state.outputs
    assert state.pages == full_state.pages


def edit(cms, page_id, **fields):
    page = copy.deepcopy(cms.pages[page_id])
    for name, value in fields.items():
        if name == "path":
            page["meta"]["path"] = value
        else:
            page[name] = value
    cms.put(page)


def test_incremental_build_gives_the_bytes_of_a_full_build(
    cms, first_build, built, tmp_path
):
    first = first_build[1]
    assert first.mode == "full" and first.fetched == "full fetch"
    site = built / "dist" / "lecce"
    before = times(site)
    assert (
        'href="/en/stories/altra/" hreflang="en"'
        in (site / "it/storie/altra/index.html").read_text()
    )

    # A place's new title reaches the story and the itinerary that name it.
    edit(cms, 5, title="Cattedrale")
    cms.put(event(60, "2026-12-12T21:00:00+01:00", title="Notte bianca"))
    cms.delete(20)  # a story and its translation
    cms.delete(1020)
    # A slug change leaves the old URL as a redirect to the new one.
    edit(cms, 6, path="/luoghi/basilica-santa-croce/")
    cms.redirects = [
        moved("/it/luoghi/santa-croce/", 6),
        moved("/it/luoghi/perso/", 999),  # unpublished
        moved("/it/luoghi/duomo/", 5),  # to itself
    ]
    report = run(cms, built)

    assert report.mode == "incremental"
    assert report.fetched == "change feed"
    assert (report.changed, report.removed) == (3, 2)
    assert report.pages * 4 < first.pages, (report.pages, first.pages)
    assert "lecce: change feed: 3 item(s), 2 tombstone(s)" in report.lines
    assert report.lines[-1].startswith(
        "lecce: incremental after a change feed, 3 changed, 2 removed, "
    )
    assert "Cattedrale" in (site / "it/storie/barocco/index.html").read_text()
    assert "Cattedrale" in (site / "it/itinerari/centro/index.html").read_text()
    assert "Notte bianca" in (site / "it/eventi/index.html").read_text()
    assert (site / "ar/eventi/e60/index.html").exists()  # the fallback too

    # The removed story is gone from every language, listing and the sitemap.
    for lang, path in (("it", "storie"), ("en", "stories"), ("ar", "storie")):
        assert not (site / lang / path / "altra").exists()
        assert (
            f"/{lang}/{path}/altra/"
            not in (site / lang / path / "index.html").read_text()
        )
    assert "/altra/" not in (site / "sitemap.xml").read_text()
    assert "/luoghi/santa-croce/" not in (site / "sitemap.xml").read_text()
    assert not (site / "it/luoghi/santa-croce").exists()

    redirects = (site / "_redirects").read_text().splitlines()
    assert redirects[0] == (
        "/it/luoghi/santa-croce/ /it/luoghi/basilica-santa-croce/ 301"
    )
    assert redirects[1].startswith("/  /it/  302!")

    # Pages no change touches are the very same files, with their times.
    now = times(site)
    for untouched in ("it/luoghi/luogo-3/index.html", "en/places/site-2/index.html",
                      "it/attivita/bottega/sconto/index.html", "static"):  # fmt: skip
        for name in before:
            if name.startswith(untouched):
                assert now[name] == before[name], name
    assert now["it/storie/barocco/index.html"] != before["it/storie/barocco/index.html"]

    assert_same_as_full(cms, built, tmp_path / "b")


def test_a_title_edit_renders_only_what_shows_the_page_not_its_links():
    outputs = {
        "it/luoghi/duomo/index.html": ["id:5", "tk:duomo"],
        "it/luoghi/index.html": ["kind:it:place"],
        "it/audiences/families/index.html": ["kind:it:place", "aud:it", "aud:en"],
        "en/places/cathedral/index.html": ["id:1005", "tk:duomo"],  # its switcher
        "en/eventi/e9/index.html": ["id:9", "id:5"],  # Italian, venue and all
        "en/places/index.html": ["kind:en:place"],
        "en/audiences/families/index.html": ["kind:en:place", "aud:it", "aud:en"],
    }
    state = State(
        cursor="1",
        fingerprint="f",
        digest="d",
        pages={"5": ["old", "duomo", "/luoghi/duomo/"]},
        entries={"it": {"5": ["/it/luoghi/duomo/", "place", False, ["families"]]}},
        outputs=outputs,
    )
    urls = {file: "/" + file.removesuffix("index.html") for file in outputs}

    def render(path: str = "/luoghi/duomo/", audiences=("families",)) -> set[str]:
        pages = {"5": ["new", "duomo", path]}
        entries = {"it": {"5": [f"/it{path}", "place", False, [*audiences]]}}
        return plan(state, pages, entries, urls).render

    shows_it = {
        "it/luoghi/duomo/index.html",
        "it/luoghi/index.html",
        "it/audiences/families/index.html",
        "en/eventi/e9/index.html",
    }
    assert render() == shows_it
    english_switchers = {"en/audiences/families/index.html"}
    assert render(audiences=()) == shows_it | english_switchers
    assert render("/luoghi/cattedrale/") == shows_it | {
        "en/places/cathedral/index.html"
    }


def test_the_last_page_leaving_an_audience_updates_every_language(cms, built, tmp_path):
    # Without fallbacks, no Italian page is listed in English: only the
    # English audience page's language switcher depends on the Italian pages.
    cms.territory["fallback"] = "omit"
    run(cms, built)
    site = built / "dist" / "lecce"
    english = site / "en/audiences/families/index.html"
    assert 'href="/it/audiences/families/"' in english.read_text()

    for page_id in (5, 7, 9):  # every Italian page for families
        edit(cms, page_id, audiences=[])
    run(cms, built)

    assert not (site / "it/audiences/families").exists()
    assert 'href="/it/audiences/families/"' not in english.read_text()
    assert_same_as_full(cms, built, tmp_path / "b")


def test_a_slug_change_reaches_the_translations_language_switcher(cms, built, tmp_path):
    site = built / "dist" / "lecce"

    edit(cms, 5, path="/luoghi/cattedrale/")
    run(cms, built)

    english = (site / "en/places/cathedral/index.html").read_text()
    assert 'href="/it/luoghi/cattedrale/" hreflang="it"' in english
    assert "/it/luoghi/duomo/" not in english
    assert_same_as_full(cms, built, tmp_path / "b")


def test_removing_a_translation_updates_the_other_languages(cms, built, tmp_path):
    cms.delete(1100)  # English falls back to the Italian page
    report = run(cms, built)
    site = built / "dist" / "lecce"
    assert report.mode == "incremental" and report.removed == 1
    italian = (site / "it/luoghi/luogo-0/index.html").read_text()
    assert "/en/places/site-0/" not in italian
    assert 'href="/en/luoghi/luogo-0/" hreflang="en"' in italian
    assert "/en/places/site-0/" not in (site / "sitemap.xml").read_text()
    assert "/en/places/site-0/" not in (site / "en/places/index.html").read_text()
    assert not (site / "en/places/site-0").exists()
    assert_same_as_full(cms, built, tmp_path / "b")


def test_a_build_without_changes_rewrites_nothing(cms, built):
    site = built / "dist" / "lecce"
    state = built / "content/state/lecce.json"
    before, saved = times(site), State.load(state)
    cms.put(cms.pages[7])  # delivered again, unchanged
    report = run(cms, built)
    assert report.mode == "incremental" and report.pages == 0
    assert (report.changed, report.removed, report.deleted) == (0, 0, 0)
    assert report.kept > 0
    assert times(site) == before  # not one file rewritten, the index included
    assert State.load(state).cursor == str(cms.seq) != saved.cursor


def test_a_reset_fetches_everything_and_still_renders_only_changes(cms, built):
    edit(cms, 100, title="Luogo rinominato")
    cms.expired = cms.seq + 1  # the CMS forgot the cursor
    cms.calls.clear()
    report = run(cms, built)
    assert report.fetched == "full fetch" and "pages/" in cms.calls
    assert cms.calls.index("changes/") < cms.calls.index("pages/")
    assert report.mode == "incremental" and report.changed == 1
    site = built / "dist" / "lecce"
    assert "Luogo rinominato" in (site / "it/luoghi/index.html").read_text()
    assert State.load(built / "content/state/lecce.json").cursor == str(cms.seq)


def test_an_older_cms_without_feed_or_redirects_gets_full_fetches(cms, built):
    cms.feed, cms.redirects = False, None
    edit(cms, 5, title="Cattedrale")
    report = run(cms, built)
    assert report.fetched == "full fetch" and report.mode == "incremental"
    assert State.load(built / "content/state/lecce.json").cursor is None
    site = built / "dist/lecce"
    assert "Cattedrale" in (site / "it/storie/barocco/index.html").read_text()
    assert (site / "_redirects").read_text().startswith("/  /it/")
    assert run(cms, built).pages == 0


def test_a_failing_render_leaves_output_and_cursor_as_they_were(cms, built, tmp_path):
    site = built / "dist" / "lecce"
    state = built / "content/state/lecce.json"
    before, cursor = (tree(site), times(site)), State.load(state).cursor
    edit(cms, 6, title="Santa Croce restaurata")
    # Hours the theme cannot read: rendering the page fails.
    edit(cms, 101, opening_hours=[{"weekday": 0, "opens": "nine", "closes": "1"}])
    with pytest.raises(RenderFailed) as failed:
        run(cms, built)
    # The message names the item, its address and the line that failed.
    assert "(item 101) at /it/" in str(failed.value)
    assert re.search(r"\.(html|py), line \d+: \w+Error", str(failed.value))
    assert (tree(site), times(site)) == before
    assert State.load(state).cursor == cursor
    assert not list((built / "dist").glob(".staging-*"))

    # Fixed in the CMS: the next build catches up on both changes.
    edit(cms, 101, opening_hours=[])
    report = run(cms, built)
    assert report.mode == "incremental" and report.changed == 2
    assert "Santa Croce restaurata" in (site / "it/luoghi/index.html").read_text()
    assert_same_as_full(cms, built, tmp_path / "full")


def test_a_theme_or_page_change_renders_everything(cms, first_build, built):
    about = built / "content/pages/it/about.md"
    about.write_text(about.read_text() + "\nUna riga in più.\n")
    report = run(cms, built)
    assert report.mode == "full" and report.pages == first_build[1].pages
    assert report.kept > 0  # the bytes that did not change keep their time


def test_a_deleted_output_is_rendered_again(cms, built):
    lost = built / "dist/lecce/it/luoghi/luogo-7/index.html"
    expected = lost.read_bytes()
    os.unlink(lost)
    report = run(cms, built)
    assert report.mode == "incremental" and report.pages == 1
    assert lost.read_bytes() == expected


def test_a_replaced_output_folder_means_a_full_render(cms, built):
    (built / "dist/lecce" / MANIFEST).write_text("{}")
    assert run(cms, built).mode == "full"


def test_the_search_index_follows_the_pages_and_catches_up_after_a_failure(
    cms, built, tmp_path, monkeypatch
):
    site = built / "dist" / "lecce"
    edit(cms, 5, title="Cattedrale di Lecce")
    fail = "import sys; sys.exit('error: out of memory')"
    monkeypatch.setattr(search, "COMMAND", [sys.executable, "-c", fail])
    with pytest.raises(search.SearchIndexFailed, match="out of memory"):
        run(cms, built)
    # The pages went in before the index: they are live, the old index too.
    assert "Cattedrale di Lecce" in (site / "it/luoghi/duomo/index.html").read_text()
    assert (site / "pagefind/it/pagefind-entry.json").is_file()

    monkeypatch.undo()
    report = run(cms, built)  # nothing new in the feed: only the index is due
    assert report.mode == "incremental" and report.pages == 0
    assert "lecce: search index updated" in report.lines
    assert_same_as_full(cms, built, tmp_path / "full")


def test_an_empty_change_feed_costs_no_render_and_no_snapshot_load(
    cms, built, monkeypatch
):
    site = built / "dist" / "lecce"
    before = times(site)
    monkeypatch.setattr(Snapshot, "load", None)  # a full load would fail
    report = run(cms, built)
    assert report.mode == "incremental" and report.pages == 0
    assert report.lines[-1] == "lecce: nothing changed since the last build"
    assert times(site) == before
    monkeypatch.undo()

    # Not when the CMS moved a page (a redirect) without a page changing.
    cms.redirects = [moved("/it/luoghi/vecchio/", 5)]
    report = run(cms, built)
    assert report.lines[-1].startswith("lecce: incremental after a change feed")
    assert (
        "/it/luoghi/vecchio/ /it/luoghi/duomo/ 301" in (site / "_redirects").read_text()
    )


def test_an_itinerary_edit_renders_the_planner_again(cms, built, tmp_path):
    """The planner's page, index and lists read the itineraries: a longer walk
    leaves the half-day list, in an incremental build as in a full one."""
    site = built / "dist" / "lecce"
    half_day = site / "it/plan/time/half-day/index.html"
    assert "Centro storico" in half_day.read_text()
    before = times(site)
    edit(cms, 8, duration_minutes=300)
    report = run(cms, built)
    assert report.mode == "incremental"
    assert "Centro storico" not in half_day.read_text()
    assert "Centro storico" in (site / "it/plan/time/day/index.html").read_text()
    index = json.loads((site / "it/plan/index.json").read_text())
    assert [i["t"] for i in index["items"] if i["k"] == "i"] == [300]
    now = times(site)
    for name in ("it/plan/index.json", "it/plan/audience/schools/index.html"):
        assert now[name] != before[name], name
    for name in ("it/plan/index.html", "en/plan/index.json"):  # the same bytes
        assert now[name] == before[name], name
    assert_same_as_full(cms, built, tmp_path / "b")
