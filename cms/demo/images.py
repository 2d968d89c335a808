"""Pictures for the demo, drawn with Pillow: no downloads, no licences to check.

Each is a flat, poster-like scene (sky, ground, one motif, a title band) that is
recognisable enough to tell pages apart in the admin and in the built sites.
Images are found again by title, so loading the demo twice draws nothing twice.
"""

import io
import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont

from cms.core.models import CustomImage

from .text import T

CREDIT = "Vetrina demo (illustrazione generata)"

Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class Palette:
    sky_top: str
    sky_bottom: str
    ground: str
    stone: str
    accent: str


BAROQUE = Palette("#f2b66d", "#fde8c4", "#c99a5b", "#ecd6a4", "#8a3b12")
EVENING = Palette("#3b2a5a", "#d9795d", "#6b4a3a", "#f0d8a8", "#f6c453")
GRIKO = Palette("#5fa8d3", "#d6ecf5", "#8a9a5b", "#efe2c2", "#1b5e7a")
OLIVE = Palette("#9cc5a1", "#eef4d8", "#6e7f3f", "#e8dcb8", "#2f5d3a")


@dataclass(frozen=True)
class ImageSpec:
    """What to draw, and the title and alt text the image is stored with."""

    title: str
    alt: T
    motif: str
    palette: Palette = BAROQUE
    width: int = 1200
    height: int = 800
    label: str = ""


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in ("DejaVuSans-Bold.ttf", "DejaVuSans.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _gradient(size: tuple[int, int], top: str, bottom: str) -> Image.Image:
    """A vertical sky from `top` to `bottom`."""
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(
        Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask
    )


# Motifs: each draws into `box` (left, top, right, bottom) above the ground line.


def facade(d: ImageDraw.ImageDraw, box: Box, p: Palette) -> None:
    left, top, right, bottom = box
    cx, w = (left + right) // 2, (right - left) // 3
    d.rectangle([cx - w, top + 120, cx + w, bottom], fill=p.stone, outline=p.accent)
    d.polygon([(cx - w - 20, top + 120), (cx, top), (cx + w + 20, top + 120)], p.stone)
    for i in range(5):
        x = cx - w + 20 + i * (2 * w - 40) // 4
        d.rectangle([x - 9, top + 170, x + 9, bottom], fill=p.sky_bottom)
    for r in (70, 52, 30):
        d.ellipse(
            [cx - r, top + 190 - r, cx + r, top + 190 + r], outline=p.accent, width=5
        )
    for a in range(0, 360, 30):
        x, y = (
            cx + 70 * math.cos(math.radians(a)),
            top + 190 + 70 * math.sin(math.radians(a)),
        )
        d.line([(cx, top + 190), (x, y)], fill=p.accent, width=3)
    d.rounded_rectangle([cx - 45, bottom - 150, cx + 45, bottom], 40, fill=p.accent)


def arena(d: ImageDraw.ImageDraw, box: Box, p: Palette) -> None:
    left, top, right, bottom = box
    for i, inset in enumerate(range(0, 240, 60)):
        d.arc(
            [
                left + inset,
                top + 100 + inset // 2,
                right - inset,
                bottom + 200 - inset // 2,
            ],
            180,
            360,
            fill=p.stone if i % 2 else p.accent,
            width=28,
        )
    for x in range(left + 80, right - 60, 70):
        d.rounded_rectangle([x, bottom - 90, x + 40, bottom], 18, fill=p.accent)


def column(d: ImageDraw.ImageDraw, box: Box, p: Palette) -> None:
    left, top, right, bottom = box
    cx = (left + right) // 2
    d.rectangle([cx - 70, bottom - 60, cx + 70, bottom], fill=p.stone)
    d.rectangle(
        [cx - 30, top + 120, cx + 30, bottom - 60], fill=p.stone, outline=p.accent
    )
    d.rectangle([cx - 50, top + 100, cx + 50, top + 125], fill=p.accent)
    d.ellipse([cx - 22, top + 20, cx + 22, top + 64], fill=p.accent)
    d.polygon([(cx - 35, top + 100), (cx, top + 55), (cx + 35, top + 100)], p.accent)


def castle(d: ImageDraw.ImageDraw, box: Box, p: Palette) -> None:
    left, top, right, bottom = box
    d.rectangle(
        [left + 80, top + 160, right - 80, bottom], fill=p.stone, outline=p.accent
    )
    for x in range(left + 80, right - 80, 60):
        d.rectangle([x, top + 130, x + 30, top + 160], fill=p.stone)
    for x in (left + 40, right - 160):
        d.rectangle(
            [x, top + 80, x + 120, bottom], fill=p.stone, outline=p.accent, width=3
        )
        for cx in range(x, x + 120, 40):
            d.rectangle([cx, top + 55, cx + 20, top + 80], fill=p.stone)
    cx = (left + right) // 2
    d.rounded_rectangle([cx - 50, bottom - 140, cx + 50, bottom], 45, fill=p.accent)


def tower(d: ImageDraw.ImageDraw, box: Box, p: Palette) -> None:
    left, top, right, bottom = box
    cx, y, w = (left + right) // 2, bottom, 120
    for level in range(5):
        h = (bottom - top) // (5 if level < 2 else 7)
        d.rectangle([cx - w, y - h, cx + w, y], fill=p.stone, outline=p.accent, width=3)
        if level >= 2:
            for dx in (-w // 2, w // 2):
                d.rounded_rectangle(
                    [cx + dx - 12, y - h + 12, cx + dx + 12, y - 8], 10, fill=p.accent
                )
        y, w = y - h, w - 14
    d.pieslice([cx - w, y - w, cx + w, y + w], 180, 360, fill=p.accent)


def menhir(d: ImageDraw.ImageDraw, box: Box, p: Palette) -> None:
    left, top, right, bottom = box
    cx = (left + right) // 2
    d.ellipse([right - 260, top + 10, right - 140, top + 130], fill="#f6c453")
    d.polygon(
        [
            (cx - 45, bottom),
            (cx - 38, top + 40),
            (cx + 5, top + 20),
            (cx + 42, top + 45),
            (cx + 50, bottom),
        ],
        fill=p.stone,
        outline="#6b5a40",
    )
    d.line([(cx, top + 120), (cx, top + 200)], fill="#6b5a40", width=6)
    d.line([(cx - 25, top + 150), (cx + 25, top + 150)], fill="#6b5a40", width=6)


def stele(d: ImageDraw.ImageDraw, box: Box, p: Palette) -> None:
    left, top, right, bottom = box
    cx = (left + right) // 2
    d.rectangle([cx - 160, top + 80, cx + 160, bottom], fill=p.ground)
    d.polygon([(cx - 180, top + 80), (cx, top), (cx + 180, top + 80)], p.ground)
    d.rectangle([cx - 90, top + 110, cx + 90, bottom], fill=p.stone)
    d.pieslice([cx - 70, top + 60, cx + 70, top + 200], 180, 360, fill=p.accent)
    d.rectangle([cx - 60, top + 220, cx + 60, top + 400], outline=p.accent, width=4)


def wells(d: ImageDraw.ImageDraw, box: Box, p: Palette) -> None:
    left, top, right, bottom = box
    for i, x in enumerate(range(left + 60, right - 100, 180)):
        y = bottom - 40 * (i % 2)
        d.pieslice(
            [x, y - 90, x + 140, y + 90], 180, 360, fill=p.stone, outline=p.accent
        )
        d.ellipse([x + 55, y - 100, x + 85, y - 80], fill=p.accent)
    olive(d, (right - 260, top, right, bottom - 120), p)


def palazzo(d: ImageDraw.ImageDraw, box: Box, p: Palette) -> None:
    left, top, right, bottom = box
    d.rectangle(
        [left + 60, top + 100, right - 60, bottom], fill=p.stone, outline=p.accent
    )
    for row in range(2):
        y = top + 140 + row * 130
        for x in range(left + 110, right - 110, 120):
            d.rounded_rectangle([x, y, x + 50, y + 80], 20, fill=p.sky_top)
    d.rectangle([left + 90, top + 255, right - 90, top + 270], fill=p.accent)
    cx = (left + right) // 2
    d.rounded_rectangle([cx - 55, bottom - 130, cx + 55, bottom], 50, fill=p.accent)


def drum(d: ImageDraw.ImageDraw, box: Box, p: Palette) -> None:
    left, top, right, bottom = box
    cx, cy, r = (
        (left + right) // 2,
        (top + bottom) // 2,
        min(right - left, bottom - top) // 2 - 20,
    )
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=p.accent)
    d.ellipse([cx - r + 24, cy - r + 24, cx + r - 24, cy + r - 24], fill=p.stone)
    for a in range(0, 360, 40):
        x, y = (
            cx + (r - 12) * math.cos(math.radians(a)),
            cy + (r - 12) * math.sin(math.radians(a)),
        )
        d.ellipse([x - 14, y - 14, x + 14, y + 14], fill="#d9d9d9", outline="#777777")
    for i, colour in enumerate(("#c0392b", "#27ae60", "#f1c40f")):
        d.line(
            [(cx + r - 10, cy), (cx + r + 60 + i * 25, cy + 140)], fill=colour, width=10
        )


def olive(d: ImageDraw.ImageDraw, box: Box, p: Palette) -> None:
    left, top, right, bottom = box
    cx = (left + right) // 2
    d.polygon(
        [
            (cx - 25, bottom),
            (cx - 10, top + 160),
            (cx + 20, top + 170),
            (cx + 35, bottom),
        ],
        fill="#6b4f2a",
    )
    for dx, dy, r in ((-70, 110, 70), (0, 70, 85), (75, 115, 65), (-20, 150, 60)):
        d.ellipse([cx + dx - r, top + dy - r, cx + dx + r, top + dy + r], fill=p.accent)


def route(d: ImageDraw.ImageDraw, box: Box, p: Palette) -> None:
    left, top, right, _bottom = box
    points = [
        (
            left + 60 + i * (right - left - 120) // 6,
            top + 80 + int(110 * math.sin(i * 1.3)) + 100,
        )
        for i in range(7)
    ]
    for a, b in itertools.pairwise(points):
        d.line([a, b], fill=p.accent, width=8)
    for i, (x, y) in enumerate(points):
        d.ellipse(
            [x - 22, y - 22, x + 22, y + 22], fill=p.stone, outline=p.accent, width=6
        )
        d.text((x, y), str(i + 1), fill=p.accent, font=font(24), anchor="mm")


def table(d: ImageDraw.ImageDraw, box: Box, p: Palette) -> None:
    left, top, right, bottom = box
    d.rectangle([left + 40, top + 140, right - 40, bottom], fill=p.stone)
    for x in range(left + 120, right - 120, 230):
        d.ellipse(
            [x, top + 190, x + 170, top + 330],
            fill="#ffffff",
            outline=p.accent,
            width=5,
        )
        d.ellipse([x + 45, top + 225, x + 125, top + 295], fill=p.accent)
        d.rectangle([x + 190, top + 170, x + 215, top + 260], fill="#8e2b3a")


def figure(d: ImageDraw.ImageDraw, box: Box, p: Palette) -> None:
    left, top, right, bottom = box
    for i, cx in enumerate(range(left + 180, right - 100, 260)):
        colour = (p.accent, "#2e86ab", "#c0392b")[i % 3]
        d.polygon([(cx - 80, bottom), (cx, top + 130), (cx + 80, bottom)], fill=colour)
        d.ellipse(
            [cx - 38, top + 55, cx + 38, top + 135],
            fill=p.stone,
            outline=colour,
            width=5,
        )


def letters(d: ImageDraw.ImageDraw, box: Box, p: Palette) -> None:
    left, top, right, bottom = box
    cx, cy = (left + right) // 2, (top + bottom) // 2
    d.rounded_rectangle(
        [left + 60, top + 60, right - 60, bottom - 20], 30, fill=p.stone
    )
    d.text((cx, cy - 40), "Καλημέρα", fill=p.accent, font=font(110), anchor="mm")
    d.text(
        (cx, cy + 70),
        "Kalimera · Buongiorno",
        fill=p.ground,
        font=font(44),
        anchor="mm",
    )


def emblem(d: ImageDraw.ImageDraw, box: Box, p: Palette, label: str) -> None:
    """A round logo: the initials of the territory on its brand colour."""
    left, top, right, bottom = box
    cx, cy = (left + right) // 2, (top + bottom) // 2
    r = min(right - left, bottom - top) // 2 - 10
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=p.accent)
    d.ellipse(
        [cx - r + 18, cy - r + 18, cx + r - 18, cy + r - 18], outline=p.stone, width=8
    )
    for a in range(0, 360, 45):
        x, y = (
            cx + (r - 60) * math.cos(math.radians(a)),
            cy + (r - 60) * math.sin(math.radians(a)),
        )
        d.ellipse([x - 10, y - 10, x + 10, y + 10], fill=p.stone)
    d.text(
        (cx, cy), label, fill=p.stone, font=font(r * 2 // (len(label) + 1)), anchor="mm"
    )


MOTIFS: dict[str, Callable[[ImageDraw.ImageDraw, Box, Palette], None]] = {
    fn.__name__: fn
    for fn in (
        facade,
        arena,
        column,
        castle,
        tower,
        menhir,
        stele,
        wells,
        palazzo,
        drum,
        olive,
        route,
        table,
        figure,
        letters,
    )
}


def render(spec: ImageSpec) -> bytes:
    """Draw the picture and return it as JPEG bytes."""
    w, h = spec.width, spec.height
    image = _gradient((w, h), spec.palette.sky_top, spec.palette.sky_bottom)
    draw = ImageDraw.Draw(image)
    if spec.motif == "emblem":
        emblem(draw, (0, 0, w, h), spec.palette, spec.label)
    else:
        ground = int(h * 0.78)
        draw.rectangle([0, ground, w, h], fill=spec.palette.ground)
        MOTIFS[spec.motif](draw, (w // 8, h // 10, w - w // 8, ground), spec.palette)
        # No words drawn in: a picture shown on every language's site says
        # nothing in one of them (its title and alt text are translated).
        draw.text((w - 30, 30), "Vetrina · demo", "#ffffff", font(26), "rt")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, optimize=True)
    return out.getvalue()


def get_or_create_image(key: str, spec: ImageSpec) -> tuple[CustomImage, bool]:
    """The image titled `spec.title`, drawn and saved only if it does not exist."""
    existing = CustomImage.objects.filter(title=spec.title).order_by("pk").first()
    if existing is not None:
        return existing, False
    image = CustomImage(
        title=spec.title,
        alt_text=spec.alt.it,
        credit=CREDIT,
        file=ImageFile(io.BytesIO(render(spec)), name=f"demo-{key}.jpg"),
    )
    image._set_image_file_metadata()
    image.save()
    return image, True
