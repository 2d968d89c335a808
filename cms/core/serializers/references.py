"""Find the images, documents and pages a page refers to, without the database.

The API keeps StreamField bodies and rich text in their stored form, with ids.
Walking that raw data beside the block definitions tells us every id a page
needs, so a whole listing page can fetch its images in one query.

Rich text is read by the publisher's reader (`publisher.richtext.references`),
the one its `expand()` resolves with, so `media` lists exactly what the build
will look up. Wagtail's `extract_references_from_rich_text` would be a second
reader, and a different one: it wants `<embed … />` and lower-case tags.
"""

import functools
from collections.abc import Iterable, Iterator
from typing import Any

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock

from publisher.richtext import Kind, Reference
from publisher.richtext import references as rich_text_references


def stream_references(block: blocks.Block, raw: Any) -> Iterator[Reference]:
    """Yield the references in the raw (stored) value of a block."""
    if raw is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for child in raw:
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                yield from stream_references(child_block, child.get("value"))
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from stream_references(child_block, raw.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            value = item.get("value") if isinstance(item, dict) else item
            yield from stream_references(block.child_block, value)
    elif isinstance(block, blocks.RichTextBlock):
        yield from rich_text_references(raw)
    elif isinstance(raw, int):
        if isinstance(block, ImageChooserBlock):
            yield "image", raw
        elif isinstance(block, DocumentChooserBlock):
            yield "document", raw
        elif isinstance(block, blocks.PageChooserBlock):
            yield "page", raw


def page_references(page: Any) -> set[Reference]:
    """Every image, document and page the stored content of `page` refers to."""
    return set().union(*field_references(page).values())


def field_references(page: Any) -> dict[str, set[Reference]]:
    """What each field of `page` that can hold references refers to, by name."""
    found: dict[str, set[Reference]] = {}
    for kind, field in _reference_fields(type(page)):
        value = getattr(page, field.attname)
        if kind == "stream":
            refs = set(stream_references(field.stream_block, list(value.raw_data)))
        elif kind == "rich_text":
            refs = set(rich_text_references(value))
        else:
            refs = set() if value is None else {(kind, value)}
        found[field.name] = refs
    return found


@functools.cache
def _reference_fields(model: type) -> list[tuple[str, Any]]:
    """The fields of `model` that can hold references, with what they hold."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    found: list[tuple[str, Any]] = []
    for field in model._meta.concrete_fields:
        related = field.related_model if field.many_to_one else None
        if related is not None and issubclass(related, get_image_model()):
            found.append(("image", field))
        elif related is not None and issubclass(related, get_document_model()):
            found.append(("document", field))
        elif isinstance(field, StreamField):
            found.append(("stream", field))
        elif isinstance(field, RichTextField):
            found.append(("rich_text", field))
    return found


def ids_of(kind: Kind, references: Iterable[Reference]) -> set[int]:
    return {pk for k, pk in references if k == kind}
