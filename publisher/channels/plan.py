"""The visit planner of each language, `/<lang>/plan/`: what fits who is coming,
how much time they have, how they move and which day.

One set of facts per item, worked out here once: the audiences it is for, the
ways of moving it suits, the minutes it takes, and for places and events what
each day of the horizon holds (opening hours, closed, or an occurrence). The
pre-rendered lists (one per value of each choice, for visitors without
JavaScript) are filtered by `fits()`; the planner's page combines choices in
the browser (themes/vetrina/static/js/plan.js) from the same facts, written as
a compact JSON index (`index.json`), so the two cannot disagree. Nothing is
sent anywhere: the index is a static file of the site.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from babel.dates import format_time

from ..helpers import Helpers
from ..i18n import N_, translations
from ..occurrences import ROME, Rule, length
from ..render import render_document
from ..sitemodel import Entry
from ..vocabulary import AUDIENCES

if TYPE_CHECKING:
    from ..render_context import RenderContext

PLAN_PATH = "/plan/"
# How long each choice of time is, in minutes of visiting: a weekend is two
# days of eight hours.
TIMES = {
    "hour": (60, N_("An hour")),
    "half-day": (240, N_("Half a day")),
    "day": (480, N_("A day")),
    "weekend": (960, N_("A weekend")),
}
MODES = {
    "on-foot": N_("On foot"),
    "bicycle": N_("By bicycle"),
    "car": N_("By car"),
    "wheelchair": N_("With a wheelchair"),
    "pushchair": N_("With a pushchair"),
}
# An itinerary's `mode` as a choice; public transport answers none of them.
ITINERARY_MODES = {"walk": "on-foot", "bike": "bicycle", "car": "car"}
# A place or an event is reached by any means; these two need its facts.
ANY_MEANS = ("on-foot", "bicycle", "car")
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# About how long a visit to a place of each kind takes: the API says nothing
# of it, and a visitor planning half a day needs a figure.
VISIT_MINUTES = {
    "museum": 90,
    "library": 45,
    "archive": 60,
    "church": 30,
    "archaeological-site": 60,
    "monument": 20,
    "natural-site": 90,
    "historic-centre": 120,
    "other": 60,
}
# How far ahead a day may be chosen: the build is redone daily, and events
# are expanded this far.
HORIZON_DAYS = 60
# At most this many items of each kind on a list, and on the planner's page.
LIMIT = 50
KINDS = ("itinerary", "place", "event")
DIFFICULTY = {"easy": N_("Easy"), "moderate": N_("Moderate"), "hard": N_("Hard")}


@dataclass
class Item:
    """An itinerary, place or event as the planner knows it, in one language.

    `days` has one entry per day of the horizon (places and events only): the
    hours or times of that day in words, or None when closed or not on.
    `minutes` is None when unknown (an event without an end, one over days):
    it fits any time then.
    """

    kind: str
    title: str
    url: str
    summary: str
    easy: bool
    audiences: list[str]
    modes: list[str]
    minutes: int | None
    time: str
    facts: str = ""
    days: list[str | None] | None = None
    next: str = ""  # an event's next date in words
    order: int = 0  # an event's start, in minutes of its day

    def compact(self) -> dict:
        """The item in the JSON index (plan.js reads these keys)."""
        found = {
            "k": self.kind[0],
            "n": self.title,
            "u": self.url,
            "s": self.summary,
            "e": int(self.easy),
            "a": self.audiences,
            "m": self.modes,
            "t": self.minutes,
            "l": self.time,
        }
        if self.facts:
            found["f"] = self.facts
        if self.days is not None:
            labels = sorted({day for day in self.days if day is not None})
            found["h"] = labels
            found["o"] = [-1 if d is None else labels.index(d) for d in self.days]
        if self.kind == "event":
            found["x"], found["r"] = self.next, self.order
        return found


@dataclass
class Choice:
    """One value of one choice, with its list's address and label."""

    group: str  # audience, time, mode, day
    value: str
    label: str
    url: str
    day: int | None = field(default=None)  # a day's offset in the horizon


def outputs(ctx: RenderContext) -> dict[str, functools.partial]:
    """The planner, its index and a list per value of each choice."""
    lang = ctx.lang
    found = {
        f"/{lang}{PLAN_PATH}": functools.partial(render_plan, ctx),
        f"/{lang}{PLAN_PATH}index.json": functools.partial(render_index, ctx),
    }
    for choice in choices(ctx):
        found[choice.url] = functools.partial(render_plan, ctx, choice)
    return found


def _helpers(ctx: RenderContext) -> Helpers:
    return Helpers(ctx, Entry({"id": 0}, ctx.lang, f"/{ctx.lang}{PLAN_PATH}"))


def start(ctx: RenderContext) -> date:
    """The horizon's first day: the build's date."""
    return _helpers(ctx).today


def choices(ctx: RenderContext) -> list[Choice]:
    """Every single choice that has a list, in the form's order. The audiences
    are the language's (those with something for them); a weekday is the next
    one from the build's date."""
    t, lang = _helpers(ctx), ctx.lang
    base = f"/{lang}{PLAN_PATH}"
    found = [
        Choice("audience", a, t.audience_label(a), f"{base}audience/{a}/")
        for a in ctx.model.audiences(lang)
    ]
    found += [
        Choice("time", code, t._(label), f"{base}time/{code}/")
        for code, (_minutes, label) in TIMES.items()
    ]
    found += [
        Choice("mode", code, t._(label), f"{base}mode/{code}/")
        for code, label in MODES.items()
    ]
    today = t.today
    for weekday, code in enumerate(DAYS):
        offset = (weekday - today.weekday()) % 7
        label = t.capital(t.weekday(weekday))
        found.append(Choice("day", code, label, f"{base}day/{code}/", offset))
    return found


def plan_items(ctx: RenderContext) -> dict[str, list[Item]]:
    """What the planner may propose, by kind, in list order: itineraries and
    places by title, events still to come by their next date (none cancelled
    or postponed). Worked out once per language for the index and the two
    dozen lists: each place's hours over the horizon are many dates to say."""
    return ctx.memoised("plan_items", lambda: _plan_items(ctx))


def _plan_items(ctx: RenderContext) -> dict[str, list[Item]]:
    model, lang = ctx.model, ctx.lang
    t = _helpers(ctx)
    first = t.today
    horizon = [first + timedelta(days=n) for n in range(HORIZON_DAYS)]
    found: dict[str, list[Item]] = {kind: [] for kind in KINDS}
    for entry in t.by_title(model.of_kind(lang, "itinerary")):
        found["itinerary"].append(_itinerary(t, entry))
    for entry in t.by_title(model.of_kind(lang, "place")):
        found["place"].append(_place(t, entry, horizon))
    for entry in t.upcoming(model.of_kind(lang, "event")):
        if entry.page.get("status", "scheduled") == "scheduled":
            event = _event(t, entry, horizon)
            if any(event.days or ()):
                found["event"].append(event)
    return found


def _summary(entry: Entry) -> tuple[str, bool]:
    """The plain-language summary when the item has one: a planner's card is
    read in a hurry, by every kind of visitor."""
    easy = entry.page.get("easy_read") or ""
    return (easy, True) if easy else (entry.page.get("summary") or "", False)


def _audiences(entry: Entry) -> list[str]:
    return [a for a in AUDIENCES if a in (entry.page.get("audiences") or [])]


def _itinerary(t: Helpers, entry: Entry) -> Item:
    page = entry.page
    modes = (
        [ITINERARY_MODES[page["mode"]]] if page.get("mode") in ITINERARY_MODES else []
    )
    if page.get("step_free"):
        modes.append("wheelchair")
    if page.get("pushchair_friendly"):
        modes.append("pushchair")
    minutes = page.get("duration_minutes") or None
    facts = [t.distance(page.get("distance_km"))]
    if (difficulty := DIFFICULTY.get(page.get("difficulty"))) is not None:
        facts.append(t._(difficulty))
    return Item(
        "itinerary",
        page["title"],
        entry.url,
        *_summary(entry),
        _audiences(entry),
        modes,
        minutes,
        t.duration(minutes),
        facts=" · ".join(fact for fact in facts if fact),
    )


def _means(page: dict | None, step_free: str) -> list[str]:
    """How a place (an event's venue) can be reached: by any means, and with a
    wheelchair or a pushchair when its facts say so. Unknown is not yes."""
    modes = list(ANY_MEANS)
    if page and page.get(step_free):
        modes.append("wheelchair")
    if page and page.get("pushchair_friendly"):
        modes.append("pushchair")
    return modes


def _place(t: Helpers, entry: Entry, horizon: list[date]) -> Item:
    page = entry.page
    minutes = VISIT_MINUTES.get(page.get("kind"), VISIT_MINUTES["other"])
    return Item(
        "place",
        page["title"],
        entry.url,
        *_summary(entry),
        _audiences(entry),
        _means(page, "step_free_access"),
        minutes,
        t._("A visit: about %(time)s") % {"time": t.duration(minutes)},
        days=[opening(t, page, day) for day in horizon],
    )


def opening(t: Helpers, page: dict, day: date) -> str | None:
    """A place's hours on a day in words, or None when it is closed then.

    A closure or special hours on that date come first; then the week's hours
    of that weekday. A place with no hours at all is said to have none fixed
    (a square, a monument seen from outside): closed only on its closures.
    """
    when = day.isoformat()
    for row in page.get("opening_exceptions") or []:
        if row["start_date"] <= when <= (row.get("end_date") or row["start_date"]):
            if row.get("closed") or not (row.get("opens") and row.get("closes")):
                return None
            return _span(t, row["opens"], row["closes"])
    week = page.get("opening_hours") or []
    if not week:
        return t._("No fixed hours")
    spans = [
        _span(t, row["opens"], row["closes"])
        for row in sorted(week, key=lambda row: row["opens"])
        if int(row["weekday"]) == day.weekday()
    ]
    return ", ".join(spans) or None


def _span(t: Helpers, opens: str, closes: str) -> str:
    return f"{t.time(opens)}–{t.time(closes)}"


def _event(t: Helpers, entry: Entry, horizon: list[date]) -> Item:
    page = entry.page
    venue = t.page(page.get("venue"))
    span = length(page)
    first, last = horizon[0], horizon[-1]
    days: list[str | None] = [None] * len(horizon)
    one_day = True
    rule = Rule.of(page)
    for begin in rule.starts():
        end = begin + span
        if begin.date() > last:
            break
        one_day = one_day and end.date() == begin.date()
        label = _event_time(t, page, begin, end)
        day = max(begin.date(), first)
        while day <= min(end.date(), last):
            days[(day - first).days] = days[(day - first).days] or label
            day += timedelta(days=1)
    minutes = int(span.total_seconds() // 60) if span and one_day else None
    return Item(
        "event",
        page["title"],
        entry.url,
        *_summary(entry),
        _audiences(entry),
        _means(venue, "step_free_access"),
        minutes,
        t.duration(minutes),
        days=days,
        next=str(t.when(page, "medium", upcoming=True).striptags()),
        order=0 if page.get("all_day") else rule.first.hour * 60 + rule.first.minute,
    )


def _event_time(t: Helpers, page: dict, begin, end) -> str:
    """An occurrence's times in words: "17:30–19:00", or "All day"."""
    if page.get("all_day") or end.date() != begin.date():
        return t._("All day")
    clock = [
        format_time(m, "short", tzinfo=ROME, locale=t.locale) for m in (begin, end)
    ]
    return "–".join(clock) if end > begin else clock[0]


def fits(item: Item, choice: Choice | None) -> bool:
    """Whether an item answers one choice (None: the planner's own page, where
    nothing is chosen yet: all of it). plan.js asks the same of each choice."""
    if choice is None:
        return True
    if choice.group == "audience":
        return choice.value in item.audiences
    if choice.group == "time":
        return item.minutes is None or item.minutes <= TIMES[choice.value][0]
    if choice.group == "mode":
        return choice.value in item.modes
    return item.days is None or item.days[choice.day] is not None


def render_index(ctx: RenderContext) -> str:
    """The planner's index: the horizon and every item's facts, compact."""
    items = plan_items(ctx)
    data = {
        "start": start(ctx).isoformat(),
        "days": HORIZON_DAYS,
        "items": [item.compact() for kind in KINDS for item in items[kind]],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def render_plan(ctx: RenderContext, choice: Choice | None = None) -> str:
    """The planner's page (its form works with JavaScript), or the list of one
    choice: the items that answer it, at most `LIMIT` of each kind."""
    _ = translations(ctx.lang).gettext
    t = _helpers(ctx)
    every = choices(ctx)
    site = ctx.model.snapshot.territory.get("name", "")
    path, title, summary, day, results = PLAN_PATH, _("Plan your visit"), "", None, {}
    if choice is not None:
        path = choice.url.removeprefix(f"/{ctx.lang}")
        title = f"{_('Plan your visit')}: {choice.label}"
        summary = _("%(choice)s: itineraries, places and events of %(site)s that fit.")
        summary %= {"choice": choice.label, "site": site}
        if choice.day is not None:
            day = start(ctx) + timedelta(days=choice.day)
        results = {
            kind: [item for item in found if fits(item, choice)]
            for kind, found in plan_items(ctx).items()
        }
        if day is not None:  # that day's events by the time they start
            results["event"].sort(key=lambda item: item.order)
    languages = ctx.model.snapshot.languages
    alternates = [(lang, f"/{lang}{path}") for lang in languages]
    if choice is not None and choice.group == "audience":
        alternates = [
            (lang, f"/{lang}{path}")
            for lang in languages
            if choice.value in ctx.model.audiences(lang)
        ]
    first = start(ctx)
    last = first + timedelta(days=HORIZON_DAYS - 1)
    return render_document(
        "plan",
        ctx,
        path=path,
        title=title,
        summary=summary,
        choice=choice,
        groups=_groups(every),
        results=results,
        limit=LIMIT,
        day=t.date(day.isoformat(), "full") if day else "",
        day_index=choice.day if choice is not None else None,
        times=TIMES,
        modes=MODES,
        first=first.isoformat(),
        last=last.isoformat(),
        horizon=(t.date(first.isoformat()), t.date(last.isoformat())),
        # plan.js puts the numbers in.
        messages={
            "found": _("Found: %(num)s."),
            "more": _("The first %(num)s of %(total)s: choose more to narrow them."),
        },
        alternates=alternates,
    )


def _groups(every: list[Choice]) -> list[tuple[str, list[Choice]]]:
    groups: dict[str, list[Choice]] = {}
    for choice in every:
        groups.setdefault(choice.group, []).append(choice)
    return list(groups.items())
