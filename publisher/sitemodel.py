"""What gets published where: one territory's pages, per language, with URLs.

Translations are matched by `translation_key`. A language without its own
translation of a page either leaves it out or shows the default language with a
notice, as the territory's fallback rule says. Aliases (untranslated copies)
never count as translations.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from .errors import UrlCollision
from .occurrences import next_start
from .snapshot import Snapshot
from .validate import Problem, check_page
from .vocabulary import AUDIENCE_SECTIONS, AUDIENCES

KINDS = {
    "territories.TerritoryHomePage": "home",
    "places.PlacesIndexPage": "index",
    "stories.StoriesIndexPage": "index",
    "events.EventsIndexPage": "index",
    "itineraries.ItinerariesIndexPage": "index",
    "offers.BusinessesIndexPage": "index",
    "places.PlacePage": "place",
    "stories.StoryPage": "story",
    "events.EventPage": "event",
    "itineraries.ItineraryPage": "itinerary",
    "offers.BusinessPage": "business",
    "offers.OfferPage": "offer",
}
CHILD_KIND = {
    "places.PlacesIndexPage": "place",
    "stories.StoriesIndexPage": "story",
    "events.EventsIndexPage": "event",
    "itineraries.ItinerariesIndexPage": "itinerary",
    "offers.BusinessesIndexPage": "business",
}


# Paths the build writes itself in every language: no CMS page may take them.
AUDIENCES_PATH = "/audiences/"
# Paths under /<lang>/ that the build writes itself (channels add theirs; a
# per-page channel file has a dot in its name, which no CMS slug can have).
RESERVED_PATHS = (
    AUDIENCES_PATH,
    "/about/",
    "/legal/",
    "/accessibility/",
    "/404.html",
    "/map/",
    "/plan/",
    "/search/",
    "/data/",
)
# The kinds of page an audience's page lists, in its order.
AUDIENCE_KINDS = tuple(AUDIENCE_SECTIONS)


def output_file(url: str) -> str:
    """Where a URL's output is written, relative to the territory's folder.

    A last segment with a dot is a file (`404.html`, `feed.atom`); anything
    else is a folder with its index.html.
    """
    path = url.strip("/")
    if "." in path.rpartition("/")[2] and not url.endswith("/"):
        return path
    return f"{path}/index.html"


@dataclass
class Entry:
    """One page as published in one language."""

    page: dict
    lang: str
    url: str
    fallback: bool = False
    kind: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.kind = KINDS.get(self.page.get("meta", {}).get("type"), "page")

    @property
    def key(self) -> str:
        return self.page["meta"]["translation_key"]


@dataclass
class SiteModel:
    snapshot: Snapshot
    problems: list[Problem] = field(default_factory=list)
    entries: dict[str, list[Entry]] = field(default_factory=dict)
    by_id: dict[int, dict] = field(default_factory=dict)
    # The entry of a translation key in a language, fallbacks included.
    by_key: dict[tuple[str, str], Entry] = field(default_factory=dict, repr=False)
    paths_by_key: dict[str, set[str]] = field(default_factory=dict)
    # Entries by (language, kind), in entry order: every page asks for some
    # (the sections, the home), so a scan of all entries would make a build
    # quadratic in the size of the site.
    by_kind: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)
    audience_entries: dict[tuple[str, str], list[Entry]] = field(
        default_factory=dict, repr=False
    )
    # (language, path): the business an offer under that path belongs to.
    business_paths: dict[tuple[str, str], Entry] | None = field(
        default=None, repr=False, compare=False
    )
    # While a page renders, the keys of what it read (see `reading`): an
    # incremental build re-renders it when one of them changes.
    reads: set[str] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def build(cls, snapshot: Snapshot) -> SiteModel:
        model = cls(snapshot)
        offered = set(snapshot.languages)
        pages = [
            p
            for p in snapshot.pages
            if p.get("meta", {}).get("locale") in offered
            and p.get("meta", {}).get("type") in KINDS
        ]
        known = {p["id"] for p in pages}
        valid = []
        for page in pages:
            found = check_page(page, known)
            model.problems.extend(found)
            if not found:
                valid.append(page)
        model.by_id = {p["id"]: p for p in valid}
        for page in valid:
            meta = page["meta"]
            model.paths_by_key.setdefault(meta["translation_key"], set()).add(
                meta["path"]
            )
        model._place(valid)
        return model

    @property
    def default_language(self) -> str:
        return (
            self.snapshot.territory.get("default_language")
            or self.snapshot.languages[0]
        )

    def _place(self, pages: list[dict]) -> None:
        real: dict[tuple[str, str], dict] = {}
        aliases: dict[tuple[str, str], dict] = {}
        for page in pages:
            meta = page["meta"]
            target = aliases if meta.get("alias_of") else real
            target[(meta["translation_key"], meta["locale"])] = page
        fallback = self.snapshot.territory.get("fallback", "default") == "default"
        default = self.default_language
        for lang in self.snapshot.languages:
            entries = [
                Entry(p, lang, f"/{lang}{p['meta']['path']}")
                for (key, locale), p in sorted(real.items(), key=lambda kv: kv[1]["id"])
                if locale == lang
            ]
            if fallback and lang != default:
                for (key, locale), source in sorted(
                    real.items(), key=lambda kv: kv[1]["id"]
                ):
                    if locale != default or (key, lang) in real:
                        continue
                    alias = aliases.get((key, lang))
                    path = (alias or source)["meta"]["path"]
                    entries.append(Entry(source, lang, f"/{lang}{path}", fallback=True))
            seen: dict[str, Entry] = {}
            for entry in entries:
                path = entry.url.removeprefix(f"/{lang}")
                if path.startswith(RESERVED_PATHS):
                    raise UrlCollision(
                        f"{entry.page['meta']['type']} {entry.page['id']} would be "
                        f"published at {entry.url}, a path the build reserves for "
                        "its own pages: change its slug"
                    )
                other = seen.get(entry.url)
                if other is not None:
                    raise UrlCollision(
                        f"{entry.page['meta']['type']} {entry.page['id']} and "
                        f"{other.page['meta']['type']} {other.page['id']} would both "
                        f"be published at {entry.url}: change one of their slugs"
                    )
                seen[entry.url] = entry
                self.by_key[(entry.key, lang)] = entry
                self.by_kind.setdefault((lang, entry.kind), []).append(entry)
            self.entries[lang] = entries

    @contextmanager
    def reading(self) -> Iterator[set[str]]:
        """Collect the keys of what is read meanwhile: `id:<page id>` for a page,
        `tk:<translation key>` for its URLs in every language, `kind:<lang>:<kind>`
        for a listing (which a new page changes without having been read before).
        """
        outer, self.reads = self.reads, set()
        try:
            yield self.reads
        finally:
            if outer is not None:
                outer |= self.reads
            self.reads = outer

    def note(self, *keys: str) -> None:
        if self.reads is not None:
            self.reads.update(keys)

    def page(self, page_id: int) -> dict | None:
        self.note(f"id:{page_id}")
        return self.by_id.get(page_id)

    def page_in(self, page_id: int | None, lang: str) -> dict | None:
        """A page as `lang` shows it when another page names it (an itinerary's
        stop, an event's venue): its translation there if it has one, else the
        page itself. The API's references point at one language's page."""
        page = None if page_id is None else self.page(page_id)
        if page is None:
            return None
        found = self.entry(page["meta"]["translation_key"], lang)
        if found is None or found.page is page or found.fallback:
            return page
        self.note(f"id:{found.page['id']}")
        return found.page

    def url_for(self, page_id: int, lang: str) -> str | None:
        page = self.page(page_id)
        if page is None:
            return None
        self.note(f"tk:{page['meta']['translation_key']}")
        found = self.by_key.get((page["meta"]["translation_key"], lang))
        return found.url if found else None

    def entry(self, key: str, lang: str) -> Entry | None:
        """The page of a translation key as published in a language, if it is."""
        self.note(f"tk:{key}")
        return self.by_key.get((key, lang))

    def alternates(self, entry: Entry) -> list[tuple[str, str]]:
        """(language, URL) of the same page in every language that has it."""
        self.note(f"tk:{entry.key}")
        return [
            (lang, self.by_key[(entry.key, lang)].url)
            for lang in self.snapshot.languages
            if (entry.key, lang) in self.by_key
        ]

    def children(self, entry: Entry) -> list[Entry]:
        """The pages listed under an index or business page, in this language."""
        page_type = entry.page["meta"]["type"]
        if page_type in CHILD_KIND:  # one index per section and language
            return self.of_kind(entry.lang, CHILD_KIND[page_type])
        if page_type != "offers.BusinessPage":
            return []
        # Offers live under their business in every language tree.
        self.note(f"tk:{entry.key}")
        prefixes = tuple(self.paths_by_key.get(entry.key, ()))
        return [
            e
            for e in self.of_kind(entry.lang, "offer")
            if e.page["meta"]["path"].startswith(prefixes)
        ]

    def of_kind(self, lang: str, kind: str) -> list[Entry]:
        """The entries of one kind in one language, in entry order (a new list:
        callers may sort it)."""
        self.note(f"kind:{lang}:{kind}")
        return list(self.by_kind.get((lang, kind), ()))

    def business_of(self, offer: Entry) -> Entry | None:
        """The business whose page an offer lives under, in the offer's language:
        the nearest ancestor of the offer's path that is a path of a business
        (in any language: offers live under their business in every tree)."""
        if self.business_paths is None:
            self.business_paths = {
                (business.lang, path): business
                for (_lang, kind), found in self.by_kind.items()
                if kind == "business"
                for business in found
                for path in self.paths_by_key.get(business.key, ())
            }
        path = offer.page["meta"]["path"]
        while (path := path[: path.rstrip("/").rfind("/") + 1]) not in ("", "/"):
            business = self.business_paths.get((offer.lang, path))
            if business is not None:
                self.note(f"tk:{business.key}")
                return business
        self.note(f"kind:{offer.lang}:business")  # until one is published there
        return None

    def for_audience(self, lang: str, audience: str) -> list[Entry]:
        """Pages for an audience in a language; events only while still to come."""
        self.note(*(f"kind:{lang}:{kind}" for kind in AUDIENCE_KINDS))
        return list(self._for_audience(lang, audience))

    def _for_audience(self, lang: str, audience: str) -> list[Entry]:
        if (lang, audience) not in self.audience_entries:
            for each in AUDIENCES:  # one pass over the language for all of them
                self.audience_entries[(lang, each)] = []
            for entry in self.entries[lang]:
                for each in self.counts_for(entry):
                    self.audience_entries[(lang, each)].append(entry)
        return self.audience_entries[(lang, audience)]

    def counts_for(self, entry: Entry) -> list[str]:
        """The audiences whose page lists this entry (an event, while to come)."""
        if entry.kind not in AUDIENCE_KINDS:
            return []
        if entry.kind == "event":
            built = self.snapshot.build_date
            today = date.fromisoformat(built) if built else date.min
            if next_start(entry.page, today) is None:
                return []
        audiences = entry.page.get("audiences") or []
        return [a for a in AUDIENCES if a in audiences]

    def audiences(self, lang: str) -> list[str]:
        """Audiences with at least one page in this language, in a fixed order.

        Read as `aud:<lang>`, which an incremental build marks only when a page
        joins or leaves an audience: what a page says does not change which
        audiences its language has, and every language's audience pages ask.
        """
        self.note(f"aud:{lang}")
        return [a for a in AUDIENCES if self._for_audience(lang, a)]

    def page_count(self) -> int:
        return sum(len(entries) for entries in self.entries.values())
