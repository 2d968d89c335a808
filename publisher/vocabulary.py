"""The codes of the CMS's vocabularies (audiences, place kinds) and their labels.

The CMS defines the codes, since editors choose them (`cms.core.choices.Audience`,
`cms.places.models.PlaceKind`); the API publishes codes only. This module is the
one place the site words them: each label is a msgid of the theme's catalogs
(`make messages` extracts it), translated where a template shows it
(`Helpers.audience_label`, `kind_label`, `section_label`), and the order here is
the order of the site's listings.

The API does not publish the vocabularies themselves: the publisher needs a
label for every code anyway, so a list from the API would be a second copy that
could only disagree with this one. tests/cms/test_vocabulary.py proves these are
the CMS's codes; validate.py refuses an item with a code missing here, naming it.
"""

from __future__ import annotations

from .i18n import N_

AUDIENCES = {
    "families": N_("For families"),
    "children": N_("For children"),
    "seniors": N_("For older people"),
    "schools": N_("For schools"),
    "disabilities": N_("For people with disabilities"),
    "immigrant-communities": N_("For immigrant communities"),
}
# The accessibility facts of a place, as its page and its JSON-LD word them.
ACCESSIBILITY = (
    ("step_free_access", N_("Step-free access")),
    ("accessible_toilet", N_("Accessible toilet")),
    ("audio_guide", N_("Audio guide")),
    ("tactile_route", N_("Tactile route")),
    ("sign_language_tours", N_("Sign-language tours")),
    ("easy_read_material", N_("Easy-read material")),
    ("pushchair_friendly", N_("Pushchair-friendly")),
)
# The audiences whose pages list an item by its plain-language summary
# ("in parole semplici") when it has one.
EASY_READ_AUDIENCES = frozenset({"children", "seniors", "immigrant-communities"})
# A places index and the map group places under these, in this order.
PLACE_KINDS = {
    "museum": N_("Museums"),
    "library": N_("Libraries"),
    "archive": N_("Archives"),
    "church": N_("Churches"),
    "archaeological-site": N_("Archaeological sites"),
    "monument": N_("Monuments"),
    "natural-site": N_("Natural sites"),
    "historic-centre": N_("Historic centres"),
    "other": N_("Other places"),
}
# The sections of an audience's page, in order: the publisher's own page kinds.
AUDIENCE_SECTIONS = {
    "place": N_("Places to visit"),
    "event": N_("Upcoming events"),
    "itinerary": N_("Itineraries"),
    "story": N_("Stories"),
}
