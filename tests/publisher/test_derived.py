"""Share images and QR codes cached by what decides their bytes, shared by the
processes of a build and by the builds after it."""

import copy
import os
import threading
import time
from pathlib import Path

import pytest

from publisher import derived
from publisher.build import prune_derived
from publisher.channels import print as print_channel
from publisher.channels import social
from publisher.render import RenderContext
from publisher.site_outputs import site_outputs
from publisher.sitemodel import SiteModel, output_file
from publisher.snapshot import Snapshot
from tests.publisher.test_channel_print import BUILD_DATE, pages
from tests.publisher.test_theme import TERRITORY
from tests.snapshots import build_site

DERIVED = ("share.png", "qr.svg", "qr.png")


def derived_outputs(cache_dir, data=None, territory=TERRITORY, lang="it") -> dict:
    """The share images and QR codes of one language, rendered."""
    site = SiteModel.build(Snapshot(territory, BUILD_DATE, data or pages()))
    ctx = RenderContext(site, lang, build_date=BUILD_DATE, cache_dir=cache_dir)
    return {
        url: render()
        for url, render in site_outputs(ctx).items()
        if url.endswith(DERIVED)
    }


def entries(cache_dir: Path) -> dict[str, tuple[int, int]]:
    """The cache's entries by name: inode and modification time."""
    return {
        path.relative_to(cache_dir).as_posix(): (
            path.stat().st_ino,
            path.stat().st_mtime_ns,
        )
        for path in cache_dir.glob("*/??/*")
    }


def refuse(*args, **kwargs):
    raise AssertionError("made again, though cached")


@pytest.fixture(scope="module")
def uncached() -> dict:
    return derived_outputs(None)


def test_a_cached_render_gives_the_bytes_of_an_uncached_one(uncached, tmp_path):
    assert {url.rpartition("/")[2] for url in uncached} == set(DERIVED)
    assert derived_outputs(tmp_path) == uncached  # cold: made and stored
    assert derived_outputs(tmp_path) == uncached  # warm: read back
    names = {name.partition("/")[0] for name in entries(tmp_path)}
    assert names == {"share", "qr"}


def test_a_second_render_makes_nothing_and_rewrites_nothing(
    uncached, tmp_path, monkeypatch
):
    derived_outputs(tmp_path)
    before = entries(tmp_path)
    monkeypatch.setattr(social, "card", refuse)
    monkeypatch.setattr(print_channel, "qr_code", refuse)
    assert derived_outputs(tmp_path) == uncached
    assert entries(tmp_path) == before


@pytest.mark.parametrize(
    "change",
    ["title", "brand colour", "territory name", "url"],
)
def test_a_changed_input_gives_a_new_file(uncached, tmp_path, change):
    derived_outputs(tmp_path)
    before = entries(tmp_path)
    data, territory = copy.deepcopy(pages()), copy.deepcopy(TERRITORY)
    if change == "title":
        data[7]["title"] = "Il barocco leccese"  # a story: a card, no QR code
        data[4]["title"] = "Cattedrale"  # a place: its QR code's title too
    elif change == "brand colour":
        territory["brand_colour"] = "#1d4e89"
    elif change == "territory name":
        territory["name"] = "Lecce e dintorni"
    else:
        territory["base_url"] = "https://lecce.example.net"
    after = derived_outputs(tmp_path, data, territory)
    assert after == derived_outputs(None, data, territory)
    changed = {url for url in after if after[url] != uncached.get(url)}
    assert changed  # else the change was not one these files show
    added = set(entries(tmp_path)) - set(before)
    assert len(added) == len({after[url] for url in changed})
    assert set(entries(tmp_path)) >= set(before)  # nothing overwritten


def test_a_damaged_or_truncated_entry_is_made_again(uncached, tmp_path):
    derived_outputs(tmp_path)
    files = sorted(tmp_path.glob("*/??/*"))
    share = next(
        path for path in files if path.suffix == ".png" and "share" in path.parts
    )
    svg = next(path for path in files if path.suffix == ".svg")
    share.write_bytes(share.read_bytes()[:1000])  # cut short
    damaged = bytearray(svg.read_bytes())
    damaged[-20] ^= 0x01  # one bit
    svg.write_bytes(bytes(damaged))
    files[0].write_bytes(b"")  # empty
    assert derived_outputs(tmp_path) == uncached
    assert derived_outputs(tmp_path) == uncached  # and the entries were repaired


def test_without_a_cache_folder_every_call_makes_the_file(tmp_path):
    ctx = RenderContext(SiteModel.build(Snapshot(TERRITORY, BUILD_DATE, pages())), "it")
    calls = []

    def make() -> bytes:
        calls.append(1)
        return b"bytes"

    for _ in range(2):
        assert derived.cached(ctx, "qr.svg", {"url": "u"}, make) == b"bytes"
    assert len(calls) == 2
    ctx.cache_dir = tmp_path
    for _ in range(2):
        assert derived.cached(ctx, "qr.svg", {"url": "u"}, make) == b"bytes"
    assert len(calls) == 3
    (entry,) = tmp_path.glob("qr/??/*.svg")
    assert entry.name == f"{derived.key('qr.svg', {'url': 'u'})}.svg"
    assert entry.parent.name == entry.name[:2]


def test_concurrent_writers_of_one_entry_leave_one_whole_file(tmp_path):
    ctx = RenderContext(SiteModel.build(Snapshot(TERRITORY, BUILD_DATE, [])), "it")
    ctx.cache_dir = tmp_path
    data = os.urandom(200_000)
    barrier = threading.Barrier(8)
    results = []

    def make() -> bytes:
        barrier.wait()  # all miss, then all write
        return data

    def write() -> None:
        results.append(derived.cached(ctx, "share.png", {"title": "t"}, make))

    threads = [threading.Thread(target=write) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [data] * 8
    assert [path.suffix for path in tmp_path.glob("share/??/*")] == [".png"]
    assert derived.cached(ctx, "share.png", {"title": "t"}, refuse) == data


def test_an_entry_in_use_is_kept_by_prune_an_unused_one_goes(tmp_path):
    ctx = RenderContext(SiteModel.build(Snapshot(TERRITORY, BUILD_DATE, [])), "it")
    ctx.cache_dir = tmp_path
    for title in ("old", "used", "new"):
        derived.cached(ctx, "share.png", {"title": title}, lambda: b"png")
    old, used = (
        derived.entry_path(
            tmp_path, "share.png", derived.key("share.png", {"title": t})
        )
        for t in ("old", "used")
    )
    long_ago = time.time() - 40 * derived.DAY
    for path in (old, used):
        os.utime(path, (long_ago, long_ago))
    leftover = used.with_name(f".{used.name}.crash.tmp")
    leftover.write_bytes(b"half")
    os.utime(leftover, (long_ago, long_ago))
    derived.cached(ctx, "share.png", {"title": "used"}, refuse)  # a build uses it
    assert derived.prune(tmp_path, days=30) == 2
    remaining = {path.name for path in tmp_path.glob("share/??/*")}
    assert old.name not in remaining and leftover.name not in remaining
    assert used.name in remaining and len(remaining) == 2
    assert derived.prune(tmp_path / "missing") == 0


def test_builds_prune_the_cache_once_a_day(tmp_path):
    ctx = RenderContext(SiteModel.build(Snapshot(TERRITORY, BUILD_DATE, [])), "it")
    ctx.cache_dir = tmp_path

    def unused_entry(title: str) -> Path:
        derived.cached(ctx, "share.png", {"title": title}, lambda: b"png")
        path = derived.entry_path(
            tmp_path, "share.png", derived.key("share.png", {"title": title})
        )
        long_ago = time.time() - 40 * derived.DAY
        os.utime(path, (long_ago, long_ago))
        return path

    first = unused_entry("first")
    prune_derived(tmp_path)
    assert not first.exists()
    second = unused_entry("second")
    prune_derived(tmp_path)  # the same day: the cache is not walked again
    assert second.exists()
    stamp = tmp_path / ".pruned"
    os.utime(stamp, (time.time() - 2 * derived.DAY,) * 2)
    prune_derived(tmp_path)
    assert not second.exists()


def test_a_build_keeps_them_in_the_content_folder_and_reuses_them(tmp_path):
    """The Pelican processes get the cache folder through their job file."""
    site = build_site(tmp_path, pages())
    cache = tmp_path / "cache" / "derived"
    stored = entries(cache)
    assert len([name for name in stored if name.startswith("share/")]) > 3
    build_site(tmp_path, pages(), full=True)
    assert entries(cache) == stored
    for lang in ("it", "en", "ar"):
        for url, data in derived_outputs(None, lang=lang).items():
            assert (site / output_file(url)).read_bytes() == data, url
