"""Snapshots on disk, and what a long-running builder keeps of them in memory."""

import json

from publisher import snapshot, warm
from publisher.incremental import State
from publisher.snapshot import Snapshot, as_saved, in_order
from tests.publisher.test_theme import PLACE, TERRITORY, item


def place(id: int, lang: str, title: str) -> dict:
    return item(id, "places.PlacePage", f"/luoghi/p{id}/", lang, title=title, **PLACE)


def test_a_builder_reads_back_what_it_saved_without_parsing_it(tmp_path, monkeypatch):
    pages = [place(2, "it", "B"), place(1, "en", "A")]
    fetched = Snapshot(TERRITORY, "2026-11-25", in_order(list(map(as_saved, pages))))
    fetched.save(tmp_path, as_loaded=True)

    def refuse(*args, **kwargs):
        raise AssertionError("parsed the JSON again")

    monkeypatch.setattr(snapshot.orjson, "loads", refuse)
    loaded = Snapshot.load(tmp_path, TERRITORY["slug"])
    assert [p["id"] for p in loaded.pages] == [1, 2]  # by language, then id
    loaded.pages.clear()  # patching the copy leaves the kept one alone
    assert len(Snapshot.load(tmp_path, TERRITORY["slug"]).pages) == 2


def test_pages_saved_as_they_are_are_read_back_as_a_load_gives_them(tmp_path):
    pages = [place(2, "it", "B"), place(1, "en", "A")]
    Snapshot(TERRITORY, "2026-11-25", pages).save(tmp_path)
    loaded = Snapshot.load(tmp_path, TERRITORY["slug"])
    assert [p["id"] for p in loaded.pages] == [1, 2]
    assert list(loaded.pages[0]) == sorted(loaded.pages[0])  # keys in order


def test_a_file_rewritten_by_someone_else_is_read_again(tmp_path):
    Snapshot(TERRITORY, "2026-11-25", [place(1, "it", "Prima")]).save(tmp_path)
    path = tmp_path / TERRITORY["slug"] / "it.json"
    pages = json.loads(path.read_text())
    pages[0]["title"] = "Dopo"
    path.write_text(json.dumps(pages))  # another process, a person
    assert Snapshot.load(tmp_path, TERRITORY["slug"]).pages[0]["title"] == "Dopo"


def test_the_state_saved_is_kept_until_its_file_changes(tmp_path):
    path = tmp_path / "lecce.json"
    state = State("7", "fingerprint", "digest", outputs={"it/index.html": ["id:1"]})
    state.save(path)
    assert State.load(path) is state
    text = path.read_text().replace('"7"', '"8"')
    path.write_text(text)  # by another build
    assert State.load(path).cursor == "8"


def test_a_builder_keeps_the_last_territories_it_built(tmp_path, monkeypatch):
    """A worker serving a few territories keeps each one's snapshot, not only
    the last one's; past warm.TERRITORIES the least recently used goes."""
    monkeypatch.setattr(snapshot, "_LOADED", warm.Kept(size=3))
    slugs = [f"t{n}" for n in range(4)]
    for slug in slugs[:3]:
        territory = {**TERRITORY, "slug": slug}
        Snapshot(territory, "2026-11-25", [as_saved(place(1, "it", slug))]).save(
            tmp_path, as_loaded=True
        )
    parsed = []
    real = snapshot.orjson.loads
    monkeypatch.setattr(
        snapshot.orjson, "loads", lambda data: parsed.append(1) or real(data)
    )
    for slug in slugs[:3]:
        assert Snapshot.load(tmp_path, slug).pages[0]["title"] == slug
    assert parsed == []
    territory = {**TERRITORY, "slug": "t3"}
    Snapshot(territory, "2026-11-25", [place(1, "it", "t3")]).save(
        tmp_path, as_loaded=True
    )
    Snapshot.load(tmp_path, "t0")  # the least recently used, gone
    assert parsed  # its files were read again
