"""API snapshots on disk: one folder per territory, one file per language.

The build date and the territory's redirects are stored with the snapshot,
so the same snapshot and date give the same bytes whenever and wherever the
build runs. An incremental build applies the change feed to the saved snapshot.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from .api import PAGE_TYPES, ApiClient, Changes
from .errors import TerritoryNotFound
from .warm import Kept


@dataclass
class Snapshot:
    territory: dict
    build_date: str
    pages: list[dict] = field(default_factory=list)
    redirects: list[dict] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.territory["slug"]

    @property
    def languages(self) -> list[str]:
        return [lang["code"] for lang in self.territory["languages"]]

    def save(
        self, root: Path, languages: set[str] | None = None, as_loaded: bool = False
    ) -> Path:
        """Write the snapshot; with `languages` (those a change feed touched),
        only their files, since each is as big as its language's content.
        `as_loaded`: the pages are as load() would give them (see as_saved and
        in_order), so this process may keep them for its next load."""
        folder = root / self.slug
        folder.mkdir(parents=True, exist_ok=True)
        by_lang: dict[str, list[dict]] = defaultdict(list)
        for page in self.pages:
            by_lang[page["meta"]["locale"]].append(page)
        _write_json(
            folder / "territory.json",
            {
                "territory": self.territory,
                "build_date": self.build_date,
                "redirects": self.redirects,
            },
        )
        wanted = set(by_lang) | set(self.languages)
        for lang in sorted(wanted if languages is None else languages):
            if lang in wanted:
                pages = sorted(by_lang.get(lang, []), key=lambda p: p["id"])
                _write_json(folder / f"{lang}.json", pages)
            else:  # a language no page has any more
                (folder / f"{lang}.json").unlink(missing_ok=True)
        if languages is None:
            for stale in folder.glob("*.json"):
                if stale.name != "territory.json" and stale.stem not in wanted:
                    stale.unlink()
        if as_loaded:
            _keep(folder, _signature(folder), self)
        else:
            _LOADED.drop(folder)
        return folder

    @classmethod
    def load(cls, root: Path, slug: str) -> Snapshot:
        folder = root / slug
        signature = _signature(folder)
        kept = _LOADED.get(folder, signature)
        if kept is not None:
            return kept.copy()
        snapshot = cls.load_head(root, slug)
        for path in sorted(folder.glob("*.json"), key=lambda path: path.stem):
            if path.name != "territory.json":
                snapshot.pages.extend(orjson.loads(path.read_bytes()))  # by id
        _keep(folder, signature, snapshot)
        return snapshot

    def copy(self) -> Snapshot:
        """A snapshot of the same pages that can be patched without touching
        this one (apply() replaces pages; it never changes one)."""
        pages, redirects = [*self.pages], [*self.redirects]
        return Snapshot(self.territory, self.build_date, pages, redirects)

    @classmethod
    def load_head(cls, root: Path, slug: str) -> Snapshot:
        """The territory, build date and redirects, without the pages."""
        head = json.loads((root / slug / "territory.json").read_text("utf-8"))
        return cls(head["territory"], head["build_date"], [], head.get("redirects", []))

    @classmethod
    def exists(cls, root: Path, slug: str) -> bool:
        return (root / slug / "territory.json").is_file()

    def apply(self, changes: Changes) -> set[str]:
        """Upsert the changed pages and drop the removed ones, by id: applying the
        same changes twice gives the same snapshot. Returns the languages
        touched. The pages stay in the order `load()` gives."""
        removed = {t["id"] for t in changes.tombstones}
        # Only the types a full fetch asks for, so both give the same snapshot.
        changed = {
            p["id"]: as_saved(p)
            for p in changes.items
            if p["meta"]["type"] in PAGE_TYPES
        }
        removed |= {p["id"] for p in changes.items} - changed.keys()
        gone = removed | changed.keys()
        touched = {p["meta"]["locale"] for p in self.pages if p["id"] in gone}
        touched |= {p["meta"]["locale"] for p in changed.values()}
        kept = [p for p in self.pages if p["id"] not in gone]
        self.pages = in_order([*kept, *changed.values()])
        return touched


# The snapshots this process loaded or saved last (publisher/warm.py).
_LOADED: Kept[Snapshot] = Kept()


def _keep(folder: Path, signature: tuple, snapshot: Snapshot) -> None:
    _LOADED.put(folder, signature, snapshot.copy())


def _signature(folder: Path) -> tuple:
    """Name, inode, size and modification time of each file: any rewrite shows."""
    found = []
    for path in sorted(folder.glob("*.json")):
        stat = path.stat()
        found.append((path.name, stat.st_ino, stat.st_size, stat.st_mtime_ns))
    return tuple(found)


def as_saved(page: dict) -> dict:
    """A page as a saved snapshot loads it (keys in order), so the build need not
    load the snapshot again after applying changes to it."""
    return json.loads(json.dumps(page, sort_keys=True))


def in_order(pages: list[dict]) -> list[dict]:
    """Pages as a saved snapshot loads them: by language, then by id."""
    return sorted(pages, key=lambda p: (p["meta"]["locale"], p["id"]))


def _write_json(path: Path, data: object) -> None:
    """Write only when the bytes change, so unchanged files keep their time.

    A list (a language's pages) is written one item per line, by orjson:
    saving a large territory's language is part of every edit's build, and
    Python's own encoder is several times slower (its indented form, pure
    Python, slower still).
    """
    if isinstance(data, list):
        sort = orjson.OPT_SORT_KEYS
        items = [orjson.dumps(item, option=sort).decode() for item in data]
        text = "[\n" + ",\n".join(items) + "\n]\n" if items else "[]\n"
    else:
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if path.exists() and path.read_text("utf-8") == text:
        return
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, "utf-8")
    tmp.replace(path)


def choose_territories(client: ApiClient, slugs: list[str] | None) -> list[dict]:
    territories = client.territories()
    if not slugs:
        return territories
    known = {t["slug"]: t for t in territories}
    missing = [s for s in slugs if s not in known]
    if missing:
        raise TerritoryNotFound(
            f"unknown territory {', '.join(missing)}; the API offers: "
            f"{', '.join(sorted(known)) or 'none'}"
        )
    return [known[s] for s in slugs]


# Listings asked for at once: the CMS answers them on all its workers.
FETCH_THREADS = 4


def fetch_snapshot(
    client: ApiClient,
    territory: dict,
    build_date: str,
    progress: Callable[[str], None] = lambda message: None,
) -> Snapshot:
    """Every page of the territory, its page types fetched side by side, each
    as a saved snapshot loads it."""

    def fetch(page_type: str) -> list[dict]:
        return [as_saved(page) for page in client.pages(territory["site"], page_type)]

    pages: list[dict] = []
    with ThreadPoolExecutor(FETCH_THREADS) as pool:
        batches = pool.map(fetch, PAGE_TYPES)
        for page_type, batch in zip(PAGE_TYPES, batches, strict=True):
            pages.extend(batch)
            progress(f"{territory['slug']}: {len(batch):>5} {page_type}")
    redirects = client.redirects(territory["slug"])
    return Snapshot(territory, build_date, in_order(pages), redirects)
