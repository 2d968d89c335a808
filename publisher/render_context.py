"""`RenderContext`: what rendering anything needs besides the page itself,
and the theme's templates it renders with.

It sits below everything that renders (pages, template helpers, channels,
share images), which all take one, and imports none of them: so each of those
can import it without importing the others.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    Template,
)

from .handwritten import HandPage, read_pages
from .i18n import translations
from .settings import SiteSettings, load
from .sitemodel import SiteModel


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

    @functools.cached_property
    def hand_pages(self) -> tuple[HandPage, ...]:
        """The site's hand-written pages, read once per context, not per page."""
        return read_pages(self.site.pages, self.site.file)

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
