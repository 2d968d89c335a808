"""Events in schema.org: when, where (a venue, a place named in words, or
online), their status, their price, and a repeating event's schedule."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..occurrences import Rule, local
from .facts import PageFacts, thing
from .places import WEEKDAYS, place_ref

if TYPE_CHECKING:
    from ..helpers import Helpers

EVENT_STATUS = {
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
    "moved-online": "EventMovedOnline",
}


def _moment(value: str, all_day: bool) -> str:
    moment = local(value)
    return moment.date().isoformat() if all_day else moment.isoformat()


def event(facts: PageFacts) -> dict:
    page, t = facts.page, facts.t
    data = thing(facts, "Event", photo=False)  # its picture, else a share image
    all_day = bool(page.get("all_day"))
    data["startDate"] = _moment(page["start"], all_day)
    if page.get("end"):
        data["endDate"] = _moment(page["end"], all_day)
    status = page.get("status") or "scheduled"
    data["eventStatus"] = (
        f"https://schema.org/{EVENT_STATUS.get(status, 'EventScheduled')}"
    )
    online = status == "moved-online"
    mode = "Online" if online else "Offline"
    data["eventAttendanceMode"] = f"https://schema.org/{mode}EventAttendanceMode"
    venue = t.page(page.get("venue"))
    if online:
        link = page.get("booking_url") or facts.absolute(facts.entry.url)
        where = {"@type": "VirtualLocation", "url": link}
    elif venue is not None and t.url(page["venue"]):
        where = place_ref(facts, venue, t.url(page["venue"]))
        where.setdefault("address", where["name"])  # Google wants one
    else:
        # Google wants a location's address: the editor's words are one.
        location = page.get("location") or ""
        where = {"@type": "Place", "name": location, "address": location}
    data["location"] = where
    if schedule := _schedule(t, page):
        data["eventSchedule"] = schedule
    offer: dict = {"@type": "Offer"}
    if page.get("is_free"):
        offer |= {"price": "0", "priceCurrency": "EUR"}
    elif page.get("price") not in (None, ""):
        offer |= {"price": str(page["price"]), "priceCurrency": "EUR"}
    if page.get("booking_url"):
        offer["url"] = page["booking_url"]
    if len(offer) > 1:
        offer.setdefault("url", facts.absolute(facts.entry.url))
        data["offers"] = offer
        if page.get("is_free"):
            data["isAccessibleForFree"] = True
    return data


def _schedule(t: Helpers, page: dict) -> dict | None:
    """A repeating event's rule, as the page and the calendar word it."""
    rule = Rule.of(page)
    if not rule.repeats:
        return None
    start = rule.first
    unit = "W" if rule.frequency == "weekly" else "M"
    data = {
        "@type": "Schedule",
        "repeatFrequency": f"P{rule.interval}{unit}",
        "startDate": start.date().isoformat(),
        "scheduleTimezone": "Europe/Rome",
    }
    weekday = f"https://schema.org/{WEEKDAYS[start.weekday()]}"
    if rule.frequency == "weekly":
        data["byDay"] = weekday
    elif rule.monthly_on:  # the first Sunday; -1: the last, as iCalendar says
        data["byDay"], data["byMonthWeek"] = weekday, rule.week_of_month
    else:
        data["byMonthDay"] = start.day
    if not rule.all_day:
        data["startTime"] = start.strftime("%H:%M")
        if page.get("end"):
            data["endTime"] = local(page["end"]).strftime("%H:%M")
    until, count = rule.ending()
    if until:
        data["endDate"] = until.isoformat()
    elif count:
        data["repeatCount"] = count
    if skipped := t.skipped(page):  # from the build date on, as on the page
        data["exceptDate"] = skipped
    return data
