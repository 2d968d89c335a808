"""Newsletter: `/<lang>/newsletter.html` and `/<lang>/newsletter.txt`, a digest
for editors to paste into their mailing tool.

Mail clients drop stylesheets and scripts, so the HTML is tables with every
style inline, images at absolute URLs, and `dir` on the document for
right-to-left languages; the text file is its plain-text alternative. It lists
the events of the 30 days from the build date (every occurrence of a repeating
one, see occurrences.py), the stories of the 30 days before, and the offers
valid on the build date. Visitor pages do not link it, and it asks search
engines not to index it.
"""

from __future__ import annotations

import functools
import re
import textwrap
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from babel.lists import format_list
from markupsafe import Markup

from ..i18n import direction, translations
from ..occurrences import length, local, starts
from ..render import DEFAULT_BRAND_COLOUR
from ..richtext import markdown_to_html
from ..sitemodel import Entry
from .feeds import base_url, clean, helpers, image, today

if TYPE_CHECKING:
    from ..render_context import RenderContext
    from . import Render

DAYS = 30
# Mail clients show it about 600 pixels wide; images fill its 552-pixel column.
IMAGE_WIDTH = 552
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?")


@dataclass(frozen=True)
class Listed:
    """One event, story or offer of the digest, as plain (unescaped) text."""

    title: str
    url: str
    language: str
    details: tuple[str, ...] = ()
    summary: str = ""
    image: tuple[str, str] | None = None  # absolute URL, alt text


@dataclass
class Section:
    heading: str
    items: list[Listed] = field(default_factory=list)
    empty: str = ""  # said when there is nothing; no section at all when blank


@dataclass
class Digest:
    title: str
    prepared: str
    site_name: str
    home: str
    sections: list[Section]


def outputs(ctx: RenderContext) -> dict[str, Render]:
    lang = ctx.lang
    return {
        f"/{lang}/newsletter.html": functools.partial(html, ctx),
        f"/{lang}/newsletter.txt": functools.partial(text, ctx),
    }


def _picture(ctx: RenderContext, page: dict, field: str) -> tuple[str, str] | None:
    found = image(ctx, page, field, width=IMAGE_WIDTH * 2)
    return (found[0], found[2] or clean(page["title"])) if found else None


def _listed(
    ctx: RenderContext, entry: Entry, details: list[str], summary: str, picture: str
) -> Listed:
    page = entry.page
    return Listed(
        title=clean(page["title"]),
        url=base_url(ctx) + entry.url,
        language=page["meta"]["locale"],
        details=tuple(clean(d) for d in details if d),
        summary=clean(summary),
        image=_picture(ctx, page, picture),
    )


def _events(ctx: RenderContext, first: date, last: date) -> list[Listed]:
    """Events with an occurrence running between `first` and `last`, soonest
    first; a repeating one once, with its other dates in the window."""
    model, t = ctx.model, helpers(ctx)
    _ = translations(ctx.lang).gettext
    found = []
    for entry in model.of_kind(ctx.lang, "event"):
        page = entry.page
        model.note(f"id:{page['id']}")
        span, within = length(page), []
        for start in starts(page):
            if start.date() > last:
                break
            if (start + span).date() >= first:
                within.append(start)
        if not within:
            continue
        details = [t.when(page, upcoming=True).striptags()]
        if len(within) > 1:
            days = [t.date(s.date().isoformat()) for s in within[1:]]
            also = format_list(days, locale=t.locale)
            details.append(_("Also on %(dates)s") % {"dates": also})
        venue = model.page_in(page.get("venue"), ctx.lang)
        where = (venue["title"] if venue else "", page.get("location"))
        details.append(", ".join(clean(part) for part in where if part))
        listed = _listed(ctx, entry, details, page.get("summary"), "hero_image")
        found.append((within[0], page["id"], listed))
    return [listed for *_key, listed in sorted(found, key=lambda f: f[:2])]


def _stories(ctx: RenderContext, first: date, last: date) -> list[Listed]:
    model, t = ctx.model, helpers(ctx)
    recent = []
    for entry in model.of_kind(ctx.lang, "story"):
        model.note(f"id:{entry.page['id']}")
        day = entry.page.get("date")
        if day and first <= local(day).date() <= last:
            recent.append(entry)
    found = []
    for entry in t.newest_first(recent):
        page = entry.page
        byline = " · ".join(
            p for p in (clean(page.get("author")), t.date(page["date"])) if p
        )
        found.append(_listed(ctx, entry, [byline], page.get("summary"), "hero_image"))
    return found


def _offers(ctx: RenderContext, day: date) -> list[Listed]:
    model, t = ctx.model, helpers(ctx)
    _ = translations(ctx.lang).gettext
    iso = day.isoformat()
    valid = []
    for entry in model.of_kind(ctx.lang, "offer"):
        model.note(f"id:{entry.page['id']}")
        if (entry.page.get("valid_from") or "") <= iso:
            valid.append(entry)
    found = []
    for entry in t.current_offers(valid):
        page = entry.page
        if page.get("price"):
            deal = t.price(page["price"])
        elif page.get("discount_percent"):
            percent = t.percent(page["discount_percent"])
            deal = _("%(percent)s off") % {"percent": percent}
        else:
            deal = ""
        until = _("Until %(date)s") % {"date": t.date(page["valid_until"])}
        described = markdown_to_html(page.get("description") or "")
        words = Markup(described).striptags()  # noqa: S704 sanitised, text kept
        details = [deal, until, clean(page.get("conditions"))]
        found.append(_listed(ctx, entry, details, words, "image"))
    return found


def digest(ctx: RenderContext) -> Digest:
    """What the newsletter of one language says, whatever the format."""
    _ = translations(ctx.lang).gettext
    t, day = helpers(ctx), today(ctx)
    name = clean(ctx.model.snapshot.territory.get("name"))
    homes = ctx.model.of_kind(ctx.lang, "home")
    return Digest(
        title=_("News from %(site)s") % {"site": name},
        prepared=_("Prepared on %(date)s") % {"date": t.date(day.isoformat())},
        site_name=name,
        home=base_url(ctx) + (homes[0].url if homes else f"/{ctx.lang}/"),
        sections=[
            Section(
                _("Events in the next 30 days"),
                _events(ctx, day, day + timedelta(days=DAYS - 1)),
                empty=_("No upcoming events."),
            ),
            Section(
                _("Stories of the last 30 days"),
                _stories(ctx, day - timedelta(days=DAYS), day),
            ),
            Section(_("Current offers"), _offers(ctx, day)),
        ],
    )


def html(ctx: RenderContext) -> str:
    """The HTML e-mail: tables and inline styles, as mail clients need."""
    colour = str(ctx.model.snapshot.territory.get("brand_colour") or "")
    template = ctx.template("channels/newsletter/digest.html")
    return template.render(
        digest=digest(ctx),
        lang=ctx.lang,
        dir=direction(ctx.lang),
        align="right" if direction(ctx.lang) == "rtl" else "left",
        brand=colour if HEX_COLOUR.fullmatch(colour) else DEFAULT_BRAND_COLOUR,
        image_width=IMAGE_WIDTH,
    )


def _wrap(line: str) -> str:
    return "\n".join(textwrap.wrap(line, 72, break_on_hyphens=False)) or line


def text(ctx: RenderContext) -> str:
    """The plain-text alternative of the same digest, wrapped for mail."""
    found = digest(ctx)
    lines = [found.title, "#" * len(found.title), found.prepared, ""]
    for section in found.sections:
        if not section.items and not section.empty:
            continue
        lines += ["", section.heading, "=" * len(section.heading), ""]
        if not section.items:
            lines += [section.empty, ""]
        for item in section.items:
            lines += [_wrap(item.title), *map(_wrap, item.details)]
            if item.summary:
                lines.append(_wrap(item.summary))
            lines += [item.url, ""]
    lines += ["-- ", f"{found.site_name}: {found.home}"]
    return "\n".join(lines) + "\n"
