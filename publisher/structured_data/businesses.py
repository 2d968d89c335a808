"""Businesses and their offers in schema.org: a local business with its
address and contacts, an offer with its price or discount, its dates and its
seller."""

from __future__ import annotations

from ..sitemodel import Entry
from .facts import PageFacts, thing
from .places import address_and_geo, contacts

BUSINESS_TYPES = {
    "food": "FoodEstablishment",
    "lodging": "LodgingBusiness",
    "shop": "Store",
}


def business(facts: PageFacts) -> dict:
    page = facts.page
    data = thing(facts, BUSINESS_TYPES.get(page.get("category"), "LocalBusiness"))
    return contacts(address_and_geo(data, page), page)


def seller(facts: PageFacts) -> Entry | None:
    """The business an offer belongs to, in this language."""
    return facts.model.business_of(facts.entry)


def offer(facts: PageFacts) -> dict:
    page, t = facts.page, facts.t
    data = thing(facts, "Offer")
    if page.get("price") not in (None, ""):
        data |= {"price": str(page["price"]), "priceCurrency": "EUR"}
    elif page.get("discount_percent") not in (None, ""):
        data["description"] = t._("%(percent)s off") % {
            "percent": t.percent(page["discount_percent"])
        }
    if page.get("valid_from"):
        data["validFrom"] = page["valid_from"]
    if page.get("valid_until"):
        data["validThrough"] = page["valid_until"]
    found = seller(facts)
    if found is not None:
        data["seller"] = address_and_geo(
            {
                "@type": BUSINESS_TYPES.get(
                    found.page.get("category"), "LocalBusiness"
                ),
                "name": found.page["title"],
                "url": facts.absolute(found.url),
            },
            found.page,
        )
    return data
