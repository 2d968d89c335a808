"""Abstract pages and mixins the content domains share."""

from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any, Protocol

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxValueValidator,
    MinValueValidator,
    RegexValidator,
)
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessPreviewMixin

from .blocks import BodyBlock
from .choices import Audience
from .choosable import ChoosableMediaPageForm
from .fields import MultipleChoiceField
from .models import CustomImage
from .serializers.fields import MediaField, RawStreamField, ReferenceField
from .serializers.references import ids_of, stream_references
from .validators import PLAIN_TEXT_VALIDATORS, plain_text_errors


class PreviewMixin(HeadlessPreviewMixin):
    """Previewed by the CMS's own view through the theme (cms/preview).

    In redirect mode the preview panel's `in_preview_panel` flag would be lost on
    the way to the preview view; it travels in the URL so the userbar's
    accessibility checker reports to the panel.
    """

    def get_preview_url(self, request, token: str) -> str:
        url = super().get_preview_url(request, token)
        if getattr(request, "in_preview_panel", False):
            url += "&in_preview_panel=true"
        return url


def site_path(url_path: str) -> str:
    """A page's path inside its territory and language, e.g. /luoghi/duomo/:
    its Wagtail url_path without the territory home's slug."""
    parts = url_path.strip("/").split("/", 1)
    return "/" + (parts[1] + "/" if len(parts) > 1 and parts[1] else "")


class StaticSite(Protocol):
    base_url: str

    def path_of(self, page: Any) -> str | None: ...


def no_static_sites(cache_object: Any) -> Mapping[int, StaticSite]:
    return {}


class StaticSiteUrlMixin:
    """A page's URL is its address on its territory's static site.

    The CMS serves no pages: *View live*, the explorer's links, `url`,
    `full_url` and the API's `html_url` all lead to the static site.
    Which site is published where is the territories app's to say: it sets
    `static_sites` (Wagtail site id → its static site) when it is ready, so
    core imports no app above it.
    """

    static_sites: Callable[[Any], Mapping[int, StaticSite]] = staticmethod(
        no_static_sites
    )

    def get_url_parts(self, request=None):
        """(site id, public address, /<language>/<path below the home>/).

        (site id, None, None) while the territory has no public address or its
        build leaves the page out: the page keeps its site (`get_site()`), has
        no `url`, and Wagtail shows no *View live*.
        """
        parts = super().get_url_parts(request)
        if parts is None:
            return None
        site_id = parts[0]
        site = self.static_sites(request or self).get(site_id)
        path = site.path_of(self) if site is not None else None
        if path is None:
            return (site_id, None, None)
        return (site_id, site.base_url, path)

    def get_url(self, request=None, current_site=None):
        """Always absolute: the static site is never on the CMS's host."""
        return self.get_full_url(request)

    url = property(get_url)


ALT_HELP = _(
    "Filled in from the image's own when empty, so that it is translated with "
    "the page; change it to describe the image for this page."
)


def image_alt_field() -> models.CharField:
    """A page's own alt text for one of its images (`<image field>_alt`)."""
    return models.CharField(
        _("alternative text on this page"),
        max_length=255,
        blank=True,
        validators=PLAIN_TEXT_VALIDATORS,
        help_text=ALT_HELP,
    )


def copy_alt_text(page: Page, field: str) -> bool:
    """Give `page` the image library's alt text of its image `field` where it
    has none of its own; True on a page in the default language.

    The library's text is one, in the default language. A copy on the page is
    a field that wagtail-localize hands to translators with the rest of the
    page. Only the source language's pages copy: a translation takes its text
    from the translators, and where it has none the site marks the library's
    text as Italian.

    The default language is compared by code, as `Locale.get_default()` looks
    it up, so a clean does not query it again: the page keeps its locale.
    """
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    if page.locale_id is None or page.locale.language_code != default:
        return False
    image, alt = getattr(page, field), f"{field}_alt"
    if image is not None and not getattr(page, alt).strip():
        setattr(page, alt, image.alt_text)
    return True


class ContentPage(PreviewMixin, StaticSiteUrlMixin, Page):
    """A public page with a summary, a hero image and a body."""

    summary = models.TextField(
        _("summary"),
        max_length=500,
        blank=True,
        help_text=_("One or two sentences, shown in lists and shared links."),
    )
    hero_image = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = image_alt_field()
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("hero_image_alt"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("hero_image", serializer=ReferenceField(source="hero_image_id")),
        APIField("hero_image_alt"),
        APIField("body", serializer=RawStreamField()),
        APIField("media", serializer=MediaField()),
    ]
    # Related objects the API prefetches for a whole listing page at once.
    api_prefetch: tuple[str, ...] = ()
    base_form_class = ChoosableMediaPageForm
    # Plain-text fields declared by Page and by the shared abstract classes are
    # checked in clean(): a validator on them would migrate every content app.
    plain_text: tuple[str, ...] = ("title", "summary")

    class Meta:
        abstract = True

    @classmethod
    def plain_text_fields(cls) -> list[str]:
        names = (
            n for k in reversed(cls.__mro__) for n in vars(k).get("plain_text", ())
        )
        return list(dict.fromkeys(names))

    def clean(self) -> None:
        super().clean()
        if copy_alt_text(self, "hero_image"):
            self.copy_body_alt_texts()
        errors = plain_text_errors(self, self.plain_text_fields())
        image = self.hero_image
        if image is not None and not image.alt_text.strip():
            errors["hero_image"] = missing_alt_text(image)
        body_ids = ids_of(
            "image", stream_references(self.body.stream_block, list(self.body.raw_data))
        )
        lacking = CustomImage.objects.filter(pk__in=body_ids, alt_text="")
        if lacking:
            errors["body"] = " ".join(missing_alt_text(i) for i in lacking)
        if errors:
            raise ValidationError(errors)

    def copy_body_alt_texts(self) -> None:
        """`copy_alt_text` for the body's images: the copy is the block's."""
        raw = list(self.body.raw_data)
        blocks = list(image_block_values(raw))
        missing = [b for b in blocks if not (b.get("alt_text") or "").strip()]
        if not missing:
            return
        alts = dict(
            CustomImage.objects.filter(
                pk__in={b["image"] for b in missing if b.get("image")}
            ).values_list("pk", "alt_text")
        )
        for block in missing:
            block["alt_text"] = alts.get(block.get("image"), "")
        self.body = raw


def image_block_values(raw: list) -> Iterator[dict]:
    """The stored values of the body's image blocks, galleries' included."""
    for block in raw:
        value = block.get("value")
        if block.get("type") == "image" and isinstance(value, dict):
            yield value
        elif block.get("type") == "gallery" and isinstance(value, dict):
            for item in value.get("images") or []:
                item = item.get("value", item) if isinstance(item, dict) else None
                if isinstance(item, dict) and "image" in item:
                    yield item


def missing_alt_text(image) -> str:
    return _(
        "The image “%(title)s” has no alternative text: add it "
        "in Images before publishing."
    ) % {"title": image.title}


class EasyReadMixin(models.Model):
    """A summary in plain language ("in parole semplici"), for children,
    newcomers still learning the language and anyone who reads with effort:
    the sites show it first, and the audience pages for them prefer it."""

    easy_read = models.TextField(
        _("in simple words"),
        max_length=600,
        blank=True,
        validators=PLAIN_TEXT_VALIDATORS,
        help_text=_(
            "Optional. Short sentences, everyday words, one idea each: what it "
            "is, where, when, for whom."
        ),
    )

    easy_read_panel = FieldPanel("easy_read")
    easy_read_api_field = APIField("easy_read")

    class Meta:
        abstract = True


class AudiencesMixin(models.Model):
    """Who a page is especially suited to."""

    audiences = MultipleChoiceField(
        verbose_name=_("audiences"), choices=Audience.choices
    )

    class Meta:
        abstract = True


POSTAL_CODE = RegexValidator(
    r"^[0-9A-Za-z][0-9A-Za-z -]{1,9}$", _("A postal code, e.g. 73100.")
)
COUNTRY = RegexValidator(r"^[A-Z]{2}$", _("Two capital letters, e.g. IT."))


class LocationMixin(models.Model):
    """A postal address and a point on the map, both optional. The address is
    kept in its parts, as schema.org's PostalAddress and search engines want
    them; the sites write it the Italian way ("Via Umberto I, 73100 Lecce")."""

    address = models.CharField(
        _("street address"),
        max_length=255,
        blank=True,
        help_text=_("Street and number, e.g. Via Umberto I 12."),
    )
    postal_code = models.CharField(
        _("postal code"), max_length=10, blank=True, validators=[POSTAL_CODE]
    )
    locality = models.CharField(
        _("town"), max_length=100, blank=True, help_text=_("e.g. Lecce, Calimera.")
    )
    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        default="IT",
        validators=[COUNTRY],
        help_text=_("Two-letter code (ISO 3166): IT for Italy."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(Decimal("-90")),
            MaxValueValidator(Decimal("90")),
        ],
        help_text=_("Between -90 and 90, e.g. 40.352011 for Lecce."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(Decimal("-180")),
            MaxValueValidator(Decimal("180")),
        ],
        help_text=_("Between -180 and 180, e.g. 18.169139 for Lecce."),
    )

    plain_text = ("address", "postal_code", "locality")

    location_panels = [
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("postal_code"),
                FieldPanel("locality"),
                FieldPanel("country"),
                FieldPanel("latitude"),
                FieldPanel("longitude"),
            ],
            heading=_("Location"),
        )
    ]
    location_api_fields = [
        APIField("address"),
        APIField("postal_code"),
        APIField("locality"),
        APIField("country"),
        APIField("latitude"),
        APIField("longitude"),
    ]

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError(
                {missing: _("Give both latitude and longitude, or neither.")}
            )


class ContactsMixin(models.Model):
    """How visitors reach a place or a business."""

    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)

    plain_text = ("phone",)

    contact_panels = [
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")],
            heading=_("Contacts"),
        )
    ]
    contact_api_fields = [APIField("phone"), APIField("email"), APIField("website")]

    class Meta:
        abstract = True
