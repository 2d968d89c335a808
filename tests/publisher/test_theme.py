"""The theme, rendered from a hand-made snapshot: what a visitor reads."""

import pytest

from publisher.render import RenderContext, render_page
from publisher.sitemodel import SiteModel
from publisher.snapshot import Snapshot

TERRITORY = {
    "slug": "lecce",
    "name": "Lecce",
    "site": "lecce.test:80",
    "base_url": "https://lecce.example.org",
    "languages": [
        {"code": "it", "name": "Italiano", "direction": "ltr"},
        {"code": "en", "name": "English", "direction": "ltr"},
        {"code": "ar", "name": "العربية", "direction": "rtl"},
    ],
    "default_language": "it",
    "fallback": "default",
    "open_data_licence": {"id": "CC-BY-4.0", "name": "CC BY 4.0", "url": "https://x"},
    "brand_colour": "#8a3b12",
    "logo": None,
    "contacts": {"email": "", "phone": "", "address": ""},
    "social_links": [],
}
HOSTILE = '<img src=x onerror="alert(1)">'


def item(id, type_, path, locale="it", key=None, **fields):
    return {
        "id": id,
        "title": fields.pop("title", f"Pagina {id}"),
        "meta": {
            "type": type_,
            "locale": locale,
            "path": path,
            "translation_key": key or f"k{id}",
            "alias_of": None,
        },
        "media": {"images": {}, "documents": {}},
        "body": [],
        "summary": "",
        **fields,
    }


def event(id, start, **fields):
    defaults = {
        "end": None,
        "all_day": False,
        "frequency": "",
        "interval": 1,
        "repeat_until": None,
        "repeat_count": None,
        "exception_dates": [],
        "venue": None,
        "location": "Piazza",
        "status": "scheduled",
        "is_free": True,
        "price": None,
        "booking_url": "",
        "rrule": None,
    }
    return item(
        id, "events.EventPage", f"/eventi/e{id}/", start=start, **{**defaults, **fields}
    )


PLACE = {
    "kind": "museum",
    "address": "",
    "latitude": None,
    "longitude": None,
    "opening_hours": [
        {"weekday": d, "opens": "09:00:00", "closes": "13:00:00"} for d in range(5)
    ]
    + [{"weekday": 5, "opens": "10:00:00", "closes": "12:00:00"}],
    "opening_exceptions": [
        {
            "start_date": "2026-01-01",
            "end_date": None,
            "closed": True,
            "opens": None,
            "closes": None,
            "note": "passato",
        },
        {
            "start_date": "2026-12-25",
            "end_date": None,
            "closed": True,
            "opens": None,
            "closes": None,
            "note": "Natale",
        },
    ],
    "step_free_access": True,
    "accessible_toilet": False,
    "audio_guide": False,
    "tactile_route": False,
    "sign_language_tours": False,
    "easy_read_material": False,
    "audiences": [],
    "admission_free": False,
    "ticket_prices": [{"label": "Intero", "price": "5.00"}],
    "ticket_notes": "",
    "phone": "",
    "email": "",
    "website": "",
}


@pytest.fixture
def site():
    pages = [
        item(1, "territories.TerritoryHomePage", "/", key="home"),
        item(2, "territories.TerritoryHomePage", "/", locale="en", key="home"),
        item(3, "places.PlacesIndexPage", "/luoghi/", intro=""),
        item(4, "events.EventsIndexPage", "/eventi/", intro=""),
        item(5, "places.PlacePage", "/luoghi/museo/", title=HOSTILE, **PLACE),
        event(6, "2026-12-05T18:00:00+01:00", title="Concerto futuro"),
        event(7, "2026-10-01T18:00:00+02:00", title="Concerto passato"),
        event(
            8,
            "2026-09-03T18:00:00+02:00",
            title="Visita settimanale",
            frequency="weekly",
            repeat_until="2027-03-01",
        ),
    ]
    return SiteModel.build(Snapshot(TERRITORY, "2026-11-25", pages))


def render(site, lang, url):
    entry = next(e for e in site.entries[lang] if e.url == url)
    return render_page(entry, RenderContext(site, lang, build_date="2026-11-25"))


def test_opening_hours_read_as_a_week_in_words(site):
    italian = render(site, "it", "/it/luoghi/museo/")
    assert "Lunedì–venerdì: 09:00–13:00" in italian
    assert "Sabato: 10:00–12:00" in italian
    assert "Domenica: chiuso" in italian
    assert "25 dicembre 2026" in italian and "passato" not in italian
    assert "5,00\xa0€" in italian
    english = render(site, "en", "/en/luoghi/museo/")
    assert "Monday–Friday: 9:00\u202fAM–1:00\u202fPM" in english
    assert "€5.00" in english


def test_events_index_lists_upcoming_events_by_month(site):
    html = render(site, "it", "/it/eventi/")
    assert "Concerto futuro" in html and "Visita settimanale" in html
    assert "Concerto passato" not in html
    assert "<h2>Novembre 2026</h2>" in html and "<h2>Dicembre 2026</h2>" in html
    page = render(site, "it", "/it/eventi/e6/")
    assert "sabato 5 dicembre 2026, 18:00" in page  # Babel, in Rome time
    assert "Gratuito" in page
    arabic = render(site, "ar", "/ar/eventi/e6/")
    assert "السبت، 5 ديسمبر 2026" in arabic


def test_arabic_pages_are_right_to_left_and_translated(site):
    html = render(site, "ar", "/ar/luoghi/museo/")
    assert '<html lang="ar" dir="rtl">' in html
    assert "مواعيد الفتح" in html  # "Opening hours"
    assert 'role="note"' in html  # shown in Italian, with a notice


def test_hostile_titles_are_escaped(site):
    html = render(site, "it", "/it/luoghi/museo/")
    assert HOSTILE not in html
    assert "&lt;img src=x onerror=" in html


def test_audience_pages_are_listed_and_linked(site):
    from publisher.errors import UrlCollision

    site.by_id[5]["audiences"] = ["families"]
    assert site.audiences("it") == ["families"]
    html = render(site, "it", "/it/luoghi/museo/")
    assert '<a href="/it/audiences/families/">Per le famiglie</a>' in html
    reserved = item(9, "stories.StoryPage", "/audiences/families/")
    with pytest.raises(UrlCollision, match="reserves"):
        SiteModel.build(Snapshot(TERRITORY, "2026-11-25", [reserved]))
