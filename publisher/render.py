"""The one rendering path: `render_page()` turns an entry into HTML.

The static build calls it for every page, and the CMS preview calls it for the
page being edited, so editors see exactly what visitors will get. Autoescape is
on: only rich text, already sanitised, is marked safe.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from babel.support import Translations
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .helpers import Helpers
from .i18n import compile_catalogs
from .sitemodel import AUDIENCES_PATH, Entry, SiteModel

ROOT = Path(__file__).resolve().parent.parent
THEME_DIR = ROOT / "themes" / "vetrina"
PAGES_DIR = ROOT / "content" / "pages"
RTL = {"ar", "fa", "he", "ur"}


@dataclass
class RenderContext:
    """Everything a page needs besides itself: the site, its language, its media."""

    model: SiteModel
    lang: str
    media: dict[str, str] = field(default_factory=dict)
    static: dict[str, str] = field(default_factory=dict)
    build_date: str = ""
    pages_dir: Path | None = None


@functools.cache
def environment(lang: str, theme: Path = THEME_DIR) -> Environment:
    env = Environment(
        loader=FileSystemLoader(theme / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    catalogs = compile_catalogs()
    translations = Translations.load(str(catalogs), [lang], domain="messages")
    env.install_gettext_translations(translations, newstyle=True)
    return env


@functools.cache
def markdown_pages(
    lang: str, pages_dir: Path = PAGES_DIR
) -> tuple[tuple[str, str], ...]:
    """(title, URL) of the hand-written pages of a language, for the footer."""
    found = []
    for source in sorted((pages_dir / lang).glob("*.md")):
        title = source.read_text("utf-8").partition("\n")[0].lstrip("# ").strip()
        found.append((title, f"/{lang}/{source.stem}/"))
    return tuple(found)


def _context(entry: Entry, ctx: RenderContext) -> dict:
    """What every template gets besides the page's own data."""
    model = ctx.model
    homes = [e for e in model.entries[ctx.lang] if e.kind == "home"]
    return {
        "page": entry.page,
        "entry": entry,
        "t": Helpers(ctx, entry),
        "site": model.snapshot.territory,
        "lang": ctx.lang,
        "dir": "rtl" if ctx.lang in RTL else "ltr",
        "home_url": homes[0].url if homes else f"/{ctx.lang}/",
        "sections": [e for e in model.entries[ctx.lang] if e.kind == "index"],
        "footer_pages": markdown_pages(ctx.lang, ctx.pages_dir or PAGES_DIR),
        "alternates": model.alternates(entry) if entry.page["id"] else [],
        "children": model.children(entry),
        "audiences_path": AUDIENCES_PATH,
        "model": model,
    }


def render_page(entry: Entry, ctx: RenderContext) -> str:
    """Render one page of one language to a complete HTML document."""
    template = environment(ctx.lang).get_template(f"{entry.kind}.html")
    return template.render(_context(entry, ctx))


def render_document(kind: str, ctx: RenderContext, **extra: object) -> str:
    """Render a page that is not a CMS item (404, a Markdown page)."""
    path = str(extra.pop("path", "/"))
    page = {
        "id": 0,
        "title": extra.pop("title", ""),
        "meta": {
            "type": kind,
            "locale": ctx.lang,
            "translation_key": f"{kind}:{ctx.lang}{path}",
            "path": path,
            "alias_of": None,
        },
    }
    entry = Entry(page, ctx.lang, f"/{ctx.lang}{path}")
    template = environment(ctx.lang).get_template(f"{kind}.html")
    return template.render({**_context(entry, ctx), **extra})


def render_audience(audience: str, ctx: RenderContext) -> str:
    """The page of one audience (families, schools…) in one language.

    Its path lies under `AUDIENCES_PATH`, which no CMS page may take.
    """
    model = ctx.model
    path = f"{AUDIENCES_PATH}{audience}/"
    return render_document(
        "audience",
        ctx,
        path=path,
        audience=audience,
        items=model.for_audience(ctx.lang, audience),
        alternates=[
            (lang, f"/{lang}{path}")
            for lang in model.snapshot.languages
            if audience in model.audiences(lang)
        ],
    )
