"""API endpoints: pages, territories, and the images and documents live pages use."""

from collections import defaultdict
from functools import cached_property
from typing import Any

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import urlencode
from rest_framework.fields import ReadOnlyField
from rest_framework.response import Response
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.serializers import (
    ChildRelationField,
    PageHtmlUrlField,
    PageSerializer,
)
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from cms.core.pages import site_path
from cms.core.serializers.fields import ReferenceField
from cms.core.serializers.media import MediaIndex, image_representation
from cms.core.visibility import unexpired, used_by_public_pages
from cms.territories.models import LICENCE_URLS, TerritorySettings

from .conditional import conditional, every_site, requested_site


class PathField(ReadOnlyField):
    """The page's path inside its territory and language, e.g. /luoghi/duomo/.

    Public URLs are the publisher's to compute; this is the stable part of them.
    """

    def get_attribute(self, instance: Any) -> Any:
        return instance

    def to_representation(self, page: Any) -> str:
        return site_path(page.url_path)


class StaticUrlField(PageHtmlUrlField):
    """`html_url`: the page's address on the static site, None while it has none.

    Given the request, a listing reads the territories' addresses once.
    """

    def to_representation(self, page: Any) -> str | None:
        return page.get_full_url(self.context.get("request"))


class ListingChildRelationField(ChildRelationField):
    """Inline children (opening hours, ticket prices, stops) with one serializer
    per listing.

    Wagtail's field builds a new serializer for every page it serialises, and
    Django REST framework builds a serializer's fields on first use: a listing
    of 500 places built them 1,500 times, a quarter of the listing's time.
    """

    @cached_property
    def child_serializer(self) -> Any:
        return self.serializer_class(context=self.context)

    def to_representation(self, value: Any) -> list:
        serializer = self.child_serializer
        return [serializer.to_representation(child) for child in value.all()]


class ContentPageSerializer(PageSerializer):
    html_url = StaticUrlField(read_only=True)
    alias_of = ReferenceField(source="alias_of_id")
    translation_key = ReadOnlyField()
    path = PathField()
    depth = ReadOnlyField()
    last_published_at = ReadOnlyField()

    def build_relational_field(self, field_name, relation_info):
        field_class, field_kwargs = super().build_relational_field(
            field_name, relation_info
        )
        if field_class is ChildRelationField:
            field_class = ListingChildRelationField
        return field_class, field_kwargs


class CompactJson:
    """Answers without Wagtail's four-space indent.

    Python encodes indented JSON in its pure-Python encoder, not the C one: the
    indent was a fifth of a listing's time. A person can still ask for it,
    with `Accept: application/json; indent=4`.
    """

    def get_renderer_context(self):
        context = super().get_renderer_context()
        context.pop("indent", None)
        return context


def public_pages(request) -> Any:
    """Live, public, unexpired pages of the requested site, in all its locales."""
    return unexpired(get_public_pages_queryset(request).public())


class ContentPagesAPIViewSet(CompactJson, PagesAPIViewSet):
    """Wagtail's pages endpoint, stricter about what is public and bulk-loading.

    A listing page costs the same number of queries whatever its size: relations
    each model names in `api_prefetch` and all media are fetched per batch.
    """

    base_serializer_class = ContentPageSerializer
    meta_fields = [
        *PagesAPIViewSet.meta_fields,
        "translation_key",
        "path",
        "depth",
        "last_published_at",
    ]
    listing_default_fields = [
        *PagesAPIViewSet.listing_default_fields,
        "translation_key",
        "alias_of",
        "path",
    ]

    @conditional(requested_site)
    def listing_view(self, request):
        return super().listing_view(request)

    @conditional(requested_site)
    def detail_view(self, request, pk):
        return super().detail_view(request, pk)

    def get_base_queryset(self):
        # Wagtail asks for it several times per request; each costs queries.
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = public_pages(self.request)
        return self._base_queryset.all()

    def get_serializer(self, instance=None, *args: Any, **kwargs: Any):
        pages = list(instance) if kwargs.get("many") else [instance]
        prefetch_for_api(pages)
        kwargs["context"] = {
            **self.get_serializer_context(),
            "media_index": MediaIndex(pages, self.request),
        }
        serializer_class = self.get_serializer_class()
        return serializer_class(pages if kwargs.get("many") else instance, **kwargs)


def prefetch_for_api(pages: list[Any]) -> None:
    """Fetch, for a whole batch, the relations each page model asks for."""
    # An alias's source decides whether it has a public URL (its html_url).
    prefetch_related_objects(pages, "locale", "alias_of")
    by_model: dict[type, list[Any]] = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    for model, batch in by_model.items():
        lookups = getattr(model, "api_prefetch", ())
        if lookups:
            prefetch_related_objects(batch, *lookups)


class PublicImagesAPIViewSet(CompactJson, ImagesAPIViewSet):
    """Only images a live, public page uses: an unpublished upload stays private."""

    meta_fields = [*ImagesAPIViewSet.meta_fields]

    def get_queryset(self):
        return super().get_queryset().filter(pk__in=used_by_public_pages(self.model))


class PublicDocumentsAPIViewSet(CompactJson, DocumentsAPIViewSet):
    """Only documents a live, public page links to."""

    def get_queryset(self):
        return super().get_queryset().filter(pk__in=used_by_public_pages(self.model))


class TerritoriesAPIViewSet(CompactJson, BaseAPIViewSet):
    """Every territory with its languages and public settings, never its secrets."""

    name = "territories"
    model = TerritorySettings

    def get_queryset(self):
        return (
            TerritorySettings.objects.filter(slug__isnull=False)
            .select_related("site__root_page", "default_language", "logo")
            .prefetch_related("languages")
            .order_by("slug")
        )

    @conditional(every_site)
    def listing_view(self, request):
        items = [territory_representation(t, request) for t in self.get_queryset()]
        return Response({"meta": {"total_count": len(items)}, "items": items})

    @conditional(every_site)
    def detail_view(self, request, pk):
        territory = get_object_or_404(self.get_queryset(), site_id=pk)
        return Response(territory_representation(territory, request))

    @conditional(every_site)
    def find_view(self, request):
        territory = get_object_or_404(self.get_queryset(), slug=request.GET.get("slug"))
        return Response(territory_representation(territory, request))


def territory_representation(territory: Any, request) -> dict:
    site = territory.site
    root = site.root_page
    homes = {
        page.locale.language_code: page
        for page in Page.objects.filter(translation_key=root.translation_key)
        .live()
        .select_related("locale")
    }
    names = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    logo = territory.logo
    return {
        "id": site.pk,
        "slug": territory.slug,
        "name": site.site_name or root.title,
        "site": f"{site.hostname}:{site.port}",
        "base_url": territory.public_base_url.rstrip("/"),
        "root_page": root.pk,
        "languages": [
            {
                "code": code,
                "name": names.get(code, code),
                "direction": "rtl" if code in settings.RTL_LANGUAGES else "ltr",
                "home_page": homes[code].pk if code in homes else None,
            }
            for code in territory.language_codes()
        ],
        "default_language": (
            territory.default_language.language_code
            if territory.default_language
            else None
        ),
        "fallback": territory.fallback,
        "open_data_licence": {
            "id": territory.open_data_licence,
            "name": territory.get_open_data_licence_display(),
            "url": LICENCE_URLS.get(territory.open_data_licence, ""),
        },
        "open_data_publisher": {
            "name": territory.open_data_publisher,
            "identifier": territory.open_data_publisher_id,
        },
        "brand_colour": territory.brand_colour,
        "logo": image_representation(logo, request) if logo else None,
        "contacts": {
            "email": territory.contact_email,
            "phone": territory.contact_phone,
            "address": territory.contact_address,
        },
        "social_links": [dict(block.value) for block in territory.social_links],
        "signup_url": public_form_url("owners:signup", territory.slug),
        "propose_event_url": public_form_url("proposals:event", territory.slug),
    }


def public_form_url(name: str, slug: str) -> str:
    """A public form of the CMS for the territory (a business asks to publish
    offers, anyone proposes an event); the sites add ?lang=."""
    query = urlencode({"territory": slug})
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return f"{base}{reverse(name)}?{query}"
