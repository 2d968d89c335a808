"""The map page of each language, `/<lang>/map/`: Leaflet over OpenStreetMap.

The page is a plain list of the located places, businesses, upcoming events (at
their venue) and itineraries; themes/vetrina/static/js/map.js draws the same
items, read from a JSON island, on a map. Leaflet comes from npm and ships in
the wheel (publisher/resources.py); it is published with the theme's hashed
assets.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .. import resources
from ..addresses import full_address, position
from ..helpers import Helpers
from ..i18n import translations
from ..render import render_document
from ..site_files import hashed_name
from ..sitemodel import Entry
from .opendata import located_stops, track_url

if TYPE_CHECKING:
    from ..render_context import RenderContext

MAP_PATH = "/map/"
VENDOR = "vendor/leaflet/"


def outputs(ctx: RenderContext) -> dict[str, functools.partial]:
    return {f"/{ctx.lang}{MAP_PATH}": functools.partial(render_map, ctx)}


def anchor(entry: Entry) -> str:
    """The fragment naming an item on the map page: `place-12`."""
    return f"{entry.kind}-{entry.page['id']}"


def _point(entry: Entry, where: tuple[float, float], **extra: object) -> dict:
    return {
        "id": anchor(entry),
        "kind": entry.kind,
        "title": entry.page["title"],
        "url": entry.url,
        "lat": where[1],
        "lon": where[0],
        **extra,
    }


def map_items(ctx: RenderContext) -> dict[str, list[tuple[Entry, dict]]]:
    """What the map shows, by kind: (entry, its marker or line) in list order."""
    model, lang = ctx.model, ctx.lang
    t = Helpers(ctx, Entry({"id": 0}, lang, f"/{lang}{MAP_PATH}"))
    found: dict[str, list[tuple[Entry, dict]]] = {}
    for kind in ("place", "business"):
        rows = []
        for entry in t.by_title(model.of_kind(lang, kind)):
            where = position(entry.page)
            if where is not None:
                detail = full_address(entry.page)
                rows.append((entry, _point(entry, where, detail=detail)))
        found[kind] = rows
    found["event"] = []
    for entry in t.upcoming(model.of_kind(lang, "event")):
        venue = model.page_in(entry.page.get("venue"), lang)
        where = position(venue)
        if venue is not None and where is not None:
            when = t.when(entry.page, "medium", upcoming=True).striptags()
            detail = f"{when} · {venue['title']}"
            found["event"].append((entry, _point(entry, where, detail=detail)))
    found["itinerary"] = []
    for entry in t.by_title(model.of_kind(lang, "itinerary")):
        stops = located_stops(entry, model)
        if stops:
            line = {
                "id": anchor(entry),
                "kind": "itinerary",
                "title": entry.page["title"],
                "url": entry.url,
                "track": track_url(entry),
                "path": [[w[1], w[0]] for _place, w, _note in stops],
            }
            found["itinerary"].append((entry, line))
    return found


def render_map(ctx: RenderContext) -> str:
    """The map page: the list of `map_items`, and the same as JSON for map.js."""
    _ = translations(ctx.lang).gettext
    items = map_items(ctx)
    languages = ctx.model.snapshot.languages
    return render_document(
        "map",
        ctx,
        path=MAP_PATH,
        title=_("Map"),
        items=items,
        features=features(items),
        anchor=anchor,
        alternates=[(lang, f"/{lang}{MAP_PATH}") for lang in languages],
    )


def features(items: dict[str, list[tuple[Entry, dict]]]) -> list[dict]:
    """What map.js draws: one marker per position, listing every item there
    (an event at its venue's marker, two businesses in one building), so none
    hides another out of reach of a pointer or the keyboard; and the
    itineraries' lines. In the order of the page's list."""
    drawn: list[dict] = []
    markers: dict[tuple[float, float], dict] = {}
    for rows in items.values():
        for _entry, feature in rows:
            if "path" in feature:
                drawn.append(feature)
                continue
            where = (feature["lat"], feature["lon"])
            if where not in markers:
                markers[where] = {"lat": where[0], "lon": where[1], "items": []}
                drawn.append(markers[where])
            listed = {k: v for k, v in feature.items() if k not in ("lat", "lon")}
            markers[where]["items"].append(listed)
    return drawn


def assets(leaflet: Path | None = None) -> dict[str, bytes]:
    """Leaflet's script, stylesheet and images, to publish with the theme's.

    The stylesheet names its images relatively: they get hashed names, so its
    `url(images/…)` are rewritten to them.
    """
    leaflet = leaflet or resources.leaflet()
    found = {
        f"{VENDOR}images/{path.name}": path.read_bytes()
        for path in sorted((leaflet / "images").glob("*.png"))
    }
    script = (leaflet / "leaflet.js").read_bytes()
    found[f"{VENDOR}leaflet.js"] = re.sub(
        rb"\n//# sourceMappingURL=\S+\s*$", b"\n", script
    )
    css = (leaflet / "leaflet.css").read_text("utf-8")

    def image(match: re.Match) -> str:
        name = f"images/{match[1]}"
        data = found.get(f"{VENDOR}{name}")
        return f"url({hashed_name(name, data)})" if data else match[0]

    found[f"{VENDOR}leaflet.css"] = re.sub(
        r"url\(images/([\w.-]+)\)", image, css
    ).encode()
    return found
