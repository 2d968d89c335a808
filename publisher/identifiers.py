"""A place's identifiers in other catalogues, as the URIs linked data uses.

Wikidata's item (`wikidata_id`, `Q1057506`) becomes its entity URI, and the
record in the Catalogo generale dei Beni Culturali (`heritage_record`) is
already one (its page on catalogo.beniculturali.it or its ArCo URI). JSON-LD
and the GeoJSON give them as `sameAs`, so that search engines and the national
and regional catalogues can join the place to what they hold about it. The
CMS checks both; a value in any other form is left out rather than published
as a broken link.
"""

from __future__ import annotations

import re

WIKIDATA_ENTITY = "https://www.wikidata.org/entity/"
WIKIDATA_ID = re.compile(r"Q[1-9][0-9]{0,11}")
HERITAGE_RECORD = re.compile(
    r"https://(catalogo\.beniculturali\.it/detail/|w3id\.org/arco/resource/)"
    r"[A-Za-z0-9_./%-]+"
)


def same_as(page: dict) -> list[str]:
    """The place's URIs in Wikidata and the heritage catalogue, in that order."""
    found = []
    wikidata = page.get("wikidata_id")
    if isinstance(wikidata, str) and WIKIDATA_ID.fullmatch(wikidata):
        found.append(f"{WIKIDATA_ENTITY}{wikidata}")
    record = page.get("heritage_record")
    if isinstance(record, str) and HERITAGE_RECORD.fullmatch(record):
        found.append(record)
    return found
