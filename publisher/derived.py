"""Derived files (share images, QR codes), cached on disk by what decides their bytes.

A full build renders every page again, but encodes a card or a QR code again only
when its inputs changed: an entry's key is a SHA-256 over its kind, the inputs
the caller names (text, colours, sizes, fonts, library and code versions) and
this module's own source. Entries live at `<cache>/<name>/<key[:2]>/<key>.<ext>`
for a kind `<name>.<ext>` ("share.png", "qr.svg").

Each territory × language renders in its own process, several at once: an entry
is written under a temporary name and renamed into place, and starts with the
SHA-256 of its bytes, so a file cut short or damaged is made again, never
published. Entries are only added: a hit refreshes an entry's time once a day,
and `prune()` removes those no build used for `PRUNE_DAYS`.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import time
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .render_context import RenderContext

DIGEST_SIZE = hashlib.sha256().digest_size
DAY = 24 * 60 * 60
PRUNE_DAYS = 30
TEMP_AGE = 60 * 60  # seconds: a temporary file this old was left by a crash


@functools.cache
def file_digest(path: str | Path) -> str:
    """The SHA-256 of a file's bytes (a module's source, a font), once a process."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def key(kind: str, inputs: Mapping[str, object]) -> str:
    """The entry's name: every input must be JSON, so none is hashed by its repr."""
    text = json.dumps(
        {"kind": kind, "inputs": inputs, "cache": file_digest(__file__)},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(text.encode()).hexdigest()


def entry_path(cache_dir: Path, kind: str, digest: str) -> Path:
    name, _, ext = kind.rpartition(".")
    return cache_dir / name / digest[:2] / f"{digest}.{ext}"


def cached(
    ctx: RenderContext,
    kind: str,
    inputs: Mapping[str, object],
    make: Callable[[], bytes],
) -> bytes:
    """`make()`'s bytes, from the cache when the same inputs made them before.

    Without a cache folder (the CMS preview, most tests) `make()` just runs.
    """
    if ctx.cache_dir is None:
        return make()
    entry = entry_path(ctx.cache_dir, kind, key(kind, inputs))
    data = _read(entry)
    if data is None:
        data = make()
        _write(entry, data)
    return data


def _read(entry: Path) -> bytes | None:
    """An entry's bytes, or None when it is missing, cut short or damaged."""
    try:
        with entry.open("rb") as file:
            raw = file.read()
            used = os.fstat(file.fileno()).st_mtime
    except OSError:  # missing, or pruned meanwhile
        return None
    data = raw[DIGEST_SIZE:]
    if len(raw) < DIGEST_SIZE or hashlib.sha256(data).digest() != raw[:DIGEST_SIZE]:
        return None
    if time.time() - used > DAY:  # what prune() goes by; once a day is enough
        with contextlib.suppress(OSError):
            os.utime(entry)
    return data


def _write(entry: Path, data: bytes) -> None:
    """Rename a complete file into place: a concurrent reader sees all or nothing.

    A cache that cannot be written costs time, not the build: the caller has
    the bytes.
    """
    tmp = entry.with_name(f".{entry.name}.{uuid.uuid4().hex}.tmp")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(hashlib.sha256(data).digest() + data)
        os.replace(tmp, entry)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def prune(cache_dir: Path, days: float = PRUNE_DAYS, now: float | None = None) -> int:
    """Remove entries no build used for `days` days, and temporary files left by
    a crash; how many files went. Safe while builds run: a build that misses a
    pruned entry makes it again."""
    if not cache_dir.is_dir():
        return 0
    now = time.time() if now is None else now
    removed = 0
    for path in cache_dir.glob("*/??/*"):
        age = TEMP_AGE if path.name.endswith(".tmp") else days * DAY
        with contextlib.suppress(FileNotFoundError):
            if now - path.stat().st_mtime > age:
                path.unlink()
                removed += 1
    return removed
