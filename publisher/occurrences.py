"""When an event happens: its rule, its occurrences and its RRULE, in one place.

The CMS keeps a plain rule (weekly or monthly, every N; a monthly one on the
same date or on the same weekday of the month, as "the first Sunday" or "the
last Sunday"; until a date or N times; skipped dates). Everything that reads
it comes here: the site's listings and pages, the posters, the calendars'
RRULE and EXDATE, JSON-LD's schedule and the API's `rrule` (the CMS imports
`Rule`), so they cannot disagree. Expansion is dateutil's RFC 5545
engine, run on Rome's wall clock: every event of a territory takes place there,
and a series keeps its clock time across summer time.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil import rrule as rfc

ROME = ZoneInfo("Europe/Rome")
FREQUENCIES = {"weekly": rfc.WEEKLY, "monthly": rfc.MONTHLY}
# How a monthly series is placed in each month: the first start's date ("");
# its weekday, in the same week of the month ("weekday": the 2nd Tuesday);
# its weekday, the last of the month ("last-weekday": the last Sunday).
MONTHLY_ON = ("", "weekday", "last-weekday")
WEEKDAYS = (rfc.MO, rfc.TU, rfc.WE, rfc.TH, rfc.FR, rfc.SA, rfc.SU)


@dataclass(frozen=True)
class Rule:
    """An event's recurrence: its first start (in Rome) and the CMS's plain rule.

    `frequency` is "" for a one-off event. `count` is how many times the event
    takes place, as an editor means it: "8 lessons" with one date skipped are
    still 8 lessons, the last one a week later. RFC 5545's COUNT counts the
    dates before EXDATE removes any, so the RRULE says COUNT=9 (`rfc_count`).
    A monthly series on the 31st leaves out shorter months without counting
    them, as RFC 5545 does.
    """

    first: datetime
    all_day: bool = False
    frequency: str = ""
    interval: int = 1
    until: date | None = None
    count: int | None = None
    skipped: frozenset[date] = frozenset()
    monthly_on: str = ""

    @classmethod
    def of(cls, event: dict) -> Rule:
        """The rule of an event as the API gives it (bad values read as absent)."""
        frequency = event.get("frequency") or ""
        monthly_on = event.get("monthly_on") or ""
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
            monthly_on=monthly_on
            if frequency == "monthly" and monthly_on in MONTHLY_ON
            else "",
        )

    @property
    def repeats(self) -> bool:
        return bool(self.frequency)

    @property
    def week_of_month(self) -> int:
        """Which of its weekday in the month the first start is: 1…5, or -1
        for the last one (`monthly_on` "last-weekday")."""
        if self.monthly_on == "last-weekday":
            return -1
        return (self.first.day - 1) // 7 + 1

    def mismatch(self) -> str | None:
        """Why the first start is not a date of its own rule, or None. RFC 5545
        counts DTSTART as the first occurrence even then, and dateutil leaves it
        out: calendars would disagree, so such a rule is refused."""
        next_week = self.first + timedelta(weeks=1)
        if self.monthly_on == "last-weekday" and next_week.month == self.first.month:
            return "the first start is not the last of its weekday in its month"
        return None

    def ending(self) -> tuple[date | None, int | None]:
        """(until, count), at most one set: when both are, the one ending first.

        RFC 5545 allows one of UNTIL and COUNT; the CMS refuses both, but a
        snapshot may still carry both. The count is the editor's (see above).
        """
        if self.until and self.count:
            bounded = self._series(self.until, None)
            held = sum(1 for start in bounded if start.date() not in self.skipped)
            return (None, self.count) if held >= self.count else (self.until, None)
        return self.until, self.count

    def rfc_count(self) -> int | None:
        """RFC 5545's COUNT for the editor's count: the dates generated until
        the count-th that is not skipped."""
        _until, count = self.ending()
        if not count:
            return None
        generated = held = 0
        for start in self._series(None, None):
            generated += 1
            held += start.date() not in self.skipped
            if held == count:
                break
        return generated

    def starts(self) -> Iterator[datetime]:
        """The start of every occurrence, in Rome, skipped dates left out.

        Endless for a series with neither an until-date nor a count.
        """
        if not self.repeats:
            yield self.first
            return
        clock, zone = self.first.time(), self.first.tzinfo
        until, _count = self.ending()
        for moment in self._series(until, self.rfc_count()):
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
        if self.monthly_on:
            day = str(WEEKDAYS[self.first.weekday()])
            parts.append(f"BYDAY={self.week_of_month}{day}")
        until, _count = self.ending()
        count = self.rfc_count()
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
        weekday = None
        if self.monthly_on:
            weekday = WEEKDAYS[self.first.weekday()](self.week_of_month)
        return rfc.rrule(
            FREQUENCIES[self.frequency],
            dtstart=start,
            interval=self.interval,
            until=datetime.combine(until, start.time()) if until else None,
            count=count,
            byweekday=weekday,
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


def upcoming(event: dict, today: date, limit: int) -> tuple[list[datetime], bool]:
    """The starts of the occurrences still running on or after `today`, at
    most `limit`, and whether more follow: the dates a page and a poster list,
    the ones a calendar application expands from the `.ics`."""
    span, found = length(event), []
    for start in Rule.of(event).starts():
        if (start + span).date() < today:
            continue
        if len(found) == limit:
            return found, True
        found.append(start)
    return found, False


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
