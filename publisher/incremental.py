"""What an incremental build must re-render, and the state it keeps between builds.

`content/state/<territory>.json` describes the output in dist/<territory>: the
change feed's cursor, a fingerprint of everything besides the CMS's pages that
the output depends on (theme, catalogs, hand-written pages, publisher code,
territory settings, build date), a hash of every published page, where each
page is listed, and the dependency index: for every output file, the keys of
what it read while rendering (see `SiteModel.reading`).

A change marks keys: `id:` of the pages that changed, `kind:<lang>:<kind>` of
the listings they are in, enter or leave, `tk:` of their translation keys
when their URLs may have moved (the page appeared, left, or changed its path,
language or translation key), and `aud:<lang>` when a page joins or leaves an
audience. `tk:` is read by what shows only a page's URL in every language
(alternates, language switchers, links), `aud:` by what shows only which
audiences a language has (the audience pages' language switchers). Every output
that read a marked key is re-rendered, and so is every new one; the others are
the same bytes as before.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import orjson

from . import resources
from .channels import channel_assets
from .settings import SiteSettings
from .sitemodel import SiteModel
from .snapshot import Snapshot
from .warm import Kept

VERSION = 4
# Libraries whose version can change the bytes of a page.
LIBRARIES = (
    "jinja2",
    "babel",
    "markdown",
    "nh3",
    "markupsafe",
    "pelican",
    # The channels: share images, QR codes, the search index.
    "pillow",
    "segno",
    "pagefind",
)


@dataclass
class State:
    """What the build that made dist/<territory> knew; saved after the swap."""

    cursor: str | None
    fingerprint: str
    digest: str
    pages: dict[str, list] = field(default_factory=dict)  # id: [hash, key, path]
    entries: dict[str, dict[str, list]] = field(default_factory=dict)
    outputs: dict[str, list[str]] = field(default_factory=dict)  # file: keys read

    @classmethod
    def load(cls, path: Path) -> State | None:
        """The saved state; None when missing, unreadable or of another version.

        A long-running builder gets back the state it saved itself, from memory,
        while the file is the one it wrote. Treat it as read-only.
        """
        try:
            signature = _signature(path)
            kept = _SAVED.get(path, signature)
            if kept is not None:
                return kept
            data = orjson.loads(path.read_bytes())
            if data.pop("version") != VERSION:
                return None
            return cls(**data)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        # vars(), not asdict(): asdict deep-copies every list of the index.
        data = {"version": VERSION, **vars(self)}
        tmp.write_bytes(orjson.dumps(data, option=orjson.OPT_SORT_KEYS))
        tmp.replace(path)
        _SAVED.put(path, _signature(path), self)


# The states this process saved last (State.load, publisher/warm.py).
_SAVED: Kept[State] = Kept()


def _signature(path: Path) -> tuple:
    stat = path.stat()
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


@dataclass
class Plan:
    """The files to render (None: all), to drop, and what changed."""

    render: set[str] | None
    remove: set[str] = field(default_factory=set)
    changed: int = 0
    removed: int = 0


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    )


def fingerprint(snapshot: Snapshot, site: SiteSettings) -> str:
    """A hash of every input of the output that does not come from a page."""
    digest = hashlib.sha256(f"vetrina-state-{VERSION}".encode())
    digest.update(site.file.read_bytes())  # a site's own settings file
    for name, folder in (
        ("publisher", Path(__file__).parent),
        ("site", resources.settings_file().parent),
        ("theme", site.theme),
        *((f"overrides{i}", path) for i, path in enumerate(site.overrides)),
        ("translations", resources.translations()),
        ("pages", site.pages),
    ):
        for path in _files(folder):
            digest.update(f"\0{name}/{path.relative_to(folder).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    for name, data in sorted(channel_assets().items()):  # e.g. Leaflet, from npm
        digest.update(f"\0assets/{name}\0".encode())
        digest.update(data)
    for library in LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"\0{library}={version}".encode())
    head = {"territory": snapshot.territory, "build_date": snapshot.build_date}
    digest.update(json.dumps(head, sort_keys=True).encode())
    return digest.hexdigest()


def page_table(model: SiteModel, media: dict[str, str]) -> dict[str, list]:
    """id: [hash, translation key, path] of every published page.

    The hash covers the page and where its images are served from, so a
    rendition that could not be downloaded last time counts as a change.
    """
    table = {}
    for page_id, page in model.by_id.items():
        served = sorted(
            (rendition["url"], media.get(rendition["url"]))
            for image in page.get("media", {}).get("images", {}).values()
            for rendition in image.get("renditions", [])
        )
        text = orjson.dumps([page, served], option=orjson.OPT_SORT_KEYS)
        digest = hashlib.sha256(text).hexdigest()
        meta = page["meta"]
        table[str(page_id)] = [digest, meta["translation_key"], meta["path"]]
    return table


def entry_table(model: SiteModel) -> dict[str, dict[str, list]]:
    """lang: {id: [URL, kind, fallback, audiences]}: where each page is
    published, and the audience pages that list it."""
    return {
        lang: {
            str(e.page["id"]): [e.url, e.kind, e.fallback, model.counts_for(e)]
            for e in entries
        }
        for lang, entries in model.entries.items()
    }


def content_digest(fingerprint: str, pages: dict, redirects: list) -> str:
    """Names the output of a build: the same content gives the same digest."""
    text = json.dumps([fingerprint, pages, redirects], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def plan(
    state: State,
    pages: dict[str, list],
    entries: dict[str, dict[str, list]],
    outputs: dict[str, str],
) -> Plan:
    """Which of `outputs` (file: URL) to render again, from the state's index."""
    changed = {
        page_id
        for page_id in state.pages.keys() | pages.keys()
        if state.pages.get(page_id, [None])[0] != pages.get(page_id, [None])[0]
    }
    keys = {f"id:{page_id}" for page_id in changed}
    # Pages whose URLs may differ in some language: new, gone, or with another
    # translation key or path (aliases and offers' business prefixes use it).
    relinked = {
        page_id
        for page_id in changed
        if state.pages.get(page_id, [None])[1:] != pages.get(page_id, [None])[1:]
    }
    moved = set()  # URLs of pages that changed, appeared, left or moved
    for lang in state.entries.keys() | entries.keys():
        before, after = state.entries.get(lang, {}), entries.get(lang, {})
        for page_id in before.keys() | after.keys():
            old, new = before.get(page_id), after.get(page_id)
            if old == new and page_id not in changed:
                continue
            listed = [where for where in (old, new) if where]  # [URL, kind, …]
            if old is None or new is None or old[0] != new[0]:
                relinked.add(page_id)  # its URL in this language
            if (old[3] if old else []) != (new[3] if new else []):
                keys.add(f"aud:{lang}")  # which audiences the language has
            for url, kind, *_ in listed:
                keys.add(f"kind:{lang}:{kind}")
                moved.add(url)
    keys |= {
        f"tk:{table[page_id][1]}"
        for page_id in relinked
        for table in (state.pages, pages)
        if page_id in table
    }
    render = set()
    for file, url in outputs.items():
        read = state.outputs.get(file)
        if read is None or url in moved or not keys.isdisjoint(read):
            render.add(file)
    return Plan(
        render=render,
        remove=set(state.outputs) - set(outputs),
        changed=len(changed & pages.keys()),
        removed=len(changed - pages.keys()),
    )
