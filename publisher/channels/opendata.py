"""Open data: GeoJSON of the places, businesses and itineraries, GPX of routes.

Per language, `/<lang>/data/{places,businesses,itineraries}.geojson` (RFC 7946:
WGS84, `[longitude, latitude]`), each carrying the territory's open-data
licence, and next to every itinerary with a located stop a GPX 1.1 track,
`<itinerary URL>track.gpx`. Features are sorted by id and nothing is dated, so
the same snapshot gives the same bytes.
"""

from __future__ import annotations

import functools
import json
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from ..addresses import Position, full_address, position
from ..i18n import translations
from ..identifiers import same_as

if TYPE_CHECKING:
    from ..render_context import RenderContext
    from ..sitemodel import Entry, SiteModel

DATA_PATH = "/data/"
DATASETS = {"places": "place", "businesses": "business", "itineraries": "itinerary"}
TRACK = "track.gpx"
GPX_NS = "http://www.topografix.com/GPX/1/1"


def located_stops(entry: Entry, model: SiteModel) -> list[tuple[dict, Position, str]]:
    """An itinerary's stops that have coordinates, in order: (place, position,
    note)."""
    found = []
    for stop in entry.page.get("stops") or []:
        place = model.page_in(stop.get("place"), entry.lang)
        where = position(place)
        if place is not None and where is not None:
            found.append((place, where, stop.get("note") or ""))
    return found


def track_url(entry: Entry) -> str:
    return f"{entry.url}{TRACK}"


def dataset_url(lang: str, name: str) -> str:
    return f"/{lang}{DATA_PATH}{name}.geojson"


def outputs(ctx: RenderContext) -> dict[str, functools.partial]:
    found = {
        dataset_url(ctx.lang, name): functools.partial(geojson, ctx, kind)
        for name, kind in DATASETS.items()
    }
    for entry in ctx.model.of_kind(ctx.lang, "itinerary"):
        if located_stops(entry, ctx.model):
            found[track_url(entry)] = functools.partial(gpx, ctx, entry)
    return found


def _licence(ctx: RenderContext) -> tuple[dict, str]:
    """The territory's open-data licence and the attribution it asks for."""
    territory = ctx.model.snapshot.territory
    licence = territory.get("open_data_licence") or {}
    attribution = translations(ctx.lang).gettext(
        "© %(publisher)s, open data under the %(licence)s licence"
    ) % {"publisher": territory.get("name", ""), "licence": licence.get("name", "")}
    return (
        {"name": licence.get("name", ""), "url": licence.get("url", "")},
        attribution,
    )


def _absolute(ctx: RenderContext, url: str | None) -> str | None:
    if url is None:
        return None
    return f"{ctx.model.snapshot.territory.get('base_url', '')}{url}"


def _properties(ctx: RenderContext, entry: Entry) -> dict:
    page = entry.page
    properties = {
        "id": page["id"],
        "title": page["title"],
        "summary": page.get("summary") or "",
        "url": _absolute(ctx, entry.url),
    }
    if entry.kind == "place":
        properties["kind"] = page.get("kind") or "other"
        # Its URIs in Wikidata and the heritage catalogue ([] when none).
        properties["sameAs"] = same_as(page)
    elif entry.kind == "business":
        properties["category"] = page.get("category") or "other"
    if entry.kind in ("place", "business"):
        properties["address"] = full_address(page)
        for field in ("postal_code", "locality", "country"):
            properties[field] = page.get(field) or ""
    return properties


def _feature(ctx: RenderContext, entry: Entry) -> dict | None:
    if entry.kind != "itinerary":
        where = position(entry.page)
        if where is None:
            return None
        geometry = {"type": "Point", "coordinates": list(where)}
        return {
            "type": "Feature",
            "id": entry.page["id"],
            "geometry": geometry,
            "properties": _properties(ctx, entry),
        }
    stops = located_stops(entry, ctx.model)
    if not stops:
        return None
    page = entry.page
    properties = {
        **_properties(ctx, entry),
        "mode": page.get("mode") or "",
        "difficulty": page.get("difficulty") or "",
        "duration_minutes": page.get("duration_minutes"),
        "distance_km": page.get("distance_km"),
        "track": _absolute(ctx, track_url(entry)),
        "stops": [
            {
                "id": place["id"],
                "title": place["title"],
                "url": _absolute(ctx, ctx.model.url_for(place["id"], ctx.lang)),
            }
            for place, _where, _note in stops
        ],
    }
    # A line needs two positions (RFC 7946, 3.1.4): one stop is a point.
    geometry = (
        {"type": "LineString", "coordinates": [list(w) for _place, w, _note in stops]}
        if len(stops) > 1
        else {"type": "Point", "coordinates": list(stops[0][1])}
    )
    return {
        "type": "Feature",
        "id": page["id"],
        "geometry": geometry,
        "properties": properties,
    }


def feature_collection(ctx: RenderContext, kind: str) -> dict:
    """The located pages of a kind in this language, as GeoJSON."""
    entries = sorted(ctx.model.of_kind(ctx.lang, kind), key=lambda e: e.page["id"])
    features = [f for f in (_feature(ctx, e) for e in entries) if f is not None]
    licence, attribution = _licence(ctx)
    collection: dict = {"type": "FeatureCollection"}
    positions = [
        point
        for f in features
        for point in (
            f["geometry"]["coordinates"]
            if f["geometry"]["type"] == "LineString"
            else [f["geometry"]["coordinates"]]
        )
    ]
    if positions:
        lons, lats = [p[0] for p in positions], [p[1] for p in positions]
        collection["bbox"] = [min(lons), min(lats), max(lons), max(lats)]
    collection |= {"license": licence, "attribution": attribution, "features": features}
    return collection


def geojson(ctx: RenderContext, kind: str) -> str:
    """Compact: smaller for the map on a weak network, and encoded in C
    (Python indents JSON in pure Python, five times slower)."""
    collection = feature_collection(ctx, kind)
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str):
    element = ET.SubElement(parent, tag, attrs)
    if text:
        element.text = text
    return element


def _link(parent: ET.Element, href: str | None, text: str) -> None:
    if href:
        _sub(_sub(parent, "link", href=href), "text", text)


def gpx(ctx: RenderContext, entry: Entry) -> bytes:
    """An itinerary as GPX 1.1: its stops as waypoints and a track through them."""
    model, page = ctx.model, entry.page
    stops = located_stops(entry, model)
    territory = model.snapshot.territory
    licence, attribution = _licence(ctx)
    url = _absolute(ctx, entry.url)
    root = ET.Element("gpx", {"xmlns": GPX_NS, "version": "1.1", "creator": "Vetrina"})
    metadata = _sub(root, "metadata")
    _sub(metadata, "name", page["title"])
    _sub(metadata, "desc", page.get("summary") or attribution)
    _sub(_sub(metadata, "author"), "name", territory.get("name", ""))
    copyright = _sub(metadata, "copyright", author=territory.get("name", ""))
    if licence["url"]:
        _sub(copyright, "license", licence["url"])
    _link(metadata, url, page["title"])
    lons, lats = [s[1][0] for s in stops], [s[1][1] for s in stops]
    _sub(
        metadata,
        "bounds",
        minlat=f"{min(lats):.6f}",
        minlon=f"{min(lons):.6f}",
        maxlat=f"{max(lats):.6f}",
        maxlon=f"{max(lons):.6f}",
    )
    for place, (lon, lat), note in stops:
        point = _sub(root, "wpt", lat=f"{lat:.6f}", lon=f"{lon:.6f}")
        _sub(point, "name", place["title"])
        _sub(point, "desc", note or place.get("summary") or None)
        _link(
            point, _absolute(ctx, model.url_for(place["id"], ctx.lang)), place["title"]
        )
    track = _sub(root, "trk")
    _sub(track, "name", page["title"])
    _link(track, url, page["title"])
    segment = _sub(track, "trkseg")
    for _place, (lon, lat), _note in stops:
        _sub(segment, "trkpt", lat=f"{lat:.6f}", lon=f"{lon:.6f}")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
