"""The search index: Pagefind, one bundle per language, `/pagefind/<lang>/`.

Pagefind reads the pages of `/<lang>/` whose `<main>` carries
`data-pagefind-body` (the CMS's pages and the hand-written ones: not the 404,
the search page or what channels write for print) and writes that language's
bundle, which the language's search page loads. Its output depends only on the
pages' bytes, so an incremental build that indexes a language again gets a
full build's bytes. A full build indexes every language of its staging folder
before the swap (or links the previous index when no page changed); an
incremental build indexes the languages whose files it rendered or removed,
in the live folder once its pages are in place, each into a new bundle swapped
in whole: the search follows the pages a moment later, and one edit costs the
indexing of its language, not of the site.

Pagefind's fragments and word indexes are stable for the same pages, but up to
1.5 its filter and metadata files list filters in hash-map order, which changes
from run to run (Pagefind/pagefind#638). `canonicalise()` sorts them and names
them by their content, so the same pages always give the same bundle."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from .errors import PublishError

BUNDLE = "pagefind"


def bundle_url(lang: str) -> str:
    """The script of a language's bundle, as its search page loads it."""
    return f"/{BUNDLE}/{lang}/pagefind.js"


COMMAND = [sys.executable, "-m", "pagefind"]
TIMEOUT = 900  # seconds; a thousand pages take about two


class SearchIndexFailed(PublishError):
    """Pagefind could not index the site."""


def pagefind_version() -> str:
    try:
        return metadata.version("pagefind_bin")
    except metadata.PackageNotFoundError:
        return ""


def reindex_live(site: Path, languages: Iterable[str]) -> None:
    """Index these languages of the live `site`, each into a bundle beside
    it, then put that one in place of /pagefind/<lang>/: visitors get the old
    index or the new, never half."""
    for lang in languages:
        fresh = site.with_name(f".{BUNDLE}-{site.name}-{lang}-{os.getpid()}")
        old = site.with_name(f".{BUNDLE}-old-{site.name}-{lang}-{os.getpid()}")
        target = site / BUNDLE / lang
        try:
            index_language(site, lang, fresh)
            target.parent.mkdir(exist_ok=True)
            if target.exists():
                target.rename(old)
            fresh.rename(target)
        finally:
            shutil.rmtree(fresh, ignore_errors=True)
            shutil.rmtree(old, ignore_errors=True)


def index_site(site: Path, languages: Iterable[str]) -> dict[str, dict]:
    """Every language's bundle in `site`/pagefind/; their pagefind-entry.json."""
    bundles = site / BUNDLE
    if bundles.exists():
        shutil.rmtree(bundles)  # unlinks only: never writes through a live file
    return {lang: index_language(site, lang, bundles / lang) for lang in languages}


def index_language(site: Path, lang: str, bundle: Path) -> dict:
    """Run Pagefind over the pages of `site`/<lang>/, writing `bundle`; the
    bundle's pagefind-entry.json (its language, its page count)."""
    if bundle.exists():
        shutil.rmtree(bundle)
    command = [*COMMAND, "--site", str(site), "--glob", f"{lang}/**/*.html"]
    command += ["--output-path", str(bundle), "--quiet"]
    try:
        result = subprocess.run(  # noqa: S603 a fixed command, no shell
            command, capture_output=True, text=True, timeout=TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SearchIndexFailed(
            f"the search index could not be built: {error}. Is `pagefind[bin]` "
            "installed (pip install 'pagefind[bin]')?"
        ) from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise SearchIndexFailed(
            f"Pagefind failed (exit status {result.returncode}) indexing {site}: "
            + (" / ".join(detail) or "no message")
            + ". Fix the page it names, or reinstall `pagefind[bin]`."
        )
    try:
        return canonicalise(bundle)
    except (OSError, ValueError, KeyError, IndexError, TypeError) as error:
        raise SearchIndexFailed(
            f"Pagefind wrote a bundle in {bundle} this publisher cannot read "
            f"({error}): install the pagefind[bin] version of constraints.txt."
        ) from None


def canonicalise(bundle: Path) -> dict:
    """Sort the filter and metadata files Pagefind writes in arbitrary order,
    name them by content and rewrite pagefind-entry.json to match."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    renamed: dict[str, str] = {}
    for path in sorted((bundle / "filter").glob("*.pf_filter")):
        name, values = _read(path)
        values = sorted(values, key=lambda value: value[0])
        renamed[path.stem] = _write(path, [name, values], digits=7)
    languages = {}
    for lang, info in sorted(entry["languages"].items()):
        path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(path)
        # version, pages, word index chunks, filters, sorts, metadata fields
        meta[3] = sorted([name, renamed[old]] for name, old in meta[3])
        meta[4], meta[5] = sorted(meta[4]), sorted(meta[5])
        languages[lang] = {**info, "hash": _write(path, meta, digits=10)}
    entry["languages"] = languages
    text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    (bundle / "pagefind-entry.json").write_text(text, "utf-8")
    return entry


SIGNATURE = b"pagefind_dcd"


def _read(path: Path) -> list:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path.name} is not a Pagefind index file")
    value, end = _decode(data, len(SIGNATURE))
    if end != len(data) or _encode(value) != data[len(SIGNATURE) :]:
        raise ValueError(f"{path.name} holds CBOR this reader cannot round-trip")
    return value


def _write(old: Path, value: list, digits: int) -> str:
    """Replace `old` by `value`, named `<lang>_<hash of its bytes>`; the name."""
    data = gzip.compress(SIGNATURE + _encode(value), mtime=0)
    prefix, dot, stem = old.stem.rpartition(".")  # pagefind.<lang>_<hash>
    name = f"{stem.partition('_')[0]}_{hashlib.sha256(data).hexdigest()[:digits]}"
    old.unlink()
    old.with_name(f"{prefix}{dot}{name}{old.suffix}").write_bytes(data)
    return name


def _decode(data: bytes, at: int) -> tuple[object, int]:
    """The subset of CBOR (RFC 8949) Pagefind writes: ints, strings, arrays, maps."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        arg = info
    elif info <= 27:
        size = 1 << (info - 24)
        arg, at = int.from_bytes(data[at : at + size], "big"), at + size
    else:
        raise ValueError(f"unsupported CBOR item {data[at - 1]:#x}")
    if major == 0:
        return arg, at
    if major == 1:
        return -1 - arg, at
    if major in (2, 3):
        raw = data[at : at + arg]
        return (raw if major == 2 else raw.decode("utf-8")), at + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        pairs = {}
        for _ in range(arg):
            key, at = _decode(data, at)
            pairs[key], at = _decode(data, at)
        return pairs, at
    if major == 7 and arg in (20, 21, 22):
        return {20: False, 21: True, 22: None}[arg], at
    raise ValueError(f"unsupported CBOR major type {major}")


def _encode(value: object) -> bytes:
    if value is None or isinstance(value, bool):
        return bytes([0xF6 if value is None else 0xF5 if value else 0xF4])
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(map(_encode, value))
    if isinstance(value, dict):
        items = (_encode(key) + _encode(item) for key, item in value.items())
        return _head(5, len(value)) + b"".join(items)
    raise TypeError(f"cannot encode {type(value).__name__} as CBOR")


def _head(major: int, arg: int) -> bytes:
    if arg < 24:
        return bytes([major << 5 | arg])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if arg < 1 << (8 * size):
            return bytes([major << 5 | info]) + arg.to_bytes(size, "big")
    raise ValueError("CBOR integer too large")
