"""Every theme string is translated in every supported language."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from publisher.i18n import compile_catalogs
from publisher.render import environment

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"


def catalog(lang):
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=lang)


def template_ids():
    with (TRANSLATIONS / "messages.pot").open("rb") as handle:
        return {
            m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id
        }


@pytest.mark.parametrize("lang", ["it", "de", "ar"])
def test_catalog_is_complete(lang):
    messages = {
        (m.id if isinstance(m.id, str) else m.id[0]): m for m in catalog(lang) if m.id
    }
    missing = [
        msgid
        for msgid in template_ids()
        if msgid not in messages
        or messages[msgid].fuzzy
        or not all(messages[msgid].string if isinstance(messages[msgid].string, tuple)
                   else [messages[msgid].string])
    ]  # fmt: skip
    assert missing == []


def test_arabic_has_six_plural_forms():
    assert catalog("ar").num_plurals == 6


def test_catalogs_compile_and_translate(tmp_path):
    compiled = compile_catalogs(TRANSLATIONS, tmp_path)
    assert (compiled / "ar/LC_MESSAGES/messages.mo").is_file()
    text = environment("it").from_string('{{ _("Skip to content") }}').render()
    assert text == "Vai al contenuto"
    plural = '{{ ngettext("%(num)s minute", "%(num)s minutes", 3) }}'
    assert environment("de").from_string(plural).render() == "3 Minuten"


@pytest.mark.parametrize("lang", ["it", "en", "de", "ar"])
def test_every_language_has_the_hand_written_pages(lang):
    pages = {p.stem for p in (ROOT / "content" / "pages" / lang).glob("*.md")}
    assert pages == {"about", "legal", "accessibility"}
