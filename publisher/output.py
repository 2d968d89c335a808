"""Atomic output: build beside the live folder, then swap it in whole.

Files whose bytes did not change are hard-linked from the previous output, so
they keep their bytes and their modification time (rsync and CDNs notice).
"""

from __future__ import annotations

import filecmp
import os
import shutil
from collections.abc import Iterable
from pathlib import Path


def staging_dir(out: Path, slug: str) -> Path:
    path = out / f".staging-{slug}-{os.getpid()}"
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def keep_unchanged(staging: Path, previous: Path) -> int:
    """Replace new files identical to the previous ones by links to them.

    Returns how many files are the previous ones, linked here or before.
    """
    if not previous.is_dir():
        return 0
    kept = 0
    for new in staging.rglob("*"):
        if not new.is_file() or new.is_symlink():
            continue
        old = previous / new.relative_to(staging)
        if not old.is_file():
            continue
        if os.path.samefile(new, old):
            kept += 1
        elif filecmp.cmp(new, old, shallow=False):
            new.unlink()
            os.link(old, new)
            kept += 1
    return kept


def link_previous(staging: Path, previous: Path, files: Iterable[str]) -> list[str]:
    """Link `files` of the previous output into staging; return those missing.

    Whoever writes into staging afterwards must replace a file, never write
    through it: the link is the live site's file.
    """
    missing = []
    for name in files:
        old = previous / name
        if not old.is_file():
            missing.append(name)
            continue
        new = staging / name
        new.parent.mkdir(parents=True, exist_ok=True)
        os.link(old, new)
    return missing


def swap_in(staging: Path, target: Path) -> None:
    """Make `staging` the live `target`; the old one is removed only afterwards."""
    old = target.with_name(f".old-{target.name}-{os.getpid()}")
    if target.exists():
        target.rename(old)
    try:
        staging.rename(target)
    except BaseException:
        if old.exists():
            old.rename(target)
        raise
    if old.exists():
        shutil.rmtree(old)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
