"""`Helpers`: what templates call to format and list, in the page's language.

Dates, times, numbers and prices go through Babel; words composed here (a week
of opening hours, a repeating event) come from the theme's gettext catalog.
Listings sort and group in Python, so templates only loop.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from babel import Locale
from babel.dates import (
    format_date,
    format_time,
    get_datetime_format,
    get_day_names,
)
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, format_percent
from babel.units import format_unit
from markupsafe import Markup

from . import occurrences, structured_data
from .addresses import full_address, position
from .descriptions import describe
from .i18n import N_, direction, translations
from .media import SHAREABLE, alt_text, served_renditions
from .occurrences import ROME, local
from .richtext import expand, markdown_to_html
from .route_map import route_svg
from .sitemodel import Entry
from .vocabulary import (
    ACCESSIBILITY,
    AUDIENCE_SECTIONS,
    AUDIENCES,
    EASY_READ_AUDIENCES,
    PLACE_KINDS,
)

if TYPE_CHECKING:
    from .render_context import RenderContext


EVERY_WEEKDAY = (
    N_("every Monday"),
    N_("every Tuesday"),
    N_("every Wednesday"),
    N_("every Thursday"),
    N_("every Friday"),
    N_("every Saturday"),
    N_("every Sunday"),
)
# "The first Sunday of the month": by week of the month (1…5, then the last)
# and weekday, whole phrases so that each language can agree its ordinal with
# the weekday ("il primo lunedì", "la prima domenica").
MONTHLY_WEEKDAY = (
    (
        N_("the first Monday of the month"),
        N_("the first Tuesday of the month"),
        N_("the first Wednesday of the month"),
        N_("the first Thursday of the month"),
        N_("the first Friday of the month"),
        N_("the first Saturday of the month"),
        N_("the first Sunday of the month"),
    ),
    (
        N_("the second Monday of the month"),
        N_("the second Tuesday of the month"),
        N_("the second Wednesday of the month"),
        N_("the second Thursday of the month"),
        N_("the second Friday of the month"),
        N_("the second Saturday of the month"),
        N_("the second Sunday of the month"),
    ),
    (
        N_("the third Monday of the month"),
        N_("the third Tuesday of the month"),
        N_("the third Wednesday of the month"),
        N_("the third Thursday of the month"),
        N_("the third Friday of the month"),
        N_("the third Saturday of the month"),
        N_("the third Sunday of the month"),
    ),
    (
        N_("the fourth Monday of the month"),
        N_("the fourth Tuesday of the month"),
        N_("the fourth Wednesday of the month"),
        N_("the fourth Thursday of the month"),
        N_("the fourth Friday of the month"),
        N_("the fourth Saturday of the month"),
        N_("the fourth Sunday of the month"),
    ),
    (
        N_("the fifth Monday of the month"),
        N_("the fifth Tuesday of the month"),
        N_("the fifth Wednesday of the month"),
        N_("the fifth Thursday of the month"),
        N_("the fifth Friday of the month"),
        N_("the fifth Saturday of the month"),
        N_("the fifth Sunday of the month"),
    ),
    (
        N_("the last Monday of the month"),
        N_("the last Tuesday of the month"),
        N_("the last Wednesday of the month"),
        N_("the last Thursday of the month"),
        N_("the last Friday of the month"),
        N_("the last Saturday of the month"),
        N_("the last Sunday of the month"),
    ),
)
# Cards sit in a grid of columns at least 15rem wide inside a 64rem page.
CARD_SIZES = "(min-width: 49rem) 19rem, (min-width: 33rem) 45vw, 100vw"


def _time_tag(machine: str, human: str) -> Markup:
    return Markup('<time datetime="{}">{}</time>').format(machine, human)


def _title_key(entry: Entry) -> tuple[str, int]:
    """Alphabetical whatever the accents and case: "Échelle" after "duomo"."""
    text = unicodedata.normalize("NFKD", entry.page["title"]).casefold()
    return "".join(c for c in text if not unicodedata.combining(c)), entry.page["id"]


class Helpers:
    """Formatting and linking for templates, in the page's language."""

    def __init__(self, ctx: RenderContext, entry: Entry) -> None:
        self.ctx = ctx
        self.entry = entry
        self.lang = ctx.lang
        self.locale = Locale.parse(ctx.lang)
        self._ = translations(ctx.lang).gettext
        self.ngettext = translations(ctx.lang).ngettext

    # Links
    def url(self, page_id: int | None) -> str | None:
        return None if page_id is None else self.ctx.model.url_for(page_id, self.lang)

    def page(self, page_id: int | None) -> dict | None:
        return self.ctx.model.page_in(page_id, self.lang)

    def description(self) -> str:
        """The page's description, for people and search engines
        (publisher/descriptions.py)."""
        page = self.entry.page
        kind = self.entry.kind if page.get("id") else page["meta"]["type"]
        site = self.ctx.model.snapshot.territory.get("name", "")
        return describe(page, kind, site, self._)

    def route_map(self, page: Mapping[str, Any]) -> Markup:
        """An itinerary's located stops, drawn at build time (route_map.py)."""
        stops = [
            (place.get("title", ""), where)
            for stop in page.get("stops") or []
            if (place := self.page(stop.get("place"))) is not None
            and (where := position(place)) is not None
        ]
        names = format_list([name for name, _where in stops], locale=self.locale)
        return route_svg(
            stops,
            self._("The route of %(title)s") % {"title": page.get("title", "")},
            self._("Its stops in order: %(stops)s.") % {"stops": names},
        )

    def offline_urls(self, page: Mapping[str, Any]) -> list[str]:
        """What saving an itinerary for offline use keeps: its page, its stops'
        pages, its GPX track and the stylesheets they all use."""
        urls = [self.entry.url, self.static("css/site.css")]
        urls.append(self.static("css/brand.css"))
        located = False
        for stop in page.get("stops") or []:
            located = located or position(self.page(stop.get("place"))) is not None
            if (url := self.url(stop.get("place"))) and url not in urls:
                urls.append(url)
        if located:  # the build writes a track when a stop is on the map
            urls.append(f"{self.entry.url}track.gpx")
        return urls

    def accessibility(self, page: Mapping[str, Any]) -> list[str]:
        """The accessibility facts a place has, in words (vocabulary.py)."""
        return [self._(label) for key, label in ACCESSIBILITY if page.get(key)]

    @staticmethod
    def easy_read(audience: str) -> bool:
        """Whether an audience's page lists items by their plain-language
        summary (children, older people, immigrant communities)."""
        return audience in EASY_READ_AUDIENCES

    def address(self, page: Mapping[str, Any] | None) -> str:
        """A place's or business's address in words: street, postal code, town."""
        return full_address(page) if page else ""

    @staticmethod
    def direction(lang: str) -> str:
        """`dir` for text in `lang` (a fallback page's original language)."""
        return direction(lang)

    def static(self, path: str) -> str:
        return self.ctx.static.get(path, f"/{self.ctx.site.static_dir}/{path}")

    # Images
    def image(
        self,
        image_id: int | None,
        sizes: str = "100vw",
        eager: bool = False,
        page: dict | None = None,
        alt: str | None = None,
    ) -> Markup:
        """An image of `page` (the page being rendered unless given), served here.

        The API sends each page with its own images only: a listing passes the
        listed page. `alt` is the page's own text for this use of the image (a
        block's); without it, the page's or the library's (`media.alt_text`).
        Text in another language than the page's is marked with `lang`, so a
        screen reader reads it with the right voice.
        """
        data = self._image_data(image_id, page)
        if not data:
            return Markup("")
        served = [  # the page's own: WebP (the JPEG is the crop for sharing)
            (url, r)
            for url, r in served_renditions(data, self.ctx.media)
            if r.get("format", "webp") not in SHAREABLE
        ]
        if not served:
            return Markup("")
        src, largest = served[min(1, len(served) - 1)]
        srcset = ", ".join(f"{url} {r['width']}w" for url, r in served)
        loading = "eager" if eager else "lazy"
        marked = Markup("")
        if not alt:
            owner = self.entry.page if page is None else page
            alt = alt_text(owner, image_id, data)
            if alt == data.get("alt") and data.get("lang", self.lang) != self.lang:
                marked = Markup(' lang="{}"').format(data["lang"])
        return Markup(
            '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{} '
            'loading="{}" decoding="async">'
        ).format(
            src, srcset, sizes, largest["width"], largest["height"], alt, marked,
            loading,
        )  # fmt: skip

    def card_image(self, item: Entry) -> Markup:
        """A listed page's own picture: its hero image, or an offer's image."""
        image_id = item.page.get("hero_image") or item.page.get("image")
        return self.image(image_id, sizes=CARD_SIZES, page=item.page)

    def credit(self, image_id: int | None, page: dict | None = None) -> str:
        return (self._image_data(image_id, page) or {}).get("credit", "")

    def _image_data(self, image_id: int | None, page: dict | None) -> dict | None:
        if image_id is None:
            return None
        media = (self.entry.page if page is None else page).get("media", {})
        return media.get("images", {}).get(str(image_id))

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

    def datetime(self, value: str | datetime | None, format: str = "long") -> str:
        """Date and time in Rome, the way the language joins them, without seconds."""
        if not value:
            return ""
        moment = local(value) if isinstance(value, str) else value.astimezone(ROME)
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

    def date_tag(self, value: str | None, format: str = "long") -> Markup:
        """A date for people inside a `<time>` that machines can read."""
        if not value:
            return Markup("")
        return _time_tag(value[:10], self.date(value, format))

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

    def percent(self, value: object) -> str:
        if value in (None, ""):
            return ""
        return format_percent(Decimal(str(value)) / 100, locale=self.locale)

    def duration(self, minutes: int | None) -> str:
        """90 → "1 hour and 30 minutes", in the language's own words."""
        if not minutes:
            return ""
        hours, rest = divmod(int(minutes), 60)
        parts = [
            format_unit(amount, unit, length="long", locale=self.locale)
            for amount, unit in ((hours, "duration-hour"), (rest, "duration-minute"))
            if amount
        ]
        return format_list(parts, locale=self.locale)

    def distance(self, km: object) -> str:
        if km in (None, ""):
            return ""
        return format_unit(
            Decimal(str(km)), "length-kilometer", length="short", locale=self.locale
        )

    # Opening hours
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
            if day - start == 7:
                label = self._("Every day")
            elif day - 1 == start:
                label = names[start]
            else:
                label = f"{names[start]}–{names[day - 1]}"
            rows.append((self.capital(label), ", ".join(by_day[start]) or None))
            start = day
        return rows

    def upcoming_exceptions(self, page: dict) -> list[dict]:
        """Closures and special hours that still lie ahead, soonest first."""
        today = self.today.isoformat()
        return sorted(
            (
                row
                for row in page.get("opening_exceptions") or []
                if (row.get("end_date") or row["start_date"]) >= today
            ),
            key=lambda row: row["start_date"],
        )

    # Events
    @property
    def today(self) -> date:
        build_date = self.ctx.build_date
        return date.fromisoformat(build_date) if build_date else date.min

    def next_start(self, event: dict) -> datetime | None:
        """The next occurrence still running on or after the build date."""
        return occurrences.next_start(event, self.today)

    def when(self, event: dict, format: str = "long", upcoming: bool = False) -> Markup:
        """An event's date and time in words, in `<time>` elements.

        With `upcoming`, a repeating event shows its next occurrence instead of its
        first: what a listing of upcoming events needs.
        """
        start = (self.next_start(event) if upcoming else None) or local(event["start"])
        end = start + occurrences.length(event) if event.get("end") else None
        if event.get("all_day"):
            text = _time_tag(start.date().isoformat(), self._day(start, format))
            if end and end.date() != start.date():
                last = _time_tag(end.date().isoformat(), self._day(end, format))
                text = Markup("{} – {}").format(text, last)
            return text
        text = _time_tag(start.isoformat(), self.datetime(start, format))
        if end and end.date() == start.date():
            clock = format_time(end, "short", tzinfo=ROME, locale=self.locale)
            return Markup("{}–{}").format(text, _time_tag(end.isoformat(), clock))
        if end:
            last = _time_tag(end.isoformat(), self.datetime(end, format))
            return Markup("{} – {}").format(text, last)
        return text

    def recurrence(self, event: dict) -> str:
        """A repeating event in words: "every Thursday, until 12 December 2026".

        The end is the one the calendars write (`Rule.ending`).
        """
        plain = occurrences.Rule.of(event)
        frequency, every, day = plain.frequency, plain.interval, ""
        if frequency == "weekly" and every == 1:
            rule = self._(EVERY_WEEKDAY[plain.first.weekday()])
        elif frequency == "weekly":
            rule = self.ngettext("every %(num)s week", "every %(num)s weeks", every)
        elif frequency == "monthly" and plain.monthly_on:
            week, weekday = plain.week_of_month, plain.first.weekday()
            day = self._(MONTHLY_WEEKDAY[week - 1 if week > 0 else 5][weekday])
            rule = "%(day)s"
            if every > 1:
                rule = self.ngettext(
                    "%(day)s, every %(num)s month",
                    "%(day)s, every %(num)s months",
                    every,
                )
        elif frequency == "monthly" and every == 1:
            rule = self._("every month")
        elif frequency == "monthly":
            rule = self.ngettext("every %(num)s month", "every %(num)s months", every)
        else:
            return ""
        rule %= {"num": self.number(every), "day": day}
        until, count = plain.ending()
        if until:
            day = self.date(until.isoformat())
            return self._("%(rule)s, until %(date)s") % {"rule": rule, "date": day}
        if count:
            return self.ngettext(
                "%(rule)s, %(num)s time", "%(rule)s, %(num)s times", count
            ) % {"rule": rule, "num": self.number(count)}
        return rule

    def dates(self, event: dict, limit: int = 12) -> tuple[list[Markup], bool]:
        """A repeating event's dates still to come, each in a `<time>` element,
        at most `limit`, and whether more follow."""
        starts, more = occurrences.upcoming(event, self.today, limit)
        return [self.date_tag(start.date().isoformat()) for start in starts], more

    def skipped(self, event: dict) -> list[str]:
        """Dates a repeating event skips, from the build date on."""
        return occurrences.upcoming_skipped(event, self.today)

    def _day(self, moment: datetime, format: str) -> str:
        return format_date(moment, "full" if format == "long" else format, self.locale)

    # Listings
    def upcoming(self, entries: list[Entry]) -> list[Entry]:
        """Events still to come (or under way), the soonest first."""
        found = [(self.next_start(e.page), e) for e in entries]
        found = [(start, e) for start, e in found if start is not None]
        return [e for start, e in sorted(found, key=lambda f: (f[0], f[1].page["id"]))]

    def by_month(self, entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
        """Upcoming events under the month of their next day, "December 2026"."""
        groups: dict[str, list[Entry]] = {}
        for entry in entries:
            start = self.next_start(entry.page) or local(entry.page["start"])
            moment = max(start.date(), self.today)  # under way: this month
            label = format_date(moment, "LLLL yyyy", locale=self.locale)
            groups.setdefault(self.capital(label), []).append(entry)
        return list(groups.items())

    def current_offers(self, entries: list[Entry]) -> list[Entry]:
        """Offers still valid on the build date, those ending soonest first."""
        today = self.today.isoformat()
        found = [e for e in entries if (e.page.get("valid_until") or "") >= today]
        return sorted(found, key=lambda e: (e.page["valid_until"], _title_key(e)))

    def by_kind(self, entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
        """Places under their kind, kinds in the vocabulary's order, "other" last.

        validate.py has refused a place of a kind the vocabulary lacks.
        """
        groups: dict[str, list[Entry]] = {kind: [] for kind in PLACE_KINDS}
        for entry in self.by_title(entries):
            groups[entry.page["kind"]].append(entry)
        return [(kind, items) for kind, items in groups.items() if items]

    def by_title(self, entries: list[Entry]) -> list[Entry]:
        return sorted(entries, key=_title_key)

    def newest_first(self, entries: list[Entry]) -> list[Entry]:
        """Stories by date, the newest first; same day, by title."""
        by_title = self.by_title(entries)
        return sorted(by_title, key=lambda e: e.page.get("date") or "", reverse=True)

    def for_audience(self, entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
        """An audience's pages by kind: places, events to come, routes, stories."""
        arrange = {
            "place": self.by_title,
            "event": self.upcoming,
            "itinerary": self.by_title,
            "story": self.newest_first,
        }
        groups = [
            (kind, order([e for e in entries if e.kind == kind]))
            for kind, order in arrange.items()
        ]
        return [(kind, items) for kind, items in groups if items]

    # Vocabularies (publisher/vocabulary.py): a code's label in this language
    def audience_label(self, code: str) -> str:
        return self._(AUDIENCES[code])

    def kind_label(self, code: str) -> str:
        return self._(PLACE_KINDS[code])

    def section_label(self, kind: str) -> str:
        return self._(AUDIENCE_SECTIONS[kind])

    @staticmethod
    def capital(text: str) -> str:
        """The first letter in capitals, the rest untouched (unlike `capitalize`)."""
        return text[:1].upper() + text[1:]

    def language_name(self, code: str) -> str:
        return Locale.parse(code).get_display_name(code).capitalize()

    # Link previews and search engines (see publisher/structured_data/)
    def social_tags(self, title: str = "") -> list[tuple[str, str, str]]:
        return structured_data.social_tags(self, title)

    def json_ld(self, title: str = "") -> Markup:
        return structured_data.json_ld(self, title)
