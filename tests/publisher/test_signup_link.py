"""Every page's footer invites local businesses to the CMS's sign-up form."""

import pytest
from markupsafe import Markup

from publisher.render import RenderContext, render_document
from publisher.sitemodel import SiteModel
from publisher.snapshot import Snapshot

SIGNUP = "https://cms.example.org/owners/signup/?territory=lecce"


def territory(**extra) -> dict:
    return {
        "slug": "lecce",
        "name": "Lecce",
        "base_url": "",
        "languages": [
            {"code": "it", "name": "Italiano", "direction": "ltr"},
            {"code": "en", "name": "English", "direction": "ltr"},
            {"code": "ar", "name": "العربية", "direction": "rtl"},
        ],
        "default_language": "it",
        "fallback": "default",
        "open_data_licence": {"name": "CC BY 4.0", "url": "https://x"},
        "contacts": {"email": "", "phone": "", "address": ""},
        "social_links": [],
        **extra,
    }


def footer(data: dict, lang: str) -> str:
    model = SiteModel.build(Snapshot(data, "2026-11-25", []))
    html = render_document("page", RenderContext(model, lang), html=Markup(""))
    return html.split("<footer", 1)[1]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "Hai un'attività qui? Proponi le tue offerte"),
        ("en", "Do you run a business here? Propose your offers"),
        ("ar", "هل لديك نشاط تجاري هنا؟ اقترح عروضك"),
    ],
)
def test_footer_links_the_signup_form_in_the_pages_language(lang, text):
    html = footer(territory(signup_url=SIGNUP), lang)
    link = f'<a href="{SIGNUP}&amp;lang={lang}">'
    assert link in html
    assert text in html


def test_old_snapshots_without_a_signup_url_show_no_link():
    html = footer(territory(), "it")
    assert "/owners/signup/" not in html
    assert "Proponi" not in html


PROPOSE = "https://cms.example.org/propose/event/?territory=lecce"


def test_the_events_pages_link_the_form_to_propose_an_event():
    """On the events' index and each event, in the page's language; nowhere
    else."""
    from tests.publisher.test_theme import event, item, main, render

    pages = [
        item(1, "territories.TerritoryHomePage", "/", key="home"),
        item(4, "events.EventsIndexPage", "/eventi/", intro=""),
        item(3, "places.PlacesIndexPage", "/luoghi/", intro=""),
        event(7, "2026-12-12T21:00:00+01:00", title="Pizzica"),
    ]
    model = SiteModel.build(
        Snapshot(territory(propose_event_url=PROPOSE), "2026-11-25", pages)
    )
    link = f'<a href="{PROPOSE}&amp;lang=ar">اقترح فعالية</a>'
    events = next(e for e in model.entries["ar"] if e.page["id"] == 4)
    assert link in main(render(model, "ar", events.url))
    one = next(e for e in model.entries["it"] if e.page["id"] == 7)
    assert "Proponi un evento" in main(render(model, "it", one.url))
    places = next(e for e in model.entries["it"] if e.page["id"] == 3)
    assert PROPOSE not in render(model, "it", places.url)
