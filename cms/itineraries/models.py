"""Itineraries: an ordered walk, ride or drive through places."""

from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin

from cms.core.indexes import IndexPage
from cms.core.pages import AudiencesMixin, ContentPage
from cms.core.serializers.fields import ReferenceField
from cms.core.validators import PLAIN_PARAGRAPHS_VALIDATORS


class Mode(models.TextChoices):
    WALK = "walk", _("On foot")
    BIKE = "bike", _("By bike")
    CAR = "car", _("By car")
    PUBLIC_TRANSPORT = "public-transport", _("By public transport")


class Difficulty(models.TextChoices):
    EASY = "easy", _("Easy")
    MODERATE = "moderate", _("Moderate")
    HARD = "hard", _("Hard")


class ItinerariesIndexPage(IndexPage):
    subpage_types = ["itineraries.ItineraryPage"]

    class Meta:
        verbose_name = _("itineraries index")
        verbose_name_plural = _("itineraries indexes")


class ItineraryPage(AudiencesMixin, ContentPage):
    """A route through places, stop by stop."""

    mode = models.CharField(
        _("how to travel"), max_length=20, choices=Mode.choices, default=Mode.WALK
    )
    duration_minutes = models.PositiveIntegerField(
        _("duration (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
    )
    distance_km = models.DecimalField(
        _("distance (km)"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    difficulty = models.CharField(
        _("difficulty"),
        max_length=10,
        choices=Difficulty.choices,
        default=Difficulty.EASY,
    )

    step_free = models.BooleanField(
        _("step-free"),
        default=False,
        help_text=_("No steps nor stairs on the way: fit for a wheelchair."),
    )
    pushchair_friendly = models.BooleanField(_("pushchair-friendly"), default=False)

    parent_page_types = ["itineraries.ItinerariesIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *ContentPage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("mode"),
                FieldPanel("duration_minutes"),
                FieldPanel("distance_km"),
                FieldPanel("difficulty"),
                FieldPanel("step_free"),
                FieldPanel("pushchair_friendly"),
            ],
            heading=_("The route"),
        ),
        InlinePanel("stops", label=_("Stops"), min_num=1),
        FieldPanel("audiences"),
    ]
    api_fields = [
        *ContentPage.api_fields,
        APIField("mode"),
        APIField("duration_minutes"),
        APIField("distance_km"),
        APIField("difficulty"),
        APIField("step_free"),
        APIField("pushchair_friendly"),
        APIField("stops"),
        APIField("audiences"),
    ]
    api_prefetch = ("stops",)

    class Meta:
        verbose_name = _("itinerary")
        verbose_name_plural = _("itineraries")


class ItineraryStop(TranslatableMixin, Orderable):
    """One stop of an itinerary, in order, with a note for the visitor.

    The note is translated with the page; the place is the same page in every
    language (the build names it by the place's own translation).
    """

    page = ParentalKey(ItineraryPage, on_delete=models.CASCADE, related_name="stops")
    place = models.ForeignKey(
        "places.PlacePage",
        verbose_name=_("place"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    note = models.TextField(
        _("note"),
        blank=True,
        validators=[*PLAIN_PARAGRAPHS_VALIDATORS, MaxLengthValidator(2000)],
    )

    panels = ["place", "note"]
    api_fields = [
        APIField("place", serializer=ReferenceField(source="place_id")),
        APIField("note"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass
