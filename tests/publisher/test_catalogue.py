"""The DCAT-AP_IT catalogue of a territory's open data, as dati.gov.it harvests
it: valid against the profile's mandatory properties (SHACL, pySHACL), and
listing every open-data file the build wrote."""

from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from publisher import catalogue
from publisher.build import BuildOptions, publish_territory
from publisher.render import RenderContext
from publisher.site_outputs import site_outputs
from publisher.sitemodel import SiteModel
from publisher.snapshot import Snapshot
from tests.publisher.test_channel_opendata import pages as opendata_pages
from tests.publisher.test_theme import TERRITORY, item
from tests.snapshots import STORY

# Plain namespaces (pytest's collection trips over rdflib's closed ones), read
# with [] as Namespace is a str: `.title` and `.format` would be its methods.
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCATAPIT = Namespace("http://dati.gov.it/onto/dcatapit#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
SH = Namespace("http://www.w3.org/ns/shacl#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SHAPES = Path(__file__).parent / "shapes" / "dcat-ap_it.shapes.ttl"
BASE = TERRITORY["base_url"]
AUTHORITY = "http://publications.europa.eu/resource/authority/"
PUBLISHED = {
    **TERRITORY,
    "open_data_publisher": {"name": "Comune di Lecce", "identifier": "c_e506"},
    "contacts": {"email": "dati@lecce.example.org", "phone": "", "address": ""},
}
# What a harvester takes for open data: every file of these kinds.
OPEN_DATA = ("*.geojson", "*.gpx", "*.ics", "feed.atom", "feed.json")


def pages():
    return [
        *opendata_pages(),
        item(30, "stories.StoriesIndexPage", "/storie/", intro=""),
        item(31, "stories.StoryPage", "/storie/barocco/", title="Il barocco",
             **{**STORY, "related_places": [], "audiences": []}),
    ]  # fmt: skip


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The territory published once, as the build does it."""
    root = tmp_path_factory.mktemp("catalogue")
    snapshot = Snapshot(PUBLISHED, "2026-11-25", pages())
    options = BuildOptions(api="http://unused", out=root / "dist", content=root)
    publish_territory(snapshot, options, progress=lambda message: None)
    return root / "dist" / TERRITORY["slug"]


def parsed(data: bytes, format: str = "xml") -> Graph:
    return Graph().parse(data=data, format=format)


def shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


def violations(graph: Graph) -> tuple[bool, str, set[tuple]]:
    """Whether the graph conforms, the report, and each violation's (focus
    node, property)."""
    conforms, report, text = pyshacl.validate(
        graph, shacl_graph=shapes(), inference="none", allow_warnings=False
    )
    found = {
        (report.value(result, SH["focusNode"]), report.value(result, SH["resultPath"]))
        for result in report.subjects(RDF["type"], SH["ValidationResult"])
    }
    return conforms, text, found


def graph_of(territory: dict, page_list: list[dict]) -> Graph:
    """The catalogue of every URL the build would write, without building."""
    model = SiteModel.build(Snapshot(territory, "2026-11-25", page_list))
    urls = [
        url
        for lang in model.snapshot.languages
        for url in site_outputs(RenderContext(model, lang, build_date="2026-11-25"))
    ]
    return parsed(catalogue.rdf_xml(catalogue.graph(model, urls)))


def test_the_catalogue_conforms_to_the_dcat_ap_it_shapes(built):
    graph = parsed((built / "data" / "catalog.rdf").read_bytes())
    conforms, text, _found = violations(graph)
    assert conforms, text
    # The shapes looked at something: one catalogue, five datasets.
    assert len(set(graph.subjects(RDF["type"], DCATAPIT["Catalog"]))) == 1
    assert len(set(graph.subjects(RDF["type"], DCATAPIT["Dataset"]))) == 5


def test_the_turtle_beside_it_is_the_same_graph(built):
    xml = parsed((built / "data" / "catalog.rdf").read_bytes())
    ttl = parsed((built / "data" / "catalog.ttl").read_bytes(), "turtle")
    assert len(xml) > 100 and isomorphic(xml, ttl)


def test_the_catalogue_lists_every_open_data_file_the_build_wrote(built):
    graph = parsed((built / "data" / "catalog.rdf").read_bytes())
    written = {
        f"{BASE}/{path.relative_to(built).as_posix()}"
        for pattern in OPEN_DATA
        for path in built.rglob(pattern)
    }
    listed = {str(url) for url in graph.objects(None, DCAT["downloadURL"])}
    assert listed == written
    # Every kind of file, in every language.
    for lang in ("it", "en", "ar"):
        for path in (
            "data/places.geojson",
            "data/businesses.geojson",
            "data/itineraries.geojson",
            "itinerari/centro/track.gpx",
            "calendar.ics",
            "eventi/e13/event.ics",
            "feed.atom",
            "feed.json",
        ):
            assert f"{BASE}/{lang}/{path}" in listed
    # Each file once, and the same as its access URL.
    distributions = set(graph.subjects(RDF["type"], DCATAPIT["Distribution"]))
    assert len(distributions) == len(written)
    for distribution in distributions:
        assert graph.value(distribution, DCAT["accessURL"]) == graph.value(
            distribution, DCAT["downloadURL"]
        )


def test_each_file_says_its_format_language_and_licence(built):
    graph = parsed((built / "data" / "catalog.rdf").read_bytes())

    def distribution(path):
        return graph.value(None, DCAT["downloadURL"], URIRef(f"{BASE}{path}"))

    formats = {
        "/en/data/places.geojson": "GEOJSON",
        "/en/itinerari/centro/track.gpx": "GPX",
        "/en/calendar.ics": "ICS",
        "/en/feed.atom": "ATOM",
        "/en/feed.json": "JSON",
    }
    for path, code in formats.items():
        found = distribution(path)
        assert graph.value(found, DCTERMS["format"]) == URIRef(
            f"{AUTHORITY}file-type/{code}"
        )
        assert graph.value(found, DCTERMS["language"]) == URIRef(
            f"{AUTHORITY}language/ENG"
        )
    licence = graph.value(distribution("/it/data/places.geojson"), DCTERMS["license"])
    assert licence == URIRef(
        "https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40"
    )
    assert graph.value(licence, DCTERMS["type"]) == URIRef(
        "http://purl.org/adms/licencetype/Attribution"
    )
    # A track is named after its itinerary, in its language.
    track = distribution("/it/itinerari/centro/track.gpx")
    (title,) = graph.objects(track, DCTERMS["title"])
    assert title.language == "it" and str(title).startswith("Centro <img")
    # The publisher as dati.gov.it knows it, and who answers for the data.
    places = graph.value(None, DCAT["distribution"], distribution("/it/feed.atom"))
    agent = graph.value(places, DCTERMS["rightsHolder"])
    assert graph.value(agent, DCTERMS["identifier"]) == Literal("c_e506")
    assert graph.value(agent, FOAF["name"]) == Literal("Comune di Lecce")
    contact = graph.value(places, DCAT["contactPoint"])
    assert graph.value(contact, VCARD["hasEmail"]) == URIRef(
        "mailto:dati@lecce.example.org"
    )
    assert graph.value(places, DCAT["theme"]) == URIRef(f"{AUTHORITY}data-theme/EDUC")


def test_the_footer_links_the_catalogue(built):
    html = (built / "en" / "map" / "index.html").read_text()
    assert 'href="/data/catalog.rdf" type="application/rdf+xml"' in html


@pytest.mark.parametrize(
    ("kind", "path"),
    [
        (DCATAPIT["Catalog"], DCTERMS["title"]),
        (DCATAPIT["Catalog"], DCTERMS["description"]),
        (DCATAPIT["Catalog"], DCTERMS["publisher"]),
        (DCATAPIT["Catalog"], DCTERMS["modified"]),
        (DCATAPIT["Catalog"], FOAF["homepage"]),
        (DCATAPIT["Catalog"], DCAT["dataset"]),
        (DCATAPIT["Dataset"], DCTERMS["identifier"]),
        (DCATAPIT["Dataset"], DCTERMS["title"]),
        (DCATAPIT["Dataset"], DCTERMS["description"]),
        (DCATAPIT["Dataset"], DCTERMS["modified"]),
        (DCATAPIT["Dataset"], DCAT["theme"]),
        (DCATAPIT["Dataset"], DCTERMS["rightsHolder"]),
        (DCATAPIT["Dataset"], DCTERMS["accrualPeriodicity"]),
        (DCATAPIT["Dataset"], DCAT["distribution"]),
        (DCATAPIT["Distribution"], DCTERMS["format"]),
        (DCATAPIT["Distribution"], DCAT["accessURL"]),
        (DCATAPIT["Distribution"], DCTERMS["license"]),
        (DCATAPIT["Agent"], DCTERMS["identifier"]),
        (DCATAPIT["Agent"], FOAF["name"]),
        (DCATAPIT["LicenseDocument"], DCTERMS["type"]),
        (DCATAPIT["LicenseDocument"], FOAF["name"]),
        (DCATAPIT["Organization"], VCARD["hasEmail"]),
    ],
)
def test_the_shapes_catch_a_missing_mandatory_property(built, kind, path):
    graph = parsed((built / "data" / "catalog.rdf").read_bytes())
    subject = sorted(graph.subjects(RDF["type"], kind))[0]
    assert (subject, path, None) in graph
    graph.remove((subject, path, None))
    conforms, _text, found = violations(graph)
    assert not conforms
    assert (subject, path) in found


def test_the_shapes_catch_values_from_no_vocabulary(built):
    graph = parsed((built / "data" / "catalog.rdf").read_bytes())
    distribution = sorted(graph.subjects(RDF["type"], DCATAPIT["Distribution"]))[0]
    graph.set((distribution, DCTERMS["format"], Literal("GeoJSON")))
    dataset = sorted(graph.subjects(RDF["type"], DCATAPIT["Dataset"]))[0]
    graph.set((dataset, DCAT["theme"], URIRef("https://example.org/culture")))
    conforms, _text, found = violations(graph)
    assert not conforms
    assert found == {(distribution, DCTERMS["format"]), (dataset, DCAT["theme"])}


def test_without_a_publisher_identifier_the_catalogue_still_names_one():
    """A territory that has not given its IPA code yet: its name and address
    stand in, so the file stays valid until an editor fills them in."""
    graph = graph_of(TERRITORY, pages())
    conforms, text, _found = violations(graph)
    assert conforms, text
    (agent,) = set(graph.subjects(RDF["type"], DCATAPIT["Agent"]))
    assert graph.value(agent, DCTERMS["identifier"]) == Literal(BASE)
    assert graph.value(agent, FOAF["name"]) == Literal("Lecce")
    assert not set(graph.subjects(RDF["type"], DCATAPIT["Organization"]))  # no e-mail


@pytest.mark.parametrize(
    ("licence", "concept", "kind"),
    [
        ("CC-BY-SA-4.0", "A31_CCBYSA40", "ViralEffect-ShareAlike"),
        ("CC0-1.0", "A11_CCO10", "PublicDomain"),
        ("IODL-2.0", "A29_IODL20", "Attribution"),
    ],
)
def test_each_licence_the_cms_offers_has_its_national_concept(licence, concept, kind):
    territory = {**PUBLISHED, "open_data_licence": {"id": licence, "name": licence}}
    graph = graph_of(territory, pages())
    uri = URIRef(f"https://w3id.org/italia/controlled-vocabulary/licences/{concept}")
    assert set(graph.objects(None, DCTERMS["license"])) == {uri}
    assert graph.value(uri, DCTERMS["type"]) == URIRef(
        f"http://purl.org/adms/licencetype/{kind}"
    )
    assert violations(graph)[0]


def test_the_same_snapshot_gives_the_same_bytes():
    def once():
        model = SiteModel.build(Snapshot(PUBLISHED, "2026-11-25", pages()))
        urls = [
            url
            for lang in model.snapshot.languages
            for url in site_outputs(RenderContext(model, lang))
        ]
        nodes = catalogue.graph(model, urls)
        return catalogue.rdf_xml(nodes), catalogue.turtle(nodes)

    assert once() == once()
