"""The one gate into image storage: limits read from the header, then a clean copy.

Every path that stores an image (the admin's single and multiple upload, the
demo, code) ends in `CustomImage.save`, which refuses a file past the limits
and stores Pillow's re-encoding of it, so no EXIF, GPS, XMP, comment, text
chunk or trailing byte of the upload survives. The limits are read from the
header before a pixel is decoded: a 250 KB PNG that unpacks to 8000×8000
costs nothing. What a request then holds grows with the pixels, so the pixel
limit is what keeps one upload within ~256 MB (`PIXEL_COST`); Pillow's own
guard (`guard_pillow`) stops any other decoder at twice it.
"""

import io
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps
from wagtail.images.models import WagtailImageField, WagtailImageFieldFile

# How each format an upload may have (WAGTAILIMAGES_EXTENSIONS) is written
# back, by Pillow's name for it. No `optimize`: for JPEG it holds the whole
# image's coefficients (up to 8 bytes a pixel), for PNG it takes seconds.
SAVE_OPTIONS = {
    "JPEG": {"quality": 92},
    "PNG": {},
    "WEBP": {"quality": 92},
    "AVIF": {"quality": 85},
}

# What a pixel costs a request, from upload to the last rendition, as a
# multiple of a JPEG's or PNG's (about 9 bytes: the decoded picture and
# Wagtail's working copy of it). libwebp and libavif hold extra canvases to
# decode and far more to encode. Measured by tests/cms/test_image_memory.py.
PIXEL_COST = {"JPEG": 1, "PNG": 1, "WEBP": 4, "AVIF": 5}

# What of Pillow's `info` is picture, not metadata: PNG's transparent colour.
KEPT_INFO = ("transparency",)


def image_limits() -> dict[str, int]:
    """MIN_WIDTH and MAX_SIDE in pixels; MAX_PIXELS for a JPEG or PNG."""
    return {
        "MIN_WIDTH": 200,
        "MAX_SIDE": 8000,
        "MAX_PIXELS": 24_000_000,
        **settings.VETRINA_IMAGE_LIMITS,
    }


def max_pixels(image_format: str) -> int:
    return image_limits()["MAX_PIXELS"] // PIXEL_COST[image_format]


def guard_pillow() -> None:
    """Pillow refuses, in this whole process, to open an image of more than twice
    our limit (it warns past the limit itself): a decoder that skipped our check,
    here or in a library, still cannot take more than ~200 MB."""
    Image.MAX_IMAGE_PIXELS = image_limits()["MAX_PIXELS"]


@dataclass(frozen=True)
class Header:
    format: str
    width: int
    height: int


def read_header(file: IO[bytes]) -> Header | None:
    """The format and size an image file declares, or None if it is none we take.

    Only the header is read. Pillow's format plugins are called directly
    because `Image.open` will not tell the size of a picture past its
    decompression-bomb limit, and the editor should hear what it was. (WebP's
    plugin still refuses past twice the limit: `DecompressionBombError`.)
    """
    Image.init()
    file.seek(0)
    prefix = file.read(16)
    for name in SAVE_OPTIONS:
        factory, accept = Image.OPEN.get(name, (None, None))
        if factory is None or (accept is not None and accept(prefix) is not True):
            continue
        file.seek(0)
        try:
            with factory(file, "") as image:
                return Header(name, *image.size)
        except (SyntaxError, OSError, ValueError):
            return None
        finally:
            file.seek(0)
    return None


def check(file: IO[bytes]) -> Header:
    """The file's header if it is an intact image within the limits; else a
    ValidationError that says what to change."""
    try:
        header = read_header(file)
    except Image.DecompressionBombError as error:
        # Only WebP's plugin checks, past twice Pillow's limit (guard_pillow).
        raise ValidationError(
            _(
                "The image has more than %(pixels)s megapixels: a WEBP may have "
                "at most %(max)s. Make it smaller or save it as JPEG."
            ),
            code="too_many_pixels",
            params={
                "pixels": f"{2 * Image.MAX_IMAGE_PIXELS / 1e6:.1f}",
                "max": f"{max_pixels('WEBP') / 1e6:.1f}",
            },
        ) from error
    if header is None:
        raise _unreadable()
    limits = image_limits()
    width, height = header.width, header.height
    if width > limits["MAX_SIDE"] or height > limits["MAX_SIDE"]:
        raise ValidationError(
            _(
                "The image is %(width)s×%(height)s pixels: make it at most "
                "%(max)s pixels on each side."
            ),
            code="too_big",
            params={"width": width, "height": height, "max": limits["MAX_SIDE"]},
        )
    if width * height > max_pixels(header.format):
        raise _too_many_pixels(header.format, width, height)
    if width < limits["MIN_WIDTH"]:
        raise ValidationError(
            _(
                "The image is only %(width)s pixels wide: it needs at least "
                "%(min)s to look sharp on the site."
            ),
            code="too_small",
            params={"width": width, "min": limits["MIN_WIDTH"]},
        )
    try:
        with Image.open(file, formats=[header.format]) as image:
            image.verify()
    except (OSError, SyntaxError, ValueError) as error:
        raise _unreadable() from error
    finally:
        file.seek(0)
    return header


def clean_copy(file: IO[bytes]) -> tuple[bytes, Header]:
    """The image, checked, re-encoded by Pillow in its own format: orientation
    applied, every byte that is not picture gone but a valid colour profile, so
    colours do not shift. Decodes once, and transposes in place."""
    header = check(file)
    try:
        with Image.open(file, formats=[header.format]) as image:
            image.load()
            icc_profile = image.info.get("icc_profile")
            ImageOps.exif_transpose(image, in_place=True)
            # Pillow writes comments, EXIF and XMP back from here.
            image.info = {k: v for k, v in image.info.items() if k in KEPT_INFO}
            if header.format == "JPEG" and image.mode not in ("RGB", "L", "CMYK"):
                image = image.convert("RGB")
            options = dict(SAVE_OPTIONS[header.format])
            if icc_profile and _is_colour_profile(icc_profile):
                options["icc_profile"] = icc_profile
            out = io.BytesIO()
            image.save(out, format=header.format, **options)
            size = image.size
    except (OSError, SyntaxError, ValueError) as error:
        raise _unreadable() from error
    finally:
        file.seek(0)
    return out.getvalue(), Header(header.format, *size)


def _is_colour_profile(data: bytes) -> bool:
    try:
        ImageCms.ImageCmsProfile(io.BytesIO(data))
    except (OSError, ImageCms.PyCMSError, TypeError, ValueError):
        return False
    return True


def _too_many_pixels(image_format: str, width: int, height: int) -> ValidationError:
    params = {
        "width": width,
        "height": height,
        "megapixels": f"{width * height / 1e6:.1f}",
        "format": image_format,
        "max": f"{max_pixels(image_format) / 1e6:.1f}",
        "max_jpeg": f"{max_pixels('JPEG') / 1e6:.1f}",
    }
    if PIXEL_COST[image_format] == 1:
        message = _(
            "The image is %(width)s×%(height)s pixels, %(megapixels)s megapixels: "
            "make it at most %(max)s megapixels."
        )
    else:
        message = _(
            "The image is %(width)s×%(height)s pixels, %(megapixels)s megapixels: "
            "a %(format)s may have at most %(max)s megapixels (a JPEG or PNG "
            "%(max_jpeg)s). Make it smaller or save it as JPEG."
        )
    return ValidationError(message, code="too_many_pixels", params=params)


def _unreadable() -> ValidationError:
    return ValidationError(
        _("This file is not an image we can read, or it is damaged."),
        code="invalid_image",
    )


class HeaderSizedFieldFile(WagtailImageFieldFile):
    """Width and height read from the header. Wagtail asks Willow, which decodes
    every pixel to say them, each time the file is assigned or saved."""

    def get_image_dimensions(self) -> tuple[int | None, int | None]:
        close = self.closed
        try:
            self.open()
            header = read_header(self)
        finally:
            if close:
                self.close()
            else:
                self.seek(0)
        return (header.width, header.height) if header else (None, None)


class HeaderSizedImageField(WagtailImageField):
    attr_class = HeaderSizedFieldFile
