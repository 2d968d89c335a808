"""The one rendering path: a theme template with the page's context.

`page_output()` is an item's page, `document_output()` a page of the build's
own; Pelican's Writer renders them in a build (publisher/pelican_plugin.py),
and `render_page()` renders one for the CMS preview, so editors see exactly
what visitors will get. Autoescape is on: only rich text, already sanitised,
is marked safe. The channels render their HTML with it too
(publisher/site_outputs.py lists every output).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from . import i18n
from .contents import Contents
from .descriptions import AUDIENCE, excerpt
from .handwritten import HandPage, pages_in, translations
from .helpers import Helpers
from .render_context import RenderContext  # also for render_page()'s callers
from .settings import load
from .sitemodel import AUDIENCES_PATH, Entry
from .vocabulary import AUDIENCES

DEFAULT_BRAND_COLOUR = "#8a3b12"


@dataclass
class TemplateOutput:
    """An output a theme template renders: which template, with what context
    (made when rendered). Pelican's Writer renders it in a build (adding
    Pelican's context); called, it renders itself (the preview, the channels)."""

    ctx: RenderContext
    template: str
    context: Callable[[], dict]
    entry: Entry | None = None  # the item it shows, to name it when it fails

    def __call__(self) -> str:
        """Rendered outside a Pelican run, with the context one would give."""
        context = {**contents(self.ctx).context, **self.context()}
        return self.ctx.template(self.template).render(context)


def run_settings(ctx: RenderContext) -> dict:
    """What a Pelican run of a territory's language sets over the settings
    file: SITENAME is the territory's name, DEFAULT_LANG the page's language
    (as in Pelican's i18n sites: the page's `<html lang>`)."""
    name = ctx.model.snapshot.territory.get("name") or ctx.model.snapshot.slug
    return {"SITENAME": name, "DEFAULT_LANG": ctx.lang}


def _context(entry: Entry, ctx: RenderContext) -> dict:
    """What every template gets besides the page's own data: `page` is the
    item as Pelican content (an `article` too for stories and events:
    publisher/contents.py), a plain dict for the build's own pages."""
    model = ctx.model
    homes = model.of_kind(ctx.lang, "home")
    page = entry.page if entry.kind == "page" else contents(ctx).of(entry)
    return {
        "page": page,
        "article": page,
        "entry": entry,
        "t": Helpers(ctx, entry),
        "site": model.snapshot.territory,
        "lang": ctx.lang,
        "dir": i18n.direction(ctx.lang),
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


def contents(
    ctx: RenderContext, settings: dict | None = None, context: dict | None = None
) -> Contents:
    """The items of a render context as Pelican content: made with a Pelican
    run's settings and context when given (the run makes them first), else
    with the site's settings (the preview, a channel outside a build)."""
    if ctx.contents is None or settings is not None:
        if settings is None:
            settings = {**(ctx.site.pelican or load().pelican), **run_settings(ctx)}
        ctx.contents = Contents(
            ctx,
            settings,
            context if context is not None else dict(settings),
            body=lambda entry: ctx.template("_content.html").render(
                _context(entry, ctx)
            ),
        )
    return ctx.contents


def page_output(entry: Entry, ctx: RenderContext) -> TemplateOutput:
    """One page of one language, a complete HTML document when rendered."""

    def context() -> dict:
        ctx.model.note(f"id:{entry.page['id']}")
        return _context(entry, ctx)

    return TemplateOutput(ctx, f"{entry.kind}.html", context, entry)


def render_page(entry: Entry, ctx: RenderContext) -> str:
    """Render one page of one language to a complete HTML document."""
    return page_output(entry, ctx)()


def document_output(kind: str, ctx: RenderContext, **extra: object) -> TemplateOutput:
    """A page that is not a CMS item (404, a Markdown page, a channel's page)."""
    path = str(extra.pop("path", "/"))
    page = {
        "id": 0,
        "title": extra.pop("title", ""),
        "summary": extra.pop("summary", ""),  # else a sentence for its kind
        "meta": {
            "type": kind,
            "locale": ctx.lang,
            "translation_key": f"{kind}:{ctx.lang}{path}",
            "path": path,
            "alias_of": None,
        },
    }
    entry = Entry(page, ctx.lang, f"/{ctx.lang}{path}")
    return TemplateOutput(
        ctx, f"{kind}.html", lambda: {**_context(entry, ctx), **extra}
    )


def render_document(kind: str, ctx: RenderContext, **extra: object) -> str:
    """Render a page that is not a CMS item (404, a Markdown page)."""
    return document_output(kind, ctx, **extra)()


def audience_output(audience: str, ctx: RenderContext) -> TemplateOutput:
    """The page of one audience (families, schools…) in one language.

    Its path lies under `AUDIENCES_PATH`, which no CMS page may take.
    """
    model = ctx.model
    path = f"{AUDIENCES_PATH}{audience}/"
    gettext = i18n.translations(ctx.lang).gettext
    summary = gettext(AUDIENCE) % {
        "audience": gettext(AUDIENCES[audience]) if audience in AUDIENCES else "",
        "site": model.snapshot.territory.get("name", ""),
    }
    return document_output(
        "audience",
        ctx,
        path=path,
        summary=summary,
        audience=audience,
        items=model.for_audience(ctx.lang, audience),
        alternates=[
            (lang, f"/{lang}{path}")
            for lang in model.snapshot.languages
            if audience in model.audiences(lang)
        ],
    )


def handwritten_output(page: HandPage, ctx: RenderContext) -> TemplateOutput:
    """A hand-written page (publisher/handwritten.py), linked to its translations
    in the territory's languages."""
    return document_output(
        "page",
        ctx,
        title=page.title,
        path=f"/{page.slug}/",
        html=Markup(page.html),  # noqa: S704 sanitised when read
        summary=excerpt(page.html),
        alternates=[
            (other.lang, other.url)
            for other in translations(
                page, ctx.hand_pages, ctx.model.snapshot.languages
            )
        ],
    )


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
