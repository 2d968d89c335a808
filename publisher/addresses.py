"""Where a place is: its postal address from the CMS's parts (street, postal
code, town, country), in words for people and as schema.org's PostalAddress
for search engines; and its position on the map.

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


Position = tuple[float, float]  # (longitude, latitude), as GeoJSON orders them


def position(page: Mapping[str, Any] | None) -> Position | None:
    """Where a place or business is, if it says (the API checked the numbers)."""
    if not page or page.get("latitude") is None or page.get("longitude") is None:
        return None
    return round(float(page["longitude"]), 6), round(float(page["latitude"]), 6)
