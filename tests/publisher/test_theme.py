"""The theme, rendered from a hand-made snapshot: what a visitor reads."""

import gzip
import re
from datetime import date

import pytest

from publisher import resources
from publisher.errors import UrlCollision
from publisher.occurrences import next_start, starts
from publisher.render import RenderContext, audience_output, render_page
from publisher.sitemodel import SiteModel
from publisher.snapshot import Snapshot
from tests.snapshots import build_site

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


def place(id, path, kind, title, **fields):
    return item(
        id, "places.PlacePage", path, title=title, **{**PLACE, "kind": kind, **fields}
    )


def story(id, path, day, title):
    return item(
        id,
        "stories.StoryPage",
        path,
        title=title,
        author="",
        date=day,
        related_places=[],
        topics=[],
        audiences=[],
        hero_image=None,
    )


@pytest.fixture
def pages():
    return [
        item(1, "territories.TerritoryHomePage", "/", key="home"),
        item(2, "territories.TerritoryHomePage", "/", locale="en", key="home"),
        item(3, "places.PlacesIndexPage", "/luoghi/", intro=""),
        item(4, "events.EventsIndexPage", "/eventi/", intro=""),
        item(12, "stories.StoriesIndexPage", "/storie/", intro=""),
        place(5, "/luoghi/museo/", "museum", HOSTILE, summary=HOSTILE),
        place(13, "/luoghi/zeta/", "church", "Zeta"),
        place(14, "/luoghi/alfa/", "church", "Àlfa"),
        place(15, "/luoghi/pozzo/", "other", "Pozzo"),
        story(16, "/storie/vecchia/", "2026-01-10", "Storia vecchia"),
        story(17, "/storie/nuova/", "2026-11-20", "Storia nuova"),
        event(6, "2026-12-05T18:00:00+01:00", title="Concerto futuro", summary=HOSTILE),
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
    ]


@pytest.fixture
def site(pages):
    return SiteModel.build(Snapshot(TERRITORY, "2026-11-25", pages))


def render(site, lang, url):
    entry = next(e for e in site.entries[lang] if e.url == url)
    return render_page(entry, RenderContext(site, lang, build_date="2026-11-25"))


def main(html):
    return html[html.index("<main") : html.index("</main>")]


def test_opening_hours_read_as_a_week_in_words(site):
    italian = render(site, "it", "/it/luoghi/museo/")
    assert "Lunedì–venerdì: 09:00–13:00" in italian
    assert "Sabato: 10:00–12:00" in italian
    assert "Domenica: chiuso" in italian
    assert "5,00\xa0€" in italian
    english = render(site, "en", "/en/luoghi/museo/")
    assert "Monday–Friday: 9:00\u202fAM–1:00\u202fPM" in english
    assert "Saturday: 10:00\u202fAM–12:00\u202fPM" in english
    assert "Sunday: closed" in english
    assert "€5.00" in english


def test_split_days_and_a_whole_week_share_rows(pages):
    week = [
        {"weekday": d, "opens": opens, "closes": closes}
        for d in range(7)
        for opens, closes in (("15:00:00", "19:00:00"), ("09:00:00", "13:00:00"))
    ]
    pages.append(place(20, "/luoghi/sempre/", "museum", "Sempre", opening_hours=week))
    gap = [row for row in week if row["weekday"] != 2]
    pages.append(place(21, "/luoghi/buco/", "museum", "Buco", opening_hours=gap))
    site = SiteModel.build(Snapshot(TERRITORY, "2026-11-25", pages))
    every_day = render(site, "en", "/en/luoghi/sempre/")
    assert "Every day: 9:00\u202fAM–1:00\u202fPM, 3:00\u202fPM–7:00\u202fPM" in (
        every_day
    )
    italian = render(site, "it", "/it/luoghi/buco/")
    assert "Lunedì–martedì: 09:00–13:00, 15:00–19:00" in italian
    assert "Mercoledì: chiuso" in italian
    assert "Giovedì–domenica: 09:00–13:00, 15:00–19:00" in italian


def test_only_closures_still_ahead_are_shown(site):
    italian = main(render(site, "it", "/it/luoghi/museo/"))
    assert '<time datetime="2026-12-25">25 dicembre 2026</time>: chiuso' in italian
    assert "(Natale)" in italian and "passato" not in italian


def test_events_index_lists_upcoming_events_by_month(site):
    html = main(render(site, "it", "/it/eventi/"))
    for past in ("Concerto passato", "Cinema mensile finito"):
        assert past not in html
    titles = re.findall(r'<a href="/it/eventi/e\d+/">([^<]+)</a>', html)
    assert titles == [
        "Mostra in corso",  # under way since 1 November
        "Visita settimanale",  # next Thursday, 26 November
        "Laboratorio quindicinale",  # its third date, 3 December
        "Concerto futuro",  # 5 December
    ]
    november, december = (
        html.index("<h2>Novembre 2026</h2>"),
        html.index("<h2>Dicembre 2026</h2>"),
    )
    assert november < html.index("Visita settimanale") < december
    assert december < html.index("Laboratorio quindicinale")
    # A repeating event shows its next date, not its first.
    assert '<time datetime="2026-11-26T18:00:00+01:00">26 nov 2026, 18:00</time>' in (
        html
    )
    assert '<time datetime="2026-12-03T18:00:00+01:00">' in html


def test_past_events_keep_their_page(site):
    html = render(site, "it", "/it/eventi/e7/")
    assert "<h1>Concerto passato</h1>" in html
    assert 'role="note"' in html  # "this event is over"
    assert "Concerto passato" not in render(site, "it", "/it/")


def test_event_dates_in_words(site):
    page = render(site, "it", "/it/eventi/e6/")
    assert (
        '<time datetime="2026-12-05T18:00:00+01:00">sabato 5 dicembre 2026, 18:00'
        in page
    )
    assert "Gratuito" in page
    arabic = render(site, "ar", "/ar/eventi/e6/")
    assert "السبت، 5 ديسمبر 2026" in arabic
    weekly = render(site, "en", "/en/eventi/e8/")
    assert "Every Thursday, until March 1, 2027" in weekly
    # Same-day end: only its time; skipped dates only from the build date on.
    assert '–<time datetime="2026-09-03T19:30:00+02:00">7:30\u202fPM</time>' in weekly
    assert '<time datetime="2026-12-24">December 24, 2026</time>' in weekly
    assert "2026-10-01" not in weekly
    assert "Every 2 weeks, 4 times" in render(site, "en", "/en/eventi/e9/")
    assert "Every month, 3 times" in render(site, "en", "/en/eventi/e10/")
    # Dates inside the words follow the page's language.
    assert "1 marzo 2027" in render(site, "it", "/it/eventi/e8/")
    exhibition = render(site, "en", "/en/eventi/e11/")
    assert (
        '<time datetime="2026-11-01">Sunday, November 1, 2026</time> – '
        '<time datetime="2026-12-20">Sunday, December 20, 2026</time>'
    ) in exhibition


def test_occurrences_follow_the_rule():
    monthly = {
        "start": "2027-01-31T10:00:00+01:00",
        "frequency": "monthly",
        "interval": 1,
        "repeat_count": 3,
        "exception_dates": [],
    }
    # No 31 February or 31 April: skipped, and not counted.
    assert [s.date().isoformat() for s in starts(monthly)] == [
        "2027-01-31",
        "2027-03-31",
        "2027-05-31",
    ]
    # Summer time: the same clock time, another offset.
    assert next_start(monthly, date(2027, 4, 1)).isoformat() == (
        "2027-05-31T10:00:00+02:00"
    )
    assert next_start(monthly, date(2027, 6, 1)) is None
    endless = {"start": "2020-01-02T09:00:00+01:00", "frequency": "weekly"}
    assert next_start(endless, date(2026, 11, 25)).date() == date(2026, 11, 26)


def test_home_shows_upcoming_events_and_current_offers(pages):
    pages += [
        item(30, "offers.BusinessesIndexPage", "/attivita/", intro=""),
        item(31, "offers.BusinessPage", "/attivita/bottega/", title="Bottega"),
    ]
    for id, until in ((32, "2026-11-24"), (33, "2026-11-25"), (34, "2027-01-31")):
        pages.append(
            item(
                id,
                "offers.OfferPage",
                f"/attivita/bottega/o{id}/",
                title=f"Offerta {until}",
                valid_from="2026-11-01",
                valid_until=until,
                description="",
                image=None,
                conditions="",
                price=None,
                discount_percent=10,
            )
        )
    for n in range(8):
        pages.append(event(40 + n, f"2027-0{n + 1}-10T18:00:00+01:00", title=f"E{n}"))
    site = SiteModel.build(Snapshot(TERRITORY, "2026-11-25", pages))
    home = main(render(site, "it", "/it/"))
    events = home[home.index("<h2>Prossimi eventi</h2>") :]
    events = events[: events.index("</section>")]
    assert events.count('class="card"') == 6
    assert "Mostra in corso" in events and "E1" in events and "E2" not in events
    assert "Offerta 2026-11-24" not in home
    assert home.index("Offerta 2026-11-25") < home.index("Offerta 2027-01-31")
    offer = render(site, "it", "/it/attivita/bottega/o34/")
    assert "10%" in offer and '<time datetime="2027-01-31">' in offer


def test_places_by_kind_and_stories_newest_first(site):
    places = main(render(site, "it", "/it/luoghi/"))
    headings = re.findall(r"<h2>([^<]+)</h2>", places)
    assert headings == ["Musei", "Chiese", "Altri luoghi"]
    assert places.index("Àlfa") < places.index("Zeta")  # accents sort as letters
    stories = main(render(site, "it", "/it/storie/"))
    assert stories.index("Storia nuova") < stories.index("Storia vecchia")
    assert "<h2><a" in stories  # cards right under the h1: no skipped level


def test_a_card_shows_the_listed_pages_own_image(site):
    renditions = [
        {"url": f"https://cms.test/duomo-{w}.webp", "width": w, "height": w // 2}
        for w in (480, 960)
    ]
    image = {"alt": "Facciata barocca", "credit": "", "renditions": renditions}
    site.by_id[14]["hero_image"] = 77
    site.by_id[14]["media"]["images"]["77"] = image
    assert "77" not in site.by_id[3]["media"]["images"]  # not the index's own
    media = {r["url"]: f"/media/d{r['width']}.webp" for r in renditions}
    entry = next(e for e in site.entries["it"] if e.url == "/it/luoghi/")
    ctx = RenderContext(site, "it", media=media, build_date="2026-11-25")
    html = main(render_page(entry, ctx))
    card = html[html.rindex('<li class="card">', 0, html.index("Àlfa")) :]
    tag = re.search(r"<img [^>]+>", card[: card.index("</li>")])
    assert tag, card
    for part in ('src="/media/d960.webp"', "/media/d480.webp 480w",
                 'width="960" height="480"', 'alt="Facciata barocca"',
                 'loading="lazy"', 'decoding="async"', 'sizes="'):  # fmt: skip
        assert part in tag[0], part
    assert "cms.test" not in html
    assert html.count("<img ") == 1  # the other places have no image


def test_arabic_pages_are_right_to_left_and_translated(site):
    html = render(site, "ar", "/ar/luoghi/museo/")
    assert '<html lang="ar" dir="rtl">' in html
    assert "مواعيد الفتح" in html  # "Opening hours"
    assert 'role="note"' in html  # shown in Italian, with a notice


def test_hostile_text_is_escaped_everywhere(site):
    site.by_id[5]["audiences"] = ["families"]
    ctx = RenderContext(site, "it", build_date="2026-11-25")
    for html in (
        render(site, "it", "/it/luoghi/museo/"),
        render(site, "it", "/it/luoghi/"),
        render(site, "it", "/it/eventi/"),
        render(site, "it", "/it/eventi/e6/"),
        audience_output("families", ctx)(),
    ):
        assert HOSTILE not in html
        assert "&lt;img src=x onerror=" in html


def test_audience_pages_are_listed_and_linked(site):
    site.by_id[5]["audiences"] = ["families"]
    site.by_id[7]["audiences"] = ["schools"]  # a past event only
    assert site.audiences("it") == ["families"]
    html = render(site, "it", "/it/luoghi/museo/")
    assert '<a href="/it/audiences/families/">Per le famiglie</a>' in html
    home = render(site, "it", "/it/")
    assert re.search(
        r'<nav class="audiences" aria-label="[^"]+"><ul class="chips">', home
    )
    assert 'href="/it/audiences/families/"' in home
    page = audience_output(
        "families", RenderContext(site, "en", build_date="2026-11-25")
    )()
    assert "<h1>For families</h1>" in page
    assert 'href="/en/luoghi/museo/"' in page
    assert 'hreflang="it" href="https://lecce.example.org/it/audiences/families/"' in (
        page
    )


def test_cms_pages_cannot_take_the_audience_paths():
    reserved = item(9, "stories.StoryPage", "/audiences/families/")
    with pytest.raises(UrlCollision, match="reserves"):
        SiteModel.build(Snapshot(TERRITORY, "2026-11-25", [reserved]))


def test_a_real_build_writes_the_audience_pages(pages, tmp_path):
    for page in pages:
        if page["id"] in (5, 8):
            page["audiences"] = ["families"]
        if page["id"] == 7:
            page["audiences"] = ["schools"]  # past: no page for schools
    site = build_site(tmp_path, pages)
    for lang in ("it", "en", "ar"):
        families = (site / lang / "audiences/families/index.html").read_text()
        assert f'href="/{lang}/luoghi/museo/"' in families
        assert "Visita settimanale" in families
        assert (
            f'href="/{lang}/audiences/families/"'
            in (site / lang / "luoghi/museo/index.html").read_text()
        )
    assert 'href="/it/audiences/families/"' in (site / "it/index.html").read_text()
    assert not (site / "it/audiences/schools").exists()


def test_stylesheet_is_direction_neutral_and_readable():
    css = (resources.theme() / "static/css/site.css").read_text()
    physical = re.findall(
        r"(?:margin|padding|border|inset)-(?:left|right|top|bottom)"
        r"|[;{](?:left|right|top|bottom):|text-align:(?:left|right)|float:",
        css,
    )
    assert physical == []
    assert ":focus-visible{outline" in css
    colours = dict(re.findall(r"--(\w+):(#[0-9a-f]{6})", css))

    def luminance(colour):
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = [
            c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
            for c in channels
        ]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    def contrast(a, b):
        high, low = sorted((luminance(a), luminance(b)), reverse=True)
        return (high + 0.05) / (low + 0.05)

    for text in ("brand", "ink", "muted"):
        for background in (colours["paper"], "#ffffff"):
            assert contrast(colours[text], background) >= 4.5, (text, background)
    assert contrast("#ffffff", colours["brand"]) >= 4.5  # the current audience chip


def test_a_typical_page_stays_under_14_kb_compressed(site):
    html = render(site, "it", "/it/luoghi/museo/")
    css = (resources.theme() / "static/css/site.css").read_bytes()
    assert len(gzip.compress(html.encode() + css)) <= 14 * 1024
