"""The unchanged pull: a full API export again, answered from the client's cache.

A step of the harness (bench/harness.py): after the full export, the same
requests with the answers kept on disk, so every one is a bodiless 304.
"""

from __future__ import annotations

import threading
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
    """The build's full fetch of every territory (`fetch_snapshot`, its
    listings side by side); the items and the answers' statuses."""
    from publisher.api import ApiClient
    from publisher.snapshot import fetch_snapshot

    client = ApiClient(url, cache=cache)
    statuses: Counter = Counter()
    lock = threading.Lock()  # the fetch's threads answer at once

    def count(response, *args, **kwargs) -> None:
        with lock:
            statuses[response.status_code] += 1

    client.session.hooks["response"].append(count)
    items = sum(
        len(fetch_snapshot(client, territory, "").pages)
        for territory in client.territories()
    )
    return items, statuses


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
