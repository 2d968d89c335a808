"""Images and documents as the API serves them, fetched in bulk."""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from ..models import rendition_format, rendition_specs
from .references import ids_of, page_references


def absolute(url: str, request: HttpRequest | None) -> str:
    if request is not None and url.startswith("/"):
        return request.build_absolute_uri(url)
    return url


def image_representation(image: Any, request: HttpRequest | None) -> dict:
    renditions = image.get_renditions(*rendition_specs())
    return {
        "id": image.pk,
        "title": image.title,
        "alt": image.alt_text,
        # The library's texts are written in the CMS's default language; a
        # page's own alt text (translated with it) says what it shows there.
        "lang": settings.LANGUAGE_CODE,
        "credit": image.credit,
        "width": image.width,
        "height": image.height,
        "renditions": sorted(
            (
                {
                    "url": absolute(r.url, request),
                    "width": r.width,
                    "height": r.height,
                    "format": rendition_format(spec),
                }
                for spec, r in renditions.items()
            ),
            key=lambda r: r["width"],
        ),
    }


def document_representation(document: Any, request: HttpRequest | None) -> dict:
    return {
        "id": document.pk,
        "title": document.title,
        "url": absolute(document.file.url, request),
        "filename": document.filename,
        "extension": document.file_extension,
        "size": document.file_size,
    }


class MediaIndex:
    """The images and documents of a batch of pages, loaded in four queries."""

    def __init__(self, pages: Iterable[Any], request: HttpRequest | None) -> None:
        self.references = {page.pk: page_references(page) for page in pages}
        all_refs = set().union(*self.references.values())
        images = (
            get_image_model()
            .objects.filter(pk__in=ids_of("image", all_refs))
            .prefetch_renditions(*rendition_specs())
        )
        documents = get_document_model().objects.filter(
            pk__in=ids_of("document", all_refs)
        )
        self.images = {i.pk: image_representation(i, request) for i in images}
        self.documents = {d.pk: document_representation(d, request) for d in documents}

    def for_page(self, page: Any) -> dict:
        refs = self.references.get(page.pk, set())
        return {
            "images": {
                str(pk): self.images[pk]
                for pk in sorted(ids_of("image", refs))
                if pk in self.images
            },
            "documents": {
                str(pk): self.documents[pk]
                for pk in sorted(ids_of("document", refs))
                if pk in self.documents
            },
        }
