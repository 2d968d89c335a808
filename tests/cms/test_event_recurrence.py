"""A repeating event from the editor's fields to the visitor: the API's `rrule`,
the page's words and dates, the poster and the .ics all say the same dates.

The event is saved in the CMS and read through the API; its fields then go
through the publisher as a build would take them. The judge of the .ics is a
second iCalendar engine, `recurring-ical-events` (on `icalendar`), expanding
it as a calendar application would.
"""

import datetime as dt
import re

import icalendar
import pytest
import recurring_ical_events
from dateutil.rrule import rruleset, rrulestr

from publisher.channels import print as posters
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
    "monthly_on",
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


def published(api_item: dict, lang: str = "en") -> tuple[str, str, dict]:
    """The event's page and its .ics, built from the API's fields."""
    return publish(api_item, lang)[:3]


def publish(api_item: dict, lang: str = "en") -> tuple[str, str, dict, str]:
    """The event's page, .ics and poster, built from the API's fields."""
    page = event(6, **{name: api_item[name] for name in FIELDS})
    pages = [
        item(1, "territories.TerritoryHomePage", "/", key="home"),
        item(4, "events.EventsIndexPage", "/eventi/", intro=""),
        page,
    ]
    site = SiteModel.build(Snapshot(TERRITORY, BUILD_DATE, pages))
    ctx = RenderContext(site, lang, build_date=BUILD_DATE)
    url = f"/{lang}/eventi/e6/"
    entry = next(e for e in site.entries[lang] if e.url == url)
    ics = outputs(ctx)[f"{url}event.ics"]().decode()
    # A poster is printed in the page's own language (the snapshot's Italian).
    italian = RenderContext(site, "it", build_date=BUILD_DATE)
    poster = posters.outputs(italian)["/it/eventi/e6/poster.html"]()
    return render_page(entry, ctx), ics, page, poster


DATES = re.compile(r'<ul class="dates">(.*?)</ul>', re.S)


def listed(html: str) -> tuple[list[str], bool]:
    """The dates a page or poster lists, and whether it says more follow."""
    found = DATES.search(html)
    if found is None:
        return [], False
    days = re.findall(r'<time datetime="([^"]+)"', found[1])
    return days, found[1].count("<li>") > len(days)


def expanded(ics: str, today: dt.date, limit: int = 12) -> tuple[list[str], bool]:
    """The occurrences of the .ics still running on or after `today`, by the
    independent engine, at most `limit`, and whether more follow."""
    calendar = icalendar.Calendar.from_ical(ics)
    start = dt.datetime.combine(today, dt.time(0), ROME)
    found = recurring_ical_events.of(calendar).between(
        start, start.replace(year=start.year + 10)
    )
    days = sorted(
        (
            value
            if isinstance(value, dt.datetime)
            else dt.datetime.combine(value, dt.time(0), ROME)
        ).astimezone(ROME)
        for value in (occurrence["DTSTART"].dt for occurrence in found)
    )
    return [day.date().isoformat() for day in days[:limit]], len(days) > limit


def judge(api_item: dict, lang: str = "en") -> list[str]:
    """The page, the poster and a second engine's expansion of the .ics list
    the same dates; returns them."""
    html, ics, _page, poster = publish(api_item, lang)
    by_engine = expanded(ics, dt.date.fromisoformat(BUILD_DATE))
    assert listed(html) == by_engine, (api_item["title"], listed(html), by_engine)
    assert listed(poster) == by_engine, (api_item["title"], "poster")
    return by_engine[0]


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


def test_eight_lessons_with_one_skipped_are_eight_everywhere(territory, client):
    """The Griko lessons: "every Tuesday, 8 times", one Tuesday skipped."""
    api = through_the_api(
        client,
        territory,
        start=dt.datetime(2026, 12, 1, 18, tzinfo=ROME),  # a Tuesday
        frequency="weekly",
        repeat_count=8,
        skipped=[dt.date(2026, 12, 22)],
    )
    html, _ics, _page = published(api)
    assert api["rrule"] == "FREQ=WEEKLY;COUNT=9"  # RFC 5545 counts the skipped one
    assert "Every Tuesday, 8 times" in html
    days = judge(api)
    assert len(days) == 8 and "2026-12-22" not in days
    assert days[-1] == "2027-01-26"


def test_the_first_sunday_of_every_month(territory, client):
    """ "One Sunday a month" is the first Sunday, in words and in every calendar."""
    api = through_the_api(
        client,
        territory,
        start=dt.datetime(2026, 12, 6, 9, tzinfo=ROME),  # the first Sunday
        end=dt.datetime(2026, 12, 6, 13, tzinfo=ROME),
        frequency="monthly",
        monthly_on="weekday",
        repeat_until=dt.date(2027, 6, 1),
    )
    html, _ics, _page = published(api)
    assert api["rrule"] == "FREQ=MONTHLY;BYDAY=1SU;UNTIL=20270601T070000Z"
    assert "The first Sunday of the month, until June 1, 2027" in html
    assert judge(api) == [
        "2026-12-06",
        "2027-01-03",
        "2027-02-07",
        "2027-03-07",
        "2027-04-04",
        "2027-05-02",
    ]
    italian = publish(api, "it")[0]
    assert "La prima domenica del mese, fino al 1 giugno 2027" in italian


def test_the_last_sunday_must_start_on_a_last_sunday(territory):
    from django.core.exceptions import ValidationError

    page = EventPageFactory.build(
        start=dt.datetime(2026, 12, 20, 9, tzinfo=ROME),  # the third Sunday
        frequency="monthly",
        monthly_on="last-weekday",
        location="Piazza",
    )
    with pytest.raises(ValidationError) as raised:
        page.clean()
    assert "monthly_on" in raised.value.message_dict
