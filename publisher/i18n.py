"""Gettext catalogs of the theme, compiled in memory from their .po files.

The .po files (`translations/<lang>/LC_MESSAGES/messages.po`, shipped in the
wheel) are the source. Compiling one takes a few milliseconds, so each process
compiles the languages it renders when it first needs them, and nothing is
written: not into the package, which may be read-only once installed, nor into
the build's working folder.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from . import resources

# Languages written right to left, among those a territory may publish.
RTL = frozenset({"ar", "fa", "he", "ur"})


def direction(lang: str) -> str:
    """The `dir` of text in `lang`."""
    return "rtl" if lang in RTL else "ltr"


def N_(message: str) -> str:
    """Mark a message for the catalogs; it is translated where it is used."""
    return message


DOMAIN = "messages"


@functools.cache
def translations(lang: str, source: Path | None = None) -> NullTranslations:
    """The theme's catalog in `lang` (from `source`, default the wheel's);
    without one, messages stay in the source language (English)."""
    po = (source or resources.translations()) / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po.is_file():
        return NullTranslations()
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    mo = io.BytesIO()
    write_mo(mo, catalog, use_fuzzy=False)
    mo.seek(0)
    return Translations(mo, domain=DOMAIN)
