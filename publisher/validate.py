"""Check every item before it is rendered: a bad item is named, never published."""

from __future__ import annotations

import ipaddress
import math
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

from .occurrences import Rule
from .vocabulary import AUDIENCES, PLACE_KINDS


@dataclass(frozen=True)
class Problem:
    page_id: int
    page_type: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.page_type} {self.page_id}, field '{self.field}': {self.message}"


def _parse_datetime(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _parse_date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _unknown(code: object, vocabulary: dict[str, str], what: str) -> str | None:
    """Why `code` is not one of `vocabulary`'s, or None when it is.

    A code the CMS defines but the publisher cannot label means the two are of
    different versions: the site would show no words for it, so the item waits.
    """
    if isinstance(code, str) and code in vocabulary:
        return None
    return (
        f"{code!r} is not {what} the publisher knows ({', '.join(vocabulary)}): "
        "publisher/vocabulary.py needs a label for it"
    )


def check_page(page: dict, known_ids: set[int]) -> list[Problem]:
    """Every problem of one API item; an empty list means it can be published."""
    page_type = page.get("meta", {}).get("type", "?")
    page_id = page.get("id", -1)
    problems: list[Problem] = []

    def problem(field: str, message: str) -> None:
        problems.append(Problem(page_id, page_type, field, message))

    if not str(page.get("title") or "").strip():
        problem("title", "is empty")
    meta = page.get("meta", {})
    if not str(meta.get("path", "")).startswith("/"):
        problem("meta.path", "is missing")
    if not meta.get("locale"):
        problem("meta.locale", "is missing")

    images = page.get("media", {}).get("images", {})
    for field in ("hero_image", "image"):
        ref = page.get(field)
        if ref is not None and str(ref) not in images:
            problem(field, f"image {ref} is not in the page's media")

    for field in ("latitude", "longitude"):
        value = page.get(field)
        if value is None:
            continue
        limit = 90 if field == "latitude" else 180
        try:
            number = float(value)
        except (TypeError, ValueError):
            problem(field, f"{value!r} is not a number")
            continue
        if not math.isfinite(number) or abs(number) > limit:
            problem(field, f"{value} is outside ±{limit}")

    if page_type == "events.EventPage":
        start = _parse_datetime(page.get("start"))
        if start is None:
            problem("start", f"{page.get('start')!r} is not a date and time")
        end_value = page.get("end")
        if end_value:
            end = _parse_datetime(end_value)
            if end is None:
                problem("end", f"{end_value!r} is not a date and time")
            elif start is not None and end < start:
                problem("end", f"the event ends ({end_value}) before it starts")
        if start is not None and (reason := Rule.of(page).mismatch()):
            problem("monthly_on", reason)
        if page.get("venue") is not None and page["venue"] not in known_ids:
            problem("venue", f"place {page['venue']} is not published")
    if page_type == "offers.OfferPage":
        start_day = _parse_date(page.get("valid_from"))
        end_day = _parse_date(page.get("valid_until"))
        if start_day is None:
            problem("valid_from", "is not a date")
        if end_day is None:
            problem("valid_until", "is not a date")
        if start_day and end_day and end_day < start_day:
            problem("valid_until", "the offer ends before it starts")
    if page_type == "places.PlacePage":
        kind = page.get("kind")
        why = _unknown(kind, PLACE_KINDS, "a place kind") if kind else "is empty"
        if why:
            problem("kind", why)
    audiences = page.get("audiences")
    if audiences is not None and not isinstance(audiences, list):
        problem("audiences", f"{audiences!r} is not a list")
    for code in audiences if isinstance(audiences, list) else ():
        why = _unknown(code, AUDIENCES, "an audience")
        if why:
            problem("audiences", why)
    for relation, key in (("stops", "place"), ("related_places", "place")):
        for row in page.get(relation) or []:
            if row.get(key) not in known_ids:
                problem(relation, f"place {row.get(key)} is not published")
    return problems


LOOPBACK_NAMES = {"localhost", "ip6-localhost", "ip6-loopback"}


def is_loopback(url: str) -> bool:
    """Whether `url` names this machine (localhost, 127.0.0.0/8, ::1, 0.0.0.0)."""
    if not url.startswith(("http://", "https://")):
        return False
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def local_links(territory: dict) -> list[tuple[str, str]]:
    """(field, URL) of the territory's addresses that name this machine.

    The logo's renditions are left out: the build downloads them and serves
    its own copies.
    """
    found = []

    def walk(value: object, name: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key != "logo":
                    walk(item, f"{name}.{key}" if name else key)
        elif isinstance(value, list):
            for item in value:
                walk(item, name)
        elif isinstance(value, str) and is_loopback(value):
            found.append((name, value))

    walk(territory, "")
    return found
