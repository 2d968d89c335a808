"""Hand-written pages: ordinary Pelican content, read by Pelican's readers.

`pages/` under the site's PATH holds Markdown, reStructuredText or HTML files
with Pelican's metadata, as in any Pelican project:

    Title: Chi siamo
    Slug: about
    Lang: it

    Questo sito racconta…

A file in `pages/<lang>/` is in that language unless its `Lang:` says
otherwise; a file directly in `pages/` needs its `Lang:`. The slug is `Slug:`
or the file's name. Pages of several languages with the same slug are
translations of each other (Pelican's rule), so each links the others. The
site's own MARKDOWN setting applies; the HTML is sanitised like the CMS's rich
text. A file without a title (neither `Title:` nor a leading `# heading`, the
older form) is refused with its name.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import PageInvalid
from .richtext import sanitise

LEADING_H1 = re.compile(r"\A\s*<h1[^>]*>(.*?)</h1>\s*", re.S)
TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class HandPage:
    source: Path
    lang: str
    slug: str
    title: str
    html: str  # sanitised
    # The Pelican `Page` its reader made, published where this page is (url,
    # save_as, lang, its content sanitised): what Pelican's `pages` lists.
    content: Any = field(default=None, compare=False, repr=False)

    @property
    def url(self) -> str:
        return f"/{self.lang}/{self.slug}/"


def pages_in(pages: tuple[HandPage, ...], lang: str) -> list[HandPage]:
    """The hand-written pages of one language, in file-name order."""
    return [page for page in pages if page.lang == lang]


def translations(
    page: HandPage, pages: tuple[HandPage, ...], languages: list[str]
) -> list[HandPage]:
    """The page in each of `languages` it is written in, itself included."""
    return [p for p in pages if p.slug == page.slug and p.lang in languages]


def read_pages(folder: Path, settings_file: Path) -> tuple[HandPage, ...]:
    """Every hand-written page; read again only when a file changed. A render
    asks once (`RenderContext.hand_pages`): the check walks the folder."""
    if not folder.is_dir():
        return ()
    stamp = tuple(
        (str(path), path.stat().st_mtime_ns, path.stat().st_size)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    )
    return _read(folder, settings_file, stamp)


@functools.lru_cache(maxsize=8)
def _read(folder: Path, settings_file: Path, stamp: tuple) -> tuple[HandPage, ...]:
    from pelican.contents import Page
    from pelican.readers import Readers
    from pelican.settings import read_settings

    settings = read_settings(
        str(settings_file),
        override={"PATH": str(folder), "SLUGIFY_SOURCE": "basename"},
    )
    readers = Readers(settings)
    extensions = set(readers.extensions) - {"static"}
    pages = []
    for source in sorted(folder.rglob("*")):
        if not source.is_file() or source.suffix.lstrip(".") not in extensions:
            continue
        relative = source.relative_to(folder)
        page = readers.read_file(
            base_path=str(folder), path=str(relative), content_class=Page, context=None
        )
        # Lang: first, else the folder's language: never Pelican's DEFAULT_LANG.
        in_folder = relative.parts[0] if len(relative.parts) > 1 else ""
        lang = page.metadata.get("lang") or in_folder
        pages.append(_hand_page(source, page, lang))
    return tuple(pages)


def _hand_page(source: Path, page, lang: str) -> HandPage:
    html = page.content
    title = page.metadata.get("title", "")
    if not title:  # the older form: the first line is "# Title"
        heading = LEADING_H1.match(html)
        if heading:
            title, html = TAGS.sub("", heading.group(1)), html[heading.end() :]
    if not str(title).strip():
        raise PageInvalid(f"{source}: Title is missing (write a 'Title:' line)")
    if not lang:
        raise PageInvalid(
            f"{source}: Lang is missing (write a 'Lang:' line, or put the "
            "file in the folder of its language)"
        )
    title, html = str(title).strip(), sanitise(html)
    hand = HandPage(source, lang, page.slug, title, html, page)
    page.title, page.lang, page._content = title, lang, html
    page.override_url = hand.url.lstrip("/")
    page.override_save_as = f"{hand.url.lstrip('/')}index.html"
    return hand
