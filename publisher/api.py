"""A small client for the content API: retries, pagination, clear errors, and
an on-disk cache of the last answer per URL, revalidated with the CMS."""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from .errors import ApiError

PAGE_TYPES = (
    "territories.TerritoryHomePage",
    "places.PlacesIndexPage",
    "places.PlacePage",
    "stories.StoriesIndexPage",
    "stories.StoryPage",
    "events.EventsIndexPage",
    "events.EventPage",
    "itineraries.ItinerariesIndexPage",
    "itineraries.ItineraryPage",
    "offers.BusinessesIndexPage",
    "offers.BusinessPage",
    "offers.OfferPage",
)
PAGE_SIZE = 500


@dataclass
class Changes:
    """What the change feed says happened since a cursor.

    `reset` means it cannot say (no cursor, an expired one, an older CMS): the
    caller fetches everything. `items` and `tombstones` never share an id.
    """

    cursor: str | None
    reset: bool
    items: list[dict] = field(default_factory=list)
    tombstones: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class KeptAnswer:
    etag: str | None
    last_modified: str | None
    body: str

    def conditional_headers(self) -> dict[str, str]:
        headers = {
            "If-None-Match": self.etag,
            "If-Modified-Since": self.last_modified,
        }
        return {name: value for name, value in headers.items() if value}


class AnswerCache:
    """The last answer per URL with its validators, one JSON file each.

    The CMS answers a revalidation with 304 and no body when nothing the answer
    is made from changed; the body is then read from here.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def _file(self, url: str) -> Path:
        return self.folder / f"{hashlib.sha256(url.encode()).hexdigest()}.json"

    def get(self, url: str) -> KeptAnswer | None:
        try:
            entry = json.loads(self._file(url).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("url") != url:
            return None
        kept = KeptAnswer(
            entry.get("etag"), entry.get("last_modified"), entry.get("body")
        )
        return kept if isinstance(kept.body, str) else None

    def keep(self, url: str, response: requests.Response) -> None:
        """Keep the answer if it has a validator; forget an older one if not."""
        etag = response.headers.get("ETag")
        last_modified = response.headers.get("Last-Modified")
        path = self._file(url)
        if not (etag or last_modified):
            path.unlink(missing_ok=True)
            return
        entry = {
            "url": url,
            "etag": etag,
            "last_modified": last_modified,
            "body": response.content.decode("utf-8", "replace"),
        }
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(entry), "utf-8")
        partial.replace(path)


class ApiClient:
    """GETs JSON from the API, retrying server faults with exponential backoff.

    With a `cache` folder, each answer is kept with its validators and the next
    GET of the same URL asks the CMS whether it changed: an unchanged answer is
    a bodiless 304 and costs the CMS one query. `revalidated` counts those.
    """

    def __init__(
        self,
        base_url: str,
        *,
        retries: int = 4,
        backoff: float = 0.5,
        timeout: float = 30.0,
        session: requests.Session | None = None,
        cache: Path | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        if not self.base_url.endswith("/api/v2"):
            self.base_url += "/api/v2"
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = "vetrina-publisher"
        self.cache = AnswerCache(cache) if cache is not None else None
        self.revalidated = 0

    def close(self) -> None:
        """Hang up the kept-alive connections: a long-running builder makes a
        client per build, and would leave each one's sockets open on the CMS."""
        self.session.close()

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def get(
        self, path: str, params: dict[str, Any] | None = None, missing_ok: bool = False
    ) -> Any:
        """The JSON body; None for a 404 when `missing_ok` (an older CMS)."""
        url = (
            requests.Request(
                "GET", f"{self.base_url}/{path.lstrip('/')}", params=params
            )
            .prepare()
            .url
        )
        problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            kept = self.cache.get(url) if self.cache else None
            headers = kept.conditional_headers() if kept else {}
            try:
                response = self.session.get(url, headers=headers, timeout=self.timeout)
            except requests.RequestException as error:
                problem = f"cannot reach {url}: {error.__class__.__name__}: {error}"
                continue
            if response.status_code == 304 and kept is not None:
                self.revalidated += 1
                return json.loads(kept.body)
            if response.status_code >= 500:
                problem = f"{url} answered {response.status_code}"
                continue
            if response.status_code == 404 and missing_ok:
                return None
            if response.status_code >= 400:
                raise ApiError(
                    f"{response.url} answered {response.status_code}: "
                    f"{response.text[:300]}"
                )
            try:
                body = response.json()
            except ValueError:
                problem = f"{response.url} sent incomplete or invalid JSON"
                continue
            if self.cache is not None and response.status_code == 200:
                self.cache.keep(url, response)
            return body
        raise ApiError(
            f"{problem} (after {self.retries + 1} attempts). "
            "Check that the CMS is running and --api points at it."
        )

    def territories(self) -> list[dict]:
        body = self.get("territories/")
        items = body.get("items")
        if not isinstance(items, list):
            raise ApiError("territories/ answered without an 'items' list")
        return items

    def pages(self, site: str, page_type: str) -> Iterator[dict]:
        """Every live page of one type in one territory, all languages."""
        offset = 0
        while True:
            body = self.get(
                "pages/",
                {
                    "type": page_type,
                    "site": site,
                    "fields": "*",
                    "limit": PAGE_SIZE,
                    "offset": offset,
                },
            )
            items = body.get("items")
            total = body.get("meta", {}).get("total_count")
            if not isinstance(items, list) or not isinstance(total, int):
                raise ApiError(f"pages/ for {page_type} answered an unusable page")
            yield from items
            offset += len(items)
            if offset >= total or not items:
                if offset < total:
                    raise ApiError(
                        f"pages/ for {page_type} stopped at {offset} of {total} items"
                    )
                return

    def changes(self, slug: str, since: str | None = None) -> Changes:
        """Pages changed and removed in a territory since `since`, all batches.

        Within a batch an item wins over a tombstone of the same page (items are
        live when served); a later batch wins over an earlier one.
        """
        params = {"territory": slug}
        items: dict[int, dict] = {}
        tombstones: dict[int, dict] = {}
        while True:
            if since:
                params["since"] = since
            body = self.get("changes/", params, missing_ok=True)
            if body is None:
                return Changes(None, reset=True)
            cursor, batch, removed = (
                body.get("cursor"), body.get("items"), body.get("tombstones")
            )  # fmt: skip
            if (
                not isinstance(cursor, str)
                or not isinstance(batch, list)
                or not isinstance(removed, list)
            ):
                raise ApiError(f"changes/ for {slug} answered an unusable batch")
            if body.get("reset"):
                return Changes(cursor, reset=True)
            for tombstone in removed:
                items.pop(tombstone["id"], None)
                tombstones[tombstone["id"]] = tombstone
            for item in batch:
                tombstones.pop(item["id"], None)
                items[item["id"]] = item
            if not body.get("more"):
                return Changes(
                    cursor, False, list(items.values()), list(tombstones.values())
                )
            if cursor == since:
                raise ApiError(f"changes/ for {slug} said 'more' without moving on")
            since = cursor

    def redirects(self, slug: str) -> list[dict]:
        """The territory's redirects: old paths of moved pages and the editors'
        redirects, as the API sends them (redirects.read checks each row); none
        from a CMS without the endpoint."""
        body = self.get("redirects/", {"territory": slug}, missing_ok=True)
        if body is None:
            return []
        items = body.get("items")
        if not isinstance(items, list):
            raise ApiError(f"redirects/ for {slug} answered without an 'items' list")
        return items
