"""The one rendering path: `render_page()` turns an entry into HTML.

The static build calls it for every page, and the CMS preview calls it for the
page being edited, so editors see exactly what visitors will get. Autoescape is
on: only rich text, already sanitised, is marked safe.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import (
    format_date,
    format_time,
    get_datetime_format,
    get_day_names,
)
from babel.numbers import format_currency, format_decimal
from babel.support import Translations
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .i18n import compile_catalogs
from .richtext import expand, markdown_to_html
from .sitemodel import Entry, SiteModel

ROOT = Path(__file__).resolve().parent.parent
THEME_DIR = ROOT / "themes" / "vetrina"
PAGES_DIR = ROOT / "content" / "pages"
ROME = ZoneInfo("Europe/Rome")
RTL = {"ar", "fa", "he", "ur"}


@dataclass
class RenderContext:
    """Everything a page needs besides itself: the site, its language, its media."""

    model: SiteModel
    lang: str
    media: dict[str, str] = field(default_factory=dict)
    static: dict[str, str] = field(default_factory=dict)
    build_date: str = ""
    pages_dir: Path | None = None


@functools.cache
def environment(lang: str, theme: Path = THEME_DIR) -> Environment:
    env = Environment(
        loader=FileSystemLoader(theme / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    catalogs = compile_catalogs()
    translations = Translations.load(str(catalogs), [lang], domain="messages")
    env.install_gettext_translations(translations, newstyle=True)
    return env


class Helpers:
    """Formatting and linking for templates, in the page's language."""

    def __init__(self, ctx: RenderContext, entry: Entry) -> None:
        self.ctx = ctx
        self.entry = entry
        self.lang = ctx.lang
        self.locale = Locale.parse(ctx.lang)

    # Links
    def url(self, page_id: int | None) -> str | None:
        return None if page_id is None else self.ctx.model.url_for(page_id, self.lang)

    def page(self, page_id: int | None) -> dict | None:
        return None if page_id is None else self.ctx.model.by_id.get(page_id)

    def static(self, path: str) -> str:
        return self.ctx.static.get(path, f"/static/{path}")

    # Images
    def image(
        self, image_id: int | None, sizes: str = "100vw", eager: bool = False
    ) -> Markup:
        if image_id is None:
            return Markup("")
        data = self.entry.page.get("media", {}).get("images", {}).get(str(image_id))
        if not data:
            return Markup("")
        local = [
            (self.ctx.media[r["url"]], r)
            for r in data.get("renditions", [])
            if r["url"] in self.ctx.media
        ]
        if not local:
            return Markup("")
        src, largest = local[min(1, len(local) - 1)]
        srcset = ", ".join(f"{url} {r['width']}w" for url, r in local)
        loading = "eager" if eager else "lazy"
        return Markup(
            '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" '
            'loading="{}" decoding="async">'
        ).format(
            src, srcset, sizes, largest["width"], largest["height"],
            data.get("alt", ""), loading,
        )  # fmt: skip

    def credit(self, image_id: int | None) -> str:
        data = self.entry.page.get("media", {}).get("images", {}).get(str(image_id))
        return (data or {}).get("credit", "")

    # Text
    def rich(self, html: str | None) -> Markup:
        def image_html(image_id: int, alt: str) -> str:
            return str(self.image(image_id, sizes="(min-width: 48rem) 40rem, 100vw"))

        def doc_url(doc_id: int) -> str | None:
            doc = self.entry.page.get("media", {}).get("documents", {}).get(str(doc_id))
            return doc["url"] if doc else None

        return Markup(expand(html or "", self.url, image_html, doc_url))  # noqa: S704 sanitised

    def markdown(self, text: str | None) -> Markup:
        return Markup(markdown_to_html(text or ""))  # noqa: S704 sanitised

    # Dates, numbers, prices
    def date(self, value: str | None, format: str = "long") -> str:
        if not value:
            return ""
        return format_date(date.fromisoformat(value[:10]), format, locale=self.locale)

    def datetime(self, value: str | None, format: str = "long") -> str:
        """Date and time in Rome, the way the language joins them, without seconds."""
        if not value:
            return ""
        moment = datetime.fromisoformat(value).astimezone(ROME)
        day = format_date(moment, "full" if format == "long" else "medium", self.locale)
        clock = format_time(moment, "short", tzinfo=ROME, locale=self.locale)
        pattern = get_datetime_format("medium", locale=self.locale)
        return pattern.replace("{1}", day).replace("{0}", clock)

    def time(self, value: str | None) -> str:
        if not value:
            return ""
        hours, minutes = value.split(":")[:2]
        return format_time(
            datetime(2000, 1, 1, int(hours), int(minutes)).time(),
            "short",
            locale=self.locale,
        )

    def weekday(self, number: int) -> str:
        return get_day_names("wide", locale=self.locale)[number]

    def price(self, value: str | None) -> str:
        if value in (None, ""):
            return ""
        try:
            amount = Decimal(str(value))
        except InvalidOperation:
            return ""
        return format_currency(amount, "EUR", locale=self.locale)

    def number(self, value: object) -> str:
        return "" if value in (None, "") else format_decimal(value, locale=self.locale)

    # Opening hours and listings
    def hours(self, page: dict) -> list[tuple[str, str | None]]:
        """The week in words: consecutive days with the same hours share a row.

        Each row is (days, hours); hours is None on a closed day.
        """
        by_day: dict[int, list[str]] = {day: [] for day in range(7)}
        for row in sorted(page.get("opening_hours") or [], key=lambda r: r["opens"]):
            span = f"{self.time(row['opens'])}–{self.time(row['closes'])}"
            by_day[int(row["weekday"])].append(span)
        names = get_day_names("wide", locale=self.locale)
        rows: list[tuple[str, str | None]] = []
        start = 0
        for day in range(1, 8):
            if day < 7 and by_day[day] == by_day[start]:
                continue
            label = (
                names[start] if day - 1 == start else f"{names[start]}–{names[day - 1]}"
            )
            rows.append(
                (label[:1].upper() + label[1:], ", ".join(by_day[start]) or None)
            )
            start = day
        return rows

    def upcoming_exceptions(self, page: dict) -> list[dict]:
        today = self.ctx.build_date or "0000-00-00"
        return [
            row
            for row in page.get("opening_exceptions") or []
            if (row.get("end_date") or row["start_date"]) >= today
        ]

    def is_upcoming(self, event: dict) -> bool:
        """Whether an event still happens on or after the build date."""
        today = self.ctx.build_date or "0000-00-00"
        last = (event.get("end") or event.get("start") or "")[:10]
        if event.get("frequency"):
            if event.get("repeat_until"):
                last = max(last, event["repeat_until"])
            elif not event.get("repeat_count"):
                return True  # repeats for ever
            else:
                step = 7 if event["frequency"] == "weekly" else 31
                span = step * (event.get("interval") or 1) * (event["repeat_count"] - 1)
                last = (date.fromisoformat(last) + timedelta(days=span)).isoformat()
        return last >= today

    def upcoming(self, entries: list[Entry]) -> list[Entry]:
        found = [e for e in entries if self.is_upcoming(e.page)]
        return sorted(found, key=lambda e: (e.page.get("start") or "", e.page["id"]))

    def current_offers(self, entries: list[Entry]) -> list[Entry]:
        today = self.ctx.build_date or "0000-00-00"
        return [e for e in entries if (e.page.get("valid_until") or "") >= today]

    def by_month(self, entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
        groups: dict[str, list[Entry]] = {}
        for entry in entries:
            moment = date.fromisoformat(entry.page["start"][:10])
            if moment.isoformat() < (self.ctx.build_date or ""):
                moment = date.fromisoformat(self.ctx.build_date)  # recurring, ongoing
            label = format_date(moment, "LLLL yyyy", locale=self.locale)
            groups.setdefault(label[:1].upper() + label[1:], []).append(entry)
        return list(groups.items())

    def by_field(self, entries: list[Entry], field: str) -> list[tuple[str, list]]:
        groups: dict[str, list[Entry]] = {}
        for entry in entries:
            groups.setdefault(entry.page.get(field) or "other", []).append(entry)
        return sorted(groups.items())

    def language_name(self, code: str) -> str:
        return Locale.parse(code).get_display_name(code).capitalize()


@functools.cache
def markdown_pages(
    lang: str, pages_dir: Path = PAGES_DIR
) -> tuple[tuple[str, str], ...]:
    """(title, URL) of the hand-written pages of a language, for the footer."""
    found = []
    for source in sorted((pages_dir / lang).glob("*.md")):
        title = source.read_text("utf-8").partition("\n")[0].lstrip("# ").strip()
        found.append((title, f"/{lang}/{source.stem}/"))
    return tuple(found)


def _context(entry: Entry, ctx: RenderContext) -> dict:
    """What every template gets besides the page's own data."""
    model = ctx.model
    homes = [e for e in model.entries[ctx.lang] if e.kind == "home"]
    return {
        "page": entry.page,
        "entry": entry,
        "t": Helpers(ctx, entry),
        "site": model.snapshot.territory,
        "lang": ctx.lang,
        "dir": "rtl" if ctx.lang in RTL else "ltr",
        "home_url": homes[0].url if homes else f"/{ctx.lang}/",
        "sections": [e for e in model.entries[ctx.lang] if e.kind == "index"],
        "footer_pages": markdown_pages(ctx.lang, ctx.pages_dir or PAGES_DIR),
        "alternates": model.alternates(entry) if entry.page["id"] else [],
        "children": model.children(entry),
        "model": model,
    }


def render_page(entry: Entry, ctx: RenderContext) -> str:
    """Render one page of one language to a complete HTML document."""
    template = environment(ctx.lang).get_template(f"{entry.kind}.html")
    return template.render(_context(entry, ctx))


def render_document(kind: str, ctx: RenderContext, **extra: object) -> str:
    """Render a page that is not a CMS item (404, a Markdown page)."""
    path = str(extra.pop("path", "/"))
    page = {
        "id": 0,
        "title": extra.pop("title", ""),
        "meta": {
            "type": kind,
            "locale": ctx.lang,
            "translation_key": f"{kind}:{ctx.lang}{path}",
            "path": path,
            "alias_of": None,
        },
    }
    entry = Entry(page, ctx.lang, f"/{ctx.lang}{path}")
    template = environment(ctx.lang).get_template(f"{kind}.html")
    return template.render({**_context(entry, ctx), **extra})
