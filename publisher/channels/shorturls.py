"""Short URLs: `/q/<id>/` leads to a page wherever its slug or section goes.

`<id>` is the page's API id, which a CMS page keeps when it moves; each
translation is its own page, so a short URL leads to one language. Printed
QR codes (see print.py) point here. Each `/q/<id>/` is a tiny static page that
redirects (any host, `vetrina serve`); Netlify answers it with a 301 first.
"""

from __future__ import annotations

import functools
from urllib.parse import quote

from ..i18n import direction
from ..render_context import RenderContext
from ..sitemodel import Entry, SiteModel

KINDS = ("place", "event", "itinerary", "offer")


def short_path(page_id: int) -> str:
    return f"/q/{int(page_id)}/"


def short_url(territory: dict, page_id: int) -> str:
    """The absolute short URL on the territory's public address."""
    base = (territory.get("base_url") or "").rstrip("/")
    return f"{base}{short_path(page_id)}"


def href(url: str) -> str:
    """A page's URL made safe for an attribute, a refresh header or `_redirects`."""
    return quote(url, safe="/")


def own_entries(model: SiteModel, lang: str) -> list[Entry]:
    """The pages of this language that have a short URL, by id.

    A page shown in another language as a fallback is the other language's
    page: its short URL is emitted there.
    """
    found = [
        entry
        for kind in KINDS
        for entry in model.of_kind(lang, kind)
        if not entry.fallback
    ]
    return sorted(found, key=lambda entry: entry.page["id"])


def render_redirect(entry: Entry, ctx: RenderContext) -> str:
    model = ctx.model
    page = model.page(entry.page["id"]) or entry.page
    target = model.url_for(page["id"], ctx.lang) or entry.url
    template = ctx.template("qr_redirect.html")
    return template.render(
        lang=ctx.lang,
        dir=direction(ctx.lang),
        site=model.snapshot.territory,
        title=page["title"],
        target=href(target),
    )


def outputs(ctx: RenderContext) -> dict[str, functools.partial]:
    return {
        short_path(entry.page["id"]): functools.partial(render_redirect, entry, ctx)
        for entry in own_entries(ctx.model, ctx.lang)
    }


def rules(model: SiteModel) -> list[tuple[str, str]]:
    """(short URL, current URL) of every language, for Netlify's `_redirects`."""
    found = [
        (entry.page["id"], short_path(entry.page["id"]), href(entry.url))
        for lang in model.snapshot.languages
        for entry in own_entries(model, lang)
    ]
    return [(short, url) for _, short, url in sorted(found)]
