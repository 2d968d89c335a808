"""The one rendering path: `render_page()` turns an entry into HTML.

The static build calls it for every page, and the CMS preview calls it for the
page being edited, so editors see exactly what visitors will get. Autoescape is
on: only rich text, already sanitised, is marked safe.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import markdown
from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    Template,
)
from markupsafe import Markup

from .channels import channel_outputs
from .errors import UrlCollision
from .helpers import Helpers
from .i18n import translations
from .richtext import sanitise
from .settings import SiteSettings, load
from .sitemodel import AUDIENCES_PATH, Entry, SiteModel

RTL = {"ar", "fa", "he", "ur"}
DEFAULT_BRAND_COLOUR = "#8a3b12"


@dataclass
class RenderContext:
    """Everything a page needs besides itself: the site, its language, its media."""

    model: SiteModel
    lang: str
    media: dict[str, str] = field(default_factory=dict)
    static: dict[str, str] = field(default_factory=dict)
    build_date: str = ""
    # The theme, its template overrides and the hand-written pages.
    site: SiteSettings = field(default_factory=load)
    # Share images and QR codes already made (publisher/derived.py); None: make all.
    cache_dir: Path | None = None

    def template(self, name: str) -> Template:
        return environment(self.lang, self.site.templates).get_template(name)


@functools.cache
def environment(lang: str, templates: tuple[Path, ...] | None = None) -> Environment:
    """The theme's templates in one language; `templates`: the folders to
    look in, first match wins (default: the default settings' theme).

    Every render process compiles the templates it uses; the bytecode cache
    (in the system's temporary folder, keyed by each template's source) makes
    that a load after the first time, which one small edit's build notices.
    """
    env = Environment(
        loader=FileSystemLoader(templates or load().templates),
        bytecode_cache=FileSystemBytecodeCache(),
        autoescape=True,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)
    return env


@functools.cache
def markdown_pages(lang: str, pages_dir: Path) -> tuple[tuple[str, str], ...]:
    """(title, URL) of the hand-written pages of a language, for the footer."""
    found = []
    for source in sorted((pages_dir / lang).glob("*.md")):
        title = source.read_text("utf-8").partition("\n")[0].lstrip("# ").strip()
        found.append((title, f"/{lang}/{source.stem}/"))
    return tuple(found)


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
        "footer_pages": markdown_pages(ctx.lang, ctx.site.pages),
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


def render_markdown(source: Path, ctx: RenderContext) -> str:
    """A hand-written page of `content/pages/<lang>/`: a `# title` line, Markdown."""
    title, _, text = source.read_text("utf-8").partition("\n")
    html = sanitise(markdown.markdown(text, extensions=["sane_lists"]))
    return render_document(
        "page", ctx, title=title.lstrip("# ").strip(), path=f"/{source.stem}/",
        html=Markup(html),  # noqa: S704 sanitised above
    )  # fmt: skip


def site_outputs(ctx: RenderContext) -> dict[str, Callable[[], str | bytes]]:
    """Every output of one language by URL, each rendered when called.

    The CMS's pages, the hand-written ones, the audiences, the 404 and the
    channels' files (publisher/channels/), in the order they are written; a URL
    taken twice is refused.
    """
    model, lang = ctx.model, ctx.lang
    pages_dir = ctx.site.pages / lang
    found: dict[str, Callable[[], str]] = {}

    def add(url: str, render: Callable[[], str]) -> None:
        if url in found:  # a Markdown page or a page of the build's own
            raise UrlCollision(
                f"two pages would be published at {url}: rename the file in "
                f"{pages_dir} or change the CMS page's slug"
            )
        found[url] = render

    for entry in model.entries[lang]:
        add(entry.url, functools.partial(render_page, entry, ctx))
    for source in sorted(pages_dir.glob("*.md")):
        add(f"/{lang}/{source.stem}/", functools.partial(render_markdown, source, ctx))
    for audience in model.audiences(lang):
        add(
            f"/{lang}{AUDIENCES_PATH}{audience}/",
            functools.partial(render_audience, audience, ctx),
        )
    add(f"/{lang}/404.html", functools.partial(render_document, "404", ctx))
    for url, render in channel_outputs(ctx).items():
        add(url, render)
    return found


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
