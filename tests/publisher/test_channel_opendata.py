"""Maps and open data: GeoJSON and GPX files, the map page and its links."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from publisher import resources
from publisher.build import BuildOptions, publish_territory
from publisher.channels.opendata import outputs as opendata_outputs
from publisher.render import RenderContext, render_page
from publisher.site_outputs import site_outputs
from publisher.sitemodel import SiteModel
from publisher.snapshot import Snapshot
from tests.linkcheck import broken_links
from tests.publisher.test_theme import HOSTILE, PLACE, TERRITORY, event, item
from tests.snapshots import BUSINESS, ITINERARY, build_site

GPX = "{http://www.topografix.com/GPX/1/1}"
DUOMO = (18.169216, 40.351873)  # (longitude, latitude), as GeoJSON has them
CROCE = (18.171906, 40.354203)
CASTELLO = (18.173541, 40.352596)
ARCO = "https://w3id.org/arco/resource/ArchitecturalOrLandscapeHeritage/1600123456"
IDENTIFIERS = {"wikidata_id": "Q1057506", "heritage_record": ARCO}


def place(id, slug, title, where=None, **fields):
    lon, lat = where or (None, None)
    return item(
        id,
        "places.PlacePage",
        f"/luoghi/{slug}/",
        title=title,
        **{**PLACE, "latitude": lat and f"{lat:.6f}", "longitude": lon, **fields},
    )


def pages():
    return [
        item(1, "territories.TerritoryHomePage", "/", key="home"),
        item(2, "places.PlacesIndexPage", "/luoghi/", intro=""),
        item(3, "events.EventsIndexPage", "/eventi/", intro=""),
        item(4, "itineraries.ItinerariesIndexPage", "/itinerari/", intro=""),
        place(5, "duomo", "Duomo", DUOMO, address="Piazza Duomo"),
        place(6, "croce", HOSTILE, CROCE, summary=HOSTILE, kind="church"),
        place(7, "altrove", "Senza coordinate"),
        place(8, "castello", "Castello", CASTELLO, kind="monument", **IDENTIFIERS),
        item(
            9,
            "offers.BusinessPage",
            "/attivita/bottega/",
            title="Bottega",
            **{**BUSINESS, "latitude": "40.353000", "longitude": "18.170000"},
        ),
        item(
            10,
            "offers.BusinessPage",
            "/attivita/lontana/",
            title="Bottega senza mappa",
            **BUSINESS,
        ),
        item(
            11,
            "itineraries.ItineraryPage",
            "/itinerari/centro/",
            title=f"Centro {HOSTILE}",
            stops=[
                {"place": 8, "note": "Inizio"},
                {"place": 7, "note": "Nessuna coordinata"},
                {"place": 5, "note": f"Nota {HOSTILE}"},
                {"place": 6, "note": ""},
            ],
            **ITINERARY,
        ),
        item(
            12,
            "itineraries.ItineraryPage",
            "/itinerari/ignoto/",
            title="Ignoto",
            stops=[{"place": 7, "note": ""}],
            **ITINERARY,
        ),
        event(13, "2026-12-05T18:00:00+01:00", title="Concerto", venue=5),
        event(14, "2026-10-01T18:00:00+02:00", title="Concerto passato", venue=5),
        event(15, "2026-12-06T18:00:00+01:00", title="Senza luogo"),
        event(16, "2026-12-07T18:00:00+01:00", title="Al chiuso", venue=7),
    ]


@pytest.fixture
def site():
    return SiteModel.build(Snapshot(TERRITORY, "2026-11-25", pages()))


def ctx(site, lang="it"):
    return RenderContext(site, lang, build_date="2026-11-25")


def output(site, url, lang="it"):
    return site_outputs(ctx(site, lang))[url]()


def geojson(site, name, lang="it"):
    return json.loads(output(site, f"/{lang}/data/{name}.geojson", lang))


def map_page(site, lang="it"):
    return output(site, f"/{lang}/map/", lang)


def main(html):
    return html[html.index("<main") : html.index("</main>")]


def test_geojson_files_are_feature_collections_in_lon_lat_with_the_licence(site):
    for name in ("places", "businesses", "itineraries"):
        data = geojson(site, name)
        assert data["type"] == "FeatureCollection"
        assert data["license"] == {"name": "CC BY 4.0", "url": "https://x"}
        assert "Lecce" in data["attribution"] and "CC BY 4.0" in data["attribution"]
        assert data["features"]
        for feature in data["features"]:
            assert feature["type"] == "Feature"
            geometry = feature["geometry"]
            points = (
                geometry["coordinates"]
                if geometry["type"] == "LineString"
                else [geometry["coordinates"]]
            )
            for lon, lat in points:
                assert -180 <= lon <= 180 and -90 <= lat <= 90
            url = feature["properties"]["url"]
            assert url.startswith("https://lecce.example.org/it/"), url
    places = geojson(site, "places")["features"]
    assert [f["id"] for f in places] == [5, 6, 8]  # no coordinates, not a point
    duomo = places[0]
    assert duomo["geometry"] == {"type": "Point", "coordinates": list(DUOMO)}
    assert duomo["properties"] == {
        "id": 5,
        "title": "Duomo",
        "summary": "",
        "url": "https://lecce.example.org/it/luoghi/duomo/",
        "kind": "museum",
        "address": "Piazza Duomo",
        # Its parts, in every feature (empty when the CMS has none): one schema.
        "postal_code": "",
        "locality": "",
        "country": "",
        "sameAs": [],
    }
    assert places[1]["properties"]["title"] == HOSTILE  # data, kept as written
    (bottega,) = geojson(site, "businesses")["features"]
    assert bottega["geometry"]["coordinates"] == [18.17, 40.353]
    assert bottega["properties"]["category"] == "craft"
    assert geojson(site, "places", "en")["features"][0]["properties"]["url"] == (
        "https://lecce.example.org/en/luoghi/duomo/"
    )


def test_a_place_gives_its_wikidata_and_heritage_catalogue_uris(site):
    castello = geojson(site, "places")["features"][2]
    assert castello["properties"]["sameAs"] == [
        "https://www.wikidata.org/entity/Q1057506",
        ARCO,
    ]
    # The same in every language: identifiers are not translated.
    english = geojson(site, "places", "en")["features"][2]["properties"]
    assert english["sameAs"] == castello["properties"]["sameAs"]


def test_itineraries_are_lines_through_their_located_stops_in_order(site):
    (route,) = geojson(site, "itineraries")["features"]  # "Ignoto" has no stop
    assert route["geometry"] == {
        "type": "LineString",
        "coordinates": [list(CASTELLO), list(DUOMO), list(CROCE)],
    }
    properties = route["properties"]
    assert properties["track"] == (
        "https://lecce.example.org/it/itinerari/centro/track.gpx"
    )
    assert [stop["id"] for stop in properties["stops"]] == [8, 5, 6]


def test_gpx_track_is_gpx_1_1_with_waypoints_and_a_track(site):
    urls = opendata_outputs(ctx(site))
    assert "/it/itinerari/centro/track.gpx" in urls
    assert "/it/itinerari/ignoto/track.gpx" not in urls  # nothing to follow
    data = output(site, "/it/itinerari/centro/track.gpx")
    assert isinstance(data, bytes) and data.startswith(b"<?xml")
    assert b"<img" not in data  # escaped, not markup
    root = ET.fromstring(data)  # noqa: S314 our own output
    assert root.tag == f"{GPX}gpx" and root.get("version") == "1.1"
    metadata = root.find(f"{GPX}metadata")
    assert metadata.findtext(f"{GPX}name") == f"Centro {HOSTILE}"
    assert metadata.find(f"{GPX}link").get("href") == (
        "https://lecce.example.org/it/itinerari/centro/"
    )
    assert metadata.find(f"{GPX}copyright").get("author") == "Lecce"
    assert metadata.findtext(f"{GPX}copyright/{GPX}license") == "https://x"
    waypoints = root.findall(f"{GPX}wpt")
    assert [w.findtext(f"{GPX}name") for w in waypoints] == [
        "Castello",
        "Duomo",
        HOSTILE,
    ]
    assert waypoints[1].findtext(f"{GPX}desc") == f"Nota {HOSTILE}"
    assert (waypoints[0].get("lat"), waypoints[0].get("lon")) == (
        "40.352596",
        "18.173541",
    )
    points = root.findall(f"{GPX}trk/{GPX}trkseg/{GPX}trkpt")
    assert [(float(p.get("lon")), float(p.get("lat"))) for p in points] == [
        CASTELLO,
        DUOMO,
        CROCE,
    ]


def test_channel_files_are_the_same_bytes_every_time(site):
    first, again = ctx(site), ctx(SiteModel.build(Snapshot(TERRITORY, "2026-11-25",
                                                           pages())))  # fmt: skip
    for url in (*opendata_outputs(first), "/it/map/"):
        assert site_outputs(first)[url]() == site_outputs(again)[url]()


def test_without_javascript_the_map_page_lists_everything_it_maps(site):
    html = main(map_page(site))
    for anchor, url in (
        ("place-5", "/it/luoghi/duomo/"),
        ("place-6", "/it/luoghi/croce/"),
        ("place-8", "/it/luoghi/castello/"),
        ("business-9", "/it/attivita/bottega/"),
        ("event-13", "/it/eventi/e13/"),
        ("itinerary-11", "/it/itinerari/centro/"),
    ):
        assert re.search(rf'<li id="{anchor}"><a href="{url}">', html), anchor
    assert '<a href="/it/itinerari/centro/track.gpx"' in html
    for absent in ("Senza coordinate", "Bottega senza mappa", "Concerto passato",
                   "Senza luogo", "Al chiuso", "Ignoto"):  # fmt: skip
        assert absent not in html, absent
    assert "<h2>Luoghi da visitare</h2>" in html and "<h3>Chiese</h3>" in html
    assert '<time datetime="2026-12-05T18:00:00+01:00">' in html  # the event's date
    island = re.search(
        r'<script type="application/json" id="map-data">(.*?)</script>', html, re.S
    )
    features = json.loads(island[1])
    listed = [f.get("items", [f]) for f in features]
    assert sorted(item["id"] for items in listed for item in items) == [
        "business-9", "event-13", "itinerary-11", "place-5", "place-6", "place-8"
    ]  # fmt: skip
    # The event shares its venue's marker: one marker per position.
    duomo = next(f for f in features if f.get("lat") == DUOMO[1])
    assert [item["id"] for item in duomo["items"]] == ["place-5", "event-13"]
    assert len({(f["lat"], f["lon"]) for f in features if "lat" in f}) == len(
        [f for f in features if "lat" in f]
    )
    line = next(f for f in features if f.get("id") == "itinerary-11")
    assert line["path"][0] == [CASTELLO[1], CASTELLO[0]]  # Leaflet: [lat, lon]


def test_hostile_titles_are_escaped_on_the_map_page(site):
    html = map_page(site)
    assert HOSTILE not in html
    island = html[html.index('id="map-data">') : html.index("</script>")]
    assert "<" not in island.removeprefix('id="map-data">')  # \u003c in the JSON
    assert "&lt;img src=x" in main(html)
    assert '<script src="' in html and "<script>" not in html  # no inline code


def test_the_map_page_is_translated_and_right_to_left_in_arabic(site):
    html = map_page(site, "ar")
    assert '<html lang="ar" dir="rtl">' in html
    assert "<h1>الخريطة</h1>" in html
    assert 'aria-label="خريطة الأماكن' in html
    assert '<a href="/ar/luoghi/duomo/">Duomo</a>' in html  # shown in Italian
    assert 'hreflang="it"' in html  # the same page in the other languages


def test_pages_link_to_the_map_and_the_track(site):
    def page(url, lang="it"):
        entry = next(e for e in site.entries[lang] if e.url == url)
        return main(render_page(entry, ctx(site, lang)))

    duomo = page("/it/luoghi/duomo/")
    assert '<a href="/it/map/#place-5">Vedi sulla mappa</a>' in duomo
    assert "/it/map/" not in page("/it/luoghi/altrove/")  # not on the map
    assert '<a href="/it/map/#business-9">' in page("/it/attivita/bottega/")
    route = page("/it/itinerari/centro/")
    assert '<a href="/it/map/#itinerary-11">' in route
    assert '<a href="/it/itinerari/centro/track.gpx" download' in route
    assert "Scarica il percorso (GPX)" in route
    assert "track.gpx" not in page("/it/itinerari/ignoto/")
    assert "Auf der Karte" not in duomo
    assert "اعرض على الخريطة" in page("/ar/luoghi/duomo/", "ar")
    footer = render_page(site.entries["en"][0], ctx(site, "en"))
    footer = footer[footer.index("<footer") :]
    assert '<a href="/en/map/">Map</a>' in footer
    assert '<a href="/en/data/places.geojson" type="application/geo+json">' in footer
    assert '<a href="https://x" rel="license">Licence: CC BY 4.0</a>' in footer


def test_a_real_build_serves_leaflet_and_the_channel_files(tmp_path):
    site = build_site(tmp_path, pages())
    for lang in ("it", "en", "ar"):
        for name in ("places", "businesses", "itineraries"):
            json.loads((site / lang / "data" / f"{name}.geojson").read_text())
        assert (site / lang / "itinerari/centro/track.gpx").is_file()
    html = (site / "it/map/index.html").read_text()
    scripts = re.findall(r'<script src="(/static/[^"]+)" defer>', html)
    assert [s.rsplit("/", 1)[1].split(".")[0] for s in scripts] == ["leaflet", "map"]
    styles = re.findall(r'href="(/static/vendor/leaflet/[^"]+\.css)"', html)
    icons = re.findall(r'data-[a-z0-9-]+="(/static/[^"]+\.png)"', html)
    assert len(styles) == 1 and len(icons) == 3
    for url in (*scripts, *styles, *icons):
        assert (site / url.lstrip("/")).is_file(), url
    css = (site / styles[0].lstrip("/")).read_text()
    images = re.findall(r"url\((images/[^)]+)\)", css)
    assert len(images) == 3
    for image in images:
        assert (site / styles[0].lstrip("/")).parent.joinpath(image).is_file()
    ours = ("/map/", "/data/", "track.gpx", "/vendor/", "/js/map")
    assert [p for p in broken_links(site) if any(o in p for o in ours)] == []


def test_the_build_says_to_run_npm_ci_when_leaflet_is_missing(tmp_path, monkeypatch):
    """A wheel built from a checkout without `npm ci` has no Leaflet."""
    empty = tmp_path / "installed"
    empty.mkdir()
    monkeypatch.setattr(resources, "files", lambda package: empty)
    snapshot = Snapshot(TERRITORY, "2026-11-25", pages())
    snapshot.save(tmp_path / "snapshots")
    options = BuildOptions(api="http://unused", out=tmp_path / "dist",
                           content=tmp_path, jobs=1)  # fmt: skip
    with pytest.raises(resources.ResourceMissing, match="npm ci"):
        publish_territory(snapshot, options, progress=lambda message: None)
    assert not (tmp_path / "dist" / "lecce").exists()
