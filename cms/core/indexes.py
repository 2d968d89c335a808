"""Index pages: the section roots of a territory (places, stories, …)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page

from .choosable import ChoosableMediaPageForm
from .pages import PreviewMixin


class IndexPage(PreviewMixin, Page):
    """A section of a territory: an introduction above a list of its pages."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["territories.TerritoryHomePage"]
    max_count_per_parent = 1
    api_prefetch: tuple[str, ...] = ()
    base_form_class = ChoosableMediaPageForm

    class Meta:
        abstract = True
