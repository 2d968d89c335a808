"""Every page's description: what `<meta name="description">`, og:description
and JSON-LD say, and what a search engine shows under the title.

An item's own summary or introduction when it has one; else the start of its
text; else, for the pages the build makes itself (the map, the search, the
planner, an audience, the 404, a section without introduction), a sentence per
kind of page in the page's language.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from typing import Any

from .i18n import N_

LIMIT = 155  # what search engines show, about
TAGS = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")

DEFAULTS = {
    "home": N_("Places, stories, events and itineraries of %(site)s."),
    "index": N_("%(section)s of %(site)s: the complete list."),
    "map": N_("The map of %(site)s: places, businesses and events, with addresses."),
    "search": N_("Search the places, stories, events and itineraries of %(site)s."),
    "plan": N_(
        "Plan a visit to %(site)s: itineraries, places and events that fit who is "
        "coming, how long, how and which day."
    ),
    "404": N_("This page does not exist on %(site)s: its sections and search lead on."),
    "item": N_("%(title)s · %(site)s"),
}
AUDIENCE = N_("%(audience)s: places, events and itineraries of %(site)s for them.")


def excerpt(text: str, limit: int = LIMIT) -> str:
    """Plain text from HTML or Markdown, cut at a word within `limit`."""
    plain = SPACE.sub(" ", html.unescape(TAGS.sub(" ", text or ""))).strip()
    plain = plain.replace("**", "").replace("__", "")
    if len(plain) <= limit:
        return plain
    cut = plain[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return f"{cut}…"


def describe(
    page: Mapping[str, Any], kind: str, site: str, gettext: Callable[[str], str]
) -> str:
    """An item's description (see the module's docstring)."""
    own = page.get("summary") or page.get("intro")
    if own:
        return str(own)
    for block in page.get("body") or []:
        if block.get("type") == "paragraph" and (found := excerpt(block["value"])):
            return found
    if found := excerpt(page.get("description") or ""):  # an offer's Markdown
        return found
    title = page.get("title", "")
    sentence = gettext(DEFAULTS.get(kind, DEFAULTS["item"]))
    return sentence % {"site": site, "section": title, "title": title}
