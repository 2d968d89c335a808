"""Events: dated happenings in Europe/Rome time, once or recurring."""

from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from rest_framework.fields import ReadOnlyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable

from cms.core.indexes import IndexPage
from cms.core.pages import AudiencesMixin, ContentPage, EasyReadMixin
from cms.core.serializers.fields import ReferenceField
from cms.core.validators import PLAIN_TEXT_VALIDATORS
from publisher.occurrences import ROME, Rule


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")
    MOVED_ONLINE = "moved-online", _("Moved online")


class Frequency(models.TextChoices):
    NONE = "", _("Does not repeat")
    WEEKLY = "weekly", _("Weekly")
    MONTHLY = "monthly", _("Monthly")


class MonthlyOn(models.TextChoices):
    """How a monthly event falls in each month (publisher/occurrences.py)."""

    DATE = "", _("On the same date (the 6th of each month)")
    WEEKDAY = "weekday", _("On the same weekday (the first Sunday of each month)")
    LAST_WEEKDAY = (
        "last-weekday",
        _("On the last such weekday (the last Sunday of each month)"),
    )


class EventsIndexPage(IndexPage):
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("events index")
        verbose_name_plural = _("events indexes")


class EventPage(EasyReadMixin, AudiencesMixin, ContentPage):
    """An event at a place (or elsewhere), with its status, price and booking."""

    start = models.DateTimeField(
        _("starts"), help_text=_("Italian time (Europe/Rome).")
    )
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    all_day = models.BooleanField(_("all day"), default=False)
    frequency = models.CharField(
        _("repeats"), max_length=10, choices=Frequency.choices, blank=True, default=""
    )
    interval = models.PositiveSmallIntegerField(
        _("every"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("1 = every week or month, 2 = every other one…"),
    )
    monthly_on = models.CharField(
        _("each month"),
        max_length=16,
        choices=MonthlyOn.choices,
        blank=True,
        default="",
        help_text=_("For a monthly event: which day of the month, from its start."),
    )
    repeat_until = models.DateField(_("repeat until"), null=True, blank=True)
    repeat_count = models.PositiveSmallIntegerField(
        _("number of times"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "How many times it takes place: skipped dates do not count, the "
            "series goes on until it has taken place this many times."
        ),
    )
    venue = models.ForeignKey(
        "places.PlacePage",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    location = models.CharField(
        _("other location"),
        max_length=255,
        blank=True,
        validators=PLAIN_TEXT_VALIDATORS,
        help_text=_("When the event is not at one of our places."),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
    )
    is_free = models.BooleanField(_("free"), default=False)
    price = models.DecimalField(
        _("price (€)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    booking_url = models.URLField(_("booking link"), blank=True)

    parent_page_types = ["events.EventsIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *ContentPage.content_panels[:2],
        EasyReadMixin.easy_read_panel,
        *ContentPage.content_panels[2:],
        MultiFieldPanel(
            [FieldPanel("start"), FieldPanel("end"), FieldPanel("all_day")],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("frequency"),
                FieldPanel("interval"),
                FieldPanel("monthly_on"),
                FieldPanel("repeat_until"),
                FieldPanel("repeat_count"),
                InlinePanel("exception_dates", label=_("Skipped dates")),
            ],
            heading=_("Repeats"),
        ),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("location")], heading=_("Where")
        ),
        FieldPanel("status"),
        MultiFieldPanel(
            [FieldPanel("is_free"), FieldPanel("price"), FieldPanel("booking_url")],
            heading=_("Tickets"),
        ),
        FieldPanel("audiences"),
    ]
    api_fields = [
        *ContentPage.api_fields,
        EasyReadMixin.easy_read_api_field,
        APIField("start"),
        APIField("end"),
        APIField("all_day"),
        APIField("frequency"),
        APIField("interval"),
        APIField("monthly_on"),
        APIField("repeat_until"),
        APIField("repeat_count"),
        APIField("exception_dates"),
        APIField("rrule", serializer=ReadOnlyField()),
        APIField("venue", serializer=ReferenceField(source="venue_id")),
        APIField("location"),
        APIField("status"),
        APIField("is_free"),
        APIField("price"),
        APIField("booking_url"),
        APIField("audiences"),
    ]
    api_prefetch = ("exception_dates",)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.all_day and self.start:
            self.start = _rome_midnight(self.start)
            if self.end:
                self.end = _rome_midnight(self.end)
        if self.start and self.end and self.end < self.start:
            errors["end"] = _(
                "The event ends (%(end)s) before it starts (%(start)s)."
            ) % {
                "end": formats.localize(self.end.astimezone(ROME)),
                "start": formats.localize(self.start.astimezone(ROME)),
            }
        if (
            not self.venue_id
            and not self.location.strip()
            and (self.status != EventStatus.MOVED_ONLINE)
        ):
            errors["venue"] = _("Choose a venue or write where the event takes place.")
        if self.monthly_on and self.frequency != Frequency.MONTHLY:
            errors["monthly_on"] = _("Only a monthly event has a day of the month.")
        elif self.start and self.rule().mismatch():
            errors["monthly_on"] = _(
                "The event starts on %(date)s, which is not the last such weekday "
                "of its month: choose another start or “On the same weekday”."
            ) % {"date": formats.date_format(self.start.astimezone(ROME).date())}
        if self.frequency:
            if self.repeat_until and self.repeat_count:
                errors["repeat_count"] = _(
                    "Repeat until a date or a number of times, not both."
                )
            if (
                self.repeat_until
                and self.start
                and (self.repeat_until < self.start.astimezone(ROME).date())
            ):
                errors["repeat_until"] = _(
                    "The repetition ends before the event starts."
                )
        if self.is_free and self.price:
            errors["price"] = _("A free event has no price.")
        if errors:
            raise ValidationError(errors)

    def rule(self) -> Rule:
        """The publisher's `Rule` of this event (start required)."""
        return Rule(
            first=self.start.astimezone(ROME),
            all_day=self.all_day,
            frequency=self.frequency,
            interval=self.interval or 1,
            until=self.repeat_until,
            count=self.repeat_count,
            skipped=frozenset(row.date for row in self.exception_dates.all()),
            monthly_on=self.monthly_on if self.frequency == Frequency.MONTHLY else "",
        )

    @property
    def rrule(self) -> str | None:
        """The recurrence as an RFC 5545 RRULE value, or None for a single event.

        Written by the publisher's `Rule`, so the API says what the calendars do.
        """
        if not (self.frequency and self.start):
            return None
        return self.rule().rrule() or None


def _rome_midnight(value: datetime) -> datetime:
    local = value.astimezone(ROME)
    return datetime.combine(local.date(), time(0, 0), ROME)


class EventExceptionDate(Orderable):
    """A date on which a recurring event does not take place."""

    page = ParentalKey(
        EventPage, on_delete=models.CASCADE, related_name="exception_dates"
    )
    date = models.DateField(_("date"))

    panels = ["date"]
    api_fields = [APIField("date")]
