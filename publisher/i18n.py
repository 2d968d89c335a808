"""Gettext catalogs of the theme: compiled on demand, never committed.

The .po files in translations/ are the source; the build (and the CMS preview)
compiles them into content/cache/locale/ whenever a .po is newer than its .mo.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "translations"
COMPILED = ROOT / "content" / "cache" / "locale"


def compile_catalogs(source: Path = SOURCE, target: Path = COMPILED) -> Path:
    """Compile every stale catalog; safe when several processes do it at once."""
    for po in sorted(source.glob("*/LC_MESSAGES/messages.po")):
        mo = target / po.relative_to(source).with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        mo.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=po.parts[-3])
        fd, tmp = tempfile.mkstemp(dir=mo.parent, suffix=".part")
        with os.fdopen(fd, "wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        os.replace(tmp, mo)
    return target
