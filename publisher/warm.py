"""What a long-running builder (the CMS's worker) keeps between builds.

A build reads back the snapshot and the state it wrote itself last time. Kept
in memory with the signature of their files (inode, size, modification time),
they are reused while the files are the ones this process wrote, and read
again as soon as anything else (another worker, another machine sharing
`content/`, a person) rewrote them: the files stay the truth.

One territory's snapshot and state weigh about 100 MiB at 20,000 items
(bench/), so only the territories built last are kept: a worker serving a few
keeps them all, one serving many stays within its memory.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")

TERRITORIES = 3  # kept by each kind of file


class Kept(Generic[T]):
    """Objects by the file they were read from or written to, with its
    signature; the least recently used goes first."""

    def __init__(self, size: int = TERRITORIES) -> None:
        self.size = size
        self._kept: OrderedDict[Path, tuple[tuple, T]] = OrderedDict()

    def get(self, path: Path, signature: tuple) -> T | None:
        kept = self._kept.get(path)
        if kept is None or kept[0] != signature:
            return None
        self._kept.move_to_end(path)
        return kept[1]

    def put(self, path: Path, signature: tuple, value: T) -> None:
        self._kept.pop(path, None)
        self._kept[path] = (signature, value)
        while len(self._kept) > self.size:
            self._kept.popitem(last=False)

    def drop(self, path: Path) -> None:
        self._kept.pop(path, None)
