"""Safe output: nothing reaches the live folder before every file is rendered.

A full build writes a whole new folder beside the live one and swaps it in.
An incremental build writes only the files it re-rendered into a small staging
folder, then moves each into the live folder (one atomic rename per file), so
its cost follows the size of the change, not of the site. Either way a failure
while rendering leaves the live folder as it was, and a file whose bytes did
not change is the previous file, with its modification time (rsync and CDNs
notice).
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


def commit_changes(
    staging: Path, target: Path, remove: Iterable[str], last: str
) -> tuple[int, int]:
    """Move the files of a partial `staging` into the live `target`.

    A file equal to the live one is left alone; `remove` (relative names) are
    deleted with the folders they leave empty; `last` (the manifest, which says
    which output the folder holds) goes in after everything else. Returns
    (files written, files unchanged); `staging` is removed.
    """
    written = unchanged = 0
    names = sorted(
        path.relative_to(staging).as_posix()
        for path in staging.rglob("*")
        if path.is_file()
    )
    names.sort(key=lambda name: name == last)
    for name in names:
        new, old = staging / name, target / name
        if old.is_file() and filecmp.cmp(new, old, shallow=False):
            unchanged += 1
            continue
        old.parent.mkdir(parents=True, exist_ok=True)
        os.replace(new, old)
        written += 1
    for name in sorted(remove):
        gone = target / name
        gone.unlink(missing_ok=True)
        for folder in gone.parents:
            if folder == target or not folder.is_relative_to(target):
                break
            try:
                folder.rmdir()  # only when empty
            except OSError:
                break
    discard(staging)
    return written, unchanged


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
