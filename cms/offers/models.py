"""Local businesses and the offers they publish under moderation."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxLengthValidator,
    MaxValueValidator,
    MinValueValidator,
)
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page

from cms.core.choosable import ChoosableMediaPageForm
from cms.core.indexes import IndexPage
from cms.core.pages import (
    ContactsMixin,
    ContentPage,
    LocationMixin,
    PreviewMixin,
    copy_alt_text,
    image_alt_field,
    missing_alt_text,
)
from cms.core.serializers.fields import MediaField, ReferenceField
from cms.core.validators import (
    PLAIN_PARAGRAPHS_VALIDATORS,
    plain_text_errors,
    validate_no_hidden_characters_in_text,
)


class BusinessCategory(models.TextChoices):
    FOOD = "food", _("Food and drink")
    LODGING = "lodging", _("Lodging")
    CRAFT = "craft", _("Craft")
    GUIDE = "guide", _("Guide")
    SHOP = "shop", _("Shop")
    TRANSPORT = "transport", _("Transport")
    OTHER = "other", _("Other")


class BusinessesIndexPage(IndexPage):
    subpage_types = ["offers.BusinessPage"]

    class Meta:
        verbose_name = _("businesses index")
        verbose_name_plural = _("businesses indexes")


class BusinessPage(LocationMixin, ContactsMixin, ContentPage):
    """A local business; its offers are its child pages, so owners get one subtree."""

    category = models.CharField(
        _("category"), max_length=16, choices=BusinessCategory.choices
    )
    owners = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="businesses",
        verbose_name=_("owner accounts"),
    )

    parent_page_types = ["offers.BusinessesIndexPage"]
    subpage_types = ["offers.OfferPage"]

    content_panels = [
        *ContentPage.content_panels[:1],
        FieldPanel("category"),
        *ContentPage.content_panels[1:],
        *LocationMixin.location_panels,
        *ContactsMixin.contact_panels,
    ]
    settings_panels = [
        *Page.settings_panels,
        FieldPanel("owners", permission="owners.change_businessaccess"),
    ]
    # Owners are private: they are never listed in api_fields.
    api_fields = [
        APIField("category"),
        *ContentPage.api_fields,
        *LocationMixin.location_api_fields,
        *ContactsMixin.contact_api_fields,
    ]

    class Meta:
        verbose_name = _("business")
        verbose_name_plural = _("businesses")


# Offers start and end on the territory's calendar days, wherever the server is.
OFFER_TIME_ZONE = ZoneInfo("Europe/Rome")


class OfferPage(PreviewMixin, Page):
    """A time-limited offer of a business, linked to the places and events it suits.

    Its validity dates drive Wagtail's scheduling: once approved, an offer goes
    live at the start of its first day and expires at the end of its last one.
    """

    description = models.TextField(
        _("description"),
        help_text=_(
            "What you offer. Simple Markdown is allowed: **bold**, *italic*, "
            "lists and [links](https://…). HTML is shown as typed."
        ),
        validators=[validate_no_hidden_characters_in_text, MaxLengthValidator(4000)],
    )
    image = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = image_alt_field()
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    conditions = models.TextField(
        _("conditions"),
        blank=True,
        validators=[*PLAIN_PARAGRAPHS_VALIDATORS, MaxLengthValidator(1000)],
    )
    price = models.DecimalField(
        _("price (€)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    discount_percent = models.PositiveSmallIntegerField(
        _("discount (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )

    parent_page_types = ["offers.BusinessPage"]
    subpage_types: list[str] = []
    base_form_class = ChoosableMediaPageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("description"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        MultiFieldPanel(
            [FieldPanel("valid_from"), FieldPanel("valid_until")],
            heading=_("Validity"),
        ),
        FieldPanel("conditions"),
        MultiFieldPanel(
            [FieldPanel("price"), FieldPanel("discount_percent")],
            heading=_("Price or discount"),
        ),
        InlinePanel("linked_places", label=_("Places")),
        InlinePanel("linked_events", label=_("Events")),
    ]
    api_fields = [
        APIField("description"),
        APIField("image", serializer=ReferenceField(source="image_id")),
        APIField("image_alt"),
        APIField("valid_from"),
        APIField("valid_until"),
        APIField("conditions"),
        APIField("price"),
        APIField("discount_percent"),
        APIField("linked_places"),
        APIField("linked_events"),
        APIField("media", serializer=MediaField()),
    ]
    api_prefetch = ("linked_places", "linked_events")

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")

    def schedule_from_validity(self) -> None:
        """Set go-live (only if still ahead) and expiry from the validity dates."""
        if isinstance(self.valid_from, dt.date):
            start = dt.datetime.combine(self.valid_from, dt.time(), OFFER_TIME_ZONE)
            self.go_live_at = start if start > timezone.now() else None
        if isinstance(self.valid_until, dt.date):
            next_day = self.valid_until + dt.timedelta(days=1)
            self.expire_at = dt.datetime.combine(next_day, dt.time(), OFFER_TIME_ZONE)

    def clean(self) -> None:
        super().clean()
        copy_alt_text(self, "image")
        errors = plain_text_errors(self, ["title"])
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors["valid_until"] = _("The offer ends before it starts.")
        if self.price is not None and self.discount_percent is not None:
            errors["discount_percent"] = _("Give a price or a discount, not both.")
        if self.image is not None and not self.image.alt_text.strip():
            errors["image"] = missing_alt_text(self.image)
        if errors:
            raise ValidationError(errors)
        self.schedule_from_validity()


class OfferPlace(Orderable):
    page = ParentalKey(
        OfferPage, on_delete=models.CASCADE, related_name="linked_places"
    )
    place = models.ForeignKey(
        "places.PlacePage",
        verbose_name=_("place"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    panels = ["place"]
    api_fields = [APIField("place", serializer=ReferenceField(source="place_id"))]


class OfferEvent(Orderable):
    page = ParentalKey(
        OfferPage, on_delete=models.CASCADE, related_name="linked_events"
    )
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    panels = ["event"]
    api_fields = [APIField("event", serializer=ReferenceField(source="event_id"))]
