"""The image form editors and owners use: alt text is not optional there, and
what is stored is a clean image of a sensible size without its metadata."""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError
from wagtail.images.forms import BaseImageForm

from .validators import PLAIN_TEXT_VALIDATORS

# Pillow's format name for each format an upload may have (WAGTAILIMAGES_EXTENSIONS).
SAVE_OPTIONS = {
    "JPEG": {"quality": 92, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 92},
    "AVIF": {"quality": 85},
}


def image_limits() -> dict[str, int]:
    return {"MIN_WIDTH": 200, "MAX_SIDE": 8000, **settings.VETRINA_IMAGE_LIMITS}


def without_metadata(upload) -> SimpleUploadedFile:
    """The upload re-encoded by Pillow: orientation applied, EXIF, GPS, XMP and
    comments gone; the colour profile kept so colours do not shift."""
    upload.seek(0)
    with Image.open(upload) as original:
        image_format = original.format
        icc_profile = original.info.get("icc_profile")
        image = ImageOps.exif_transpose(original)
        image.load()
    image.info = {}  # Pillow would write comments and EXIF back from here
    options = dict(SAVE_OPTIONS.get(image_format, {}))
    if icc_profile:
        options["icc_profile"] = icc_profile
    if image_format == "JPEG" and image.mode not in ("RGB", "L", "CMYK"):
        image = image.convert("RGB")
    out = io.BytesIO()
    image.save(out, format=image_format, **options)
    return SimpleUploadedFile(
        upload.name, out.getvalue(), content_type=Image.MIME.get(image_format)
    )


class CustomImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "alt_text" in self.fields:
            self.fields["alt_text"].required = True
            self.fields["alt_text"].error_messages["required"] = _(
                "Write the alternative text: it is read aloud to blind visitors."
            )
        if "title" in self.fields:
            self.fields["title"].validators.extend(PLAIN_TEXT_VALIDATORS)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or "file" not in self.changed_data:
            return upload
        limits = image_limits()
        try:
            upload.seek(0)
            with Image.open(upload) as image:
                image.verify()
                width, height = image.size
        except (UnidentifiedImageError, OSError, SyntaxError) as error:
            raise ValidationError(
                _("This file is not an image we can read, or it is damaged."),
                code="invalid_image",
            ) from error
        if width > limits["MAX_SIDE"] or height > limits["MAX_SIDE"]:
            raise ValidationError(
                _(
                    "The image is %(width)s×%(height)s pixels: make it at most "
                    "%(max)s pixels on each side."
                ),
                code="too_big",
                params={"width": width, "height": height, "max": limits["MAX_SIDE"]},
            )
        if width < limits["MIN_WIDTH"]:
            raise ValidationError(
                _(
                    "The image is only %(width)s pixels wide: it needs at least "
                    "%(min)s to look sharp on the site."
                ),
                code="too_small",
                params={"width": width, "min": limits["MIN_WIDTH"]},
            )
        return without_metadata(upload)
