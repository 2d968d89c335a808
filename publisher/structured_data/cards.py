"""Open Graph and Twitter card tags: what a chat app or a social network shows
of a link to the page."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from babel import Locale
from babel.core import get_global

from .facts import PageFacts

if TYPE_CHECKING:
    from ..helpers import Helpers

# Facebook's names where they differ from the language's likely region.
OG_LOCALES = {"ar": "ar_AR"}


@functools.cache
def og_locale(lang: str) -> str:
    if lang in OG_LOCALES:
        return OG_LOCALES[lang]
    likely = get_global("likely_subtags").get(lang, lang)
    region = Locale.parse(likely).territory
    return f"{lang}_{region}" if region else lang


def social_tags(t: Helpers, title: str = "") -> list[tuple[str, str, str]]:
    """(attribute, name, content) of every Open Graph and Twitter <meta>."""
    facts = PageFacts(t, title)
    entry = facts.entry
    tags = [
        ("property", "og:title", facts.title),
        ("property", "og:type", "article" if entry.kind == "story" else "website"),
        ("property", "og:url", facts.absolute(entry.url)),
        ("property", "og:site_name", facts.site.get("name", "")),
        ("property", "og:locale", og_locale(t.lang)),
    ]
    if entry.page["id"]:
        tags += [
            ("property", "og:locale:alternate", og_locale(lang))
            for lang, _url in facts.model.alternates(entry)
            if lang != t.lang
        ]
    if facts.description:
        tags.append(("property", "og:description", facts.description))
    if entry.kind == "story" and entry.page.get("date"):
        tags.append(("property", "article:published_time", entry.page["date"]))
    image = facts.image()
    if image:
        tags.append(("property", "og:image", image["url"]))
        if "type" in image:
            tags.append(("property", "og:image:type", image["type"]))
        tags += [
            ("property", "og:image:width", str(image["width"])),
            ("property", "og:image:height", str(image["height"])),
            ("property", "og:image:alt", image["alt"]),
        ]
    tags += [
        ("name", "twitter:card", "summary_large_image" if image else "summary"),
        ("name", "twitter:title", facts.title),
    ]
    if facts.description:
        tags.append(("name", "twitter:description", facts.description))
    if image:
        tags += [
            ("name", "twitter:image", image["url"]),
            ("name", "twitter:image:alt", image["alt"]),
        ]
    return tags
