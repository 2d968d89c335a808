"""Calendars: what a visitor's calendar app gets from calendar.ics and event.ics.

Files are read back with a real parser (icalendar) and, for folding, with a
strict unfolding of our own; recurrences are expanded with dateutil and must
give the same dates the site lists.
"""

from datetime import date, datetime

import pytest
from dateutil.rrule import rruleset, rrulestr
from icalendar import Calendar

from publisher.channels.calendar import outputs
from publisher.occurrences import ROME, starts
from publisher.render import RenderContext, render_page
from publisher.sitemodel import SiteModel
from publisher.snapshot import Snapshot
from tests.publisher.test_theme import HOSTILE, PLACE, TERRITORY, event, item
from tests.snapshots import build_site

BUILD_DATE = "2026-11-25"


def place(id, path, title, **fields):
    return item(id, "places.PlacePage", path, title=title, **{**PLACE, **fields})


@pytest.fixture
def pages():
    return [
        item(1, "territories.TerritoryHomePage", "/", key="home"),
        item(4, "events.EventsIndexPage", "/eventi/", intro=""),
        place(
            5,
            "/luoghi/teatro/",
            "Teatro Paisiello",
            address="Via Palmieri 4, Lecce",
            latitude="40.353412",
            longitude="18.169880",
        ),
        event(6, "2026-12-05T18:00:00+01:00", title="Concerto futuro", venue=5),
        event(7, "2026-10-01T18:00:00+02:00", title="Concerto passato"),
        event(
            8,
            "2026-09-03T18:00:00+02:00",
            end="2026-09-03T19:30:00+02:00",
            title="Visita settimanale",
            frequency="weekly",
            repeat_until="2027-03-01",
            exception_dates=[{"date": "2026-10-01"}, {"date": "2026-12-24"}],
        ),
        event(
            9,
            "2026-11-05T18:00:00+01:00",
            title="Laboratorio quindicinale",
            frequency="weekly",
            interval=2,
            repeat_count=4,
        ),
        event(
            10,
            "2026-08-10T18:00:00+02:00",
            title="Cinema mensile finito",
            frequency="monthly",
            repeat_count=3,
        ),
        event(
            11,
            "2026-11-01T00:00:00+01:00",
            end="2026-12-20T00:00:00+01:00",
            all_day=True,
            title="Mostra in corso",
        ),
        event(
            12,
            "2026-10-31T21:00:00+01:00",
            title="Cineforum mensile",
            frequency="monthly",
            repeat_until="2027-06-30",
        ),
        event(
            13,
            "2026-09-15T10:00:00+02:00",
            title="Mercato mensile",
            frequency="monthly",
            interval=2,
            repeat_count=6,
        ),
        event(
            14,
            "2026-12-12T20:00:00+01:00",
            title="Concerto annullato",
            status="cancelled",
            summary="Rinviato al 2027.",
        ),
    ]


def site_of(pages, build_date=BUILD_DATE):
    return SiteModel.build(Snapshot(TERRITORY, build_date, pages))


def files(pages, lang="it", build_date=BUILD_DATE):
    ctx = RenderContext(site_of(pages, build_date), lang, build_date=build_date)
    return {url: render() for url, render in outputs(ctx).items()}


def feed(pages, lang="it", build_date=BUILD_DATE):
    return files(pages, lang, build_date)[f"/{lang}/calendar.ics"]


def single(pages, event_id, lang="it"):
    return files(pages, lang)[f"/{lang}/eventi/e{event_id}/event.ics"]


def events_of(data: bytes) -> dict[str, object]:
    """The VEVENTs of a file by SUMMARY."""
    calendar = Calendar.from_ical(data)
    return {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}


def unfold(data: bytes) -> list[str]:
    """Content lines, strictly: CRLF only, continuations start with one space."""
    assert data.endswith(b"\r\n")
    raw = data[:-2].split(b"\r\n")
    assert all(b"\n" not in line and b"\r" not in line for line in raw)
    lines: list[bytes] = []
    for line in raw:
        if line.startswith(b" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return [line.decode("utf-8") for line in lines]


def expand(vevent) -> list[datetime]:
    """Every start the calendar app will show, skipped dates left out."""
    first = vevent["DTSTART"].dt
    dates = rruleset()
    dates.rrule(rrulestr(vevent["RRULE"].to_ical().decode(), dtstart=first))
    exdates = vevent.get("EXDATE")
    for group in exdates if isinstance(exdates, list) else [exdates] * bool(exdates):
        for moment in group.dts:
            dates.exdate(moment.dt)
    return list(dates)


def test_the_calendar_says_who_made_it_and_in_which_language():
    data = feed([], "it")
    calendar = Calendar.from_ical(data)
    assert str(calendar["PRODID"]) == "-//Vetrina//Calendars//EN"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["X-WR-CALNAME"]) == "Eventi · Lecce"
    assert (
        str(Calendar.from_ical(feed([], "ar"))["X-WR-CALNAME"]) == "الفعاليات · Lecce"
    )


def test_lines_end_with_crlf(pages):
    data = feed(pages)
    assert data.count(b"\r\n") == data.count(b"\n") > 20
    assert b"\r\r" not in data


def test_past_events_are_absent_from_the_calendar(pages):
    found = events_of(feed(pages))
    assert "Concerto passato" not in found
    assert "Cinema mensile finito" not in found  # its last date was in October
    assert {"Mostra in corso", "Visita settimanale", "Concerto futuro"} <= set(found)


def test_a_past_event_keeps_its_own_file(pages):
    found = events_of(single(pages, 7))
    assert list(found) == ["Concerto passato"]


def test_the_timezone_is_defined_and_referenced(pages):
    data = feed(pages)
    calendar = Calendar.from_ical(data)
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Rome"
    lines = unfold(data)
    referenced = {
        line.split("TZID=", 1)[1].split(":", 1)[0] for line in lines if "TZID=" in line
    }
    assert referenced == {"Europe/Rome"}
    rome = zone.to_tz()
    for moment in ("2026-03-29T01:59", "2026-03-29T03:00", "2026-10-25T03:00"):
        naive = datetime.fromisoformat(moment)
        assert naive.replace(tzinfo=rome).utcoffset() == (
            naive.replace(tzinfo=ROME).utcoffset()
        )


def test_times_are_in_rome(pages):
    concert = events_of(feed(pages))["Concerto futuro"]
    assert "DTSTART;TZID=Europe/Rome:20261205T180000" in unfold(feed(pages))
    assert concert["DTSTART"].dt == datetime(2026, 12, 5, 18, tzinfo=ROME)
    assert "DTEND" not in concert  # the CMS gave no end


def test_a_weekly_series_until_a_date(pages):
    visit = events_of(feed(pages))["Visita settimanale"]
    rule = visit["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and "INTERVAL" not in rule  # 1, the default
    assert rule["UNTIL"] == [datetime.fromisoformat("2027-03-01T17:00:00+00:00")]
    assert "COUNT" not in rule
    assert visit["DTEND"].dt == datetime(2026, 9, 3, 19, 30, tzinfo=ROME)
    assert expand(visit) == list(starts(pages[5]))


def test_a_weekly_series_of_a_number_of_dates(pages):
    workshop = events_of(feed(pages))["Laboratorio quindicinale"]
    assert workshop["RRULE"]["INTERVAL"] == [2]
    assert workshop["RRULE"]["COUNT"] == [4]
    assert expand(workshop) == list(starts(pages[6]))


def test_a_monthly_series_until_a_date(pages):
    cineforum = events_of(feed(pages))["Cineforum mensile"]
    assert cineforum["RRULE"]["FREQ"] == ["MONTHLY"]
    assert "UNTIL" in cineforum["RRULE"]
    # The 31st: months without one are left out, as on the site.
    assert expand(cineforum) == list(starts(pages[9]))
    assert datetime(2026, 12, 31, 21, tzinfo=ROME) in expand(cineforum)
    assert len(expand(cineforum)) == 5


def test_a_monthly_series_of_a_number_of_dates(pages):
    market = events_of(feed(pages))["Mercato mensile"]
    assert market["RRULE"]["INTERVAL"] == [2] and market["RRULE"]["COUNT"] == [6]
    assert expand(market) == list(starts(pages[10]))


def test_until_and_count_together_keep_the_one_that_ends_first(pages):
    both = event(20, "2026-12-01T18:00:00+01:00", title="Doppio", frequency="weekly")
    pages.append({**both, "repeat_until": "2027-06-01", "repeat_count": 3})
    found = events_of(feed(pages))["Doppio"]
    assert found["RRULE"]["COUNT"] == [3] and "UNTIL" not in found["RRULE"]
    assert expand(found) == list(starts(pages[-1]))
    # The page words the same end.
    assert "Every Tuesday, 3 times" in render(pages, "en", "/en/eventi/e20/")


def test_skipped_dates_are_exdates_in_rome(pages):
    lines = unfold(feed(pages))
    assert "EXDATE;TZID=Europe/Rome:20261001T180000,20261224T180000" in lines
    visit = events_of(feed(pages))["Visita settimanale"]
    assert datetime(2026, 12, 24, 18, tzinfo=ROME) not in expand(visit)
    assert datetime(2026, 12, 17, 18, tzinfo=ROME) in expand(visit)


def test_an_all_day_event_has_dates_and_an_exclusive_end(pages):
    lines = unfold(feed(pages))
    assert "DTSTART;VALUE=DATE:20261101" in lines
    assert "DTEND;VALUE=DATE:20261221" in lines  # the exhibition ends on the 20th
    show = events_of(feed(pages))["Mostra in corso"]
    assert show["DTSTART"].dt == date(2026, 11, 1)


def test_an_all_day_series_skips_dates_as_dates(pages):
    pages.append(
        event(
            20,
            "2026-12-06T00:00:00+01:00",
            all_day=True,
            title="Domenica ecologica",
            frequency="weekly",
            repeat_until="2027-01-31",
            exception_dates=[{"date": "2026-12-27"}],
        )
    )
    lines = unfold(feed(pages))
    assert "EXDATE;VALUE=DATE:20261227" in lines
    found = events_of(feed(pages))["Domenica ecologica"]
    assert found["RRULE"]["UNTIL"] == [date(2027, 1, 31)]
    assert "DTEND;VALUE=DATE:20261207" in lines


def test_a_cancelled_event_says_so(pages):
    found = events_of(feed(pages))
    cancelled = found["Concerto annullato"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert str(cancelled["DESCRIPTION"]) == "Annullato\n\nRinviato al 2027."
    assert str(found["Concerto futuro"]["STATUS"]) == "CONFIRMED"


def test_a_venue_gives_its_address_and_coordinates(pages):
    concert = events_of(single(pages, 6))["Concerto futuro"]
    assert str(concert["LOCATION"]) == "Teatro Paisiello, Via Palmieri 4, Lecce"
    assert concert["GEO"].latitude == pytest.approx(40.353412)
    assert concert["GEO"].longitude == pytest.approx(18.16988)


def test_a_free_text_location_has_no_coordinates(pages):
    show = events_of(single(pages, 11))["Mostra in corso"]
    assert str(show["LOCATION"]) == "Piazza"
    assert "GEO" not in show


def test_each_event_links_to_its_page_on_the_territory(pages):
    concert = events_of(single(pages, 6, "en"))["Concerto futuro"]
    assert str(concert["URL"]) == "https://lecce.example.org/en/eventi/e6/"


def test_long_arabic_and_accented_text_is_folded_whole(pages):
    title = "مهرجان الموسيقى الشعبية في ساحة سانت أورونزو مع فرق من كل أنحاء سالينتو"
    summary = "Perché è così: à la carte, città, " * 6
    pages.append(
        event(20, "2026-12-20T18:00:00+01:00", title=title, summary=summary.strip())
    )
    data = single(pages, 20)
    physical = data.split(b"\r\n")
    assert max(len(line) for line in physical) <= 75
    for line in physical:
        line.decode("utf-8")  # no character cut in two
    assert sum(len(line) > 70 for line in physical) > 4  # really folded
    found = events_of(data)[title]
    assert str(found["DESCRIPTION"]) == summary.strip()
    assert f"SUMMARY;LANGUAGE=it:{title}" in unfold(data)


def test_special_characters_are_escaped_and_read_back(pages):
    text = "Uno; due, tre \\ quattro\nriga due\r\nriga tre"
    pages.append(event(20, "2026-12-20T18:00:00+01:00", title="Segni", summary=text))
    data = single(pages, 20)
    line = next(x for x in unfold(data) if x.startswith("DESCRIPTION"))
    assert line.endswith("Uno\\; due\\, tre \\\\ quattro\\nriga due\\nriga tre")
    found = events_of(data)["Segni"]
    assert str(found["DESCRIPTION"]) == text.replace("\r\n", "\n")


def test_hostile_text_cannot_add_properties_or_events(pages):
    attack = f"{HOSTILE}\r\nEND:VEVENT\r\nBEGIN:VEVENT\nUID:evil\x00\x1b"
    pages.append(event(20, "2026-12-20T18:00:00+01:00", title=attack, location=attack))
    data = single(pages, 20)
    calendar = Calendar.from_ical(data)
    (found,) = calendar.walk("VEVENT")
    assert str(found["SUMMARY"]) == attack.replace("\r\n", "\n")[:-2]
    assert str(found["UID"]) != "evil"
    assert b"\x00" not in data and b"\x1b" not in data
    assert not any(line.startswith("UID:evil") for line in unfold(data))


def test_the_same_snapshot_and_date_give_the_same_bytes(pages):
    assert files(pages) == files(pages)
    stamp = events_of(feed(pages))["Concerto futuro"]["DTSTAMP"].dt
    assert stamp == datetime.fromisoformat("2026-11-25T00:00:00+00:00")
    later = events_of(feed(pages, build_date="2026-11-26"))["Concerto futuro"]
    assert later["DTSTAMP"].dt.date() == date(2026, 11, 26)


def test_uids_are_stable_per_language_and_survive_a_slug_change(pages):
    before = events_of(feed(pages))["Concerto futuro"]
    uid = str(before["UID"])
    assert uid == "event-k6-it@lecce.example.org"
    pages[3]["meta"]["path"] = "/eventi/concerto-di-natale/"
    after_files = files(pages)
    after = events_of(after_files["/it/calendar.ics"])["Concerto futuro"]
    assert str(after["UID"]) == uid
    assert str(after["URL"]).endswith("/it/eventi/concerto-di-natale/")
    assert "/it/eventi/concerto-di-natale/event.ics" in after_files
    english = events_of(feed(pages, "en"))["Concerto futuro"]
    assert str(english["UID"]) == "event-k6-en@lecce.example.org"


def test_an_untranslated_event_is_in_every_language_with_its_own_language_tag(pages):
    lines = unfold(feed(pages, "en"))
    assert "SUMMARY;LANGUAGE=it:Concerto futuro" in lines
    assert str(Calendar.from_ical(feed(pages, "en"))["X-WR-CALNAME"]) == (
        "Events · Lecce"
    )


def test_calendars_note_what_they_read_for_incremental_builds(pages):
    """A change to the event, its venue or the list of events re-renders them."""
    site = site_of(pages)
    found = outputs(RenderContext(site, "it", build_date=BUILD_DATE))
    with site.reading() as single_keys:
        found["/it/eventi/e6/event.ics"]()
    assert {"id:6", "id:5"} <= single_keys
    with site.reading() as feed_keys:
        found["/it/calendar.ics"]()
    assert {"kind:it:event", "id:6", "id:5"} <= feed_keys


def render(pages, lang, url):
    site = site_of(pages)
    entry = next(e for e in site.entries[lang] if e.url == url)
    return render_page(entry, RenderContext(site, lang, build_date=BUILD_DATE))


def test_event_pages_offer_their_calendar_file(pages):
    html = render(pages, "it", "/it/eventi/e6/")
    assert (
        '<a href="/it/eventi/e6/event.ics" download type="text/calendar">'
        "Aggiungi al calendario</a>"
    ) in html
    english = render(pages, "en", "/en/eventi/e6/")
    assert '<a href="/en/eventi/e6/event.ics" download' in english


@pytest.mark.parametrize("url", ["/it/", "/it/eventi/", "/it/luoghi/teatro/"])
def test_other_pages_offer_no_calendar_file(pages, url):
    assert "event.ics" not in render(pages, "it", url)


def test_every_page_links_the_language_calendar(pages):
    html = render(pages, "ar", "/ar/luoghi/teatro/")
    assert (
        '<a href="/ar/calendar.ics" type="text/calendar">اشترك في تقويم الفعاليات</a>'
    ) in html


def test_a_real_build_writes_the_calendars(pages, tmp_path):
    site = build_site(tmp_path, pages, BUILD_DATE)
    assert (site / "it/calendar.ics").read_bytes() == feed(pages, "it")
    assert (site / "ar/eventi/e6/event.ics").read_bytes() == single(pages, 6, "ar")
