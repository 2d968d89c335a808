"""Images with required alt text, and topics shared by stories."""

import posixpath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import (
    AbstractImage,
    AbstractRendition,
    Image,
    get_upload_to,
)
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet

from .images import HeaderSizedImageField, check, clean_copy
from .validators import PLAIN_TEXT_VALIDATORS

# The crop for sharing (og:image, feeds, the newsletter): 1200×630 as Open
# Graph recommends, in JPEG, which every platform and mail client shows.
SOCIAL_RENDITION = "fill-1200x630|format-jpeg|jpegquality-80"


def rendition_specs() -> list[str]:
    """The fixed list of renditions every image gets; the API serves only these:
    WebP in the widths the pages' srcsets offer, and the JPEG crop for sharing."""
    widths = settings.VETRINA_RENDITION_WIDTHS
    return [*(f"width-{w}|format-webp" for w in widths), SOCIAL_RENDITION]


def rendition_format(filter_spec: str) -> str:
    """The file format a rendition's filter asks for."""
    return "jpeg" if "format-jpeg" in filter_spec else "webp"


class CustomImage(AbstractImage):
    """An image with the alt text and credit a public site needs.

    Whatever path a new file comes by, saving checks it against the limits
    and stores a clean copy of it (`cms.core.images`); a save without a new
    file leaves the stored one alone, so a picture is encoded once.
    """

    file = HeaderSizedImageField(
        verbose_name=_("file"),
        upload_to=get_upload_to,
        width_field="width",
        height_field="height",
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        validators=PLAIN_TEXT_VALIDATORS,
        help_text=_(
            "Describe the image for people who cannot see it. "
            "Required before a page using it can be published."
        ),
    )
    credit = models.CharField(
        _("credit"), max_length=255, blank=True, validators=PLAIN_TEXT_VALIDATORS
    )

    admin_form_fields = (*Image.admin_form_fields, "alt_text", "credit")

    @property
    def default_alt_text(self) -> str:
        return self.alt_text

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    # The name of the file as last read from or written to the database.
    _stored_file_name: str | None = None

    @classmethod
    def from_db(cls, db, field_names, values):
        image = super().from_db(db, field_names, values)
        image._remember_stored_file()
        return image

    def refresh_from_db(self, *args, **kwargs) -> None:
        super().refresh_from_db(*args, **kwargs)
        self._remember_stored_file()

    def _remember_stored_file(self) -> None:
        if "file" in self.__dict__:  # not deferred
            self._stored_file_name = self.file.name

    def has_new_file(self) -> bool:
        if "file" not in self.__dict__ or not self.file:
            return False  # deferred and untouched, or none
        return (
            not self.file._committed
            or self._state.adding
            or self.file.name != self._stored_file_name
        )

    def clean(self) -> None:
        super().clean()
        if self.has_new_file():
            with self.open_file() as file:
                try:
                    check(file)
                except ValidationError as error:
                    raise ValidationError({"file": error.error_list}) from error

    def save(self, *args, **kwargs) -> None:
        if self.has_new_file():
            self._replace_file_with_clean_copy()
        super().save(*args, **kwargs)
        self._remember_stored_file()

    def create_renditions(self, *filters):
        """One at a time. Wagtail makes several at once, in three threads that
        each decode the original: three times the memory of one."""
        return {spec: self.create_rendition(spec) for spec in filters}

    def _replace_file_with_clean_copy(self) -> None:
        """Store the clean copy in place of the new file; a file already written
        to storage (the admin's multiple upload does that) is deleted, unless
        another image uses it."""
        with self.open_file() as file:
            content, header = clean_copy(file)
        name = posixpath.basename(self.file.name)
        if self.file._committed:
            others = CustomImage.objects.filter(file=self.file.name)
            if not others.exclude(pk=self.pk).exists():
                self.file.storage.delete(self.file.name)
        self.file = ContentFile(content, name=name)
        self.width, self.height = header.width, header.height
        self._set_image_file_metadata()


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(
        CustomImage, on_delete=models.CASCADE, related_name="renditions"
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


@register_snippet
class Topic(TranslatableMixin, models.Model):
    """A theme stories are filed under (archaeology, food, festivals…)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)

    panels = ["name", "slug"]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
