"""Calendars (RFC 5545): every upcoming event of a language, and one per event.

`/<lang>/calendar.ics` is a feed to subscribe to; `<event page>event.ics` is the
"add to calendar" file of one event. Times are in Rome with its VTIMEZONE, so
clients need no time-zone database; RRULE and EXDATE come from the CMS's plain
rule through `occurrences.Rule`, the writer the API's `rrule` uses too (the
API's text is not copied, so nothing unchecked reaches the file). UIDs and
DTSTAMP derive from the content and the build date only: the same snapshot and
date give the same bytes, and a slug change keeps the UID. Written by hand, not
with icalendar: its files mean the same, but took 4× as long for 2,000 events.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from ..addresses import full_address
from ..i18n import translations
from ..occurrences import Rule, local, next_start
from ..sitemodel import Entry

if TYPE_CHECKING:
    from ..render_context import RenderContext

PRODID = "-//Vetrina//Calendars//EN"
TZID = "Europe/Rome"
# Europe/Rome since 1996: summer time from the last Sunday of March, 02:00 CET,
# to the last Sunday of October, 03:00 CEST (the EU rule).
VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    f"X-LIC-LOCATION:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)
STATUS_LABELS = {
    "cancelled": "Cancelled",
    "postponed": "Postponed",
    "moved-online": "Moved online",
}
# TEXT may hold any character but the controls (HTAB aside); newlines are escaped.
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
NEWLINES = re.compile(r"\r\n|\r|\n")
# Characters a URI may carry as they are; anything else is percent-encoded.
URI_SAFE = ":/?#[]@!$&'()*+,;=%-._~"
LINE_OCTETS = 75


def outputs(ctx: RenderContext) -> dict[str, Callable[[], bytes]]:
    """The language's calendar, and an event.ics next to every event page."""
    found: dict[str, Callable[[], bytes]] = {
        f"/{ctx.lang}/calendar.ics": functools.partial(language_calendar, ctx)
    }
    for entry in ctx.model.of_kind(ctx.lang, "event"):
        found[event_file_url(entry.url)] = functools.partial(event_calendar, entry, ctx)
    return found


def event_file_url(page_url: str) -> str:
    """Where an event page's "add to calendar" file is published."""
    return f"{page_url.rstrip('/')}/event.ics"


def language_calendar(ctx: RenderContext) -> bytes:
    """Every event still to come (or under way) on the build date, soonest first."""
    today = _today(ctx)
    upcoming = []
    for entry in ctx.model.of_kind(ctx.lang, "event"):
        start = next_start(entry.page, today)
        if start is not None:
            upcoming.append((start, entry.page["id"], entry))
    return _calendar(ctx, (entry for _, _, entry in sorted(upcoming)))


def event_calendar(entry: Entry, ctx: RenderContext) -> bytes:
    """One event, for visitors who add it to their own calendar."""
    return _calendar(ctx, [entry])


def _calendar(ctx: RenderContext, entries: Iterable[Entry]) -> bytes:
    name = translations(ctx.lang).gettext("Events · %(territory)s") % {
        "territory": ctx.model.snapshot.territory.get("name", "")
    }
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{PRODID}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
        f"X-WR-TIMEZONE:{TZID}",
        *VTIMEZONE,
    ]
    for entry in entries:
        lines += _vevent(entry, ctx)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")


def _vevent(entry: Entry, ctx: RenderContext) -> list[str]:
    model = ctx.model
    event = model.page(entry.page["id"]) or entry.page
    rule = Rule.of(event)
    all_day, first = rule.all_day, rule.first
    stamp = datetime.combine(_today(ctx), datetime.min.time(), UTC)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape(uid(entry, model.snapshot.territory))}",
        f"DTSTAMP:{_utc(stamp)}",
        _when("DTSTART", [first], all_day),
    ]
    if end := _end(event, first, all_day):
        lines.append(_when("DTEND", [end], all_day))
    if value := rule.rrule():
        lines.append(f"RRULE:{value}")
    if skipped := rule.exdates():
        lines.append(_when("EXDATE", skipped, all_day))
    status = event.get("status")
    lines.append(f"STATUS:{'CANCELLED' if status == 'cancelled' else 'CONFIRMED'}")
    language = _language(event)
    lines.append(f"SUMMARY{language}:{escape(event.get('title'))}")
    description = [str(event.get("summary") or "")]
    if status in STATUS_LABELS:
        label = translations(ctx.lang).gettext(STATUS_LABELS[status])
        description.insert(0, f"{label}\n")
    if text := "\n".join(description).strip():
        lines.append(f"DESCRIPTION{language}:{escape(text)}")
    base = str(model.snapshot.territory.get("base_url") or "").rstrip("/")
    if base:
        lines.append(f"URL:{quote(base + entry.url, safe=URI_SAFE)}")
    venue = model.page_in(event.get("venue"), ctx.lang)
    if location := _location(event, venue):
        lines.append(f"LOCATION{language}:{escape(location)}")
    if geo := _geo(venue):
        lines.append(f"GEO:{geo}")
    lines.append("END:VEVENT")
    return lines


def uid(entry: Entry, territory: dict) -> str:
    """The same for an event in a language of a territory, whatever its slug.

    Built from the translation key (shared by the event's translations), the
    language and the territory's public host, so that calendars that subscribed
    update the event instead of adding a copy.
    """
    host = urlsplit(str(territory.get("base_url") or "")).hostname
    host = host or str(territory.get("site") or territory.get("slug") or "vetrina")
    return f"event-{entry.key}-{entry.lang}@{host}"


def escape(value: object) -> str:
    """A TEXT value: backslash, semicolon, comma and newlines escaped, controls
    dropped, so no text from the API can end a line or add a property."""
    text = CONTROLS.sub("", str(value or ""))
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return NEWLINES.sub("\\\\n", text)


def fold(line: str) -> str:
    """Lines of at most 75 octets, continued after CRLF and a space.

    Folds between characters, never inside a character's UTF-8 bytes.
    """
    if len(line) <= LINE_OCTETS // 4 or len(line.encode("utf-8")) <= LINE_OCTETS:
        return line  # most lines: nothing to fold
    pieces: list[str] = []
    current, size, limit = [], 0, LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, LINE_OCTETS - 1  # the space counts
        current.append(char)
        size += octets
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def _today(ctx: RenderContext) -> date:
    built = ctx.build_date or ctx.model.snapshot.build_date
    return date.fromisoformat(built) if built else date.min


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _when(name: str, moments: list[datetime | date], all_day: bool) -> str:
    """DTSTART, DTEND or EXDATE: dates for all-day events, else Rome's clock."""
    if all_day:
        values = ",".join(f"{m:%Y%m%d}" for m in moments)
        return f"{name};VALUE=DATE:{values}"
    values = ",".join(f"{m:%Y%m%dT%H%M%S}" for m in moments)
    return f"{name};TZID={TZID}:{values}"


def _end(event: dict, first: datetime, all_day: bool) -> date | datetime | None:
    """DTEND of the first occurrence; for all-day events, the day after the last
    one (RFC 5545's end is exclusive)."""
    end = local(event["end"]) if event.get("end") else None
    if all_day:
        last = end.date() if end and end.date() > first.date() else first.date()
        return last + timedelta(days=1)
    return end if end and end > first else None


def _language(event: dict) -> str:
    """A LANGUAGE parameter naming the text's own language (a fallback page's
    is the default language's)."""
    code = str(event.get("meta", {}).get("locale") or "")
    return (
        f";LANGUAGE={code}"
        if re.fullmatch(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", code)
        else ""
    )


def _location(event: dict, venue: dict | None) -> str:
    if venue is not None:
        parts = (venue.get("title"), full_address(venue))
        return ", ".join(str(p).strip() for p in parts if str(p or "").strip())
    return str(event.get("location") or "").strip()


def _geo(venue: dict | None) -> str:
    """GEO's "latitude;longitude", when the venue has valid coordinates."""
    if venue is None:
        return ""
    try:
        lat, lon = float(venue["latitude"]), float(venue["longitude"])
    except (KeyError, TypeError, ValueError):
        return ""
    if (
        not (math.isfinite(lat) and math.isfinite(lon))
        or abs(lat) > 90
        or abs(lon) > 180
    ):
        return ""
    return f"{lat:.6f};{lon:.6f}"
