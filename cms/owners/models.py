"""What the roles module creates for each business, found again by its key."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection


class BusinessAccess(models.Model):
    """The group and image collection of one business, in all its languages.

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
