"""Rich text and Markdown to safe HTML.

The API sends rich text in Wagtail's database format, with ids for pages,
images and documents: we turn those into the public site's own URLs, then
sanitise with an allow-list (nh3), so nothing from outside reaches a page raw.

This is the project's one reader of that format: the CMS's API lists a page's
media with `references()`, so it sends exactly what `expand()` will look up.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from typing import Literal

import markdown
import nh3

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "ul", "ol", "li",
    "a", "blockquote", "figure", "figcaption", "img", "hr", "sub", "sup",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "hreflang"},
    "img": {"src", "srcset", "sizes", "alt", "width", "height", "loading"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

_TAG = re.compile(r"<(a|embed)\b([^>]*?)/?>", re.IGNORECASE)
_ATTR = re.compile(r'([\w-]+)="([^"]*)"')

Kind = Literal["page", "document", "image"]
Reference = tuple[Kind, int]
# What the id of a tag names, by the tag and its `linktype` or `embedtype`.
_KINDS: dict[tuple[str, str], Kind] = {
    ("a", "page"): "page",
    ("a", "document"): "document",
    ("embed", "image"): "image",
}

PageUrl = Callable[[int], str | None]
ImageHtml = Callable[[int, str], str]
DocumentUrl = Callable[[int], str | None]


def sanitise(html: str, *, link_rel: str | None = None) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=link_rel,
    )


def _read(match: re.Match) -> tuple[str, dict[str, str], Reference | None]:
    """An `<a>` or `<embed>` tag: its name, its attributes and what its id names
    (None for anything else, such as an outside link or an embedded video)."""
    tag = match.group(1).lower()
    attrs = dict(_ATTR.findall(match.group(2)))
    link_type = attrs.get("embedtype" if tag == "embed" else "linktype", "")
    kind = _KINDS.get((tag, link_type))
    ref = attrs.get("id", "")
    found = kind and ref.isascii() and ref.isdigit()
    return tag, attrs, (kind, int(ref)) if found else None


def references(html: str | None) -> Iterator[Reference]:
    """(kind, id) of every page, document and image that rich text in Wagtail's
    database format refers to, in order: `("page", 31)`, `("image", 12)`."""
    for match in _TAG.finditer(html or ""):
        reference = _read(match)[2]
        if reference is not None:
            yield reference


def expand(
    html: str, page_url: PageUrl, image_html: ImageHtml, doc_url: DocumentUrl
) -> str:
    """Resolve Wagtail's database-format references, then sanitise."""

    def replace(match: re.Match) -> str:
        tag, attrs, reference = _read(match)
        if tag == "embed":
            if reference is None:
                return ""
            return image_html(reference[1], attrs.get("alt", ""))
        if reference is None:
            return match.group(0)
        kind, ref = reference
        url = (page_url if kind == "page" else doc_url)(ref)
        return f'<a href="{url}">' if url else "<a>"

    return sanitise(_TAG.sub(replace, html or ""))


# Owners write words and links: no images (nothing to host or to size), no raw HTML.
OWNER_TAGS = ALLOWED_TAGS - {"img", "figure", "figcaption"}


def _owner_markdown() -> markdown.Markdown:
    """Markdown whose raw-HTML blocks and inline tags come out as text, escaped.

    One per thread, reset before each use: making one costs more than most
    conversions (a third of a millisecond), and a build converts thousands.
    """
    md = getattr(_MARKDOWN, "md", None)
    if md is None:
        md = _MARKDOWN.md = markdown.Markdown(extensions=["sane_lists"])
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
    return md.reset()


_MARKDOWN = threading.local()


def markdown_to_html(text: str) -> str:
    """Markdown written by business owners: raw HTML shows as text, links are ugc.

    The allow-list still runs afterwards, so a `javascript:` or `data:` link
    loses its address whatever the Markdown parser made of it.
    """
    html = _owner_markdown().convert(text or "")
    return nh3.clean(
        html,
        tags=OWNER_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener ugc",
    )
