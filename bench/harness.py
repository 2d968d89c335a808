"""The benchmark's steps. Each measures one row of the table; a step that
fails leaves its rows empty with the reason and the others still run."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from markupsafe import escape

from . import conditional, hugo, scripts
from .cms import ROOT, BenchCms
from .memory import PeakSampler
from .sizes import Size

Progress = Callable[[str], None]
SETTLE_SECONDS = 5.5


@dataclass
class Row:
    key: str
    label: str
    unit: str
    value: float | None = None
    note: str = ""


ROWS = (
    ("pages", "Pages written (full build)", "files"),
    ("full_s", "Full build: fetch + render, fresh content dir", "s"),
    ("full_pps", "Full build throughput", "pages/s"),
    ("render_s", "Full render of the fetched snapshot (no API)", "s"),
    ("render_pps", "Full render throughput", "pages/s"),
    ("html_s", "Full render of the HTML pages only (like for like with Hugo)", "s"),
    ("noop_s", "Incremental build, nothing changed", "s"),
    ("edit_s", "One edit: build request → its HTML in dist/ (warm builder)", "s"),
    ("edit_search_s", "One edit, the same: until the search index is updated", "s"),
    ("edit_cold_s", "One edit, a fresh `vetrina build` process → HTML in dist/", "s"),
    ("rerender_x", "One edit: files re-rendered per file whose bytes changed", "×"),
    ("percent_s", "Incremental build, 1 % of items changed", "s"),
    ("page_kib", "Typical page: a place's HTML + its CSS, gzip", "KiB"),
    ("hero_kib", "Largest image a page's srcset offers (WebP)", "KiB"),
    ("export_s", "API export of every item, every territory × language", "s"),
    ("export_ips", "API export throughput", "items/s"),
    ("pull_304_s", "Unchanged full API export, all 304 (conditional cache)", "s"),
    ("queries_20", "Queries per listing page of 20 (fields=*)", "queries"),
    ("queries_200", "Queries per listing page of 200 (fields=*)", "queries"),
    ("peak_mib", "Peak memory of a build (process tree, sampled)", "MiB"),
    ("process_mib", "Largest single build process (ru_maxrss)", "MiB"),
    ("hugo_pages", "Hugo: pages rendered", "files"),
    ("hugo_s", "Hugo: render time", "s"),
    ("hugo_pps", "Hugo throughput", "pages/s"),
    ("ratio", "HTML render time per page, ours / Hugo", "×"),
)


@dataclass
class Bench:
    """One run: its corpus, its folders, the CMS, and the rows it fills."""

    size: Size
    work: Path
    progress: Progress = print
    build_date: str = field(default_factory=lambda: date.today().isoformat())
    rows: dict[str, Row] = field(default_factory=dict)
    peaks: list[tuple[int, int]] = field(default_factory=list)
    cms: BenchCms | None = None
    builder: subprocess.Popen | None = None
    html_pages: int = 0
    html_rendered: int = 0

    def __post_init__(self) -> None:
        self.rows = {key: Row(key, label, unit) for key, label, unit in ROWS}

    @property
    def content(self) -> Path:
        return self.work / "content"

    @property
    def dist(self) -> Path:
        return self.work / "dist"

    def set(self, key: str, value: float, note: str = "") -> None:
        self.rows[key].value = value
        self.rows[key].note = note

    def run_build(self, kind: str, **job: object) -> dict:
        """A build in its own process (bench.runner), its memory sampled."""
        job = {"kind": kind, "date": self.build_date, **job}
        process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "bench.runner", json.dumps(job)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        with PeakSampler(process.pid) as sampler:
            out, err = process.communicate()
        if process.returncode:
            raise RuntimeError(f"{kind} failed: {err.strip()[-800:]}")
        result = json.loads(out.strip().splitlines()[-1])
        self.peaks.append((sampler.peak, max(result["self_rss"], result["child_rss"])))
        return result

    def incremental_job(self) -> dict:
        return {
            "kind": "build",
            "date": self.build_date,
            "api": self.cms.url,
            "content": str(self.content),
            "out": str(self.dist),
            "full": False,
        }

    def incremental(self, territories: list[str] | None = None) -> dict:
        return self.run_build(**self.incremental_job(), territories=territories)

    def warm_build(self, territories: list[str] | None = None) -> dict:
        """An incremental build by the long-running builder (bench.runner
        --serve), started on first use, as the CMS's worker is."""
        if self.builder is None:
            self.builder = subprocess.Popen(
                [sys.executable, "-m", "bench.runner", "--serve"],
                cwd=ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
        job = {**self.incremental_job(), "territories": territories}
        self.builder.stdin.write(json.dumps(job) + "\n")
        self.builder.stdin.flush()
        result = json.loads(self.builder.stdout.readline() or '{"error": "exited"}')
        if "error" in result:
            raise RuntimeError(f"the long-running builder failed: {result['error']}")
        return result

    def stop_builder(self) -> None:
        if self.builder is not None:
            self.builder.stdin.close()
            self.builder.wait(30)
            self.builder = None


def setup(bench: Bench) -> None:
    """Fresh database, migrated, with the corpus, served on a free port."""
    bench.cms = BenchCms(bench.work / "cms")
    bench.cms.folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    bench.progress("Migrating a fresh SQLite database…")
    bench.cms.migrate()
    bench.progress(f"Generating the corpus ({bench.size.describe()})…")
    bench.cms.generate(bench.size)
    generated = time.monotonic()
    bench.progress(f"Starting the CMS at {bench.cms.url}…")
    bench.cms.start()
    # The change feed's cursor moves only over changes older than its settle
    # window (5 s): wait it out, or the corpus's own changes would make the
    # first incremental build a full fetch, as no idle CMS ever would.
    time.sleep(max(0.0, SETTLE_SECONDS - (time.monotonic() - generated)))
    bench.progress(f"CMS ready in {time.perf_counter() - started:.1f} s")


def full_build(bench: Bench) -> None:
    # The hand-written pages (about, legal notes) come with the package.
    result = bench.run_build(
        "build",
        api=bench.cms.url,
        content=str(bench.content),
        out=str(bench.dist),
        full=True,
    )
    html = list(bench.dist.rglob("*.html"))
    bench.html_pages = len(html)
    average = sum(page.stat().st_size for page in html) / max(1, len(html))
    bench.set("pages", result["pages"], f"{len(html):,} of them HTML")
    bench.set("full_s", result["seconds"], f"avg HTML page {average / 1024:.1f} KiB")
    bench.set("full_pps", result["pages"] / result["seconds"])


def render_snapshot(bench: Bench) -> None:
    """Render the fetched snapshots again from a copy of the content folder,
    so the incremental state of the main run stays as it was."""
    content = bench.work / "content-render"
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(bench.content, content)
    result = bench.run_build(
        "render", content=str(content), out=str(bench.work / "dist-render")
    )
    bench.set("render_s", result["seconds"], f"{result['pages']:,} files")
    bench.set("render_pps", result["pages"] / result["seconds"])


def render_html(bench: Bench) -> None:
    """Only the HTML pages, through the same Pelican runs as a full render
    (both cores): the figure to hold against Hugo's, which writes only HTML."""
    result = bench.run_build("render_html", content=str(bench.content))
    bench.set("html_s", result["seconds"], f"{result['pages']:,} HTML files")
    bench.html_rendered = result["pages"]


def noop_incremental(bench: Bench) -> None:
    result = bench.incremental()
    bench.set(
        "noop_s",
        result["seconds"],
        f"{result['pages']} files rendered; {', '.join(result['modes'])}",
    )


def snapshot_items(bench: Bench) -> list[dict]:
    return sorted(
        hugo.snapshot_items(bench.content / "snapshots"), key=lambda i: i["id"]
    )


def publish(bench: Bench, ids: list[int]) -> dict[str, str]:
    stamp = f"{time.time():.3f}"
    return bench.cms.shell(scripts.PUBLISH, ids=ids, stamp=stamp)


def edited_page(bench: Bench) -> tuple[str, int, Path]:
    """The first place of the first territory: its territory, id and page."""
    from publisher.sitemodel import SiteModel, output_file
    from publisher.snapshot import Snapshot

    slug = sorted(p.name for p in (bench.content / "snapshots").iterdir())[0]
    snapshot = Snapshot.load(bench.content / "snapshots", slug)
    lang = snapshot.languages[0]
    place = min(
        (
            p
            for p in snapshot.pages
            if p["meta"]["type"] == "places.PlacePage" and p["meta"]["locale"] == lang
        ),
        key=lambda p: p["id"],
    )
    url = SiteModel.build(snapshot).url_for(place["id"], lang)
    return slug, place["id"], bench.dist / slug / output_file(url)


def edit_latency(
    bench: Bench, build: Callable[[list[str]], dict]
) -> tuple[float, float, dict]:
    """Publish the edited place, then build its territory, as the CMS's worker
    does, until its page shows the new title: seconds from the build request to
    the page in place, and to the end of the build (the search index); the
    last build's result."""
    slug, place, page = edited_page(bench)
    title = publish(bench, [place])[str(place)]
    requested = time.time()
    for _attempt in range(5):
        result = build([slug])
        if str(escape(title)) in page.read_text("utf-8"):
            in_place = result["in_place_at"][slug] - requested
            done = result["started_at"] + result["seconds"] - requested
            return in_place, done, result
    raise RuntimeError(f"{page} never showed the new title {title!r}")


def digests(root: Path) -> dict[Path, bytes]:
    """Every output file's hash, but the search index and the build's manifest
    (which change with every build by design)."""
    return {
        path: hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
        for path in root.rglob("*")
        if path.is_file() and "pagefind" not in path.parts and path.name[0] != "."
    }


def one_edit(bench: Bench) -> None:
    """One published edit, built by a fresh process and by a warm builder."""
    before = digests(bench.dist)
    cold, _done, result = edit_latency(bench, bench.incremental)
    after = digests(bench.dist)
    changed = sum(1 for path, digest in after.items() if before.get(path) != digest)
    bench.set(
        "rerender_x",
        result["pages"] / max(1, changed),
        f"{result['pages']} re-rendered, {changed} changed; target ≤ 3",
    )
    bench.set(
        "edit_cold_s",
        cold,
        f"{result['pages']} files re-rendered; Python and imports included",
    )
    bench.warm_build()  # the worker has built before
    in_place, done, result = edit_latency(bench, bench.warm_build)
    bench.stop_builder()
    note = f"{result['pages']} files re-rendered"
    bench.set("edit_s", in_place, f"{note}; target < 1 s")
    bench.set("edit_search_s", done, "the search index may follow a few seconds")


SCRIPT = r'<script(?! type="application/ld\+json")[^>]*>'  # not data: code


def page_weight(bench: Bench) -> None:
    """What a visitor downloads for a place page: the HTML and the stylesheets
    it links, compressed as the CDN sends them (median over the places of
    the first territory and language); scripts it would need to run; and the
    largest image file any page's srcset lists."""
    slug, _place, page = edited_page(bench)
    site = bench.dist / slug
    sizes, scripts = [], set()
    for other in sorted(page.parent.parent.glob("*/index.html")):
        html = other.read_text("utf-8")
        css = re.findall(r'<link rel="stylesheet" href="(/static/[^"]+)"', html)
        sizes.append(
            len(gzip.compress(html.encode(), 9))
            + sum(len(gzip.compress((site / c[1:]).read_bytes(), 9)) for c in css)
        )
        scripts |= set(
            re.findall(r"<script(?! type=\"application/ld\+json\")[^>]*>", html)
        )
    sizes.sort()
    bench.set(
        "page_kib",
        sizes[len(sizes) // 2] / 1024,
        f"median of {len(sizes)} places, largest {sizes[-1] / 1024:.1f}; "
        f"{len(scripts)} script(s) besides JSON-LD; target ≤ 14",
    )
    images = {
        name
        for html in site.rglob("index.html")
        for srcset in re.findall(r'srcset="([^"]+)"', html.read_text("utf-8"))
        for name in re.findall(r"(/media/\S+)", srcset)
    }
    largest = max(((site / name[1:]).stat().st_size for name in images), default=0)
    bench.set(
        "hero_kib",
        largest / 1024,
        f"{len(images)} image files in srcsets (the corpus's images are "
        "generated); target ≤ 120",
    )


def one_percent(bench: Bench) -> None:
    items = snapshot_items(bench)
    count = max(1, round(len(items) / 100))
    ids = [item["id"] for item in items[:: max(1, len(items) // count)][:count]]
    publish(bench, ids)
    result = bench.incremental()
    bench.set(
        "percent_s",
        result["seconds"],
        f"{len(ids)} of {len(items):,} items edited; {result['changed']} changed, "
        f"{result['pages']:,} files re-rendered",
    )


def api_export(bench: Bench) -> None:
    """Every page of every type of every territory, as a full fetch does."""
    from publisher.api import ApiClient
    from publisher.snapshot import fetch_snapshot

    client = ApiClient(bench.cms.url)
    started = time.perf_counter()
    count = 0
    for territory in client.territories():
        count += len(fetch_snapshot(client, territory, bench.build_date).pages)
    seconds = time.perf_counter() - started
    bench.set("export_s", seconds, f"{count:,} items; target < 15 s at 20,000")
    bench.set("export_ips", count / seconds)


def queries(bench: Bench) -> None:
    from publisher.api import ApiClient

    site = ApiClient(bench.cms.url).territories()[0]["site"]
    counts = bench.cms.shell(
        scripts.QUERIES, site=site, type="places.PlacePage", limits=[20, 200]
    )
    for limit, row in counts.items():
        if row["status"] != 200:
            raise RuntimeError(f"limit={limit} answered {row['status']}")
        bench.set(
            f"queries_{limit}",
            row["queries"],
            f"{row['items']} places in the page; "
            f"{row['queries'] / max(1, row['items']):.2f} per item",
        )


def memory(bench: Bench) -> None:
    if not bench.peaks:
        raise RuntimeError("no build ran")
    mib = 1024 * 1024
    bench.set(
        "peak_mib",
        max(tree for tree, _ in bench.peaks) / mib,
        f"over {len(bench.peaks)} builds",
    )
    bench.set("process_mib", max(one for _, one in bench.peaks) / mib)


def hugo_render(bench: Bench) -> None:
    if not bench.html_pages:
        raise RuntimeError("needs the full build's page count")
    site = bench.work / "hugo"
    hugo.write_site(site, snapshot_items(bench), bench.html_pages)
    run = hugo.render(site)
    bench.set("hugo_pages", run.pages, f"Hugo {run.version}")
    average = f"avg HTML page {run.average_bytes / 1024:.1f} KiB"
    bench.set("hugo_s", run.seconds, average)
    bench.set("hugo_pps", run.pages / run.seconds)
    ours = bench.rows["html_s"].value
    if ours is None:
        raise RuntimeError("needs the HTML render time")
    ratio = (ours / bench.html_rendered) / (run.seconds / run.pages)
    bench.set(
        "ratio", ratio, "HTML pages timed and counted on both sides; target ≤ 1.5"
    )


STEPS: tuple[tuple[str, Callable[[Bench], None]], ...] = (
    ("full build", full_build),
    ("incremental build, no change", noop_incremental),
    ("one edit", one_edit),
    ("1 % of items changed", one_percent),
    ("page weight", page_weight),
    ("render from the snapshot", render_snapshot),
    ("render the HTML pages only", render_html),
    ("API export", api_export),
    ("unchanged pull (304s)", conditional.unchanged_pull),
    ("queries per listing page", queries),
    ("peak memory", memory),
    ("Hugo", hugo_render),
)


def run(bench: Bench) -> list[str]:
    """Set up, run every step, tear down; the failures, one line each."""
    failures = []
    try:
        try:
            setup(bench)
        except Exception as error:
            return [f"setup: {error.__class__.__name__}: {error}"]
        for number, (name, step) in enumerate(STEPS, 1):
            bench.progress(f"[{number}/{len(STEPS)}] {name}…")
            started = time.perf_counter()
            try:
                step(bench)
            except Exception as error:
                failures.append(f"{name}: {error.__class__.__name__}: {error}")
                bench.progress(f"    FAILED: {failures[-1]}")
                continue
            bench.progress(f"    done in {time.perf_counter() - started:.1f} s")
    finally:
        bench.stop_builder()
        if bench.cms is not None:
            bench.cms.stop()
    return failures
