"""`RenderContext`: what rendering anything needs besides the page itself,
and the theme's templates it renders with.

It sits below everything that renders (pages, template helpers, channels,
share images), which all take one, and imports none of them: so each of those
can import it without importing the others.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PrefixLoader,
    Template,
)

from .handwritten import HandPage, read_pages
from .i18n import translations
from .settings import SiteSettings, load
from .sitemodel import SiteModel

if TYPE_CHECKING:
    from .contents import Contents


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
    # The items as Pelican content, made on first use (render.contents()).
    contents: Contents | None = field(default=None, repr=False, compare=False)
    # What a channel works out once for all the outputs of this language (the
    # planner's items), with the keys it read (`memoised`).
    memo: dict[str, tuple[Any, frozenset[str]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def memoised(self, name: str, work: Callable[[], Any]) -> Any:
        """`work()` once per context: each later output that asks for it
        notes the same reads, so an incremental build still knows that every
        one of them depends on what the first read."""
        found = self.memo.get(name)
        if found is None:
            with self.model.reading() as reads:
                value = work()
            found = self.memo[name] = (value, frozenset(reads))
        else:
            self.model.note(*found[1])
        return found[0]

    @functools.cached_property
    def hand_pages(self) -> tuple[HandPage, ...]:
        """The site's hand-written pages, read once per context, not per page."""
        return read_pages(self.site.pages, self.site.file)

    def template(self, name: str) -> Template:
        return environment(self.lang, self.site).get_template(name)


@functools.cache
def environment(lang: str, site: SiteSettings | None = None) -> Environment:
    """The theme's templates in one language, as Pelican's generators load
    them, with the settings' JINJA_ENVIRONMENT, JINJA_FILTERS, JINJA_GLOBALS
    and JINJA_TESTS: the overrides and the theme, first match wins, Pelican's
    `simple` theme after them, and `!theme/…` and `!simple/…` to extend
    either explicitly. Plus the language's catalog for `_()`.

    Made once per language and process: a long-running builder keeps its
    compiled templates, and Jinja reloads one whose file changed. The bytecode
    cache (keyed by each template's source) spares a new process compiling.
    """
    from pelican import generators
    from pelican.utils import DateFormatter

    site = site or load()
    settings = site.pelican or load().pelican
    simple = FileSystemLoader(
        Path(generators.__file__).parent / "themes" / "simple" / "templates"
    )
    options = dict(settings.get("JINJA_ENVIRONMENT") or {})
    # Whatever the settings say: the CMS's text is escaped unless marked safe
    # (rich text, sanitised; an item's `content` and `summary` are Markup).
    options["autoescape"] = True
    extensions = list(options.pop("extensions", []))
    if "jinja2.ext.i18n" not in extensions:  # the theme's `_()`
        extensions.append("jinja2.ext.i18n")
    env = Environment(  # noqa: S701 autoescape is in options, always on
        loader=ChoiceLoader(
            [
                FileSystemLoader(site.templates),
                simple,
                PrefixLoader(
                    {
                        "!simple": simple,
                        "!theme": FileSystemLoader(site.theme / "templates"),
                    }
                ),
            ]
        ),
        bytecode_cache=FileSystemBytecodeCache(),
        extensions=extensions,
        **options,
    )
    env.filters["strftime"] = DateFormatter()
    env.filters.update(settings.get("JINJA_FILTERS") or {})
    env.globals.update(settings.get("JINJA_GLOBALS") or {})
    env.tests.update(settings.get("JINJA_TESTS") or {})
    env.install_gettext_translations(translations(lang), newstyle=True)
    return env
