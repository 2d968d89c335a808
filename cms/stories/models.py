"""Stories: articles about the territory, its people, places and traditions."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.models import Orderable
from wagtail.search import index

from cms.core.indexes import IndexPage
from cms.core.pages import AudiencesMixin, ContentPage, EasyReadMixin
from cms.core.serializers.fields import ReferenceField
from cms.core.serializers.topics import TopicsField
from cms.core.validators import PLAIN_TEXT_VALIDATORS


class StoriesIndexPage(IndexPage):
    subpage_types = ["stories.StoryPage"]

    class Meta:
        verbose_name = _("stories index")
        verbose_name_plural = _("stories indexes")


class StoryPage(EasyReadMixin, AudiencesMixin, ContentPage):
    """An article: who wrote it, when, and the places it tells about."""

    author = models.CharField(
        _("author"), max_length=255, blank=True, validators=PLAIN_TEXT_VALIDATORS
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    topics = ParentalManyToManyField("core.Topic", blank=True, verbose_name=_("topics"))

    parent_page_types = ["stories.StoriesIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *ContentPage.content_panels[:1],
        FieldPanel("author"),
        FieldPanel("date"),
        *ContentPage.content_panels[1:2],
        EasyReadMixin.easy_read_panel,
        *ContentPage.content_panels[2:],
        InlinePanel("related_places", label=_("Places in this story")),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("audiences"),
    ]
    search_fields = [*ContentPage.search_fields, index.SearchField("author")]
    api_fields = [
        APIField("author"),
        APIField("date"),
        *ContentPage.api_fields,
        EasyReadMixin.easy_read_api_field,
        APIField("related_places"),
        APIField("topics", serializer=TopicsField()),
        APIField("audiences"),
    ]
    api_prefetch = ("related_places", "topics")

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering = ["-date"]


class StoryPlace(Orderable):
    """A place a story is about."""

    page = ParentalKey(
        StoryPage, on_delete=models.CASCADE, related_name="related_places"
    )
    place = models.ForeignKey(
        "places.PlacePage",
        verbose_name=_("place"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = ["place"]
    api_fields = [APIField("place", serializer=ReferenceField(source="place_id"))]
