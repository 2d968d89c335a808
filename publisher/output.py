"""Atomic output: build beside the live folder, then swap it in whole.

Files whose bytes did not change are hard-linked from the previous output, so
they keep their bytes and their modification time (rsync and CDNs notice).
"""

from __future__ import annotations

import filecmp
import os
import shutil
from pathlib import Path


def staging_dir(out: Path, slug: str) -> Path:
    path = out / f".staging-{slug}-{os.getpid()}"
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def keep_unchanged(staging: Path, previous: Path) -> int:
    """Replace new files identical to the previous ones by links to them."""
    if not previous.is_dir():
        return 0
    kept = 0
    for new in staging.rglob("*"):
        if not new.is_file() or new.is_symlink():
            continue
        old = previous / new.relative_to(staging)
        if old.is_file() and filecmp.cmp(new, old, shallow=False):
            new.unlink()
            os.link(old, new)
            kept += 1
    return kept


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
