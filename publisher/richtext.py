"""Rich text and Markdown to safe HTML.

The API sends rich text in Wagtail's database format, with ids for pages,
images and documents: we turn those into the public site's own URLs, then
sanitise with an allow-list (nh3), so nothing from outside reaches a page raw.
"""

from __future__ import annotations

import re
from collections.abc import Callable

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


def expand(
    html: str, page_url: PageUrl, image_html: ImageHtml, doc_url: DocumentUrl
) -> str:
    """Resolve Wagtail's database-format references, then sanitise."""

    def replace(match: re.Match) -> str:
        tag = match.group(1).lower()
        attrs = dict(_ATTR.findall(match.group(2)))
        if tag == "embed":
            if attrs.get("embedtype") == "image" and attrs.get("id", "").isdigit():
                return image_html(int(attrs["id"]), attrs.get("alt", ""))
            return ""
        link_type = attrs.get("linktype")
        if link_type in ("page", "document") and attrs.get("id", "").isdigit():
            resolve = page_url if link_type == "page" else doc_url
            url = resolve(int(attrs["id"]))
            return f'<a href="{url}">' if url else "<a>"
        return match.group(0)

    return sanitise(_TAG.sub(replace, html or ""))


# Owners write words and links: no images (nothing to host or to size), no raw HTML.
OWNER_TAGS = ALLOWED_TAGS - {"img", "figure", "figcaption"}


def _owner_markdown() -> markdown.Markdown:
    """Markdown whose raw-HTML blocks and inline tags come out as text, escaped."""
    md = markdown.Markdown(extensions=["sane_lists"])
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


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
