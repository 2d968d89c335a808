"""The vocabulary the demo data is written in: strings with their translations,
references to images and pages, and StreamField blocks built from both.

Each string carries its translations, so every segment wagtail-localize
extracts from a page can be answered with real text rather than machine
output or a copy of the Italian.
"""

import datetime as dt
import html
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from .images import ImageSpec

ROME = ZoneInfo("Europe/Rome")


@dataclass(frozen=True)
class T:
    """One string in Italian (the source language) and its translations."""

    it: str
    en: str
    de: str = ""
    ar: str = ""

    def get(self, language: str) -> str:
        return getattr(self, language, "") or ""


@dataclass(frozen=True)
class Ref:
    """A reference to an image, place, event or topic, resolved when loading."""

    kind: str
    key: str


@dataclass(frozen=True)
class Paragraphs:
    """Rich text made of plain paragraphs, one wagtail-localize segment each."""

    texts: tuple[T, ...]

    def html(self, language: str = "it") -> str:
        return "".join(
            f"<p>{html.escape(t.get(language), quote=False)}</p>" for t in self.texts
        )


def image(key: str) -> Ref:
    return Ref("image", key)


def place(slug: str) -> Ref:
    return Ref("place", slug)


def event(slug: str) -> Ref:
    return Ref("event", slug)


def topic(slug: str) -> Ref:
    return Ref("topic", slug)


def paragraph(*texts: T) -> dict:
    return {"type": "paragraph", "value": Paragraphs(texts)}


def image_block(key: str, caption: T | str = "") -> dict:
    return {
        "type": "image",
        "value": {"image": image(key), "caption": caption, "credit": ""},
    }


def quote(text: T | str, attribution: T | str) -> dict:
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


def gallery(title: T, *items: tuple[str, T]) -> dict:
    return {
        "type": "gallery",
        "value": {
            "title": title,
            "images": [
                {
                    "type": "item",
                    "value": {"image": image(key), "caption": caption, "credit": ""},
                    "id": str(uuid.uuid4()),
                }
                for key, caption in items
            ],
        },
    }


def iter_texts(value: Any) -> Iterator[T]:
    """Every translatable string inside a piece of demo data."""
    if isinstance(value, T):
        yield value
    elif isinstance(value, Paragraphs):
        yield from value.texts
    elif isinstance(value, dict):
        for item in value.values():
            yield from iter_texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from iter_texts(item)


# Dates relative to the day the demo is loaded, so events and offers are current.


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), ROME)


def next_weekday(today: dt.date, weekday: int, weeks_ahead: int = 0) -> dt.date:
    """The first `weekday` (0 = Monday) after today, `weeks_ahead` weeks later."""
    days = (weekday - today.weekday()) % 7 or 7
    return today + dt.timedelta(days=days, weeks=weeks_ahead)


def next_date(today: dt.date, month: int, day: int) -> dt.date:
    """The next `day`/`month` from today on (today included)."""
    candidate = dt.date(today.year, month, day)
    return candidate if candidate >= today else dt.date(today.year + 1, month, day)


CLOSED_FOR_CHRISTMAS = T(
    "Chiuso per Natale",
    "Closed for Christmas",
    de="Geschlossen an Weihnachten",
    ar="مغلق بمناسبة عيد الميلاد",
)


def christmas(today: dt.date, note: T = CLOSED_FOR_CHRISTMAS) -> dict[str, Any]:
    """The coming Christmas Day as an opening exception (closed)."""
    return {"start_date": next_date(today, 12, 25), "closed": True, "note": note}


NEW_YEAR = T("Capodanno", "New Year's Day", de="Neujahr", ar="رأس السنة")
# Ticket labels most places use.
FULL_PRICE = T("Intero", "Full price", de="Normalpreis", ar="السعر الكامل")
REDUCED_PRICE = T("Ridotto", "Reduced", de="Ermäßigt", ar="السعر المخفض")


def new_year(today: dt.date, closed: bool = True) -> dict[str, Any]:
    if closed:
        return {"start_date": next_date(today, 1, 1), "note": NEW_YEAR}
    return {
        "start_date": next_date(today, 1, 1),
        "closed": False,
        "opens": "12:00",
        "closes": "19:00",
        "note": T(
            "Capodanno: apertura ridotta",
            "New Year's Day: shorter hours",
            de="Neujahr: verkürzte Öffnungszeiten",
            ar="رأس السنة: ساعات عمل مختصرة",
        ),
    }


def last_weekday_of_august(today: dt.date, weekday: int) -> dt.date:
    """The last `weekday` of the coming August (the Notte della Taranta's slot)."""
    for year in (today.year, today.year + 1):
        day = dt.date(year, 8, 31)
        while day.weekday() != weekday:
            day -= dt.timedelta(days=1)
        if day >= today:
            return day
    raise AssertionError("unreachable")


Pages = Callable[[dt.date], list[dict[str, Any]]]


def hours(days: Iterable[int], opens: str, closes: str) -> list[dict[str, Any]]:
    """Opening hours rows: the same times on each of `days` (0 = Monday)."""
    return [{"weekday": day, "opens": opens, "closes": closes} for day in days]


@dataclass(frozen=True)
class TerritoryData:
    """Everything the demo knows about one territory, its pages included.

    Pages are functions of the day the demo is loaded, so that dates (events,
    closures, the offers' validity) are current whenever it runs.
    """

    slug: str
    name: T
    languages: tuple[str, ...]
    is_default_site: bool
    settings: dict[str, str]
    social_links: tuple[tuple[str, str], ...]
    images: dict[str, "ImageSpec"]
    home: dict[str, Any]
    places: Pages
    stories: Pages
    events: Pages
    itineraries: Pages
    businesses: Pages

    @property
    def hostname(self) -> str:
        return f"{self.slug}.localhost"
