"""Corpus sizes: small enough by default to run in minutes on two cores."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Size:
    """Arguments for `manage.py generate_corpus`: T territories × L languages ×
    N items of each of the six page types."""

    name: str
    territories: int
    languages: int
    items: int

    @property
    def total_items(self) -> int:
        return self.territories * self.languages * 6 * self.items

    def describe(self) -> str:
        return (
            f"{self.name}: {self.territories} territories × {self.languages} "
            f"languages × 6 types × {self.items} items = {self.total_items:,} items"
        )


SIZES = {
    "tiny": Size("tiny", 1, 1, 5),
    "small": Size("small", 1, 2, 20),
    "medium": Size("medium", 2, 2, 60),
    "large": Size("large", 3, 4, 280),  # the 20,000 pages
}
DEFAULT = "medium"


def choose(name: str | None, items: int | None) -> Size:
    """A named size, optionally with another number of items per type."""
    size = SIZES[name or DEFAULT]
    if items:
        size = replace(size, name=f"{size.name}, {items} items", items=items)
    return size
