"""A postal address from the CMS's parts (street, postal code, town, country):
in words for people, as schema.org's PostalAddress for search engines.

Snapshots made before the parts existed carry the whole address in `address`;
it is then shown as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def full_address(page: Mapping[str, Any]) -> str:
    """As an Italian letter has it: "Via Umberto I 12, 73100 Lecce"."""
    town = " ".join(p for p in (page.get("postal_code"), page.get("locality")) if p)
    return ", ".join(p for p in (page.get("address"), town) if p)


def postal_address(page: Mapping[str, Any]) -> dict | None:
    """schema.org's PostalAddress, or None without an address."""
    if not (page.get("address") or page.get("locality")):
        return None
    data = {"@type": "PostalAddress"}
    for field, name in (
        ("address", "streetAddress"),
        ("postal_code", "postalCode"),
        ("locality", "addressLocality"),
        ("country", "addressCountry"),
    ):
        if page.get(field):
            data[name] = page[field]
    return data
