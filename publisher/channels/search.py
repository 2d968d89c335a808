"""Search: `/<lang>/search/`, a form whose results come from Pagefind's index.

The index itself is built over the whole territory after every language is
rendered (publisher/search.py). The page offers a filter per page type and
audience present in its language, with the labels the index files them under;
counts are worded in the page's language for every CLDR plural category.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from babel import Locale

from ..render import render_document
from ..vocabulary import AUDIENCES

if TYPE_CHECKING:
    from ..render_context import RenderContext
    from . import Render

KINDS = ("place", "story", "event", "itinerary", "business", "offer")
PATH = "/search/"
# Enough numbers to meet every plural category of every CLDR language.
SAMPLES = (0, 1, 2, 3, 5, 7, 11, 21, 100, 101, 102, 111, 1000000)


def plural_samples(lang: str) -> list[tuple[str, int]]:
    """(CLDR category, a number in it) for each category of the language."""
    rule = Locale.parse(lang).plural_form
    found: dict[str, int] = {}
    for number in SAMPLES:
        found.setdefault(rule(number), number)
    return sorted(found.items())


def render_search(ctx: RenderContext) -> str:
    model, lang = ctx.model, ctx.lang
    listed = {kind: model.of_kind(lang, kind) for kind in KINDS}
    present = {a for entries in listed.values() for e in entries
               for a in e.page.get("audiences") or []}  # fmt: skip
    return render_document(
        "search",
        ctx,
        path=PATH,
        types=[kind for kind in KINDS if listed[kind]],
        audiences=[a for a in AUDIENCES if a in present],
        plural_samples=plural_samples(lang),
        alternates=[(code, f"/{code}{PATH}") for code in model.snapshot.languages],
    )


def outputs(ctx: RenderContext) -> dict[str, Render]:
    return {f"/{ctx.lang}{PATH}": functools.partial(render_search, ctx)}
