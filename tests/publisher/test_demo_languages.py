"""The demo sites built for real: every word the demo translates reaches the
reader in their language (issue 19).

The demo is loaded into the CMS and built over HTTP as `make demo` does
(`demo_dist` in tests/conftest.py, shared with tests/browser/test_demo_sites.py).
Every string of its data that has a translation into a site's language (page
text, image alt texts copied onto the pages, opening-exception notes, ticket
labels, itinerary stop notes) must not appear in Italian on that language's
pages.
"""

import re

import pytest
from django.utils import timezone
from markupsafe import escape

from cms.demo.common import SECTIONS
from cms.demo.loader import SECTION_PAGES, TERRITORIES
from cms.demo.text import T, iter_texts

# The demo app: dev and test settings only; the database mark makes the
# session create the test database `demo_dist` loads the demo into.
pytestmark = [pytest.mark.demo, pytest.mark.django_db]


def translated_italian(language: str) -> dict[str, set[str]]:
    """Per territory: the Italian strings of its demo data that have a
    different translation into `language`."""
    today = timezone.localdate()
    found: dict[str, set[str]] = {}
    for data in TERRITORIES:
        if language not in data.languages:
            continue
        texts: list[T] = [
            *iter_texts(data.home),
            *(spec.alt for spec in data.images.values()),
            *(t for section in SECTIONS.values() for t in section.values()),
        ]
        for kind, _model in SECTION_PAGES:
            texts.extend(iter_texts(getattr(data, kind)(today)))
        found[data.slug] = {
            t.it
            for t in texts
            if t.get(language) and t.get(language) != t.it and len(t.it) > 3
        }
    return found


def appears(text: str, html: str) -> bool:
    """As a whole: "Storie" is not in "Stories"."""
    return any(
        re.search(rf"(?<!\w){re.escape(form)}(?!\w)", html)
        for form in {text, str(escape(text))}
    )


def test_no_italian_where_the_demo_has_a_translation(demo_dist):
    demo_sites = demo_dist
    # The translations are there: the rows', the alt texts copied onto pages.
    lecce_en = demo_sites / "lecce" / "en"
    html = "".join(p.read_text() for p in lecce_en.rglob("*.html"))
    assert "Take your time over the façade." in html
    assert 'alt="A stylised map with five numbered stops."' in html
    assert "Closed for Christmas" in html
    assert "Full price (churches circuit)" in html
    html = "".join(
        p.read_text() for p in (demo_sites / "grecia-salentina" / "ar").rglob("*.html")
    )
    assert "رسم لشجرة زيتون في ريف سالنتو." in html
    assert "استراحة في ظل أشجار الصنوبر." in html
    assert not re.search('<img [^>]*lang="it"', html)  # no Italian to mark
    # And no Italian where a translation exists.
    checked = 0
    for language in ("en", "de", "ar"):
        for slug, italian in translated_italian(language).items():
            pages = sorted((demo_sites / slug / language).rglob("*.html"))
            assert pages, f"{slug} has no {language} pages"
            for path in pages:
                html = path.read_text()
                leaks = sorted(text for text in italian if appears(text, html))
                assert not leaks, f"{path.relative_to(demo_sites)}: {leaks}"
                checked += 1
    assert checked > 100
