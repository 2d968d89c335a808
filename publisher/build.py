"""`vetrina build`: fetch what changed, check it, render what it touches.

The publisher keeps, per territory, the API snapshot in content/snapshots/ and
the change feed's cursor and dependency index in content/state/ (see
incremental.py). A build asks the feed what changed since the cursor, applies
it to the snapshot and re-renders only the pages that read something changed;
without state, or with --full, it fetches and renders everything. Either way
the bytes are those of a full build of the same snapshot.

A build writes into a staging folder and swaps it in only when complete: an
API fault, bad data, a template error or Ctrl-C leaves dist/<territory> and the
state as they were. Each territory × language renders in its own fresh
process, in parallel.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import multiprocessing
import os
import pickle
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from markupsafe import escape

from . import derived, incremental, netlify, search
from .api import ApiClient
from .channels import __name__ as CHANNELS
from .channels import channel_assets, channels, shorturls
from .errors import BadContent, RenderFailed, TooManyDropped
from .incremental import Plan, State
from .media import download, rendition_urls
from .output import commit_changes, discard, keep_unchanged, staging_dir, swap_in
from .pelican_plugin import WRITTEN
from .render import RTL, RenderContext, output_file, site_outputs, theme_assets
from .sitemodel import SiteModel
from .snapshot import Snapshot, choose_territories, fetch_snapshot
from .validate import Problem

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ".vetrina.json"
MODEL = ".model.pickle"  # what the render processes read, in staging


@dataclass
class BuildOptions:
    api: str
    out: Path = ROOT / "dist"
    content: Path = ROOT / "content"
    territories: list[str] | None = None
    build_date: str = field(default_factory=lambda: date.today().isoformat())
    strict: bool = False
    max_drop: float = 0.05
    jobs: int = max(1, os.cpu_count() or 1)
    # --full fetches and renders everything and writes every file anew. Without
    # it only what changed is fetched and rendered, and files equal to the
    # previous output are linked from it, so they keep their modification time.
    full: bool = False


@dataclass
class TerritoryReport:
    slug: str
    pages: int = 0  # files rendered by this build
    kept: int = 0  # files left as the previous build wrote them
    problems: list[Problem] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    mode: str = "full"  # or "incremental"
    fetched: str = "full fetch"  # or "change feed"
    changed: int = 0  # pages added or changed since the previous build
    removed: int = 0  # pages gone since the previous build
    deleted: int = 0  # files removed from the output

    def summary(self) -> str:
        if self.mode == "full":
            return (
                f"{self.slug}: full render after a {self.fetched}, "
                f"{self.pages} files rendered, {self.kept} unchanged"
            )
        return (
            f"{self.slug}: incremental after a {self.fetched}, {self.changed} "
            f"changed, {self.removed} removed, {self.pages} files re-rendered, "
            f"{self.kept} kept, {self.deleted} deleted"
        )


Progress = Callable[[str], None]


def state_path(options: BuildOptions, slug: str) -> Path:
    return options.content / "state" / f"{slug}.json"


def build(options: BuildOptions, progress: Progress = print) -> list[TerritoryReport]:
    # Answers kept by URL: a full fetch of what did not change is a run of 304s.
    client = ApiClient(options.api, cache=options.content / "cache" / "api")
    territories = choose_territories(client, options.territories)
    reports = []
    for territory in territories:
        with territory_lock(options, territory["slug"], progress):
            reports.append(sync_territory(client, territory, options, progress))
    prune_derived(options.content / "cache" / "derived")
    return reports


def prune_derived(cache: Path, every: float = 86400.0) -> None:
    """At most once a day, drop the share images and QR codes no build used
    for a month (derived.prune): walking the cache costs more than one edit's
    build, so not every build does it."""
    stamp = cache / ".pruned"
    with contextlib.suppress(OSError):
        if time.time() - stamp.stat().st_mtime < every:
            return
    derived.prune(cache)
    cache.mkdir(parents=True, exist_ok=True)
    stamp.touch()


@contextlib.contextmanager
def territory_lock(options: BuildOptions, slug: str, progress: Progress):
    """One build of a territory at a time (the CMS worker, cron, a person):
    they share the snapshot, the state and the output folder."""
    import fcntl

    path = options.content / "state" / f"{slug}.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            progress(f"{slug}: waiting for another build of it to finish…")
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def sync_territory(
    client: ApiClient, territory: dict, options: BuildOptions, progress: Progress
) -> TerritoryReport:
    """Bring the snapshot up to date through the change feed, then publish it."""
    slug = territory["slug"]
    snapshots = options.content / "snapshots"
    state = None if options.full else State.load(state_path(options, slug))
    feed = None
    if state is not None and state.cursor and Snapshot.exists(snapshots, slug):
        feed = client.changes(slug, state.cursor)
        if not feed.reset and not feed.items and not feed.tombstones:
            redirects = client.redirects(slug)
            if _nothing_to_do(options, state, territory, redirects):
                # The cursor stays: asking from it again costs the CMS as little.
                report = TerritoryReport(slug, mode="incremental")
                report.fetched = "change feed"
                progress(f"{slug}: nothing changed since the last build")
                return report
    if feed is None or feed.reset:
        # The cursor comes first, so what changes during the fetch comes next time.
        cursor = feed.cursor if feed is not None else client.changes(slug).cursor
        snapshot = fetch_snapshot(client, territory, options.build_date, progress)
        snapshot.save(snapshots)
        # As the renderers and the next build will read it (keys in order).
        snapshot = Snapshot.load(snapshots, slug)
        fetched = "full fetch"
    else:
        snapshot = Snapshot.load(snapshots, slug)
        snapshot.territory, snapshot.build_date = territory, options.build_date
        touched = snapshot.apply(feed)
        snapshot.redirects = client.redirects(slug)
        snapshot.save(snapshots, languages=touched)
        cursor = feed.cursor
        fetched = "change feed"
        progress(
            f"{slug}: change feed: {len(feed.items)} item(s), "
            f"{len(feed.tombstones)} tombstone(s)"
        )
    report = publish_territory(
        snapshot,
        options,
        progress,
        state=state,
        cursor=cursor,
        # Through the feed, every removal is a tombstone the CMS sent on
        # purpose; only a full fetch can come back empty or cut short.
        guard_drops=feed is None or feed.reset,
    )
    report.fetched = fetched
    progress(report.summary())
    return report


def _nothing_to_do(
    options: BuildOptions, state: State, territory: dict, redirects: list
) -> bool:
    """Whether an empty change feed leaves the output as it is: same territory
    settings, build date, redirects, code, theme and pages folder, the output
    and its search index the ones the state describes, and no file missing.
    Checking costs a stat per output file, not a render of the site."""
    head = Snapshot.load_head(options.content / "snapshots", territory["slug"])
    if head != Snapshot(territory, options.build_date, [], redirects):
        return False
    if incremental.fingerprint(head, options.content / "pages") != state.fingerprint:
        return False
    target = options.out / territory["slug"]
    manifest = _manifest(target)
    if not manifest.get("content") == manifest.get("search") == state.digest:
        return False
    live = str(target)
    return all(os.path.isfile(os.path.join(live, name)) for name in state.outputs)


def publish_territory(
    snapshot: Snapshot,
    options: BuildOptions,
    progress: Progress = print,
    *,
    state: State | None = None,
    cursor: str | None = None,
    guard_drops: bool = True,
) -> TerritoryReport:
    """Render a snapshot into dist/<territory>: what changed since the state
    (loaded when not given), or everything."""
    slug = snapshot.slug
    report = TerritoryReport(slug, languages=snapshot.languages)
    model = SiteModel.build(snapshot)
    report.problems = model.problems
    for problem in model.problems:
        progress(f"warning: {slug}: skipped {problem}")
    if options.strict and model.problems:
        raise BadContent(
            f"{len(model.problems)} bad item(s) in {slug} and --strict was given; "
            f"first: {model.problems[0]}"
        )
    target = options.out / slug
    if guard_drops:
        _guard_against_drops(target, model.page_count(), options.max_drop, slug)

    media_cache = options.content / "cache" / "media"
    files = download(rendition_urls(snapshot), media_cache, warn=progress)
    media_urls = {url: f"/media/{path.name}" for url, path in files.items()}
    pages_dir = options.content / "pages"
    fingerprint = incremental.fingerprint(snapshot, pages_dir)
    pages = incremental.page_table(model, media_urls)
    entries = incremental.entry_table(model)
    digest = incremental.content_digest(fingerprint, pages, snapshot.redirects)
    outputs: dict[str, str] = {}
    owner: dict[str, str] = {}  # file: the language whose run writes it
    for lang in snapshot.languages:
        for url in site_outputs(RenderContext(model, lang, pages_dir=pages_dir)):
            outputs[output_file(url)] = url
            owner[output_file(url)] = lang  # /q/<id>/ lies outside /<lang>/
    if state is None and not options.full:
        state = State.load(state_path(options, slug))
    previous = _manifest(target)
    plan = Plan(render=None)
    if not options.full and _matches(state, fingerprint, previous):
        plan = incremental.plan(state, pages, entries, outputs)
        report.mode, report.changed, report.removed = (
            "incremental", plan.changed, plan.removed
        )  # fmt: skip
    options.out.mkdir(parents=True, exist_ok=True)
    manifest = {"pages": model.page_count(), "date": snapshot.build_date}
    manifest["content"] = digest
    staging = staging_dir(options.out, slug)
    try:
        if plan.render is not None:
            # Only what changed goes into staging; the rest stays where it is.
            live_dir = str(target)
            plan.render |= {
                file
                for file in outputs
                if not os.path.isfile(os.path.join(live_dir, file))
            }
            live = target
        else:
            live = None
        media, stale = _place_hashed("media", files, staging, live)
        assets = {**theme_assets(snapshot.territory), **channel_assets()}
        static, stale_static = _place_hashed("static", assets, staging, live)
        jobs = []
        for lang in snapshot.languages:
            only = None
            if plan.render is not None:
                only = sorted(
                    url
                    for file, url in outputs.items()
                    if file in plan.render and owner[file] == lang
                )
                if not only:
                    continue  # nothing to do: no process to start
            jobs.append(_job(staging, options, model, lang, media, static, only))
        try:
            reads = _run_jobs(jobs, options.jobs, lambda m: progress(f"{slug}/{m}"))
        finally:
            (staging / MODEL).unlink(missing_ok=True)
        report.pages = len(reads)
        _write_site_files(staging, model)
        if plan.render is None:
            search.index_site(staging)
            manifest["search"] = digest
            (staging / MANIFEST).write_text(json.dumps(manifest))
            report.kept = 0 if options.full else keep_unchanged(staging, target)
            swap_in(staging, target)
        else:
            manifest["search"] = previous.get("search")
            (staging / MANIFEST).write_text(json.dumps(manifest))
            remove = plan.remove | stale | stale_static
            _, unchanged = commit_changes(staging, target, remove, MANIFEST)
            report.deleted = len(plan.remove)
            report.kept = len(outputs) - len(reads) + unchanged
    except BaseException:
        discard(staging)
        raise
    progress(f"{slug}: pages in place")
    before = state.outputs if state is not None and plan.render is not None else {}
    State(
        cursor,
        fingerprint,
        digest,
        pages,
        entries,
        {file: reads[file] if file in reads else before[file] for file in outputs},
    ).save(state_path(options, slug))
    if manifest["search"] != digest:
        search.reindex_live(target)
        manifest["search"] = digest
        _write_manifest(target, manifest)
        progress(f"{slug}: search index updated")
    return report


# What every render process needs, imported once by the fork server: each job
# then starts as a fork of it, without paying for Python's imports again.
def _preload() -> list[str]:
    return [__name__, "pelican.settings", *(f"{CHANNELS}.{c}" for c in channels())]


def _run_jobs(jobs: list[dict], processes: int, progress: Progress) -> dict:
    """Run Pelican jobs in fresh processes; what each written file read.

    Pelican keeps module state and weak signal receivers between runs, so each
    job gets a process of its own (`maxtasksperchild=1`), forked from a server
    that has imported everything but never run Pelican. The server lives as
    long as this process: a long-running builder (the CMS's worker) starts
    Python once, and every build after the first skips the imports.
    """
    reads: dict[str, list[str]] = {}
    if not jobs:
        return reads
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_preload())
    with context.Pool(min(processes, len(jobs)) or 1, maxtasksperchild=1) as pool:
        for lang, written in pool.imap_unordered(run_pelican, jobs):
            progress(f"{lang}: {len(written)} pages")
            reads.update(written)
    return reads


def _matches(state: State | None, fingerprint: str, manifest: dict) -> bool:
    """Whether dist/<territory> is the output the state describes, made from the
    same theme, code and settings: only then can it be updated in place."""
    if state is None or state.fingerprint != fingerprint:
        return False
    return manifest.get("content") == state.digest


def _manifest(target: Path) -> dict:
    """What dist/<territory>/.vetrina.json says of the output there ({}: nothing)."""
    try:
        manifest = json.loads((target / MANIFEST).read_text())
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def _write_manifest(target: Path, manifest: dict) -> None:
    tmp = target / f".{MANIFEST}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(manifest))
    os.replace(tmp, target / MANIFEST)


def _guard_against_drops(target: Path, pages: int, max_drop: float, slug: str) -> None:
    before = _manifest(target).get("pages", 0)
    if before and pages < before * (1 - max_drop):
        raise TooManyDropped(
            f"{slug} would go from {before} to {pages} pages "
            f"(more than {max_drop:.0%} fewer): an empty or truncated API answer? "
            "Rerun with --max-drop 1 if the removals are intended."
        )


def _place_hashed(
    folder: str,
    files: Mapping[str, bytes | Path],
    staging: Path,
    live: Path | None,
) -> tuple[dict[str, str], set[str]]:
    """Put `files` under /<folder>/ with content-hashed names: cacheable forever.

    A file is bytes, named here by their hash, or a downloaded rendition,
    already named by its hash and linked from the media cache. Returns the URL
    of each by name, and the files in `live`'s folder no longer used. With
    `live` (an incremental build) a file already there is not written again:
    the same name means the same bytes.
    """
    urls, wanted = {}, set()
    for name, source in files.items():
        if isinstance(source, Path):
            hashed, data = source.name, None  # already named by its hash
        else:
            digest = hashlib.sha256(source).hexdigest()[:10]
            stem, dot, suffix = name.rpartition(".")
            hashed = f"{stem}.{digest}.{suffix}" if dot else f"{name}.{digest}"
            data = source
        relative = f"{folder}/{hashed}"
        urls[name] = f"/{relative}"
        wanted.add(relative)
        if live is not None and (live / relative).is_file():
            continue
        target = staging / relative
        if target.exists():  # the same bytes under several URLs
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if data is None:
            os.link(source, target)
        else:
            target.write_bytes(data)
    stale = set()
    if live is not None and (live / folder).is_dir():
        stale = {
            path.relative_to(live).as_posix()
            for path in (live / folder).rglob("*")
            if path.is_file()
        } - wanted
    return urls, stale


def _job(staging, options, model, lang, media, static, only) -> dict:
    """A job file for one language's Pelican run; `only`: URLs to render.

    The site model (with its snapshot) goes to the render processes pickled,
    once for all of them: it loads four times faster than the snapshot's JSON
    and spares each process building the model again.
    """
    job_file = staging / f".job-{lang}.json"
    pickled = staging / MODEL
    if not pickled.exists():
        pickled.write_bytes(pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL))
    job_file.write_text(
        json.dumps(
            {
                "model": str(pickled),
                "cache": str(options.content / "cache" / "derived"),
                "pages": str(options.content / "pages"),
                "territory": model.snapshot.slug,
                "lang": lang,
                "media": media,
                "static": static,
                "only": only,
            }
        )
    )
    return {"job": str(job_file), "output": str(staging / lang), "lang": lang}


def run_pelican(job: dict) -> tuple[str, dict[str, list[str]]]:
    """Run Pelican for one territory × language (in a fresh process).

    Returns what each file written read, by file.
    """
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(
        str(ROOT / "site" / "publishconf.py"),
        override={
            "OUTPUT_PATH": job["output"],
            "VETRINA_JOB": job["job"],
            "DEFAULT_LANG": job["lang"],
        },
    )
    quiet = io.StringIO()
    try:
        with contextlib.redirect_stdout(quiet):
            Pelican(settings).run()
    except Exception as error:
        raise RenderFailed(
            f"rendering {job['lang']} failed: {error.__class__.__name__}: {error}"
        ) from None
    written = Path(job["output"], WRITTEN)
    reads = json.loads(written.read_text("utf-8"))
    written.unlink()
    Path(job["job"]).unlink()
    return job["lang"], reads


def _write_site_files(staging: Path, model: SiteModel) -> None:
    territory = model.snapshot.territory
    languages = model.snapshot.languages
    default = model.default_language
    (staging / "_redirects").write_text(
        netlify.redirects(languages, default, _moved(model), shorturls.rules(model))
    )
    (staging / "_headers").write_text(netlify.headers())
    base = territory.get("base_url", "")
    (staging / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n"
    )
    (staging / "sitemap.xml").write_text(_sitemap(model), "utf-8")
    links = "\n".join(
        f'<li><a href="/{code}/" hreflang="{code}" lang="{code}" '
        f'dir="{"rtl" if code in RTL else "ltr"}">{_escape(lang["name"])}</a></li>'
        for lang in territory["languages"]
        for code in [lang["code"]]
    )
    (staging / "index.html").write_text(
        f'<!doctype html>\n<html lang="{default}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_escape(territory['name'])}</title>\n"
        f'<link rel="canonical" href="{base}/{default}/">\n</head>\n<body>\n'
        f"<main>\n<h1>{_escape(territory['name'])}</h1>\n<ul>\n{links}\n</ul>\n"
        "</main>\n</body>\n</html>\n",
        "utf-8",
    )


def _moved(model: SiteModel) -> list[tuple[str, str]]:
    """(old URL, current URL) of the pages that moved or changed slug."""
    found = {}
    for row in model.snapshot.redirects:
        lang = row.get("locale")
        if lang not in model.snapshot.languages or not row.get("old_path"):
            continue
        old, new = f"/{lang}{row['old_path']}", model.url_for(row.get("page"), lang)
        if new is not None and new != old:
            found.setdefault(old, new)
    return sorted(found.items())


def _escape(text: str) -> str:
    return str(escape(text))


def _sitemap(model: SiteModel) -> str:
    base = model.snapshot.territory.get("base_url", "")
    rows = []
    for lang in model.snapshot.languages:
        for entry in model.entries[lang]:
            alternates = "".join(
                f'<xhtml:link rel="alternate" hreflang="{code}" href="{base}{url}"/>'
                for code, url in model.alternates(entry)
            )
            rows.append(f"<url><loc>{base}{entry.url}</loc>{alternates}</url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        + "\n".join(rows)
        + "\n</urlset>\n"
    )
