"""The unchanged pull: a full API export again, answered from the client's cache.

A step of the harness (bench/harness.py): after the full export, the same
requests with the answers kept on disk, so every one is a bodiless 304.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .harness import Bench

VALIDATOR_WAIT = 6.5
"""The CMS gives no validator until its newest change is older than the change
feed's settle window (5 s) and a second: wait that long, and a little more."""


def export(url: str, cache: Path) -> tuple[int, Counter]:
    """Every page of every type of every territory; the items and the statuses."""
    from publisher.api import PAGE_TYPES, ApiClient

    client = ApiClient(url, cache=cache)
    statuses: Counter = Counter()
    client.session.hooks["response"].append(
        lambda response, *args, **kwargs: statuses.update([response.status_code])
    )
    count = 0
    for territory in client.territories():
        for page_type in PAGE_TYPES:
            count += sum(1 for _ in client.pages(territory["site"], page_type))
    return count, statuses


def unchanged_pull(bench: Bench) -> None:
    cache = bench.work / "content-conditional" / "cache" / "api"
    started = time.perf_counter()
    _items, statuses = export(bench.cms.url, cache)
    first = time.perf_counter() - started
    if len(list(cache.glob("*.json"))) < statuses.total():
        # A change younger than the validators allow: the cache is not full yet.
        time.sleep(VALIDATOR_WAIT)
        export(bench.cms.url, cache)

    started = time.perf_counter()
    items, statuses = export(bench.cms.url, cache)
    seconds = time.perf_counter() - started
    requests = statuses.total()
    if statuses[304] != requests:
        raise RuntimeError(f"only {statuses[304]} of {requests} answers were 304")
    bench.set(
        "pull_304_s",
        seconds,
        f"{requests:,} requests, all 304, {items:,} items; "
        f"the same pull with 200s {first:.2f} s",
    )
