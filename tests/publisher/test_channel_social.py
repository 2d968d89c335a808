"""Share images: every page without a picture gets a card of its own."""

import hashlib
import io
import re
from pathlib import Path

import pytest
from PIL import Image

from publisher.channels import social
from publisher.render import RenderContext
from publisher.site_outputs import site_outputs
from publisher.sitemodel import SiteModel
from publisher.snapshot import Snapshot
from tests.publisher.test_structured_data import BASE, HERO, site_pages
from tests.publisher.test_theme import TERRITORY
from tests.snapshots import build_site

ARABIC = "جولة في المدينة القديمة وكنائسها الباروكية مع مرشد محلي"


def png(data: bytes) -> Image.Image:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def palette(image: Image.Image) -> list[tuple[int, int, int]]:
    return [colour for _count, colour in image.getcolors(1 << 20)]


def colours(image: Image.Image) -> int:
    return len(palette(image))


def chunks(data: bytes) -> list[bytes]:
    """The PNG's chunk types, in order."""
    found, at = [], 8
    while at < len(data):
        length = int.from_bytes(data[at : at + 4], "big")
        found.append(data[at + 4 : at + 8])
        at += 12 + length
    return found


def test_a_card_is_a_1200_by_630_png_the_same_every_time():
    title = "Il barocco leccese: chiese, palazzi e cortili del centro storico"
    first = social.card(title, "Lecce", "#8a3b12")
    image = png(first)
    assert image.size == (1200, 630) and image.mode == "RGB"
    assert image.getpixel((5, 5)) == (0x8A, 0x3B, 0x12)  # the brand colour
    assert colours(image) > 2  # the title was drawn
    assert social.card(title, "Lecce", "#8a3b12") == first
    assert set(chunks(first)) == {b"IHDR", b"IDAT", b"IEND"}  # no date, no text
    assert social.card(title, "Lecce", "#1d4e89") != first


def test_a_light_brand_colour_gets_dark_type():
    image = png(social.card("Titolo", "Lecce", "#f5e6a0"))
    assert min(palette(image), key=sum) < (80, 80, 80)


def test_long_titles_and_long_words_stay_on_the_card():
    for title in ("parola " * 60, "Superlunghissimaparola" * 6, ""):
        assert png(social.card(title, "Grecìa Salentina", "#123")).size == (1200, 630)


def test_arabic_titles_are_drawn_right_to_left(monkeypatch):
    shaped = png(social.card(ARABIC, "ليتشي", "#8a3b12"))
    assert shaped.size == (1200, 630)
    # Text starts on the right: the left half of the first line stays brand-only.
    right = shaped.crop((600, 80, 1120, 170))
    assert colours(right) > 2
    if social.RAQM:
        left_edge = shaped.crop((80, 80, 90, 170))
        assert colours(left_edge) == 1
    monkeypatch.setattr(social, "RAQM", False)  # Pillow without raqm
    assert png(social.card(ARABIC, "ليتشي", "#8a3b12")).size == (1200, 630)


def test_only_pages_without_a_picture_get_a_card():
    site = SiteModel.build(Snapshot(TERRITORY, "2026-11-25", site_pages()))
    urls = set(site_outputs(RenderContext(site, "it")))
    assert "/it/luoghi/pozzo/share.png" in urls
    assert "/it/share.png" in urls and "/it/luoghi/share.png" in urls
    assert "/it/luoghi/duomo/share.png" not in urls  # it has a hero image


def seed_media_cache(content: Path) -> None:
    """The hero's renditions, as if downloaded by an earlier build."""
    cache = content / "cache" / "media"
    (cache / "by-url").mkdir(parents=True)
    for rendition in HERO["renditions"]:
        url = rendition["url"]
        extension = rendition["format"]
        name = f"{hashlib.sha256(url.encode()).hexdigest()[:16]}.{extension}"
        (cache / name).write_bytes(url.encode())
        pointer = hashlib.sha256(url.encode()).hexdigest()[:24]
        (cache / "by-url" / pointer).write_text(name)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("social")
    seed_media_cache(root)
    return build_site(root, site_pages())


def og_images(html: str) -> list[str]:
    return re.findall(r'<meta property="og:image" content="([^"]+)">', html)


def test_every_og_image_of_a_built_site_is_a_file_of_it(built):
    checked = 0
    for page in sorted(built.rglob("*.html")):
        html = page.read_text("utf-8")
        if '<meta property="og:title"' not in html:
            continue  # not a page of the theme: the language chooser, an e-mail…
        (url,) = og_images(html)
        assert url.startswith(f"{BASE}/"), page
        assert (built / url.removeprefix(f"{BASE}/")).is_file(), (page, url)
        checked += 1
    assert checked > 30


def test_a_built_page_without_hero_points_to_its_card(built):
    html = (built / "it/luoghi/pozzo/index.html").read_text("utf-8")
    assert og_images(html) == [f"{BASE}/it/luoghi/pozzo/share.png"]
    card = (built / "it/luoghi/pozzo/share.png").read_bytes()
    assert png(card).size == (1200, 630)
    assert card == social.card("Pozzo", "Lecce", TERRITORY["brand_colour"])
    # Arabic visitors get the Italian page, and its card, under their language.
    assert (built / "ar/luoghi/pozzo/share.png").read_bytes() == card


def test_a_built_page_with_hero_points_to_its_rendition(built):
    html = (built / "it/luoghi/duomo/index.html").read_text("utf-8")
    (url,) = og_images(html)
    # The CMS's JPEG crop for sharing; the page itself shows the WebP ones.
    assert re.fullmatch(rf"{BASE}/media/[0-9a-f]{{16}}\.jpeg", url)
    assert (built / url.removeprefix(f"{BASE}/")).is_file()
    assert ".webp" in html.split("</head>")[1]
    assert not (built / "it/luoghi/duomo/share.png").exists()
