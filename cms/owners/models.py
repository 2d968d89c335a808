"""What the roles module creates for each business, and what businesses ask for."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, Site

from cms.core.validators import PLAIN_PARAGRAPHS_VALIDATORS, PLAIN_TEXT_VALIDATORS

# The languages an owner reads the CMS's mails and pages in: the admin's own.
OWNER_LANGUAGES = settings.WAGTAILADMIN_PERMITTED_LANGUAGES


class BusinessAccess(models.Model):
    """The group and image collection of one partner (a business or an
    institution), in all its languages.

    Keyed by the pages' shared translation_key, so renaming the business keeps
    its owners' permissions.
    """

    translation_key = models.UUIDField(unique=True)
    group = models.OneToOneField(
        Group, on_delete=models.CASCADE, related_name="business_access"
    )
    collection = models.OneToOneField(
        Collection, on_delete=models.PROTECT, related_name="business_access"
    )

    class Meta:
        verbose_name = _("business access")
        verbose_name_plural = _("business accesses")

    def __str__(self) -> str:
        return self.group.name


class SignupRequest(models.Model):
    """A business or an institution asking, from the public form, for an
    account on its territory.

    Nothing is created until an editor of that territory approves it: the
    request only carries what the editor needs to decide and to invite.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    class Kind(models.TextChoices):
        BUSINESS = "business", _("A business: shop, restaurant, lodging, guide…")
        INSTITUTION = (
            "institution",
            _("An institution: museum, library, archive, association, school"),
        )

    kind = models.CharField(
        _("who you are"), max_length=16, choices=Kind.choices, default=Kind.BUSINESS
    )
    business_name = models.CharField(
        _("name of the business or institution"),
        max_length=200,
        validators=PLAIN_TEXT_VALIDATORS,
    )
    territory = models.ForeignKey(
        Site,
        verbose_name=_("territory"),
        on_delete=models.CASCADE,
        related_name="signup_requests",
    )
    contact_name = models.CharField(
        _("your name"), max_length=150, validators=PLAIN_TEXT_VALIDATORS
    )
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, validators=PLAIN_TEXT_VALIDATORS
    )
    message = models.TextField(
        _("message"),
        max_length=2000,
        blank=True,
        validators=PLAIN_PARAGRAPHS_VALIDATORS,
    )
    language = models.CharField(
        _("language"), max_length=8, choices=OWNER_LANGUAGES, default="it"
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    business = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("business or institution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("sign-up request")
        verbose_name_plural = _("sign-up requests")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.business_name} ({self.email})"
