"""The one rendering path: `render_page()` turns an entry into HTML.

The static build calls it for every page, and the CMS preview calls it for the
page being edited, so editors see exactly what visitors will get. Autoescape is
on: only rich text, already sanitised, is marked safe. The channels render
their HTML with it too (publisher/site_outputs.py lists every output).
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from .handwritten import HandPage, pages_in, translations
from .helpers import Helpers
from .render_context import RenderContext  # also for render_page()'s callers
from .settings import load
from .sitemodel import AUDIENCES_PATH, Entry

RTL = {"ar", "fa", "he", "ur"}
DEFAULT_BRAND_COLOUR = "#8a3b12"


def _context(entry: Entry, ctx: RenderContext) -> dict:
    """What every template gets besides the page's own data."""
    model = ctx.model
    homes = model.of_kind(ctx.lang, "home")
    return {
        "page": entry.page,
        "entry": entry,
        "t": Helpers(ctx, entry),
        "site": model.snapshot.territory,
        "lang": ctx.lang,
        "dir": "rtl" if ctx.lang in RTL else "ltr",
        "home_url": homes[0].url if homes else f"/{ctx.lang}/",
        "sections": model.of_kind(ctx.lang, "index"),
        "footer_pages": [
            (page.title, page.url) for page in pages_in(ctx.hand_pages, ctx.lang)
        ],
        "alternates": model.alternates(entry) if entry.page["id"] else [],
        "children": model.children(entry),
        "audiences_path": AUDIENCES_PATH,
        "model": model,
    }


def render_page(entry: Entry, ctx: RenderContext) -> str:
    """Render one page of one language to a complete HTML document."""
    ctx.model.note(f"id:{entry.page['id']}")
    return ctx.template(f"{entry.kind}.html").render(_context(entry, ctx))


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
    return ctx.template(f"{kind}.html").render({**_context(entry, ctx), **extra})


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


def render_handwritten(page: HandPage, ctx: RenderContext) -> str:
    """A hand-written page (publisher/handwritten.py), linked to its translations
    in the territory's languages."""
    return render_document(
        "page", ctx, title=page.title, path=f"/{page.slug}/",
        html=Markup(page.html),  # noqa: S704 sanitised when read
        alternates=[
            (lang, url)
            for lang, url in translations(page, ctx.hand_pages)
            if lang in ctx.model.snapshot.languages
        ],
    )  # fmt: skip


def output_file(url: str) -> str:
    """Where a URL's output is written, relative to the territory's folder.

    A last segment with a dot is a file (`404.html`, `feed.atom`); anything
    else is a folder with its index.html.
    """
    path = url.strip("/")
    if "." in path.rpartition("/")[2] and not url.endswith("/"):
        return path
    return f"{path}/index.html"


def theme_assets(territory: dict, theme: Path | None = None) -> dict[str, bytes]:
    """The theme's static files by relative name, plus the territory's brand.css.

    The build writes them with hashed names; the CMS's preview serves them.
    """
    theme = theme or load().theme
    colour = territory.get("brand_colour") or DEFAULT_BRAND_COLOUR
    assets = {
        path.relative_to(theme / "static").as_posix(): path.read_bytes()
        for path in sorted((theme / "static").rglob("*"))
        if path.is_file()
    }
    assets["css/brand.css"] = f":root{{--brand:{colour}}}\n".encode()
    return assets
