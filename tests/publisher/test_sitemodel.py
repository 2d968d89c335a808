"""Which page is published where, and what happens to bad items."""

import pytest

from publisher.errors import UrlCollision
from publisher.sitemodel import SiteModel
from publisher.snapshot import Snapshot

TERRITORY = {
    "slug": "lecce",
    "name": "Lecce",
    "languages": [{"code": "it"}, {"code": "en"}],
    "default_language": "it",
    "fallback": "default",
}


def page(id, type_, path, locale="it", key=None, alias_of=None, **fields):
    return {
        "id": id,
        "title": fields.pop("title", f"Pagina {id}"),
        "meta": {
            "type": type_,
            "locale": locale,
            "path": path,
            "translation_key": key or f"k{id}",
            "alias_of": alias_of,
        },
        "media": {"images": {}, "documents": {}},
        **fields,
    }


def model(*pages, **territory):
    return SiteModel.build(
        Snapshot({**TERRITORY, **territory}, "2026-11-25", list(pages))
    )


def test_bad_items_are_named_by_id_and_field_and_skipped():
    site = model(
        page(1, "places.PlacePage", "/luoghi/a/", kind="museum", latitude="95"),
        page(2, "events.EventPage", "/eventi/b/", start="2026-12-05T20:00:00+01:00",
             end="2026-12-05T18:00:00+01:00"),
        page(3, "places.PlacePage", "/luoghi/c/", kind="museum", hero_image=9),
        page(4, "places.PlacePage", "/luoghi/d/", kind="museum"),
    )  # fmt: skip
    problems = {(p.page_id, p.field) for p in site.problems}
    assert problems == {(1, "latitude"), (2, "end"), (3, "hero_image")}
    assert [e.page["id"] for e in site.entries["it"]] == [4]
    assert "places.PlacePage 1, field 'latitude'" in str(site.problems[0])


def test_colliding_urls_are_caught_before_writing():
    with pytest.raises(UrlCollision, match="/it/luoghi/a/"):
        model(
            page(1, "places.PlacePage", "/luoghi/a/", kind="museum"),
            page(2, "stories.StoryPage", "/luoghi/a/"),
        )


def test_fallback_rules_and_aliases():
    pages = [
        page(1, "places.PlacePage", "/luoghi/a/", kind="museum", key="a"),
        page(2, "places.PlacePage", "/places/a/", locale="en", key="a", kind="museum"),
        page(3, "places.PlacePage", "/luoghi/b/", kind="museum", key="b"),
        page(4, "places.PlacePage", "/places/b/", locale="en", key="b",
             alias_of=3, kind="museum"),
    ]  # fmt: skip
    shown = model(*pages)
    english = {e.url: e.fallback for e in shown.entries["en"]}
    assert english == {"/en/places/a/": False, "/en/places/b/": True}
    assert shown.alternates(shown.entries["it"][0]) == [
        ("it", "/it/luoghi/a/"),
        ("en", "/en/places/a/"),
    ]
    omitted = model(*pages, fallback="omit")
    assert [e.url for e in omitted.entries["en"]] == ["/en/places/a/"]
