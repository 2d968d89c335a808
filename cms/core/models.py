"""Images with required alt text, and topics shared by stories."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet

from .validators import PLAIN_TEXT_VALIDATORS


def rendition_specs() -> list[str]:
    """The fixed list of renditions every image gets; the API serves only these."""
    return [f"width-{w}|format-webp" for w in settings.VETRINA_RENDITION_WIDTHS]


class CustomImage(AbstractImage):
    """An image with the alt text and credit a public site needs."""

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
