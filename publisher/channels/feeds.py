"""Feeds: `/<lang>/feed.atom` (Atom 1.0, RFC 4287) and `/<lang>/feed.json`
(JSON Feed 1.1) of a language's stories and events, newest first.

Feed readers keep an entry by its id, so ids come from the translation key (a
slug can change, the key never does). Entries are dated by publication and
revision, never by when an event takes place (a feed's `updated` months in the
future would tell readers nothing new ever comes): a story is published on its
date, else when first published; an event when first published; either is
updated when last published. Nothing reads the clock, so a snapshot and a
build date give the same bytes. Text is escaped by ElementTree and
json.dumps, after removing the control characters XML 1.0 cannot carry.
"""

from __future__ import annotations

import functools
import json
import mimetypes
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..helpers import Helpers
from ..i18n import translations
from ..media import alt_text, for_sharing
from ..occurrences import ROME, local
from ..sitemodel import Entry

if TYPE_CHECKING:
    from ..render_context import RenderContext
    from . import Render

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
JSON_FEED = "https://jsonfeed.org/version/1.1"
MAX_ITEMS = 50
# The date part of every tag: URI (RFC 4151) this publisher mints. It must never
# change, or every reader would see every entry again.
TAG_DATE = "2026"
# Characters XML 1.0 cannot carry (ElementTree would write them and break the feed).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean(text: object) -> str:
    """Plain text from the API, without the control characters no feed or mail
    tool accepts."""
    return NOT_XML.sub("", str(text or ""))


@dataclass(frozen=True)
class Item:
    """One story or event as feeds and the newsletter show it."""

    entry: Entry
    kind: str
    published: datetime
    updated: datetime  # never before `published`
    title: str
    summary: str
    url: str
    language: str
    author: str
    image: tuple[str, str, str, int] | None  # absolute URL, MIME type, alt, width


def outputs(ctx: RenderContext) -> dict[str, Render]:
    lang = ctx.lang
    return {
        f"/{lang}/feed.atom": functools.partial(atom, ctx),
        f"/{lang}/feed.json": functools.partial(json_feed, ctx),
    }


def base_url(ctx: RenderContext) -> str:
    return str(ctx.model.snapshot.territory.get("base_url") or "").rstrip("/")


def helpers(ctx: RenderContext) -> Helpers:
    """Babel formatting in the language, for pages that are no CMS page."""
    page = {"id": 0, "title": "", "meta": {"translation_key": "", "path": "/"}}
    return Helpers(ctx, Entry(page, ctx.lang, f"/{ctx.lang}/"))


def today(ctx: RenderContext) -> date:
    built = ctx.build_date or ctx.model.snapshot.build_date
    return date.fromisoformat(built) if built else date.min


def image(
    ctx: RenderContext, page: dict, field: str, width: int = 1200
) -> tuple[str, str, str, int] | None:
    """A page's own image as served by the site, for sharing (media.for_sharing),
    with its absolute URL, type and alt text."""
    image_id = page.get(field)
    data = page.get("media", {}).get("images", {}).get(str(image_id))
    if image_id is None or not data:
        return None
    found = for_sharing(data, ctx.media, width)
    if found is None:
        return None
    path, rendition = found
    kind = rendition.get("format")
    mime = f"image/{kind}" if kind else mimetypes.guess_type(path)[0] or "image/*"
    alt = clean(alt_text(page, image_id, data))
    return base_url(ctx) + path, mime, alt, int(rendition["width"])


def _meta_moment(page: dict, name: str) -> datetime | None:
    value = page.get("meta", {}).get(name)
    return local(value) if value else None


def items(ctx: RenderContext) -> list[Item]:
    """Stories and events of the language, newest first, at most `MAX_ITEMS`.

    Every candidate is noted as read, since a new date can bring any of them in.
    """
    model, t, built = ctx.model, helpers(ctx), today(ctx)
    midnight = datetime.combine(built, datetime.min.time(), ROME)
    site_name = clean(model.snapshot.territory.get("name"))
    found = []
    for kind in ("story", "event"):
        for entry in model.of_kind(ctx.lang, kind):
            page = entry.page
            model.note(f"id:{page['id']}")
            summary = clean(page.get("summary"))
            first = _meta_moment(page, "first_published_at")
            published = first or midnight
            if kind == "story":
                day = page.get("date")
                published = local(day) if day else published
                author = clean(page.get("author")) or site_name
            else:
                words = t.when(page, upcoming=True).striptags()
                summary = " — ".join(part for part in (words, summary) if part)
                author = site_name
            found.append(
                Item(
                    entry=entry,
                    kind=kind,
                    published=published,
                    updated=max(
                        published, _meta_moment(page, "last_published_at") or published
                    ),
                    title=clean(page["title"]),
                    summary=summary,
                    url=base_url(ctx) + entry.url,
                    language=page["meta"]["locale"],
                    author=author,
                    image=image(ctx, page, "hero_image"),
                )
            )
    found.sort(key=lambda i: (-i.published.timestamp(), i.kind, i.entry.page["id"]))
    return found[:MAX_ITEMS]


def tag(ctx: RenderContext, specific: str) -> str:
    """A tag: URI of this territory's public domain, which feeds keep for ever."""
    host = urlsplit(base_url(ctx)).hostname
    authority = host or f"{ctx.model.snapshot.slug}.vetrina.invalid"
    return f"tag:{authority},{TAG_DATE}:{specific}"


def entry_id(ctx: RenderContext, item: Item) -> str:
    return tag(ctx, f"{ctx.lang}/{clean(item.entry.key)}")


def _texts(ctx: RenderContext) -> dict[str, str]:
    _ = translations(ctx.lang).gettext
    territory = ctx.model.snapshot.territory
    name = clean(territory.get("name"))
    homes = ctx.model.of_kind(ctx.lang, "home")
    licence = territory.get("open_data_licence") or {}
    return {
        "name": name,
        "title": _("%(site)s: stories and events") % {"site": name},
        "subtitle": _("The latest stories and events of %(site)s") % {"site": name},
        "home": base_url(ctx) + (homes[0].url if homes else f"/{ctx.lang}/"),
        "licence": clean(licence.get("name")),
        "licence_url": clean(licence.get("url")),
    }


def _rfc3339(moment: datetime) -> str:
    return moment.astimezone(ROME).isoformat(timespec="seconds")


def atom(ctx: RenderContext) -> bytes:
    """The Atom feed of one language."""
    found, texts = items(ctx), _texts(ctx)
    base = base_url(ctx)

    def add(parent: ET.Element, name: str, text: str = "", **attrs: str):
        element = ET.SubElement(parent, name, attrs)
        if text:
            element.text = text
        return element

    # Unprefixed names in the Atom namespace (ElementTree's default_namespace
    # refuses unprefixed attributes, which Atom's are).
    feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: ctx.lang})
    add(feed, "id", tag(ctx, f"{ctx.lang}/feed"))
    add(feed, "title", texts["title"], type="text")
    add(feed, "subtitle", texts["subtitle"], type="text")
    newest = max((i.updated for i in found), default=None)
    updated = newest or datetime.combine(today(ctx), datetime.min.time(), ROME)
    add(feed, "updated", _rfc3339(updated))
    author = add(feed, "author")
    add(author, "name", texts["name"])
    if base:
        add(author, "uri", base + "/")
    add(feed, "link", rel="self", type="application/atom+xml",
        href=f"{base}/{ctx.lang}/feed.atom")  # fmt: skip
    add(feed, "link", rel="alternate", type="text/html", href=texts["home"])
    add(feed, "link", rel="alternate", type="application/feed+json",
        href=f"{base}/{ctx.lang}/feed.json")  # fmt: skip
    if texts["licence_url"]:
        add(feed, "link", rel="license", href=texts["licence_url"])
    rights = " ".join(p for p in (texts["licence"], texts["licence_url"]) if p)
    if rights:
        add(feed, "rights", rights, type="text")
    add(feed, "generator", "Vetrina")
    for item in found:
        entry = add(feed, "entry")
        if item.language != ctx.lang:  # shown in the original language
            entry.set(XML_LANG, item.language)
        add(entry, "id", entry_id(ctx, item))
        add(entry, "title", item.title, type="text")
        add(entry, "updated", _rfc3339(item.updated))
        add(entry, "published", _rfc3339(item.published))
        author = add(entry, "author")
        add(author, "name", item.author)
        add(entry, "link", rel="alternate", type="text/html", href=item.url)
        if item.image:
            add(entry, "link", rel="enclosure", type=item.image[1],
                href=item.image[0])  # fmt: skip
        add(entry, "summary", item.summary, type="text")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def json_feed(ctx: RenderContext) -> str:
    """The JSON Feed of one language: the same items as the Atom feed."""
    found, texts = items(ctx), _texts(ctx)
    base = base_url(ctx)
    authors = [{"name": texts["name"], **({"url": base + "/"} if base else {})}]
    feed: dict[str, object] = {
        "version": JSON_FEED,
        "title": texts["title"],
        "home_page_url": texts["home"],
        "feed_url": f"{base}/{ctx.lang}/feed.json",
        "description": texts["subtitle"],
        "language": ctx.lang,
        "authors": authors,
        "items": [],
    }
    for item in found:
        row: dict[str, object] = {
            "id": entry_id(ctx, item),
            "url": item.url,
            "title": item.title,
            "summary": item.summary,
            "content_text": item.summary or item.title,
            "date_published": _rfc3339(item.published),
            "date_modified": _rfc3339(item.updated),
            "language": item.language,
            "authors": [{"name": item.author}],
        }
        if item.image:
            row["image"] = item.image[0]
        feed["items"].append(row)  # type: ignore[union-attr]
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"
