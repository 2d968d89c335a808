"""The visit planner: the index the browser reads, the rules it filters by, and
the lists of one choice each that work without JavaScript."""

import json
import re

import pytest

from publisher.channels.plan import (
    HORIZON_DAYS,
    Choice,
    choices,
    fits,
    outputs,
    plan_items,
)
from publisher.errors import UrlCollision
from publisher.render import RenderContext
from publisher.site_files import sitemap
from publisher.sitemodel import SiteModel
from publisher.snapshot import Snapshot
from tests.publisher.test_theme import PLACE, TERRITORY, event, item
from tests.snapshots import ITINERARY

BUILT = "2026-11-25"  # a Wednesday: the next Sunday is the 29th, then 6 December
SUNDAY, NEXT_SUNDAY = 4, 11  # their days in the horizon
EVERY_DAY = [
    {"weekday": d, "opens": "09:00:00", "closes": "19:00:00"} for d in range(7)
]


def itinerary(id, title, **fields):
    return item(
        id,
        "itineraries.ItineraryPage",
        f"/itinerari/i{id}/",
        title=title,
        stops=[],
        **{**ITINERARY, "audiences": ["families"], **fields},
    )


def place(id, title, **fields):
    return item(
        id,
        "places.PlacePage",
        f"/luoghi/p{id}/",
        title=title,
        **{**PLACE, "audiences": ["families"], **fields},
    )


def exception(start, end, closed=False, opens=None, closes=None):
    return {"start_date": start, "end_date": end, "closed": closed,
            "opens": opens, "closes": closes, "note": ""}  # fmt: skip


def pages():
    return [
        item(1, "territories.TerritoryHomePage", "/", key="home"),
        itinerary(10, "Centro a piedi", duration_minutes=180),
        itinerary(11, "Giro lungo", duration_minutes=300),  # too long for half a day
        itinerary(12, "In bicicletta", mode="bike", duration_minutes=120),
        itinerary(
            13, "Senza gradini", step_free=True, audiences=["seniors"], mode="walk"
        ),
        place(
            20,
            "Museo chiuso a fine mese",
            opening_hours=EVERY_DAY,
            opening_exceptions=[
                exception("2026-11-28", "2026-11-30", closed=True),
                exception("2026-12-06", None, opens="10:00:00", closes="12:00:00"),
            ],
        ),
        place(
            21,
            "Chiesa",
            kind="church",
            opening_hours=EVERY_DAY,
            opening_exceptions=[],
            easy_read="Una chiesa. Si entra gratis.",
            step_free_access=False,
        ),
        place(22, "Piazza", kind="monument", opening_hours=[], opening_exceptions=[]),
        place(  # Monday to Saturday only
            23, "Archivio", kind="archive", opening_hours=PLACE["opening_hours"]
        ),
        {  # every Sunday morning since November
            **event(30, "2026-11-01T10:00:00+01:00", title="Visita domenicale"),
            "end": "2026-11-01T12:00:00+01:00",
            "frequency": "weekly",
            "venue": 21,
            "audiences": ["families"],
        },
        {
            **event(31, "2026-11-28T17:00:00+01:00", title="Sabato sera"),
            "audiences": ["families"],
        },
        {
            **event(32, "2026-11-29T18:00:00+01:00", title="Annullato"),
            "status": "cancelled",
            "audiences": ["families"],
        },
    ]


@pytest.fixture
def ctx():
    model = SiteModel.build(Snapshot(TERRITORY, BUILT, pages()))
    assert model.problems == []
    return RenderContext(model, "it", build_date=BUILT)


def titles(items):
    return [item.title for item in items]


def choose(ctx, group, value):
    return next(c for c in choices(ctx) if (c.group, c.value) == (group, value))


def answer(ctx, *chosen: Choice) -> dict[str, list[str]]:
    """What the planner proposes for several choices at once, as plan.js does."""
    return {
        kind: titles(i for i in items if all(fits(i, c) for c in chosen))
        for kind, items in plan_items(ctx).items()
    }


def test_a_family_with_half_a_day_on_foot_on_sunday(ctx):
    family = choose(ctx, "audience", "families")
    found = answer(
        ctx,
        family,
        choose(ctx, "time", "half-day"),
        choose(ctx, "mode", "on-foot"),
        choose(ctx, "day", "sunday"),
    )
    assert found == {
        # Not the five-hour walk, the bicycle ride, nor the one for older people.
        "itinerary": ["Centro a piedi"],
        # Not the museum, closed by an exception on the 29th; not the archive,
        # closed on Sundays; the square has no hours to keep it shut.
        "place": ["Chiesa", "Piazza"],
        # The weekly event on Sundays; not Saturday's, nor the cancelled one.
        "event": ["Visita domenicale"],
    }


def test_a_weekday_is_the_next_one_from_the_build(ctx):
    sunday = choose(ctx, "day", "sunday")
    assert sunday.day == SUNDAY and sunday.url == "/it/plan/day/sunday/"
    assert choose(ctx, "day", "wednesday").day == 0  # the build's own day
    assert choose(ctx, "day", "tuesday").day == 6


def test_the_time_each_item_takes(ctx):
    items = {i.title: i for kind in plan_items(ctx).values() for i in kind}
    assert (items["Centro a piedi"].minutes, items["Centro a piedi"].time) == (
        180,
        "3 ore",
    )
    assert items["Chiesa"].minutes == 30  # a church's visit
    assert items["Chiesa"].time == "Visita: circa 30 minuti"
    assert items["Visita domenicale"].minutes == 120
    assert items["Sabato sera"].minutes is None  # no end: it fits any time
    assert fits(items["Sabato sera"], choose(ctx, "time", "hour"))
    assert not fits(items["Centro a piedi"], choose(ctx, "time", "hour"))
    assert fits(items["Giro lungo"], choose(ctx, "time", "day"))


def test_wheelchair_and_pushchair_follow_the_items_facts(ctx):
    wheelchair = answer(ctx, choose(ctx, "mode", "wheelchair"))
    assert wheelchair["itinerary"] == ["Senza gradini"]
    assert "Chiesa" not in wheelchair["place"]  # no step-free access
    assert "Archivio" in wheelchair["place"]  # PLACE has it
    assert wheelchair["event"] == []  # at the church
    assert answer(ctx, choose(ctx, "mode", "pushchair")) == {
        "itinerary": [],
        "place": [],
        "event": [],
    }


def test_the_index_holds_each_days_hours_for_the_browser(ctx):
    data = json.loads(outputs(ctx)["/it/plan/index.json"]())
    assert data["start"] == BUILT and data["days"] == HORIZON_DAYS
    by_title = {i["n"]: i for i in data["items"]}
    museum = by_title["Museo chiuso a fine mese"]
    assert len(museum["o"]) == HORIZON_DAYS
    assert museum["o"][SUNDAY] == -1  # closed by the exception
    assert museum["h"][museum["o"][NEXT_SUNDAY]] == "10:00–12:00"  # special hours
    assert museum["h"][museum["o"][0]] == "09:00–19:00"
    archive = by_title["Archivio"]
    assert archive["o"][SUNDAY] == -1 and archive["o"][NEXT_SUNDAY] == -1
    assert by_title["Piazza"]["h"] == ["Senza orari fissi"]
    weekly = by_title["Visita domenicale"]
    days = [n for n, label in enumerate(weekly["o"]) if label >= 0]
    assert days[:3] == [SUNDAY, NEXT_SUNDAY, NEXT_SUNDAY + 7]
    assert weekly["h"] == ["10:00–12:00"] and weekly["r"] == 600
    assert weekly["k"] == "e" and weekly["t"] == 120 and weekly["a"] == ["families"]
    assert "Annullato" not in by_title
    assert by_title["Centro a piedi"]["m"] == ["on-foot"]
    assert "o" not in by_title["Centro a piedi"]  # an itinerary, any day
    # The plain-language summary first, said to be one.
    assert (by_title["Chiesa"]["s"], by_title["Chiesa"]["e"]) == (
        "Una chiesa. Si entra gratis.",
        1,
    )


def main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def test_each_choice_has_a_list_that_needs_no_javascript(ctx):
    found = outputs(ctx)
    sunday = main(found["/it/plan/day/sunday/"]())
    assert "domenica 29 novembre 2026" in sunday  # the day, said
    for shown in ("Centro a piedi", "Chiesa", "Piazza", "Visita domenicale"):
        assert shown in sunday
    for closed in ("Museo chiuso", "Archivio", "Sabato sera", "Annullato"):
        assert closed not in sunday
    assert "10:00–12:00" in sunday  # the event's time that day
    half_day = main(found["/it/plan/time/half-day/"]())
    assert "Centro a piedi" in half_day and "Giro lungo" not in half_day
    assert "<script" not in sunday
    planner = main(found["/it/plan/"]())
    assert '<form id="plan" class="plan" hidden' in planner
    for url in (
        "/it/plan/audience/families/",
        "/it/plan/time/half-day/",
        "/it/plan/mode/on-foot/",
        "/it/plan/day/sunday/",
    ):
        assert f'<a href="{url}">' in planner and url in found
    assert 'data-index="/it/plan/index.json"' in planner
    assert re.search(r'<script src="/[^"]*js/plan\.js" defer>', planner)


def test_an_easy_read_summary_is_preferred_on_the_cards(ctx):
    html = main(outputs(ctx)["/it/plan/day/sunday/"]())
    assert '<p class="easy-read">Una chiesa. Si entra gratis.</p>' in html


def test_the_planner_is_in_every_language_with_its_alternates(ctx):
    model = ctx.model
    arabic = RenderContext(model, "ar", build_date=BUILT)
    html = outputs(arabic)["/ar/plan/"]()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'hreflang="it" href="https://lecce.example.org/it/plan/"' in html
    assert 'aria-current="page">' in html  # the navigation's planner link
    urls = [url for lang in ("it", "en", "ar") for url in outputs(
        RenderContext(model, lang, build_date=BUILT))]  # fmt: skip
    xml = sitemap(model, urls).decode()
    assert "<loc>https://lecce.example.org/en/plan/day/sunday/</loc>" in xml
    assert "index.json" not in xml
    assert (
        '<meta name="description" content="Plan a visit to Lecce'
        in outputs(RenderContext(model, "en", build_date=BUILT))["/en/plan/"]()
    )


def test_no_cms_page_can_take_the_planners_path():
    with pytest.raises(UrlCollision, match="/it/plan/"):
        SiteModel.build(
            Snapshot(TERRITORY, BUILT, [item(9, "places.PlacePage", "/plan/", **PLACE)])
        )
