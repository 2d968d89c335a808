"""Places: museums, libraries, archives, churches, sites and monuments."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core.indexes import IndexPage
from cms.core.pages import (
    AudiencesMixin,
    ContactsMixin,
    ContentPage,
    EasyReadMixin,
    LocationMixin,
)
from cms.core.validators import PLAIN_PARAGRAPHS_VALIDATORS, PLAIN_TEXT_VALIDATORS


class PlaceKind(models.TextChoices):
    MUSEUM = "museum", _("Museum")
    LIBRARY = "library", _("Library")
    ARCHIVE = "archive", _("Archive")
    CHURCH = "church", _("Church")
    ARCHAEOLOGICAL_SITE = "archaeological-site", _("Archaeological site")
    MONUMENT = "monument", _("Monument")
    NATURAL_SITE = "natural-site", _("Natural site")
    HISTORIC_CENTRE = "historic-centre", _("Historic centre")
    OTHER = "other", _("Other")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


ACCESSIBILITY_FIELDS = (
    "step_free_access",
    "accessible_toilet",
    "audio_guide",
    "tactile_route",
    "sign_language_tours",
    "easy_read_material",
    "pushchair_friendly",
)


# A Wikidata item's id: Q and a number, as in https://www.wikidata.org/wiki/Q…
WIKIDATA_ID = RegexValidator(
    r"^Q[1-9][0-9]{0,11}$", _("Use the item's id from Wikidata, e.g. Q1057506.")
)
# A record of the Catalogo generale dei Beni Culturali (ICCD): its page on
# catalogo.beniculturali.it or its URI in ArCo, the catalogue's linked data.
HERITAGE_RECORD = RegexValidator(
    r"^https://(catalogo\.beniculturali\.it/detail/|w3id\.org/arco/resource/)"
    r"[A-Za-z0-9_./%-]+$",
    _(
        "Paste the address of the record on catalogo.beniculturali.it/detail/… "
        "or its ArCo URI, https://w3id.org/arco/resource/…"
    ),
)


class PlacesIndexPage(IndexPage):
    subpage_types = ["places.PlacePage"]

    class Meta:
        verbose_name = _("places index")
        verbose_name_plural = _("places indexes")


class PlacePage(
    EasyReadMixin, AudiencesMixin, LocationMixin, ContactsMixin, ContentPage
):
    """A place visitors can go to, with its hours, access and tickets."""

    kind = models.CharField(_("kind"), max_length=32, choices=PlaceKind.choices)
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    audio_guide = models.BooleanField(_("audio guide"), default=False)
    tactile_route = models.BooleanField(_("tactile route"), default=False)
    sign_language_tours = models.BooleanField(_("sign-language tours"), default=False)
    easy_read_material = models.BooleanField(_("easy-read material"), default=False)
    pushchair_friendly = models.BooleanField(_("pushchair-friendly"), default=False)
    admission_free = models.BooleanField(_("free admission"), default=False)
    ticket_notes = models.TextField(
        _("ticket notes"),
        blank=True,
        validators=[*PLAIN_PARAGRAPHS_VALIDATORS, MaxLengthValidator(2000)],
        help_text=_("Reductions, bookings, passes."),
    )
    wikidata_id = models.CharField(
        _("Wikidata item"),
        max_length=13,
        blank=True,
        validators=[WIKIDATA_ID],
        help_text=_(
            "The place's id on Wikidata, e.g. Q1057506: the end of its address "
            "there, www.wikidata.org/wiki/Q…"
        ),
    )
    heritage_record = models.URLField(
        _("record in the national heritage catalogue"),
        max_length=255,
        blank=True,
        validators=[HERITAGE_RECORD],
        help_text=_(
            "The address of its record in the Catalogo generale dei Beni "
            "Culturali: the page's address on catalogo.beniculturali.it "
            "(…/detail/…) or its ArCo URI (https://w3id.org/arco/resource/…)."
        ),
    )
    # The institution's own staff, when it is a partner: they keep its hours,
    # closures, access facts and contacts, through the territory's moderation.
    owners = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="institutions",
        verbose_name=_("partner accounts"),
    )

    parent_page_types = ["places.PlacesIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *ContentPage.content_panels[:2],
        EasyReadMixin.easy_read_panel,
        FieldPanel("kind"),
        *ContentPage.content_panels[2:],
        *LocationMixin.location_panels,
        MultiFieldPanel(
            [InlinePanel("opening_hours", label=_("Opening hours"))],
            heading=_("Opening hours"),
        ),
        InlinePanel("opening_exceptions", label=_("Holidays and closures")),
        MultiFieldPanel(
            [FieldPanel(name) for name in ACCESSIBILITY_FIELDS],
            heading=_("Accessibility"),
        ),
        FieldPanel("audiences"),
        MultiFieldPanel(
            [
                FieldPanel("admission_free"),
                InlinePanel("ticket_prices", label=_("Ticket prices")),
                FieldPanel("ticket_notes"),
            ],
            heading=_("Tickets"),
        ),
        *ContactsMixin.contact_panels,
        MultiFieldPanel(
            [FieldPanel("wikidata_id"), FieldPanel("heritage_record")],
            heading=_("In other catalogues"),
        ),
    ]
    settings_panels = [
        *Page.settings_panels,
        FieldPanel("owners", permission="owners.change_businessaccess"),
    ]
    # Identifiers, the same in every language: not for translators.
    override_translatable_fields = [SynchronizedField("wikidata_id")]
    search_fields = [*ContentPage.search_fields, index.SearchField("address")]
    api_fields = [
        APIField("kind"),
        *ContentPage.api_fields,
        EasyReadMixin.easy_read_api_field,
        *LocationMixin.location_api_fields,
        APIField("opening_hours"),
        APIField("opening_exceptions"),
        *(APIField(name) for name in ACCESSIBILITY_FIELDS),
        APIField("audiences"),
        APIField("admission_free"),
        APIField("ticket_prices"),
        APIField("ticket_notes"),
        *ContactsMixin.contact_api_fields,
        APIField("wikidata_id"),
        APIField("heritage_record"),
    ]
    api_prefetch = ("opening_hours", "opening_exceptions", "ticket_prices")

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")


class OpeningHours(Orderable):
    """A regular opening period on a weekday; two rows for a lunch break."""

    page = ParentalKey(
        PlacePage, on_delete=models.CASCADE, related_name="opening_hours"
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    panels = ["weekday", "opens", "closes"]
    api_fields = [APIField("weekday"), APIField("opens"), APIField("closes")]

    def clean(self) -> None:
        super().clean()
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("Closing time must be after opening.")})


class OpeningException(TranslatableMixin, Orderable):
    """A day or period that differs from the usual hours: a holiday, a closure.

    Translatable (wagtail-localize translates its note with the page, row by
    row, matched by `translation_key`); the dates and hours stay in step.
    """

    page = ParentalKey(
        PlacePage, on_delete=models.CASCADE, related_name="opening_exceptions"
    )
    start_date = models.DateField(_("from"))
    end_date = models.DateField(
        _("until"), null=True, blank=True, help_text=_("Empty for a single day.")
    )
    closed = models.BooleanField(_("closed"), default=True)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    note = models.CharField(
        _("note"), max_length=255, blank=True, validators=PLAIN_TEXT_VALIDATORS
    )

    panels = ["start_date", "end_date", "closed", "opens", "closes", "note"]
    api_fields = [
        APIField(name)
        for name in ("start_date", "end_date", "closed", "opens", "closes", "note")
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass

    def clean(self) -> None:
        super().clean()
        if self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end is before the start.")})
        if not self.closed and not (self.opens and self.closes):
            raise ValidationError(
                {"opens": _("Give the special hours, or tick 'closed'.")}
            )


class TicketPrice(TranslatableMixin, Orderable):
    """One ticket category and its price in euros; the label is translated."""

    page = ParentalKey(
        PlacePage, on_delete=models.CASCADE, related_name="ticket_prices"
    )
    label = models.CharField(
        _("ticket"), max_length=100, validators=PLAIN_TEXT_VALIDATORS
    )
    price = models.DecimalField(_("price (€)"), max_digits=7, decimal_places=2)

    panels = ["label", "price"]
    api_fields = [APIField("label"), APIField("price")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass
