"""Recurrence: the dates a visitor sees, and the RRULE their calendar app reads.

Expected dates are those the hand-written expansion gave before dateutil took
over; the RRULE is read back with dateutil's own RFC 5545 parser and must give
the dates `starts()` lists.
"""

from datetime import date, datetime

import pytest
from dateutil.rrule import rruleset, rrulestr

from publisher.occurrences import ROME, Rule, next_start, starts, upcoming_skipped


def series(start, frequency="weekly", **fields):
    return {"start": start, "frequency": frequency, **fields}


def days(event) -> list[str]:
    return [moment.isoformat() for moment in starts(event)]


def test_weekly_every_three_weeks_until_a_date_keeps_its_clock_over_summer_time():
    event = series("2026-11-05T18:00:00+01:00", interval=3, repeat_until="2027-04-30")
    assert days(event) == [
        "2026-11-05T18:00:00+01:00",
        "2026-11-26T18:00:00+01:00",
        "2026-12-17T18:00:00+01:00",
        "2027-01-07T18:00:00+01:00",
        "2027-01-28T18:00:00+01:00",
        "2027-02-18T18:00:00+01:00",
        "2027-03-11T18:00:00+01:00",
        "2027-04-01T18:00:00+02:00",
        "2027-04-22T18:00:00+02:00",
    ]


def test_monthly_on_the_31st_skips_short_months():
    event = series("2026-10-31T21:00:00+01:00", "monthly", repeat_until="2027-06-30")
    assert [day[:10] for day in days(event)] == [
        "2026-10-31",
        "2026-12-31",
        "2027-01-31",
        "2027-03-31",
        "2027-05-31",
    ]


def test_monthly_on_the_31st_counts_only_the_dates_it_keeps():
    event = series("2027-01-31T10:00:00+01:00", "monthly", interval=2, repeat_count=4)
    assert days(event) == [
        "2027-01-31T10:00:00+01:00",
        "2027-03-31T10:00:00+02:00",
        "2027-05-31T10:00:00+02:00",
        "2027-07-31T10:00:00+02:00",
    ]


def test_the_number_of_times_counts_the_dates_that_take_place():
    """ "4 times" with one date skipped: 4 lessons, the last a week later; the
    RRULE's COUNT counts the skipped one too, as RFC 5545 does before EXDATE."""
    event = series(
        "2026-12-01T18:00:00+01:00",
        repeat_count=4,
        exception_dates=[{"date": "2026-12-15"}],
    )
    assert [day[:10] for day in days(event)] == [
        "2026-12-01",
        "2026-12-08",
        "2026-12-22",
        "2026-12-29",
    ]
    assert Rule.of(event).rrule() == "FREQ=WEEKLY;COUNT=5"


def test_a_monthly_event_on_the_first_or_the_last_sunday():
    first = series("2026-12-06T09:00:00+01:00", "monthly", repeat_count=3)
    first["monthly_on"] = "weekday"
    assert [day[:10] for day in days(first)] == [
        "2026-12-06",
        "2027-01-03",
        "2027-02-07",
    ]
    assert Rule.of(first).rrule() == "FREQ=MONTHLY;BYDAY=1SU;COUNT=3"
    last = series("2026-12-27T09:00:00+01:00", "monthly", repeat_count=3)
    last["monthly_on"] = "last-weekday"
    assert [day[:10] for day in days(last)] == [
        "2026-12-27",
        "2027-01-31",
        "2027-02-28",
    ]
    assert Rule.of(last).rrule() == "FREQ=MONTHLY;BYDAY=-1SU;COUNT=3"
    last["start"] = "2026-12-20T09:00:00+01:00"  # not the last Sunday
    assert Rule.of(last).mismatch()


def test_the_autumn_change_keeps_the_clock_and_moves_the_offset():
    event = series("2026-10-10T09:00:00+02:00", repeat_until="2026-11-01")
    assert days(event)[-2:] == [
        "2026-10-24T09:00:00+02:00",
        "2026-10-31T09:00:00+01:00",
    ]


def test_a_repetition_ending_before_the_start_has_no_dates():
    assert days(series("2026-12-06T10:00:00+01:00", repeat_until="2026-12-01")) == []


def test_a_one_off_event_happens_once_whatever_its_skipped_dates():
    event = {"start": "2026-12-06T10:00:00+01:00", "frequency": ""}
    event["exception_dates"] = [{"date": "2026-12-06"}]
    assert days(event) == ["2026-12-06T10:00:00+01:00"]
    assert Rule.of(event).rrule() == ""
    assert Rule.of(event).exdates() == []


def test_next_start_counts_an_occurrence_still_running():
    event = series(
        "2026-11-02T22:00:00+01:00",
        end="2026-11-03T02:00:00+01:00",
        repeat_count=3,
    )
    # The 9 November one runs past midnight: still on on the 10th.
    assert next_start(event, date(2026, 11, 10)) == datetime(
        2026, 11, 9, 22, tzinfo=ROME
    )
    assert next_start(event, date(2026, 11, 11)) == datetime(
        2026, 11, 16, 22, tzinfo=ROME
    )
    assert next_start(event, date(2026, 11, 18)) is None


def test_upcoming_skipped_dates_start_from_the_build_date():
    event = series(
        "2026-12-01T18:00:00+01:00",
        exception_dates=[{"date": "2026-12-22"}, {"date": "2026-12-08"}],
    )
    assert upcoming_skipped(event, date(2026, 12, 8)) == ["2026-12-08", "2026-12-22"]
    assert upcoming_skipped(event, date(2026, 12, 9)) == ["2026-12-22"]


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        # A timed UNTIL is the start's clock on the until-date, in UTC: 18:00
        # in Rome is 17:00 UTC in winter, 16:00 in summer.
        (
            series("2026-11-05T18:00:00+01:00", repeat_until="2027-01-28"),
            "FREQ=WEEKLY;UNTIL=20270128T170000Z",
        ),
        (
            series("2026-11-05T18:00:00+01:00", repeat_until="2027-04-22"),
            "FREQ=WEEKLY;UNTIL=20270422T160000Z",
        ),
        # An all-day event's DTSTART is a DATE, so its UNTIL is one too.
        (
            series(
                "2026-12-06T00:00:00+01:00", all_day=True, repeat_until="2027-01-31"
            ),
            "FREQ=WEEKLY;UNTIL=20270131",
        ),
        (
            series("2026-09-15T10:00:00+02:00", "monthly", interval=2, repeat_count=6),
            "FREQ=MONTHLY;INTERVAL=2;COUNT=6",
        ),
        # Both given: the one ending first (3 dates before 1 June).
        (
            series(
                "2026-12-01T18:00:00+01:00", repeat_until="2027-06-01", repeat_count=3
            ),
            "FREQ=WEEKLY;COUNT=3",
        ),
        (
            series(
                "2026-12-01T18:00:00+01:00", repeat_until="2026-12-10", repeat_count=3
            ),
            "FREQ=WEEKLY;UNTIL=20261210T170000Z",
        ),
    ],
)
def test_the_rrule_value(event, expected):
    assert Rule.of(event).rrule() == expected


EXPANDED = [
    series("2026-11-05T18:00:00+01:00", interval=3, repeat_until="2027-04-30"),
    series("2026-10-31T21:00:00+01:00", "monthly", repeat_until="2027-06-30"),
    series("2027-01-31T10:00:00+01:00", "monthly", interval=2, repeat_count=4),
    series(
        "2026-12-01T18:00:00+01:00",
        repeat_count=4,
        exception_dates=[{"date": "2026-12-15"}],
    ),
    series("2026-10-10T09:00:00+02:00", repeat_until="2026-11-01"),
    series("2027-03-17T20:30:00+01:00", repeat_until="2027-04-07"),
    series(
        "2026-12-06T00:00:00+01:00",
        all_day=True,
        repeat_until="2027-01-31",
        exception_dates=[{"date": "2026-12-27"}],
    ),
    series("2026-12-01T18:00:00+01:00", repeat_until="2027-06-01", repeat_count=3),
]


@pytest.mark.parametrize("event", EXPANDED)
def test_a_calendar_app_expanding_the_rrule_finds_the_same_dates(event):
    """What dateutil's RFC 5545 reader makes of DTSTART, RRULE and EXDATE."""
    rule = Rule.of(event)
    dates = rruleset()
    if rule.all_day:
        first = datetime.combine(rule.first.date(), datetime.min.time())
        dates.rrule(rrulestr(rule.rrule(), dtstart=first))
        for moment in rule.exdates():
            dates.exdate(moment.replace(tzinfo=None))
        found = [moment.date() for moment in dates]
        assert found == [moment.date() for moment in starts(event)]
    else:
        dates.rrule(rrulestr(rule.rrule(), dtstart=rule.first))
        for moment in rule.exdates():
            dates.exdate(moment)
        assert list(dates) == list(starts(event))
        assert [m.utcoffset() for m in dates] == [m.utcoffset() for m in starts(event)]
