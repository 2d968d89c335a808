"""A visitor's proposal of an event: the draft it became, and whom to tell."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from cms.core.validators import PLAIN_TEXT_VALIDATORS


class EventProposal(models.Model):
    """Kept apart from the event page, which editors may change at will: the
    proposer's contact details never reach the API, and the proposal keeps the
    language of the site the form came from, to answer in it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        PUBLISHED = "published", _("Published")
        DECLINED = "declined", _("Declined")

    page = models.OneToOneField(
        "events.EventPage",
        verbose_name=_("event"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="proposal",
    )
    territory = models.ForeignKey(
        Site, verbose_name=_("territory"), on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(
        _("your name"), max_length=150, validators=PLAIN_TEXT_VALIDATORS
    )
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, validators=PLAIN_TEXT_VALIDATORS
    )
    language = models.CharField(_("language"), max_length=8)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("event proposal")
        verbose_name_plural = _("event proposals")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.page.title if self.page else '—'} ({self.email})"
