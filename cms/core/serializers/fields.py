"""Serializer fields that keep a listing page at a constant number of queries."""

from typing import Any

from rest_framework.fields import Field, ReadOnlyField


class ReferenceField(ReadOnlyField):
    """A foreign key as its bare id: the build resolves it in its snapshot."""


class RawStreamField(Field):
    """A StreamField in its stored form: block type, value and id, ids for images.

    Rich text inside stays in Wagtail's database format, so the publisher can turn
    page, image and document references into its own public URLs.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> list:
        return [dict(block) for block in value.raw_data]


class MediaField(Field):
    """Every image and document the page uses, with renditions and alt text."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance: Any) -> Any:
        return instance

    def to_representation(self, page: Any) -> dict:
        from .media import MediaIndex

        index = self.context.get("media_index")
        if index is None:
            index = MediaIndex([page], self.context.get("request"))
        return index.for_page(page)


class PageRefListField(Field):
    """A many-to-many to pages (through a prefetched relation) as a list of ids."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> list[int]:
        return [obj.pk for obj in value.all()]
