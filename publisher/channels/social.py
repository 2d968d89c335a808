"""Share images: a 1200×630 card for every page that has no picture of its own,
so a link to it shows more than a grey box where it is shared.

The card is the territory's brand colour with the page's title in large type
and the territory's name, at `<page URL>share.png` (see publisher/structured_data/ for
the tags that point to it). Same snapshot, same bytes: the PNG carries no date
or other metadata, and a card is drawn again only when what decides its bytes
changed (derived.py).
"""

from __future__ import annotations

import functools
import io
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import PIL
from PIL import Image, ImageDraw, ImageFont, features

from .. import derived
from ..render import DEFAULT_BRAND_COLOUR
from ..structured_data import SHARE_IMAGE, SHARE_SIZE, needs_share_image

if TYPE_CHECKING:
    from ..render_context import RenderContext
    from ..sitemodel import Entry
    from . import Render

MARGIN = 80
TITLE_SIZES = (76, 64, 54)  # the largest whose lines fit
MAX_LINES = 4
NAME_SIZE = 36
# Debian's fonts (fonts-dejavu-core covers Latin, Greek, Cyrillic and Arabic).
FONTS = Path("/usr/share/fonts/truetype")
BOLD = ("dejavu/DejaVuSans-Bold.ttf", "noto/NotoSans-Bold.ttf",
        "liberation/LiberationSans-Bold.ttf")  # fmt: skip
REGULAR = ("dejavu/DejaVuSans.ttf", "noto/NotoSans-Regular.ttf",
           "liberation/LiberationSans-Regular.ttf")  # fmt: skip
RAQM = features.check("raqm")


def outputs(ctx: RenderContext) -> dict[str, Render]:
    return {
        f"{entry.url}{SHARE_IMAGE}": functools.partial(share_image, entry, ctx)
        for entry in ctx.model.entries[ctx.lang]
        if needs_share_image(entry)
    }


def share_image(entry: Entry, ctx: RenderContext) -> bytes:
    ctx.model.note(f"id:{entry.page['id']}")
    territory = ctx.model.snapshot.territory
    title, name = entry.page["title"], territory.get("name", "")
    colour = territory.get("brand_colour") or DEFAULT_BRAND_COLOUR
    return derived.cached(
        ctx,
        SHARE_IMAGE,
        {"title": title, "territory": name, "colour": colour, **_drawing()},
        lambda: card(title, name, colour),
    )


def _drawing() -> dict[str, object]:
    """Besides the text and colour, what decides a card's bytes: this code, the
    fonts, and the libraries that shape, draw and compress."""
    return {
        "code": derived.file_digest(__file__),
        "size": SHARE_SIZE,
        "fonts": [_font_digest(BOLD), _font_digest(REGULAR)],
        "raqm": RAQM,
        "libraries": _libraries(),
    }


@functools.cache
def _libraries() -> dict[str, str | None]:
    names = ("freetype2", "raqm", "fribidi", "harfbuzz", "zlib")
    return {
        "pillow": PIL.__version__,
        **{name: features.version(name) for name in names},
    }


def _font_digest(names: tuple[str, ...]) -> str | None:
    """The bytes of the font `_font()` loads; None: Pillow's own (its version)."""
    path = _font_file(names)
    return None if path is None else derived.file_digest(path)


def card(title: str, territory: str, colour: str) -> bytes:
    """The PNG of one card: `title` wrapped in large type above `territory`."""
    width, height = SHARE_SIZE
    background = _rgb(colour)
    ink = _ink(background)
    image = Image.new("RGB", SHARE_SIZE, background)
    draw = ImageDraw.Draw(image)
    room = width - 2 * MARGIN
    size, lines = _fit(draw, title, room)
    font = _font(BOLD, size)
    y = MARGIN
    for line in lines:
        _text(draw, line, y, font, ink)
        y += round(size * 1.2)
    name_font = _font(REGULAR, NAME_SIZE)
    rule_y = height - MARGIN - NAME_SIZE - 28
    start = width - MARGIN - 120 if _rtl(title) else MARGIN
    draw.rectangle((start, rule_y, start + 120, rule_y + 6), fill=ink)
    _text(draw, territory, height - MARGIN - NAME_SIZE, name_font, ink)
    return _png(image)


@functools.lru_cache(maxsize=16)
def icon(name: str, colour: str, size: int) -> bytes:
    """A PNG icon of the territory: its initial, in the brand's colour (the
    touch icon a phone puts on its home screen, 180 pixels)."""
    return _png(_icon(name, colour, size))


@functools.lru_cache(maxsize=4)
def favicon(name: str, colour: str) -> bytes:
    """The same icon as /favicon.ico (16, 32 and 48 pixels), which browsers and
    crawlers ask for whatever the page's head says."""
    out = io.BytesIO()
    _icon(name, colour, 48).save(out, "ICO", sizes=[(16, 16), (32, 32), (48, 48)])
    return out.getvalue()


def _icon(name: str, colour: str, size: int) -> Image.Image:
    background = _rgb(colour)
    image = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(image)
    letter = next((c for c in name if c.isalnum()), "V").upper()
    font = _font(BOLD, round(size * 0.62))
    centre = (size / 2, size / 2)
    draw.text(centre, letter, font=font, fill=_ink(background), anchor="mm")
    return image


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=6)
    return out.getvalue()


def _rtl(text: str) -> bool:
    """Whether the text's first strong character is right-to-left."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def _options(text: str) -> dict:
    """Shaping and direction: only Pillow built with raqm can do them."""
    if not RAQM:
        return {}
    return (
        {"direction": "rtl", "language": "ar"} if _rtl(text) else {"direction": "ltr"}
    )


def _text(draw: ImageDraw.ImageDraw, text: str, y: int, font, ink) -> None:
    """One line from the start edge: the left, or the right for Arabic."""
    if _rtl(text):
        x, anchor = SHARE_SIZE[0] - MARGIN, "ra"
    else:
        x, anchor = MARGIN, "la"
    draw.text((x, y), text, font=font, fill=ink, anchor=anchor, **_options(text))


def _fit(draw: ImageDraw.ImageDraw, title: str, room: int) -> tuple[int, list[str]]:
    """The largest title size whose lines fit; the smallest, cut short, if none."""
    for size in TITLE_SIZES:
        lines = _wrap(draw, title, _font(BOLD, size), room)
        if len(lines) <= MAX_LINES:
            return size, lines
    font = _font(BOLD, TITLE_SIZES[-1])
    lines = _wrap(draw, title, font, room)[:MAX_LINES]
    last = lines[-1]
    while last and _width(draw, f"{last}…", font) > room:
        last = last[:-1].rstrip()
    lines[-1] = f"{last}…"
    return TITLE_SIZES[-1], lines


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, room: int) -> list[str]:
    """Words greedily into lines; a word too long for a line on its own."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and _width(draw, candidate, font) <= room:
            lines[-1] = candidate
            continue
        while len(word) > 1 and _width(draw, word, font) > room:
            cut = next(
                n
                for n in range(len(word) - 1, 0, -1)
                if n == 1 or _width(draw, word[:n], font) <= room
            )
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
    return lines or [""]


def _width(draw: ImageDraw.ImageDraw, text: str, font) -> float:
    return draw.textlength(text, font=font, **_options(text))


def _font_file(names: tuple[str, ...]) -> Path | None:
    return next((FONTS / name for name in names if (FONTS / name).is_file()), None)


@functools.cache
def _font(names: tuple[str, ...], size: int):
    path = _font_file(names)
    if path is not None:
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)  # scalable since Pillow 10.1


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    try:
        return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]
    except ValueError:
        return _rgb(DEFAULT_BRAND_COLOUR)


def _luminance(rgb: tuple[int, int, int]) -> float:
    r, g, b = (
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        for c in (v / 255 for v in rgb)
    )
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _ink(background: tuple[int, int, int]) -> tuple[int, int, int]:
    """White on a dark brand colour, near-black on a light one."""
    white, dark = (255, 255, 255), (26, 26, 26)
    light = _luminance(background) + 0.05
    return white if 1.05 / light >= light / (_luminance(dark) + 0.05) else dark
