"""Gettext catalogs of the theme: compiled on demand, never committed.

The .po files in `TRANSLATIONS_DIR` are the source; rendering (the build and the
CMS preview alike) compiles them into `COMPILED_DIR` whenever a .po is newer
than its .mo, so a fresh checkout or an edited catalog needs no extra step.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS_DIR = ROOT / "translations"  # <lang>/LC_MESSAGES/messages.po
COMPILED_DIR = ROOT / "content" / "cache" / "locale"  # the .mo files, ignored by git


def compile_catalogs(
    source: Path = TRANSLATIONS_DIR, target: Path = COMPILED_DIR
) -> Path:
    """Compile every stale catalog and return the folder gettext loads from.

    Safe when several processes do it at once: each .mo is written to a
    temporary file and renamed over the old one, so no reader sees half a file.
    """
    for po in sorted(source.glob("*/LC_MESSAGES/*.po")):
        mo = target / po.relative_to(source).with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        mo.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=po.parts[-3])
        fd, tmp = tempfile.mkstemp(dir=mo.parent, prefix=f".{mo.name}.")
        try:
            with os.fdopen(fd, "wb") as handle:
                write_mo(handle, catalog, use_fuzzy=False)
            os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide it from other users
            os.replace(tmp, mo)
        except BaseException:
            os.unlink(tmp)
            raise
    return target
