"""A small client for the content API: retries, pagination, clear errors."""

from __future__ import annotations

import time
from collections.abc import Iterator
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


class ApiClient:
    """GETs JSON from the API, retrying server faults with exponential backoff."""

    def __init__(
        self,
        base_url: str,
        *,
        retries: int = 4,
        backoff: float = 0.5,
        timeout: float = 30.0,
        session: requests.Session | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        if not self.base_url.endswith("/api/v2"):
            self.base_url += "/api/v2"
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = "vetrina-publisher"

    def get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        url = f"{self.base_url}/{path.lstrip('/')}"
        problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            try:
                response = self.session.get(url, params=params, timeout=self.timeout)
            except requests.RequestException as error:
                problem = f"cannot reach {url}: {error.__class__.__name__}: {error}"
                continue
            if response.status_code >= 500:
                problem = f"{url} answered {response.status_code}"
                continue
            if response.status_code >= 400:
                raise ApiError(
                    f"{response.url} answered {response.status_code}: "
                    f"{response.text[:300]}"
                )
            try:
                return response.json()
            except ValueError:
                problem = f"{response.url} sent incomplete or invalid JSON"
                continue
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
