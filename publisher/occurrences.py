"""When an event happens: its rule, its occurrences and its RRULE, in one place.

The CMS keeps a plain rule (weekly or monthly, every N, until a date or N
times, skipped dates). Everything that reads it comes here: the site's listings
and pages, the calendars' RRULE and EXDATE, and the API's `rrule` (the CMS
imports `Rule`), so they cannot disagree. Expansion is dateutil's RFC 5545
engine, run on Rome's wall clock: every event of a territory takes place there,
and a series keeps its clock time across summer time.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil import rrule as rfc

ROME = ZoneInfo("Europe/Rome")
FREQUENCIES = {"weekly": rfc.WEEKLY, "monthly": rfc.MONTHLY}


@dataclass(frozen=True)
class Rule:
    """An event's recurrence: its first start (in Rome) and the CMS's plain rule.

    `frequency` is "" for a one-off event. RFC 5545's COUNT counts occurrences
    before skipped dates are removed, and a monthly series on the 31st leaves
    out shorter months without counting them; so does this.
    """

    first: datetime
    all_day: bool = False
    frequency: str = ""
    interval: int = 1
    until: date | None = None
    count: int | None = None
    skipped: frozenset[date] = frozenset()

    @classmethod
    def of(cls, event: dict) -> Rule:
        """The rule of an event as the API gives it (bad values read as absent)."""
        frequency = event.get("frequency") or ""
        return cls(
            first=local(event["start"]),
            all_day=bool(event.get("all_day")),
            frequency=frequency if frequency in FREQUENCIES else "",
            interval=max(_int(event.get("interval")), 1),
            until=_date(event.get("repeat_until")),
            count=_int(event.get("repeat_count")) or None,
            skipped=frozenset(
                day
                for row in event.get("exception_dates") or []
                if (day := _date(row.get("date"))) is not None
            ),
        )

    @property
    def repeats(self) -> bool:
        return bool(self.frequency)

    def ending(self) -> tuple[date | None, int | None]:
        """(until, count), at most one set: when both are, the one ending first.

        RFC 5545 allows one of UNTIL and COUNT; the CMS refuses both, but a
        snapshot may still carry both.
        """
        if self.until and self.count:
            bounded = self._series(self.until, None)
            made = sum(1 for _ in itertools.islice(bounded, self.count))
            return (None, self.count) if made >= self.count else (self.until, None)
        return self.until, self.count

    def starts(self) -> Iterator[datetime]:
        """The start of every occurrence, in Rome, skipped dates left out.

        Endless for a series with neither an until-date nor a count.
        """
        if not self.repeats:
            yield self.first
            return
        clock, zone = self.first.time(), self.first.tzinfo
        until, count = self.ending()
        for moment in self._series(until, count):
            if moment.date() not in self.skipped:
                yield datetime.combine(moment.date(), clock, zone)

    def rrule(self) -> str:
        """The RFC 5545 RRULE value, or "" for a one-off event.

        UNTIL takes DTSTART's value type: the last possible start in UTC for a
        timed event, a DATE for an all-day one. INTERVAL=1 is the default, left out.
        """
        if not self.repeats:
            return ""
        parts = [f"FREQ={self.frequency.upper()}"]
        if self.interval > 1:
            parts.append(f"INTERVAL={self.interval}")
        until, count = self.ending()
        if until and self.all_day:
            parts.append(f"UNTIL={until:%Y%m%d}")
        elif until:
            last = datetime.combine(until, self.first.time(), self.first.tzinfo)
            parts.append(f"UNTIL={last.astimezone(UTC):%Y%m%dT%H%M%SZ}")
        elif count:
            parts.append(f"COUNT={count}")
        return ";".join(parts)

    def exdates(self) -> list[datetime]:
        """Skipped dates at the series' start time, in order (EXDATE's values)."""
        if not self.repeats:
            return []
        clock, zone = self.first.time(), self.first.tzinfo
        return [datetime.combine(day, clock, zone) for day in sorted(self.skipped)]

    def _series(self, until: date | None, count: int | None) -> rfc.rrule:
        """dateutil's rule on the naive wall clock, every generated date kept."""
        start = self.first.replace(tzinfo=None)
        return rfc.rrule(
            FREQUENCIES[self.frequency],
            dtstart=start,
            interval=self.interval,
            until=datetime.combine(until, start.time()) if until else None,
            count=count,
        )


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
    """The start of every occurrence of an API event (see `Rule.starts`)."""
    return Rule.of(event).starts()


def next_start(event: dict, today: date) -> datetime | None:
    """The first occurrence still running on or after `today`, if any."""
    return _next_start(Rule.of(event), length(event), today)


@functools.lru_cache(maxsize=4096)
def _next_start(rule: Rule, span: timedelta, today: date) -> datetime | None:
    """Cached by value: a render asks every listing for each event's next date,
    and dateutil's expansion is slower than the old hand-written loop."""
    for start in rule.starts():
        if (start + span).date() >= today:
            return start
    return None


def upcoming_skipped(event: dict, today: date) -> list[str]:
    """Skipped dates (ISO) still to come, in order."""
    return [day.isoformat() for day in sorted(Rule.of(event).skipped) if day >= today]


def _int(value: object) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
