"""`vetrina build`: fetch the API, check it, render every territory × language.

A build writes into a staging folder and swaps it in only when complete: an
API fault, bad data, a template error or Ctrl-C leaves dist/<territory> as it
was. Each territory × language renders in its own fresh process, in parallel.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import multiprocessing
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from markupsafe import escape

from . import netlify
from .api import ApiClient
from .errors import BadContent, RenderFailed, TooManyDropped
from .media import download, rendition_urls
from .output import discard, keep_unchanged, staging_dir, swap_in
from .render import RTL, THEME_DIR
from .sitemodel import SiteModel
from .snapshot import Snapshot, choose_territories, fetch_snapshot
from .validate import Problem

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ".vetrina.json"


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
    # Without --full, files equal to the previous output are linked from it, so
    # they keep their modification time; --full writes every file anew.
    full: bool = False


@dataclass
class TerritoryReport:
    slug: str
    pages: int = 0
    kept: int = 0
    problems: list[Problem] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)


Progress = Callable[[str], None]


def build(options: BuildOptions, progress: Progress = print) -> list[TerritoryReport]:
    client = ApiClient(options.api)
    territories = choose_territories(client, options.territories)
    snapshots_dir = options.content / "snapshots"
    reports = []
    for territory in territories:
        snapshot = fetch_snapshot(client, territory, options.build_date, progress)
        snapshot.save(snapshots_dir)
        reports.append(publish_territory(snapshot, options, progress))
    return reports


def publish_territory(
    snapshot: Snapshot, options: BuildOptions, progress: Progress = print
) -> TerritoryReport:
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
    _guard_against_drops(target, model.page_count(), options.max_drop, slug)

    media_cache = options.content / "cache" / "media"
    files = download(rendition_urls(snapshot), media_cache, warn=progress)
    options.out.mkdir(parents=True, exist_ok=True)
    staging = staging_dir(options.out, slug)
    try:
        media = _place_media(files, staging)
        static = _place_static(staging, snapshot.territory)
        jobs = [
            _job(staging, options, snapshot, lang, media, static)
            for lang in snapshot.languages
        ]
        with multiprocessing.get_context("spawn").Pool(
            min(options.jobs, len(jobs)) or 1, maxtasksperchild=1
        ) as pool:
            for lang, written in pool.imap_unordered(run_pelican, jobs):
                progress(f"{slug}/{lang}: {written} pages")
                report.pages += written
        _write_site_files(staging, model)
        report.kept = 0 if options.full else keep_unchanged(staging, target)
        (staging / MANIFEST).write_text(
            json.dumps({"pages": model.page_count(), "date": snapshot.build_date})
        )
        swap_in(staging, target)
    except BaseException:
        discard(staging)
        raise
    return report


def _guard_against_drops(target: Path, pages: int, max_drop: float, slug: str) -> None:
    manifest = target / MANIFEST
    if not manifest.exists():
        return
    before = json.loads(manifest.read_text()).get("pages", 0)
    if before and pages < before * (1 - max_drop):
        raise TooManyDropped(
            f"{slug} would go from {before} to {pages} pages "
            f"(more than {max_drop:.0%} fewer): an empty or truncated API answer? "
            "Rerun with --max-drop 1 if the removals are intended."
        )


def _place_media(files: dict[str, Path], staging: Path) -> dict[str, str]:
    folder = staging / "media"
    folder.mkdir()
    urls = {}
    for url, cached in files.items():
        if not (folder / cached.name).exists():  # same bytes, several URLs
            os.link(cached, folder / cached.name)
        urls[url] = f"/media/{cached.name}"
    return urls


def _place_static(staging: Path, territory: dict) -> dict[str, str]:
    """Copy theme assets with their content hash in the name: cacheable forever."""
    colour = territory.get("brand_colour") or "#8a3b12"
    sources = {
        path.relative_to(THEME_DIR / "static").as_posix(): path.read_bytes()
        for path in sorted((THEME_DIR / "static").rglob("*"))
        if path.is_file()
    }
    sources["css/brand.css"] = f":root{{--brand:{colour}}}\n".encode()
    mapping = {}
    for name, data in sources.items():
        digest = hashlib.sha256(data).hexdigest()[:10]
        stem, dot, suffix = name.rpartition(".")
        hashed = f"{stem}.{digest}.{suffix}" if dot else f"{name}.{digest}"
        target = staging / "static" / hashed
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        mapping[name] = f"/static/{hashed}"
    return mapping


def _job(staging, options, snapshot, lang, media, static) -> dict:
    job_file = staging / f".job-{lang}.json"
    job_file.write_text(
        json.dumps(
            {
                "snapshots": str(options.content / "snapshots"),
                "pages": str(options.content / "pages"),
                "territory": snapshot.slug,
                "lang": lang,
                "media": media,
                "static": static,
            }
        )
    )
    return {"job": str(job_file), "output": str(staging / lang), "lang": lang}


def run_pelican(job: dict) -> tuple[str, int]:
    """Run Pelican for one territory × language (in a fresh process)."""
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
    written = Path(job["output"], ".written")
    count = int(written.read_text())
    written.unlink()
    Path(job["job"]).unlink()
    return job["lang"], count


def _write_site_files(staging: Path, model: SiteModel) -> None:
    territory = model.snapshot.territory
    languages = model.snapshot.languages
    default = model.default_language
    (staging / "_redirects").write_text(netlify.redirects(languages, default))
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
