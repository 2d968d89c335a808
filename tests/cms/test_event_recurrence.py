"""A repeating event from the editor's fields to the visitor: the API's `rrule`,
the page's words and next date, and the .ics all end the series on the same day.

The event is saved in the CMS and read through the API; its fields then go
through the publisher as a build would take them.
"""

import datetime as dt

import pytest
from dateutil.rrule import rruleset, rrulestr

from publisher.channels.calendar import outputs
from publisher.occurrences import ROME, local, starts
from publisher.render import RenderContext, render_page
from publisher.sitemodel import SiteModel
from publisher.snapshot import Snapshot
from tests.cms.factories import EventPageFactory
from tests.publisher.test_channel_calendar import unfold
from tests.publisher.test_theme import TERRITORY, event, item

pytestmark = pytest.mark.django_db

BUILD_DATE = "2026-11-25"
FIELDS = (
    "start",
    "end",
    "all_day",
    "frequency",
    "interval",
    "repeat_until",
    "repeat_count",
    "exception_dates",
    "rrule",
)


def through_the_api(client, territory, skipped=(), **fields) -> dict:
    page = EventPageFactory(parent=territory.sections["events"], **fields)
    for day in skipped:
        page.exception_dates.create(date=day)
    page.save()
    response = client.get(
        "/api/v2/pages/?type=events.EventPage&site=lecce.test:80&fields=*"
    )
    assert response.status_code == 200, response.content
    (found,) = response.json()["items"]
    return found


def published(api_item: dict) -> tuple[str, str, dict]:
    """The event's English page and its .ics, built from the API's fields."""
    page = event(6, **{name: api_item[name] for name in FIELDS})
    pages = [
        item(1, "territories.TerritoryHomePage", "/", key="home"),
        item(4, "events.EventsIndexPage", "/eventi/", intro=""),
        page,
    ]
    site = SiteModel.build(Snapshot(TERRITORY, BUILD_DATE, pages))
    ctx = RenderContext(site, "en", build_date=BUILD_DATE)
    entry = next(e for e in site.entries["en"] if e.url == "/en/eventi/e6/")
    ics = outputs(ctx)["/en/eventi/e6/event.ics"]().decode()
    return render_page(entry, ctx), ics, page


def rrule_line(ics: str) -> str:
    lines = unfold(ics.encode())
    vevent = lines[lines.index("BEGIN:VEVENT") :]
    (line,) = (x for x in vevent if x.startswith("RRULE:"))
    return line.removeprefix("RRULE:")


def test_a_timed_series_until_a_date(territory, client):
    api = through_the_api(
        client,
        territory,
        start=dt.datetime(2026, 11, 5, 18, tzinfo=ROME),  # a Thursday
        end=dt.datetime(2026, 11, 5, 19, 30, tzinfo=ROME),
        frequency="weekly",
        repeat_until=dt.date(2027, 4, 22),  # summer time by then: 16:00 UTC
    )
    html, ics, page = published(api)

    assert api["rrule"] == "FREQ=WEEKLY;UNTIL=20270422T160000Z"
    assert rrule_line(ics) == api["rrule"]
    assert "Every Thursday, until April 22, 2027" in html
    assert '<time datetime="2026-11-26T18:00:00+01:00">' in html  # the next date
    dates = list(rrulestr(api["rrule"], dtstart=local(api["start"])))
    assert dates == list(starts(page))
    assert dates[-1] == dt.datetime(2027, 4, 22, 18, tzinfo=ROME)


def test_an_all_day_series_until_a_date(territory, client):
    api = through_the_api(
        client,
        territory,
        start=dt.datetime(2026, 12, 6, 10, tzinfo=ROME),  # a Sunday; made all day
        all_day=True,
        frequency="weekly",
        repeat_until=dt.date(2027, 1, 31),
        skipped=[dt.date(2026, 12, 27)],
    )
    html, ics, page = published(api)

    # DTSTART is a DATE, so UNTIL is one too (RFC 5545, 3.3.10).
    assert api["rrule"] == "FREQ=WEEKLY;UNTIL=20270131"
    assert rrule_line(ics) == api["rrule"]
    assert "DTSTART;VALUE=DATE:20261206" in unfold(ics.encode())
    assert "Every Sunday, until January 31, 2027" in html
    assert '<time datetime="2026-12-27">December 27, 2026</time>' in html  # skipped
    dates = rruleset()
    dates.rrule(rrulestr(api["rrule"], dtstart=dt.datetime(2026, 12, 6)))
    dates.exdate(dt.datetime(2026, 12, 27))
    assert [d.date() for d in dates] == [s.date() for s in starts(page)]
    assert [d.date() for d in dates][-1] == dt.date(2027, 1, 31)
