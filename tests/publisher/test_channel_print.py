"""On site and print: short URLs, QR codes and A4 posters of places, events,
itineraries and offers, as a visitor or a printer meets them."""

import copy
import io
import re
from pathlib import Path

import pytest
import segno
from PIL import Image

from publisher import resources
from publisher.build import BuildOptions, publish_territory
from publisher.channels import print as print_channel
from publisher.channels import shorturls
from publisher.netlify import redirects
from publisher.render import RenderContext, render_page
from publisher.sitemodel import SiteModel
from publisher.snapshot import Snapshot
from tests.publisher.test_theme import HOSTILE, PLACE, TERRITORY, event, item
from tests.snapshots import BUSINESS, ITINERARY, OFFER

BUILD_DATE = "2026-11-25"
SHORT = "https://lecce.example.org/q/{}/"


def pages() -> list[dict]:
    place = {
        **PLACE,
        "address": "Piazza del Duomo 1",
        "opening_exceptions": [
            {"start_date": "2026-11-28", "end_date": None, "closed": True,
             "opens": None, "closes": None, "note": "Restauri"},
            {"start_date": "2026-12-25", "end_date": None, "closed": True,
             "opens": None, "closes": None, "note": "Natale"},
        ],
    }  # fmt: skip
    return [
        item(1, "territories.TerritoryHomePage", "/", key="home", title="Lecce"),
        item(2, "territories.TerritoryHomePage", "/", "en", key="home"),
        item(40, "territories.TerritoryHomePage", "/", "ar", key="home"),
        item(3, "places.PlacesIndexPage", "/luoghi/", intro=""),
        item(5, "places.PlacePage", "/luoghi/duomo/", key="duomo", title="Duomo",
             **place),
        item(105, "places.PlacePage", "/places/cathedral/", "en", key="duomo",
             title="Cathedral", **place),
        item(41, "places.PlacePage", "/amakin/duomo/", "ar", key="duomo",
             title="الكاتدرائية", **place),
        item(6, "stories.StoryPage", "/storie/barocco/", title="Il barocco",
             author="", date="2026-11-20", related_places=[], topics=[],
             audiences=[], hero_image=None),
        event(7, "2026-12-05T18:00:00+01:00", title="Concerto", venue=5,
              is_free=False, price="12.00"),
        item(8, "itineraries.ItineraryPage", "/itinerari/centro/",
             title="Centro storico", stops=[{"place": 5, "note": ""}], **ITINERARY),
        item(9, "offers.BusinessPage", "/attivita/bottega/", title="Bottega",
             **BUSINESS),
        item(20, "offers.OfferPage", "/attivita/bottega/sconto/", title="Sconto",
             **OFFER),
        item(21, "places.PlacePage", "/luoghi/ostile/", title=HOSTILE, **PLACE),
    ]  # fmt: skip


def model(data=None) -> SiteModel:
    return SiteModel.build(Snapshot(TERRITORY, BUILD_DATE, data or pages()))


def outputs(site: SiteModel, lang: str) -> dict:
    ctx = RenderContext(site, lang, build_date=BUILD_DATE)
    found = {**shorturls.outputs(ctx), **print_channel.outputs(ctx)}
    return {url: render() for url, render in found.items()}


def png_matrix(data: bytes) -> list[list[bool]]:
    """The dark modules of a PNG, read back from its pixels (quiet zone included)."""
    image = Image.open(io.BytesIO(data)).convert("L")
    scale = print_channel.PNG_SCALE
    side = image.width // scale
    assert image.width == image.height == side * scale
    return [
        [image.getpixel((x * scale + scale // 2, y * scale + scale // 2)) < 128
         for x in range(side)]
        for y in range(side)
    ]  # fmt: skip


def svg_matrix(data: bytes) -> list[list[bool]]:
    """The dark modules of segno's SVG: one path of horizontal runs, drawn again."""
    text = data.decode()
    width = int(re.search(r'viewBox="0 0 (\d+) \d+"', text)[1])
    side = width // print_channel.SVG_SCALE
    path = re.search(r'<path stroke="#000" d="([^"]+)"', text)[1]
    grid = [[False] * side for _ in range(side)]
    x = y = 0.0
    for command, numbers in re.findall(r"([MmHh])([-\d. ]+)", path):
        values = [float(n) for n in numbers.split()]
        if command == "M":
            x, y = values
        elif command == "m":
            x, y = x + values[0], y + values[1]
        else:
            for column in range(int(x), int(x + values[0])):
                grid[int(y)][column] = True
            x += values[0]
    return grid


def expected_matrix(url: str) -> list[list[bool]]:
    """What the QR standard gives for `url`, with a 4-module quiet zone."""
    code = segno.make_qr(url, error="m")
    return [
        [bool(module) for module in row]
        for row in code.matrix_iter(border=print_channel.QUIET_ZONE)
    ]


@pytest.fixture(scope="module")
def italian():
    return outputs(model(), "it")


def test_qr_codes_encode_the_absolute_short_url(italian):
    for path, page_id in (("/it/luoghi/duomo/", 5), ("/it/eventi/e7/", 7),
                          ("/it/itinerari/centro/", 8),
                          ("/it/attivita/bottega/sconto/", 20)):  # fmt: skip
        expected = expected_matrix(SHORT.format(page_id))
        assert png_matrix(italian[f"{path}qr.png"]) == expected, path
        assert svg_matrix(italian[f"{path}qr.svg"]) == expected, path
    image = Image.open(io.BytesIO(italian["/it/luoghi/duomo/qr.png"])).convert("RGB")
    dark_on_white = {(0, 0, 0), (255, 255, 255)}
    assert {colour for _, colour in image.getcolors()} == dark_on_white
    quiet = png_matrix(italian["/it/luoghi/duomo/qr.png"])
    assert not any(quiet[0] + quiet[3] + [row[0] for row in quiet])  # quiet zone


def test_qr_codes_decode_with_a_real_reader(italian):
    """zxing-cpp, a real decoder, reads what a phone's camera would."""
    import zxingcpp

    image = Image.open(io.BytesIO(italian["/it/attivita/bottega/sconto/qr.png"]))
    (found,) = zxingcpp.read_barcodes(image)
    assert found.text == SHORT.format(20)
    assert found.format == zxingcpp.BarcodeFormat.QRCode
    assert found.ec_level in ("M", "Q", "H")


def test_qr_files_are_the_same_bytes_every_build(italian):
    again = outputs(model(), "it")
    for url, data in italian.items():
        assert again[url] == data, url
    png = italian["/it/luoghi/duomo/qr.png"]
    assert png.startswith(b"\x89PNG") and b"tIME" not in png and b"tEXt" not in png
    svg = italian["/it/luoghi/duomo/qr.svg"].decode()
    assert "<title>Codice QR per Duomo</title>" in svg
    assert re.search(r'<svg width="(\d+)" height="\1" [^>]*viewBox=', svg)
    english = outputs(model(), "en")["/en/places/cathedral/qr.svg"].decode()
    assert "<title>QR code for Cathedral</title>" in english
    hostile = italian["/it/luoghi/ostile/qr.svg"].decode()
    assert HOSTILE not in hostile and "&lt;img" in hostile


def test_a_short_url_redirects_to_the_page_in_its_own_language(italian):
    html = italian["/q/5/"]
    assert '<meta http-equiv="refresh" content="0; url=/it/luoghi/duomo/">' in html
    canonical = "https://lecce.example.org/it/luoghi/duomo/"
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert '<meta name="robots" content="noindex">' in html
    assert '<a href="/it/luoghi/duomo/">Duomo</a>' in html
    assert '<html lang="it" dir="ltr">' in html
    english = outputs(model(), "en")
    assert "url=/en/places/cathedral/" in english["/q/105/"]
    # A page shown in English as a fallback keeps its Italian short URL only.
    assert "/q/7/" not in english and "/en/eventi/e7/poster.html" not in english
    assert "/q/105/" not in italian
    arabic = outputs(model(), "ar")["/q/41/"]
    assert '<html lang="ar" dir="rtl">' in arabic
    assert HOSTILE not in italian["/q/21/"]


def test_a_short_url_survives_a_change_of_slug(italian):
    moved = pages()
    moved[4]["meta"]["path"] = "/luoghi/cattedrale/"
    after = outputs(model(moved), "it")
    assert "url=/it/luoghi/cattedrale/" in after["/q/5/"]
    assert "/it/luoghi/duomo/qr.png" not in after
    # The printed code needs no reprint: same short URL, same bytes.
    assert after["/it/luoghi/cattedrale/qr.png"] == italian["/it/luoghi/duomo/qr.png"]


def test_netlify_answers_short_urls_with_a_301_before_the_404s():
    text = redirects(["it", "en"], "it", short=[("/q/5/", "/it/luoghi/duomo/")])
    lines = text.splitlines()
    rule = lines.index("/q/5/ /it/luoghi/duomo/ 301!")
    assert rule < lines.index("/it/*  /it/404.html  404")
    site = model()
    assert ("/q/105/", "/en/places/cathedral/") in shorturls.rules(site)
    assert [short for short, _ in shorturls.rules(site)] == [
        "/q/5/", "/q/7/", "/q/8/", "/q/20/", "/q/21/", "/q/41/", "/q/105/"
    ]  # fmt: skip


def test_the_poster_has_the_facts_the_qr_code_and_the_short_url(italian):
    place = italian["/it/luoghi/duomo/poster.html"]
    for text in ("<h1>Duomo</h1>", "Piazza del Duomo 1",
                 "Lunedì–venerdì: 09:00–13:00", "Domenica: chiuso",
                 "(Restauri)",  # closed this week
                 '<img src="/it/luoghi/duomo/qr.svg"',
                 'alt="Codice QR per Duomo"',
                 "https://lecce.example.org/q/5/</span>",
                 '<header class="poster-brand"><p>Lecce</p></header>',
                 'href="/static/css/print.css"', 'href="/static/css/brand.css"',
                 '<meta name="robots" content="noindex">',
                 '<a href="/it/luoghi/duomo/">Torna alla pagina</a>'):  # fmt: skip
        assert text in place, text
    assert "Natale" not in place  # a month away: not this week's hours
    concert = italian["/it/eventi/e7/poster.html"]
    assert "sabato 5 dicembre 2026, 18:00" in concert
    assert "<dd>Duomo, Piazza del Duomo 1</dd>" in concert and "12,00\xa0€" in concert
    walk = italian["/it/itinerari/centro/poster.html"]
    assert "1 ora e 30 minuti" in walk and re.search(r"3,5\s?km", walk)
    assert "<ol><li>Duomo</li></ol>" in walk
    offer = italian["/it/attivita/bottega/sconto/poster.html"]
    assert '<time datetime="2026-12-31">31 dicembre 2026</time>' in offer
    assert "sconto del 10%" in offer and "Bottega, Via Palmieri 1" in offer
    hostile = italian["/it/luoghi/ostile/poster.html"]
    assert HOSTILE not in hostile and "&lt;img src=x onerror=" in hostile


def test_the_arabic_poster_is_right_to_left_and_translated():
    html = outputs(model(), "ar")["/ar/amakin/duomo/poster.html"]
    assert '<html lang="ar" dir="rtl">' in html
    assert "ملصق للطباعة" in html and "مواعيد الفتح" in html
    assert '<span class="short-url" dir="ltr">https://lecce.example.org/q/41/' in html


def test_the_print_stylesheet_makes_one_clean_a4_page():
    css = (resources.theme() / "static/css/print.css").read_text()
    assert re.search(r"@page\{size:A4;margin:\d+mm\}", css)
    assert ".poster-qr img{display:block;width:7cm;height:7cm" in css  # >= 5 cm
    printing = css[css.index("@media print") :]
    assert ".poster-screen{display:none}" in printing
    physical = re.findall(
        r"(?:margin|padding|border|inset)-(?:left|right|top|bottom)"
        r"|[;{](?:left|right|top|bottom):|text-align:(?:left|right)|float:",
        css,
    )
    assert physical == []


def test_pages_link_their_poster_and_qr_code_stories_and_home_do_not():
    site = model()

    def page(lang, url):
        entry = next(e for e in site.entries[lang] if e.url == url)
        return render_page(entry, RenderContext(site, lang, build_date=BUILD_DATE))

    for url in ("/it/luoghi/duomo/", "/it/eventi/e7/", "/it/itinerari/centro/",
                "/it/attivita/bottega/sconto/"):  # fmt: skip
        html = page("it", url)
        assert f'<a href="{url}poster.html">Locandina da stampare</a>' in html, url
        assert f'<a href="{url}qr.svg" type="image/svg+xml">Codice QR</a>' in html
    english = page("en", "/en/places/cathedral/")
    assert ">Poster to print</a>" in english and ">QR code</a>" in english
    for lang, url in (("it", "/it/storie/barocco/"), ("it", "/it/"),
                      ("en", "/en/eventi/e7/")):  # fmt: skip  # a fallback: none
        assert "poster.html" not in page(lang, url), url


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".vetrina.json"
    }


def build(root: Path, data: list[dict]):
    snapshot = Snapshot(TERRITORY, BUILD_DATE, data)
    snapshot.save(root / "snapshots")
    options = BuildOptions(api="http://unused", out=root / "dist", content=root, jobs=2)
    return publish_territory(snapshot, options, progress=lambda message: None)


def test_a_real_build_writes_everything_and_an_incremental_one_follows_a_move(
    tmp_path,
):
    first = build(tmp_path / "inc", pages())
    site = tmp_path / "inc/dist/lecce"
    assert first.mode == "full"
    for name in ("q/5/index.html", "q/105/index.html", "q/41/index.html",
                 "it/luoghi/duomo/qr.svg", "it/luoghi/duomo/qr.png",
                 "it/luoghi/duomo/poster.html",
                 "ar/amakin/duomo/poster.html"):  # fmt: skip
        assert (site / name).is_file(), name
    lines = (site / "_redirects").read_text().splitlines()
    assert lines.index("/q/5/ /it/luoghi/duomo/ 301!") < lines.index(
        "/it/*  /it/404.html  404"
    )
    poster = (site / "it/luoghi/duomo/poster.html").read_text()
    stylesheet = re.search(r'href="(/static/css/print\.[0-9a-f]+\.css)"', poster)[1]
    assert "@page{size:A4" in (site / stylesheet.lstrip("/")).read_text()

    moved = copy.deepcopy(pages())
    moved[4]["meta"]["path"] = "/luoghi/cattedrale/"
    again = build(tmp_path / "inc", moved)
    assert again.mode == "incremental"
    assert "url=/it/luoghi/cattedrale/" in (site / "q/5/index.html").read_text()
    assert not (site / "it/luoghi/duomo/poster.html").exists()
    assert "/q/5/ /it/luoghi/cattedrale/ 301!" in (site / "_redirects").read_text()
    build(tmp_path / "full", moved)
    assert tree(site) == tree(tmp_path / "full/dist/lecce")
