"""The files of a territory's site besides the pages: hashed media and assets,
Netlify's _redirects and _headers, robots.txt, the sitemap, the open-data
catalogue (publisher/catalogue.py) and the language chooser at the root."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from markupsafe import escape

from . import catalogue, netlify, redirects
from .channels import shorturls, social
from .i18n import direction
from .render import DEFAULT_BRAND_COLOUR
from .sitemodel import SiteModel

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"  # hreflang alternates


def hashed_name(name: str, data: bytes) -> str:
    """`name` with a hash of its bytes before the suffix: cacheable forever."""
    digest = hashlib.sha256(data).hexdigest()[:10]
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}.{digest}.{suffix}" if dot else f"{name}.{digest}"


def place_hashed(
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
            hashed, data = hashed_name(name, source), source
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


TOUCH_ICON = "apple-touch-icon.png"  # the name iOS also asks for unprompted
# The theme's service worker (its static/sw.js), published at the root under
# this fixed name: a worker's scope is its folder. Only a visitor's "Save for
# offline use" registers it.
SERVICE_WORKER = "sw.js"
MANIFEST_ICONS = (192, 512)


def _write_icons(staging: Path, territory: dict) -> None:
    """The favicon, the touch icon and the web app manifest with its icons,
    drawn from the territory's name and colour (drawn once per process)."""
    name = territory.get("name", "")
    colour = territory.get("brand_colour") or DEFAULT_BRAND_COLOUR
    (staging / "favicon.ico").write_bytes(social.favicon(name, colour))
    (staging / TOUCH_ICON).write_bytes(social.icon(name, colour, 180))
    icons = []
    for size in MANIFEST_ICONS:
        (staging / f"icon-{size}.png").write_bytes(social.icon(name, colour, size))
        icons.append(
            {"src": f"/icon-{size}.png", "sizes": f"{size}x{size}", "type": "image/png"}
        )
    manifest = {
        "name": name,
        "short_name": name,
        "start_url": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": colour,
        "icons": icons,
    }
    (staging / "manifest.webmanifest").write_text(
        json.dumps(manifest, ensure_ascii=False), "utf-8"
    )


def write_site_files(
    staging: Path,
    model: SiteModel,
    static_dir: str = "static",
    urls: Iterable[str] = (),
) -> None:
    """The territory's own files: redirects, headers, robots.txt, the sitemap
    (of the CMS's pages and of `urls`, every URL the build writes), the
    DCAT-AP_IT catalogue of the open-data files among `urls`, the icons and
    the manifest, and the language chooser."""
    urls = list(urls)
    territory = model.snapshot.territory
    languages = model.snapshot.languages
    default = model.default_language
    rules, _ = redirects.read(model)  # the build reports the rows left out
    (staging / "_redirects").write_text(
        netlify.redirects(
            languages,
            default,
            [(rule.old, rule.new, rule.status) for rule in rules],
            shorturls.rules(model),
        ),
        "utf-8",
    )
    (staging / "_headers").write_text(netlify.headers((static_dir, "media")))
    base = territory.get("base_url", "")
    (staging / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n"
    )
    (staging / "sitemap.xml").write_bytes(sitemap(model, urls))
    nodes = catalogue.graph(model, urls)
    (staging / "data").mkdir(exist_ok=True)
    (staging / catalogue.CATALOGUE_RDF[1:]).write_bytes(catalogue.rdf_xml(nodes))
    (staging / catalogue.CATALOGUE_TTL[1:]).write_bytes(catalogue.turtle(nodes))
    _write_icons(staging, territory)
    links = "\n".join(
        f'<li><a href="/{code}/" hreflang="{code}" lang="{code}" '
        f'dir="{direction(code)}">{_escape(lang["name"])}</a></li>'
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


def sitemap(model: SiteModel, urls: Iterable[str] = ()) -> bytes:
    """Every indexable page of every language: the CMS's pages and, of `urls`
    (every URL the build writes), the other pages (hand-written, audiences,
    map, search), each with its translations as hreflang alternates, the
    default language's as `x-default`, and the CMS page's last revision as
    `lastmod`. Written as text, each URL escaped (`&`, `<`, quotes): a tenth
    of the time ElementTree takes at 20,000 items (0.5 s), and every build
    writes it. Redirects (/q/), the 404 and files other than pages stay out."""
    languages = model.snapshot.languages
    base = _escape(model.snapshot.territory.get("base_url", ""))
    default = model.default_language
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">',
    ]

    def add(url: str, alternates: list[tuple[str, str]], lastmod: str) -> None:
        lines.append(f"  <url>\n    <loc>{base}{_escape(url)}</loc>")
        if lastmod:
            lines.append(f"    <lastmod>{lastmod}</lastmod>")
        if default in dict(alternates):
            alternates = [*alternates, ("x-default", dict(alternates)[default])]
        lines.extend(
            f'    <xhtml:link rel="alternate" hreflang="{_escape(code)}" '
            f'href="{base}{_escape(path)}" />'
            for code, path in alternates
        )
        lines.append("  </url>")

    cms = set()
    for lang in languages:
        for entry in model.entries[lang]:
            cms.add(entry.url)
            revised = entry.page["meta"].get("last_published_at") or ""
            add(entry.url, model.alternates(entry), revised[:10])
    # The other pages: the same page in each language has the same path after
    # the language's prefix (hand-written pages are translated by slug).
    others: dict[str, dict[str, str]] = {}
    for url in urls:
        lang, _, rest = url[1:].partition("/")
        if url.endswith("/") and lang in languages and url not in cms:
            others.setdefault(rest, {})[lang] = url
    for lang in languages:
        for _path, found in sorted(others.items()):
            if lang in found:
                add(found[lang], [(c, found[c]) for c in languages if c in found], "")
    lines.append("</urlset>\n")
    return "\n".join(lines).encode("utf-8")
