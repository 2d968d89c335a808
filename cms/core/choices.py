"""Vocabularies shared by several page types."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    FAMILIES = "families", _("Families")
    CHILDREN = "children", _("Children")
    SENIORS = "seniors", _("Seniors")
    SCHOOLS = "schools", _("Schools")
    DISABILITIES = "disabilities", _("People with disabilities")
    IMMIGRANT_COMMUNITIES = "immigrant-communities", _("Immigrant communities")
