"""When an event happens: its occurrences, read from the API's event fields.

The CMS keeps a plain rule (weekly or monthly, every N, until a date or N
times, skipped dates) and derives an RFC 5545 `rrule` from it for calendars;
listings read the plain fields, which say the same thing. Times are in Rome,
where every event of a territory takes place.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

ROME = ZoneInfo("Europe/Rome")


def local(value: str) -> datetime:
    """An API date or date-time as a moment in Rome."""
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ROME)
    return moment.astimezone(ROME)


def length(event: dict) -> timedelta:
    """How long one occurrence lasts (nothing when the event gives no end)."""
    if not event.get("end"):
        return timedelta(0)
    return max(local(event["end"]) - local(event["start"]), timedelta(0))


def starts(event: dict) -> Iterator[datetime]:
    """The start of every occurrence, skipped dates left out.

    Endless for an event that repeats with neither an end date nor a count. A
    monthly event on the 31st skips shorter months, as RFC 5545 does, and
    counts only the dates it keeps.
    """
    first = local(event["start"])
    frequency = event.get("frequency") or ""
    if frequency not in ("weekly", "monthly"):
        yield first
        return
    interval = event.get("interval") or 1
    until = event.get("repeat_until")
    last = date.fromisoformat(until) if until else None
    count = event.get("repeat_count") or None
    skipped = {row["date"] for row in event.get("exception_dates") or []}
    made = 0
    for step in itertools.count():
        if frequency == "weekly":
            day = first.date() + timedelta(weeks=step * interval)
        else:
            months = first.month - 1 + step * interval
            try:
                day = date(first.year + months // 12, months % 12 + 1, first.day)
            except ValueError:
                continue
        if (last and day > last) or (count and made >= count):
            return
        made += 1
        if day.isoformat() not in skipped:
            yield datetime.combine(day, first.time(), ROME)


def next_start(event: dict, today: date) -> datetime | None:
    """The first occurrence still running on or after `today`, if any."""
    span = length(event)
    for start in starts(event):
        if (start + span).date() >= today:
            return start
    return None


def upcoming_skipped(event: dict, today: date) -> list[str]:
    """Skipped dates (ISO) still to come, in order."""
    return sorted(
        row["date"]
        for row in event.get("exception_dates") or []
        if row["date"] >= today.isoformat()
    )
