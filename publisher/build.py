"""`vetrina build`: fetch what changed, check it, render what it touches.

The publisher keeps, per territory, the API snapshot in content/snapshots/ and
the change feed's cursor and dependency index in content/state/ (see
incremental.py). A build asks the feed what changed since the cursor, applies
it to the snapshot and re-renders only the pages that read something changed;
without state, or with --full, it fetches and renders everything. Either way
the bytes are those of a full build of the same snapshot.

A build writes into a staging folder and swaps it in only when complete: an
API fault, bad data, a template error or Ctrl-C leaves dist/<territory> and the
state as they were. Each territory × language is one Pelican run: in this
process, or for a large full build in processes for every core
(render_jobs.py).
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import derived, incremental, search
from .api import ApiClient
from .channels import channel_assets
from .errors import BadContent, LocalLinks, TooManyDropped
from .incremental import Plan, State
from .media import download, rendition_urls
from .output import commit_changes, discard, keep_unchanged, staging_dir, swap_in
from .redirects import RedirectProblem
from .redirects import read as read_redirects
from .render import theme_assets
from .render_context import RenderContext
from .render_jobs import RenderJob, fans_out, run_jobs, start_fork_server
from .settings import SiteSettings, load
from .site_files import SERVICE_WORKER, place_hashed, write_site_files
from .site_outputs import site_outputs
from .sitemodel import SiteModel, output_file
from .snapshot import Snapshot, choose_territories, fetch_snapshot
from .validate import Problem, local_links

MANIFEST = ".vetrina.json"
CONTENT_DIR = "VETRINA_CONTENT_DIR"


def checkout() -> Path | None:
    """The Vetrina checkout the current folder is in, if any."""
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / "manage.py").is_file() and (folder / "publisher").is_dir():
            return folder
    return None


def default_content() -> Path:
    """Where a build keeps its snapshots, state and caches when not told:
    $VETRINA_CONTENT_DIR, else `content/` of the Vetrina checkout the current
    folder is in, else `content/` of the current folder."""
    if os.environ.get(CONTENT_DIR):
        return Path(os.environ[CONTENT_DIR])
    return (checkout() or Path.cwd()) / "content"


@dataclass
class BuildOptions:
    api: str
    out: Path = Path("dist")
    content: Path = field(default_factory=default_content)
    # Pelican settings (publisher/settings.py); None: $VETRINA_SETTINGS or the
    # wheel's own.
    settings: Path | None = None
    territories: list[str] | None = None
    build_date: str = field(default_factory=lambda: date.today().isoformat())
    strict: bool = False
    max_drop: float = 0.05
    jobs: int = max(1, os.cpu_count() or 1)
    # --full fetches and renders everything and writes every file anew. Without
    # it only what changed is fetched and rendered, and files equal to the
    # previous output are linked from it, so they keep their modification time.
    full: bool = False
    # A demo or a test may link to the CMS on this machine; a real site may not.
    allow_local_links: bool = False

    def __post_init__(self) -> None:
        # Pelican takes relative paths from its settings file's folder.
        self.out, self.content = Path(self.out).resolve(), Path(self.content).resolve()

    @property
    def site(self) -> SiteSettings:
        return load(self.settings)


@dataclass
class TerritoryReport:
    slug: str
    pages: int = 0  # files rendered by this build
    kept: int = 0  # files left as the previous build wrote them
    problems: list[Problem | RedirectProblem] = field(default_factory=list)
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
    reports = []
    with ApiClient(options.api, cache=options.content / "cache" / "api") as client:
        for territory in choose_territories(client, options.territories):
            if not options.allow_local_links:
                _refuse_local_links(territory)
            with territory_lock(options, territory["slug"], progress):
                reports.append(sync_territory(client, territory, options, progress))
    prune_derived(options.content / "cache" / "derived")
    return reports


def _refuse_local_links(territory: dict) -> None:
    """A site visitors reach on the Internet must not send them to this machine:
    the CMS's settings name its loopback address until told its public one."""
    found = local_links(territory)
    if found:
        field_, url = found[0]
        cms_address = "set WAGTAILADMIN_BASE_URL on the CMS to its public address"
        setting = {
            "signup_url": cms_address,
            "propose_event_url": cms_address,
            "base_url": "set the territory's public address in Settings → "
            "Territory settings",
        }.get(field_, "set the CMS's public addresses (WAGTAILADMIN_BASE_URL)")
        raise LocalLinks(
            f"{territory['slug']}: the site would link to {url} (territory field "
            f"'{field_}'), an address of this machine that visitors cannot reach: "
            f"{setting}. A local demo may allow it: --allow-local-links."
        )


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
        snapshot.save(snapshots, as_loaded=True)
        fetched = "full fetch"
    else:
        snapshot = Snapshot.load(snapshots, slug)
        snapshot.territory, snapshot.build_date = territory, options.build_date
        touched = snapshot.apply(feed)
        snapshot.redirects = client.redirects(slug)
        snapshot.save(snapshots, languages=touched, as_loaded=True)
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
    if incremental.fingerprint(head, options.site) != state.fingerprint:
        return False
    target = options.out / territory["slug"]
    manifest = _manifest(target)
    if not manifest.get("content") == manifest.get("search") == state.digest:
        return False
    return not _missing(target, state.outputs)


def _missing(target: Path, files: Iterable[str]) -> set[str]:
    """The files not in `target` (deleted by hand, say): one stat each."""
    live, isfile = f"{target}/", os.path.isfile  # 29,000 a territory at large
    return {name for name in files if not isfile(live + name)}


@contextlib.contextmanager
def _out_of_gc_sight() -> Iterator[None]:
    """What exists when a build starts (the snapshot: hundreds of thousands of
    objects at 20,000 items) out of the garbage collector's sight until it
    ends: otherwise every full collection walks it all again, tenths of a
    second each, for nothing (JSON has no cycles). A third off one edit's
    build at 20,000 items; afterwards it is collected as before."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@_out_of_gc_sight()
def publish_territory(
    snapshot: Snapshot,
    options: BuildOptions,
    progress: Progress = print,
    *,
    state: State | None = None,
    cursor: str | None = None,
    guard_drops: bool = True,
    save_state: bool = True,
) -> TerritoryReport:
    """Render a snapshot into dist/<territory>: what changed since the state
    (loaded when not given), or everything. Without `save_state` (a render
    somewhere else than the build's output) the state stays as it was."""
    slug = snapshot.slug
    report = TerritoryReport(slug, languages=snapshot.languages)
    model = SiteModel.build(snapshot)
    report.problems = [*model.problems, *read_redirects(model)[1]]
    for problem in report.problems:
        progress(f"warning: {slug}: skipped {problem}")
    if options.strict and report.problems:
        raise BadContent(
            f"{len(report.problems)} bad item(s) in {slug} and --strict was given; "
            f"first: {report.problems[0]}"
        )
    target = options.out / slug
    if guard_drops:
        _guard_against_drops(target, model.page_count(), options.max_drop, slug)

    media_cache = options.content / "cache" / "media"
    files = download(rendition_urls(snapshot), media_cache, warn=progress)
    media_urls = {url: f"/media/{path.name}" for url, path in files.items()}
    site = options.site
    fingerprint = incremental.fingerprint(snapshot, site)
    pages = incremental.page_table(model, media_urls)
    entries = incremental.entry_table(model)
    digest = incremental.content_digest(fingerprint, pages, snapshot.redirects)
    outputs: dict[str, str] = {}
    owner: dict[str, str] = {}  # file: the language whose run writes it
    counts: dict[str, int] = {}
    for lang in snapshot.languages:
        found = site_outputs(RenderContext(model, lang, site=site))
        counts[lang] = len(found)
        for url in found:
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
    total = sum(counts.values())
    if plan.render is None and fans_out(options.jobs, len(counts), total):
        # The render processes' fork server imports on the other core while
        # this one places the media and the theme's files.
        start_fork_server()
    options.out.mkdir(parents=True, exist_ok=True)
    manifest = {"pages": model.page_count(), "date": snapshot.build_date}
    manifest["content"] = digest
    staging = staging_dir(options.out, slug)
    try:
        if plan.render is not None:
            # Only what changed goes into staging; the rest stays where it is.
            plan.render |= _missing(target, outputs)
            live = target
        else:
            live = None
        media, stale = place_hashed("media", files, staging, live)
        assets = {**theme_assets(snapshot.territory, site.theme), **channel_assets()}
        # The service worker keeps its fixed name at the root: its scope.
        worker = assets.pop(SERVICE_WORKER, None)
        if worker is not None:
            (staging / SERVICE_WORKER).parent.mkdir(parents=True, exist_ok=True)
            (staging / SERVICE_WORKER).write_bytes(worker)
        static, stale_static = place_hashed(site.static_dir, assets, staging, live)
        jobs, files = [], 0
        for lang in snapshot.languages:
            only = None
            if plan.render is not None:
                only = frozenset(
                    url
                    for file, url in outputs.items()
                    if file in plan.render and owner[file] == lang
                )
                if not only:
                    continue  # nothing to do in this language
            files += len(only) if only is not None else counts[lang]
            ctx = RenderContext(
                model,
                lang,
                media=media,
                static=static,
                build_date=snapshot.build_date,
                site=site,
                cache_dir=options.content / "cache" / "derived",
            )
            jobs.append(RenderJob(ctx, staging, only))
        reads = run_jobs(jobs, options.jobs, lambda m: progress(f"{slug}/{m}"), files)
        report.pages = len(reads)
        write_site_files(staging, model, site.static_dir, outputs.values())
        if plan.render is None:
            search.index_site(staging, snapshot.languages)
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
    if not save_state:
        return report
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
        touched = snapshot.languages  # after a failed indexing: every language
        if previous.get("search") == previous.get("content"):
            gone = {file.partition("/")[0] for file in plan.remove or ()}
            rendered = {owner[file] for file in reads if file in owner}
            touched = [lang for lang in snapshot.languages if lang in gone | rendered]
        search.reindex_live(target, touched)
        manifest["search"] = digest
        _write_manifest(target, manifest)
        progress(f"{slug}: search index updated")
    return report


def render_fetched(
    out: Path, settings: Path | None = None, progress: Progress = print
) -> list[TerritoryReport]:
    """Render the snapshots the last build fetched into `out` (Pelican's own
    command line: `pelican -s site/pelicanconf.py`): no API, the build's
    state untouched, so `vetrina build` goes on from its cursor."""
    options = BuildOptions(
        api="", out=out, settings=settings, full=True, allow_local_links=True
    )
    snapshots = options.content / "snapshots"
    reports = []
    for folder in sorted(snapshots.iterdir()) if snapshots.is_dir() else []:
        if not Snapshot.exists(snapshots, folder.name):
            continue
        snapshot = Snapshot.load(snapshots, folder.name)
        report = publish_territory(snapshot, options, progress, save_state=False)
        report.fetched = "read of the last fetched snapshot"
        progress(report.summary())
        reports.append(report)
    if not reports:
        progress(f"no snapshot in {snapshots}: run `vetrina build` once first")
    return reports


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
