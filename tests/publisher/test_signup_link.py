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
