"""The page's schema.org JSON-LD: the node its kind builds, and the breadcrumb
trail from the home down to it, in a <script> no text can break out of."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..sitemodel import CHILD_KIND
from .businesses import business, offer, seller
from .events import event
from .facts import PageFacts
from .itineraries import trip
from .pages import article, collection, webpage, website
from .places import place_page

if TYPE_CHECKING:
    from ..helpers import Helpers

# The node each kind of CMS page is described by; other pages are WebPages.
BUILDERS = {
    "home": website,
    "index": collection,
    "place": place_page,
    "event": event,
    "story": article,
    "itinerary": trip,
    "business": business,
    "offer": offer,
}


def script_json(data: object) -> Markup:
    """`data` as JSON that cannot end its <script> element or open another."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return Markup('<script type="application/ld+json">{}</script>').format(
        Markup(text)  # noqa: S704 escaped above
    )


def json_ld(t: Helpers, title: str = "") -> Markup:
    """The page's schema.org description, with its breadcrumb trail."""
    facts = PageFacts(t, title)
    build = BUILDERS.get(facts.entry.kind if facts.page["id"] else "", webpage)
    graph = [build(facts)]
    if facts.entry.kind != "home" and facts.page["meta"]["type"] != "404":
        graph.append(_breadcrumbs(facts))
    return script_json({"@context": "https://schema.org", "@graph": graph})


def _trail(facts: PageFacts) -> list[tuple[str, str]]:
    """(name, URL) from the home down to the page."""
    lang, entry = facts.t.lang, facts.entry
    home = facts.home()
    trail = [(facts.site.get("name", ""), home.url if home else f"/{lang}/")]
    section_kind = "business" if entry.kind == "offer" else entry.kind
    if facts.page["id"] and entry.kind not in ("home", "index"):
        for index in facts.model.of_kind(lang, "index"):
            if CHILD_KIND.get(index.page["meta"]["type"]) == section_kind:
                trail.append((index.page["title"], index.url))
                break
    if entry.kind == "offer" and (found := seller(facts)) is not None:
        trail.append((found.page["title"], found.url))
    trail.append((facts.title, entry.url))
    return trail


def _breadcrumbs(facts: PageFacts) -> dict:
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": facts.absolute(url),
            }
            for position, (name, url) in enumerate(_trail(facts), start=1)
        ],
    }
