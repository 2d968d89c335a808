"""Alt text in the reader's language, or marked as another's (issue 19).

A page carries its own words for its images (copied from the image library and
translated with it); where it has none, the library's, in the CMS's language,
are marked with `lang` so a screen reader reads them with the right voice. A
page shown in its original language (the territory's fallback) says so on the
element that holds it.
"""

import re

from publisher.render import RenderContext, render_page
from publisher.sitemodel import SiteModel
from publisher.snapshot import Snapshot
from tests.publisher.test_theme import TERRITORY, item, main, place

RENDITIONS = [
    {"url": f"https://cms.test/portale-{w}.webp", "width": w, "height": w // 2}
    for w in (480, 960)
]
MEDIA = {r["url"]: f"/media/p{r['width']}.webp" for r in RENDITIONS}
IMAGE = {"alt": "Il portale", "lang": "it", "credit": "", "renditions": RENDITIONS}


def with_image(page: dict, **fields) -> dict:
    return {**page, "hero_image": 7, "media": {"images": {"7": IMAGE}}, **fields}


def site() -> SiteModel:
    image_block = {
        "type": "image",
        "value": {
            "image": 7,
            "alt_text": "The carved doorway",
            "caption": "Ingresso",
            "credit": "",
        },
    }
    pages = [
        item(1, "territories.TerritoryHomePage", "/", key="home"),
        item(2, "territories.TerritoryHomePage", "/", locale="en", key="home"),
        item(3, "places.PlacesIndexPage", "/luoghi/", key="places", intro=""),
        item(4, "places.PlacesIndexPage", "/places/", "en", key="places", intro=""),
        with_image(
            place(5, "/luoghi/duomo/", "church", "Duomo"), hero_image_alt="Il portale"
        ),
        # Translated, with its own words for the picture.
        with_image(
            place(
                6, "/places/cathedral/", "church", "Cathedral", locale="en", key="k5"
            ),
            hero_image_alt="The doorway",
            body=[image_block],
        ),
        # Written in English with no words of its own: the library's Italian.
        with_image(place(8, "/places/castle/", "monument", "Castle", locale="en")),
    ]
    return SiteModel.build(Snapshot(TERRITORY, "2026-11-25", pages))


def render(model: SiteModel, lang: str, url: str) -> str:
    entry = next(e for e in model.entries[lang] if e.url == url)
    return render_page(
        entry, RenderContext(model, lang, media=MEDIA, build_date="2026-11-25")
    )


def images(html: str) -> list[str]:
    return re.findall(r"<img [^>]+>", main(html))


def test_a_translation_shows_its_own_words_for_its_pictures():
    hero, block = images(render(site(), "en", "/en/places/cathedral/"))
    assert 'alt="The doorway"' in hero and "lang=" not in hero
    assert 'alt="The carved doorway"' in block and "lang=" not in block


def test_the_librarys_words_are_marked_as_italian_on_an_english_page():
    (hero,) = images(render(site(), "en", "/en/places/castle/"))
    assert 'alt="Il portale" lang="it"' in hero


def test_a_block_stored_before_blocks_had_alt_text_uses_the_librarys():
    model = site()
    cathedral = model.by_id[6]
    cathedral["hero_image"] = None
    cathedral["body"] = [
        {"type": "image", "value": {"image": 7, "caption": "", "credit": ""}}
    ]
    (block,) = images(render(model, "en", "/en/places/cathedral/"))
    assert 'alt="Il portale" lang="it"' in block


def test_the_italian_page_needs_no_mark():
    (hero,) = images(render(site(), "it", "/it/luoghi/duomo/"))
    assert 'alt="Il portale"' in hero and "lang=" not in hero


def test_a_page_shown_in_its_original_language_says_which():
    """Arabic falls back to Italian: the notice in Arabic, the page marked."""
    model = site()
    entry = next(e for e in model.entries["ar"] if e.page["id"] == 5)
    assert entry.fallback
    html = main(render(model, "ar", entry.url))
    notice = html.index('role="note"')
    wrapper = html.index('<div lang="it" dir="ltr">')
    assert notice < wrapper < html.index("<h1>Duomo</h1>")
