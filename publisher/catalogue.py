"""The territory's open data described in DCAT-AP_IT, for dati.gov.it to harvest.

`/data/catalog.rdf` (RDF/XML, what CKAN's DCAT harvester reads) and the same
graph in Turtle, `/data/catalog.ttl`: one `dcatapit:Catalog` of five datasets
(places, businesses, itineraries with their GPX tracks, the events' calendars,
the news feeds), one `dcatapit:Distribution` per file and language. The files
are those the build writes (`urls`), recognised by their paths, so the
catalogue lists exactly what the site serves.

Written as text, not with ElementTree or rdflib: every build writes it (a
warm edit included), and at 20,000 items it holds one distribution per
event and language. The order is the pages' and the URLs', never a set's, and
nothing reads the clock: the same snapshot gives the same bytes. Dates are the
newest publication of the pages a dataset is made from, else the build's date.

Where the terms come from:
- DCAT-AP_IT, the profile, and what it makes mandatory: AgID's guidelines,
  github.com/italia/linee-guida-cataloghi-dati-dcat-ap-it (`src/*_elementi_*`).
- Themes, frequencies, file types and languages: the EU Publications Office's
  authority tables (publications.europa.eu/resource/authority/…): data-theme
  EDUC (education, culture and sport); frequency UPDATE_CONT (continuously
  updated: every publish rebuilds the site); file-type GEOJSON, GPX, ICS,
  ATOM, JSON.
- Licences: the Italian controlled vocabulary the national catalogue uses,
  w3id.org/italia/controlled-vocabulary/licences (github.com/italia/
  dati-semantic-assets, VocabolariControllati/licences/licences.ttl), typed
  with the ADMS licence types (purl.org/adms/licencetype/), as the guidelines'
  examples do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote

from markupsafe import escape

from .channels.feeds import clean
from .sitemodel import SiteModel

CATALOGUE_RDF = "/data/catalog.rdf"
CATALOGUE_TTL = "/data/catalog.ttl"

PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dcatapit": "http://dati.gov.it/onto/dcatapit#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
AUTHORITY = "http://publications.europa.eu/resource/authority/"
THEMES = f"{AUTHORITY}data-theme"
CULTURE = f"{THEMES}/EDUC"
CONTINUOUSLY_UPDATED = f"{AUTHORITY}frequency/UPDATE_CONT"
# The site's languages in the EU's language table (ISO 639-3 based codes).
LANGUAGES = {"it": "ITA", "en": "ENG", "de": "DEU", "fr": "FRA", "es": "SPA",
             "ar": "ARA"}  # fmt: skip
LICENCE_TYPE = "http://purl.org/adms/licencetype/"
LICENCES_IT = "https://w3id.org/italia/controlled-vocabulary/licences/"
# The CMS's licence ids (cms/territories/models.py): (the national
# vocabulary's concept, its ADMS type).
LICENCES = {
    "CC-BY-4.0": (f"{LICENCES_IT}A21_CCBY40", f"{LICENCE_TYPE}Attribution"),
    "CC-BY-SA-4.0": (
        f"{LICENCES_IT}A31_CCBYSA40",
        f"{LICENCE_TYPE}ViralEffect-ShareAlike",
    ),
    "CC0-1.0": (f"{LICENCES_IT}A11_CCO10", f"{LICENCE_TYPE}PublicDomain"),
    "IODL-2.0": (f"{LICENCES_IT}A29_IODL20", f"{LICENCE_TYPE}Attribution"),
}


@dataclass(frozen=True)
class Format:
    """A file type: the EU's term, and a sentence on the file in it and en."""

    code: str
    it: str
    en: str


GEOJSON = Format(
    "GEOJSON",
    "GeoJSON (RFC 7946): posizioni in WGS84, una feature per pagina.",
    "GeoJSON (RFC 7946): WGS84 positions, one feature per page.",
)
GPX = Format(
    "GPX",
    "GPX 1.1: le tappe come waypoint e una traccia che le unisce.",
    "GPX 1.1: the stops as waypoints and a track through them.",
)
ICS = Format(
    "ICS",
    "iCalendar (RFC 5545), orari di Roma con le ripetizioni.",
    "iCalendar (RFC 5545), Rome times with the repeats.",
)
ATOM = Format("ATOM", "Feed Atom (RFC 4287).", "Atom feed (RFC 4287).")
JSON_FEED = Format("JSON", "JSON Feed 1.1.", "JSON Feed 1.1.")


@dataclass(frozen=True)
class Dataset:
    """One kind of open data: its words in it and en, and the pages it shows."""

    name: str
    title: tuple[str, str]
    description: tuple[str, str]
    keywords: tuple[tuple[str, ...], tuple[str, ...]]
    kinds: tuple[str, ...]  # the pages it is made from: its last change


DATASETS = (
    Dataset(
        "places",
        ("Luoghi della cultura", "Cultural places"),
        (
            "Musei, biblioteche, archivi, chiese, siti e monumenti: nome, tipo, "
            "indirizzo, posizione, pagina web e identificativi in Wikidata e nel "
            "Catalogo generale dei Beni Culturali.",
            "Museums, libraries, archives, churches, sites and monuments: name, "
            "kind, address, position, web page and identifiers in Wikidata and "
            "the national heritage catalogue.",
        ),
        (("luoghi", "musei", "cultura"), ("places", "museums", "culture")),
        ("place",),
    ),
    Dataset(
        "businesses",
        ("Attività della rete", "Businesses of the network"),
        (
            "Botteghe, ristoro, alloggi e guide che aderiscono alla rete: nome, "
            "categoria, indirizzo e posizione.",
            "Shops, food, lodging and guides in the network: name, category, "
            "address and position.",
        ),
        (("attività", "commercio"), ("businesses", "shops")),
        ("business",),
    ),
    Dataset(
        "itineraries",
        ("Itinerari e tracce GPX", "Itineraries and GPX tracks"),
        (
            "Percorsi a piedi, in bici o in auto tra i luoghi: tappe in ordine, "
            "durata, distanza, difficoltà e una traccia GPX per itinerario.",
            "Routes on foot, by bike or by car between the places: stops in "
            "order, duration, distance, difficulty and a GPX track for each.",
        ),
        (("itinerari", "percorsi", "GPX"), ("itineraries", "routes", "GPX")),
        ("itinerary",),
    ),
    Dataset(
        "events",
        ("Calendario degli eventi", "Events calendar"),
        (
            "Gli eventi in programma, in un calendario per lingua e in un file "
            "per evento: date, ripetizioni, luogo e stato.",
            "Upcoming events, in one calendar per language and a file for each "
            "event: dates, repeats, venue and status.",
        ),
        (("eventi", "calendario", "iCalendar"), ("events", "calendar", "iCalendar")),
        ("event",),
    ),
    Dataset(
        "news",
        ("Notizie: storie ed eventi", "News: stories and events"),
        (
            "Le ultime storie ed eventi pubblicati, come feed Atom e JSON Feed.",
            "The latest stories and events published, as Atom and JSON Feed.",
        ),
        (("notizie", "storie", "feed"), ("news", "stories", "feed")),
        ("story", "event"),
    ),
)


def classify(url: str) -> tuple[str, Format] | None:
    """The dataset and format of a file the build writes, or None for a page
    or a file that is no open data."""
    lang, _, rest = url[1:].partition("/")
    if not lang or not rest:
        return None
    if rest.startswith("data/") and rest.endswith(".geojson"):
        name = rest[len("data/") : -len(".geojson")]
        return (
            (name, GEOJSON) if name in ("places", "businesses", "itineraries") else None
        )
    if rest.endswith("/track.gpx"):
        return ("itineraries", GPX)
    if rest == "calendar.ics" or rest.endswith("/event.ics"):
        return ("events", ICS)
    if rest == "feed.atom":
        return ("news", ATOM)
    if rest == "feed.json":
        return ("news", JSON_FEED)
    return None


# The graph: nodes in the order they are written, each with its classes and
# its (property, value) pairs; a value is a URI or a literal.
@dataclass(frozen=True)
class Ref:
    uri: str


@dataclass(frozen=True)
class Literal:
    text: str
    lang: str | None = None
    datatype: str | None = None


@dataclass
class Node:
    uri: str
    types: tuple[str, ...]
    properties: list[tuple[str, Ref | Literal]] = field(default_factory=list)

    def add(self, name: str, value: Ref | Literal | str | None) -> None:
        """Add a value (a str is a URI); nothing for None or an empty one."""
        if isinstance(value, str):
            value = Ref(value) if value else None
        elif isinstance(value, Literal):
            value = Literal(clean(value.text), value.lang, value.datatype)
            value = value if value.text else None
        if value is not None:
            self.properties.append((name, value))

    def words(self, name: str, it: str, en: str) -> None:
        self.add(name, Literal(it, "it"))
        self.add(name, Literal(en, "en"))


def _date(text: str) -> Literal:
    return Literal(text, datatype=f"{PREFIXES['xsd']}date")


def _modified(model: SiteModel, kinds: Iterable[str]) -> str:
    """The newest publication among the pages of these kinds (their last change
    the change feed knows), else the build's date."""
    wanted = set(kinds)
    dates = [
        str(entry.page["meta"].get("last_published_at") or "")[:10]
        for lang in model.snapshot.languages
        for entry in model.entries[lang]
        if entry.kind in wanted
    ]
    return max((d for d in dates if d), default=model.snapshot.build_date)


def _language(code: str) -> str | None:
    return f"{AUTHORITY}language/{LANGUAGES[code]}" if code in LANGUAGES else None


def _landing_pages(model: SiteModel, written: set[str]) -> dict[str, str]:
    """Where a person sees each dataset, in the default language: the map for
    what has a position, the events' and stories' sections for the rest."""
    lang = model.default_language
    found = {}
    if f"/{lang}/map/" in written:
        found = dict.fromkeys(("places", "businesses", "itineraries"), f"/{lang}/map/")
    sections = {"events.EventsIndexPage": "events", "stories.StoriesIndexPage": "news"}
    for entry in model.entries.get(lang, ()):
        dataset = sections.get(entry.page["meta"]["type"])
        if dataset is not None:
            found.setdefault(dataset, entry.url)
    return found


def _dataset(
    dataset: Dataset,
    files: list[tuple[str, Format]],
    model: SiteModel,
    here: str,
    identifier: str,
    modified: str,
    related: tuple[Node, Node | None, Node],
    landing: str | None,
    pages: dict[str, dict],
) -> list[Node]:
    """A dataset and its distributions, one per file."""
    agent, contact, licence = related
    territory = model.snapshot.territory
    base = str(territory.get("base_url") or "").rstrip("/")
    names = {
        lang["code"]: lang.get("name", lang["code"]) for lang in territory["languages"]
    }
    node = Node(f"{here}#{dataset.name}", ("dcatapit:Dataset", "dcat:Dataset"))
    node.add(
        "dct:identifier", Literal(f"{identifier}:{model.snapshot.slug}.{dataset.name}")
    )
    node.words("dct:title", *dataset.title)
    node.words("dct:description", *dataset.description)
    node.add("dct:modified", _date(modified))
    node.add("dcat:theme", CULTURE)
    node.add("dct:rightsHolder", agent.uri)
    node.add("dct:publisher", agent.uri)
    node.add("dct:accrualPeriodicity", CONTINUOUSLY_UPDATED)
    if contact is not None:
        node.add("dcat:contactPoint", contact.uri)
    for lang in model.snapshot.languages:
        node.add("dct:language", _language(lang))
    for code, words in zip(("it", "en"), dataset.keywords, strict=True):
        for word in words:
            node.add("dcat:keyword", Literal(word, code))
    if landing is not None:
        node.add("dcat:landingPage", f"{base}{landing}")
    distributions = []
    for url, kind in files:
        lang = url[1:].partition("/")[0]
        distribution = Node(
            f"{here}#file{quote(url, safe='/-._~')}",
            ("dcatapit:Distribution", "dcat:Distribution"),
        )
        # A track or an event's file is named after its page.
        page = pages.get(url.rsplit("/", 1)[0] + "/") if kind in (GPX, ICS) else None
        if page is not None:
            distribution.add(
                "dct:title", Literal(f"{clean(page['title'])} ({kind.code})", lang)
            )
        else:
            label = names.get(lang, lang)
            distribution.words(
                "dct:title",
                f"{dataset.title[0]} · {label} ({kind.code})",
                f"{dataset.title[1]} · {label} ({kind.code})",
            )
        distribution.words("dct:description", kind.it, kind.en)
        distribution.add("dct:format", f"{AUTHORITY}file-type/{kind.code}")
        distribution.add("dcat:accessURL", f"{base}{url}")
        distribution.add("dcat:downloadURL", f"{base}{url}")
        distribution.add("dct:license", licence.uri)
        distribution.add("dct:language", _language(lang))
        node.add("dcat:distribution", distribution.uri)
        distributions.append(distribution)
    return [node, *distributions]


def graph(model: SiteModel, urls: Iterable[str]) -> list[Node]:
    """The catalogue of the open-data files among `urls` (every URL the build
    writes), as nodes: catalogue, publisher, contact, licence, datasets and
    their distributions."""
    territory = model.snapshot.territory
    base = str(territory.get("base_url") or "").rstrip("/")
    here = f"{base}{CATALOGUE_RDF}"
    name = str(territory.get("name") or territory.get("slug") or "")
    publisher_data = territory.get("open_data_publisher") or {}
    publisher_name = str(publisher_data.get("name") or "") or name
    # dati.gov.it matches the publisher by its IPA code; without one, the
    # site's address is the only identifier the territory has.
    identifier = str(publisher_data.get("identifier") or "") or base
    written = list(urls)
    files: dict[str, list[tuple[str, Format]]] = {d.name: [] for d in DATASETS}
    for url in written:
        found = classify(url)
        if found is not None:
            files[found[0]].append((url, found[1]))
    landings = _landing_pages(model, set(written))
    pages = {
        entry.url: entry.page
        for lang in model.snapshot.languages
        for entry in model.entries[lang]
    }

    agent = Node(f"{here}#publisher", ("dcatapit:Agent", "foaf:Agent"))
    agent.add("dct:identifier", Literal(identifier))
    agent.add("foaf:name", Literal(publisher_name))
    nodes = [agent]
    contact = None
    email = str((territory.get("contacts") or {}).get("email") or "")
    if email:
        contact = Node(
            f"{here}#contact-point",
            ("dcatapit:Organization", "vcard:Organization", "vcard:Kind"),
        )
        contact.add("vcard:fn", Literal(publisher_name))
        contact.add("vcard:hasEmail", f"mailto:{email}")
        nodes.append(contact)
    licence_data = territory.get("open_data_licence") or {}
    licence_uri, licence_type = LICENCES.get(
        str(licence_data.get("id") or ""), (str(licence_data.get("url") or ""), None)
    )
    licence = Node(licence_uri, ("dcatapit:LicenseDocument", "dct:LicenseDocument"))
    licence.add("dct:type", licence_type)
    licence.add("foaf:name", Literal(str(licence_data.get("name") or "")))
    nodes.append(licence)

    dates, datasets = [], []
    for dataset in DATASETS:
        if files[dataset.name]:
            modified = _modified(model, dataset.kinds)
            dates.append(modified)
            datasets += _dataset(
                dataset, files[dataset.name], model, here, identifier, modified,
                (agent, contact, licence), landings.get(dataset.name), pages,
            )  # fmt: skip
    catalogue = Node(here, ("dcatapit:Catalog", "dcat:Catalog"))
    catalogue.words("dct:title", f"Dati aperti di {name}", f"Open data of {name}")
    catalogue.words(
        "dct:description",
        f"I dati aperti di {name} pubblicati su {base}: luoghi, attività, "
        "itinerari, eventi e notizie, in ogni lingua del sito.",
        f"The open data of {name} published on {base}: places, businesses, "
        "itineraries, events and news, in every language of the site.",
    )
    catalogue.add("dct:publisher", agent.uri)
    catalogue.add("dct:modified", _date(max(dates, default=model.snapshot.build_date)))
    catalogue.add("foaf:homepage", f"{base}/")
    for lang in model.snapshot.languages:
        catalogue.add("dct:language", _language(lang))
    catalogue.add("dcat:themeTaxonomy", THEMES)
    for node in datasets:
        if "dcatapit:Dataset" in node.types:
            catalogue.add("dcat:dataset", node.uri)
    return [catalogue, *nodes, *datasets]


def _expand(name: str) -> str:
    prefix, _, local = name.partition(":")
    return f"{PREFIXES[prefix]}{local}"


def rdf_xml(nodes: list[Node]) -> bytes:
    """RDF/XML: each node a typed element, its other classes as rdf:type."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<rdf:RDF"]
    lines += [f'    xmlns:{p}="{uri}"' for p, uri in PREFIXES.items()]
    lines[-1] += ">"
    for node in nodes:
        first, *others = node.types
        lines.append(f'  <{first} rdf:about="{escape(node.uri)}">')
        for other in others:
            lines.append(f'    <rdf:type rdf:resource="{escape(_expand(other))}"/>')
        for name, value in node.properties:
            if isinstance(value, Ref):
                lines.append(f'    <{name} rdf:resource="{escape(value.uri)}"/>')
                continue
            attrs = f' xml:lang="{value.lang}"' if value.lang else ""
            if value.datatype:
                attrs += f' rdf:datatype="{value.datatype}"'
            lines.append(f"    <{name}{attrs}>{escape(value.text)}</{name}>")
        lines.append(f"  </{first}>")
    lines.append("</rdf:RDF>")
    return ("\n".join(lines) + "\n").encode()


def _turtle_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def _turtle_iri(uri: str) -> str:
    # IRIREF cannot hold spaces, <>"{}|^`\ or controls: the URLs here never do
    # once quoted, but a licence URL from the API is escaped to be safe.
    return "<" + quote(uri, safe=":/?#[]@!$&'()*+,;=%-._~") + ">"


def turtle(nodes: list[Node]) -> bytes:
    """The same graph in Turtle, for people and tools that read it."""
    lines = [f"@prefix {p}: <{uri}> ." for p, uri in PREFIXES.items()]
    for node in nodes:
        lines.append("")
        lines.append(f"{_turtle_iri(node.uri)} a {', '.join(node.types)}")
        for name, value in node.properties:
            if isinstance(value, Ref):
                term = _turtle_iri(value.uri)
            else:
                term = _turtle_string(value.text)
                if value.lang:
                    term += f"@{value.lang}"
                elif value.datatype:
                    term += f"^^{_turtle_iri(value.datatype)}"
            lines[-1] += " ;"
            lines.append(f"    {name} {term}")
        lines[-1] += " ."
    return ("\n".join(lines) + "\n").encode()
