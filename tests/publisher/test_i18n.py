"""Theme translations and hand-written pages: complete in every language."""

import dataclasses

import pytest
from babel import Locale
from babel.messages.pofile import read_po
from markupsafe import Markup

from publisher import resources, settings
from publisher.handwritten import pages_in, read_pages
from publisher.i18n import translations
from publisher.render import RenderContext, render_document
from publisher.render_context import environment
from publisher.sitemodel import SiteModel
from publisher.snapshot import Snapshot

TRANSLATIONS_DIR = resources.translations()
PAGES = resources.content() / "pages"
LANGUAGES = ["it", "en", "de", "ar"]
TRANSLATED = ["it", "de", "ar"]  # English is the source language


def catalog(lang):
    path = TRANSLATIONS_DIR / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def msgid(message):
    return message.id[0] if message.pluralizable else message.id


def template_ids():
    with (TRANSLATIONS_DIR / "messages.pot").open("rb") as handle:
        return {msgid(m) for m in read_po(handle) if m.id}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_template_string_is_translated(lang):
    messages = {msgid(m): m for m in catalog(lang) if m.id}

    def translated(message):
        forms = message.string if message.pluralizable else [message.string]
        return not message.fuzzy and all(forms)

    missing = [
        i for i in template_ids() if i not in messages or not translated(messages[i])
    ]
    assert missing == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_placeholders_and_plural_forms(lang):
    """Babel's checks: the same %(name)s placeholders, a string per plural form."""
    problems = [(msgid(m), errors) for m, errors in catalog(lang).check()]
    assert problems == []


def test_arabic_plural_forms_follow_cldr(tmp_path):
    """Six forms in CLDR order (zero, one, two, few, many, other).

    Babel's built-in Arabic header swaps "many" and "other" (python-babel#816).
    """
    arabic = catalog("ar")
    assert arabic.num_plurals == 6
    rule = Locale("ar").plural_form
    order = ["zero", "one", "two", "few", "many", "other"]
    plural = translations("ar").plural
    assert [plural(n) for n in range(1200)] == [
        order.index(rule(n)) for n in range(1200)
    ]


def test_catalogs_compile_in_memory_from_the_po_files(tmp_path):
    """Nothing is written: an installed package may be read-only."""
    source = tmp_path / "translations"
    po = source / "it" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_bytes((TRANSLATIONS_DIR / "it/LC_MESSAGES/messages.po").read_bytes())

    assert translations("it", source).gettext("Museums") == "Musei"
    assert [p.name for p in po.parent.iterdir()] == ["messages.po"]
    # A language without a catalog keeps the source language.
    assert translations("fr", source).gettext("Museums") == "Museums"


def test_templates_render_translated():
    assert environment("it").from_string('{{ _("Skip to content") }}').render() == (
        "Vai al contenuto"
    )
    weeks = '{{ ngettext("every %(num)s week", "every %(num)s weeks", n) }}'
    assert environment("de").from_string(weeks).render(n=3) == "alle 3 Wochen"
    arabic = environment("ar").from_string(weeks)
    assert arabic.render(n=2) == "كل أسبوعين"
    assert arabic.render(n=11) == "كل 11 أسبوعًا"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_the_hand_written_pages(lang):
    site = settings.load()
    pages = {page.slug: page for page in pages_in(read_pages(PAGES, site.file), lang)}
    assert sorted(pages) == ["about", "accessibility", "legal"]
    for page in pages.values():
        assert page.title and page.html.strip() and page.lang == lang


def test_footer_links_only_the_pages_of_its_language(tmp_path):
    (tmp_path / "pages" / "it").mkdir(parents=True)
    (tmp_path / "pages" / "it" / "about.md").write_text("# Chi siamo\nTesto.\n")
    territory = {
        "slug": "lecce",
        "name": "Lecce",
        "base_url": "",
        "languages": [{"code": "it", "name": "Italiano", "direction": "ltr"}],
        "default_language": "it",
        "fallback": "default",
        "open_data_licence": {"name": "CC BY 4.0", "url": "https://x"},
        "contacts": {"email": "", "phone": "", "address": ""},
        "social_links": [],
    }
    model = SiteModel.build(Snapshot(territory, "2026-11-25", []))
    site = dataclasses.replace(settings.load(), content=tmp_path)
    ctx = RenderContext(model, "it", site=site)
    html = render_document("page", ctx, title="Chi siamo", html=Markup(""))
    assert '<li><a href="/it/about/">Chi siamo</a></li>' in html
    assert "/it/legal/" not in html
