"""Theme translations and hand-written pages: complete in every language."""

import os
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.pofile import read_po
from babel.support import Translations
from markupsafe import Markup

from publisher.i18n import TRANSLATIONS_DIR, compile_catalogs
from publisher.render import RenderContext, environment, render_document
from publisher.sitemodel import SiteModel
from publisher.snapshot import Snapshot

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "content" / "pages"
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
    compiled = compile_catalogs(TRANSLATIONS_DIR, tmp_path)
    plural = Translations.load(str(compiled), ["ar"]).plural
    assert [plural(n) for n in range(1200)] == [
        order.index(rule(n)) for n in range(1200)
    ]


def test_catalogs_compile_only_when_stale(tmp_path):
    source, target = tmp_path / "translations", tmp_path / "locale"
    po = source / "it" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_bytes((TRANSLATIONS_DIR / "it/LC_MESSAGES/messages.po").read_bytes())
    os.utime(po, (1_000_000, 1_000_000))

    assert compile_catalogs(source, target) == target
    mo = target / "it" / "LC_MESSAGES" / "messages.mo"
    assert Translations.load(str(target), ["it"]).gettext("Museums") == "Musei"
    assert mo.stat().st_mode & 0o444 == 0o444
    assert [p.name for p in mo.parent.iterdir()] == ["messages.mo"]  # no temp files

    os.utime(mo, (2_000_000, 2_000_000))
    compile_catalogs(source, target)
    assert mo.stat().st_mtime == 2_000_000  # up to date: left alone

    os.utime(po, (3_000_000, 3_000_000))
    compile_catalogs(source, target)
    assert mo.stat().st_mtime > 3_000_000  # the .po changed: compiled again


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
    pages = {p.stem: p.read_text("utf-8") for p in (PAGES / lang).glob("*.md")}
    assert sorted(pages) == ["about", "accessibility", "legal"]
    for text in pages.values():
        title, _, body = text.partition("\n")
        assert title.startswith("# ") and title[2:].strip() and body.strip()


def test_footer_links_only_the_pages_of_its_language(tmp_path):
    (tmp_path / "it").mkdir()
    (tmp_path / "it" / "about.md").write_text("# Chi siamo\nTesto.\n", "utf-8")
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
    ctx = RenderContext(model, "it", pages_dir=tmp_path)
    html = render_document("page", ctx, title="Chi siamo", html=Markup(""))
    assert '<li><a href="/it/about/">Chi siamo</a></li>' in html
    assert "/it/legal/" not in html
