"""Write many published pages into Wagtail's tree at once.

A page is a treebeard materialised-path node stored in two tables, the base page
and its specific model. `add_child` and `publish` cost a dozen queries a page, and
Django's `bulk_create` refuses multi-table models, so these helpers compute the
tree fields as `add_child` would and insert each table in a few statements.
They stay in the ORM, so they work wherever Django can return the ids of a bulk
insert: PostgreSQL and SQLite 3.35 or later.
"""

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import datetime
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db import connections, models, router
from django.db.models import F
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, ReferenceIndex, TranslatableMixin

from cms.core.translatable_rows import row_key


class UnsupportedDatabase(Exception):
    """The database cannot tell which ids a bulk insert gave its rows."""


class TreeAppender:
    """Places new pages after the existing children of their parents.

    Parents may be pages not inserted yet (a business and its offers go in one
    batch): their `numchild` is counted in memory. Parents already in the
    database are updated by `save_numchild`, in the transaction of the pages.
    """

    def __init__(self, published_at: datetime) -> None:
        self.published_at = published_at
        self._next_position: dict[int, int] = {}
        self._added: Counter[int] = Counter()

    def append(self, parent: Page, page: Page) -> Page:
        if parent.pk is None:
            position = parent.numchild + 1
        else:
            position = self._next_position.get(parent.pk) or _last_position(parent) + 1
            self._next_position[parent.pk] = position + 1
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, position)
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.numchild = 0
        page.content_type = _content_type(type(page))
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = self.published_at
        parent.numchild += 1
        if parent.pk is not None:
            self._added[parent.pk] += 1
        return page

    def save_numchild(self) -> None:
        for pk, added in self._added.items():
            Page.objects.filter(pk=pk).update(numchild=F("numchild") + added)
        self._added.clear()


def insert_pages(pages: Sequence[Page]) -> None:
    """Insert pages of one specific model: the base table first, then the child's.

    This is what `Model.save_base` does for one object, parent links included,
    done for a whole batch. The pages get their ids; nothing else is saved.
    """
    if not pages:
        return
    model = type(pages[0])
    using = router.db_for_write(model)
    if not connections[using].features.can_return_rows_from_bulk_insert:
        raise UnsupportedDatabase(
            "The corpus generator needs a database that returns the ids of a bulk "
            "insert: use PostgreSQL, or SQLite 3.35 or later."
        )
    base, *tables = [*reversed(model._meta.get_parent_list()), model]
    fields = [f for f in _local_fields(base) if not f.primary_key]
    returning = base._meta.db_returning_fields
    rows = _insert(base, pages, fields, returning, using)
    for page, row in zip(pages, rows, strict=True):
        for field, value in zip(returning, row, strict=True):
            setattr(page, field.attname, value)
    for table in tables:
        for parent, link in table._meta.parents.items():
            for page in pages:
                setattr(page, link.attname, getattr(page, parent._meta.pk.attname))
        _insert(table, pages, _local_fields(table), None, using)
    for page in pages:
        page._state.adding = False
        page._state.db = using


def insert_related(pages: Sequence[Page]) -> None:
    """Insert what the pages hold in memory: orderables, then parental m2m rows.

    Every child relation and parental many-to-many of the pages must have been
    set (to an empty list if need be): an unset one would be read from the
    database, one query a page.
    """
    children: dict[type[models.Model], list[models.Model]] = defaultdict(list)
    links: dict[type[models.Model], list[models.Model]] = defaultdict(list)
    for page in pages:
        for name in _child_relation_names(type(page)):
            for position, child in enumerate(getattr(page, name).all()):
                if isinstance(child, TranslatableMixin):
                    # What Wagtail's pre_save would give it; the key is shared
                    # with the same row of the page's other languages.
                    child.locale_id = page.locale_id
                    child.translation_key = row_key(page.translation_key, position)
                children[type(child)].append(child)
        for field in _parental_m2m_fields(type(page)):
            through = field.remote_field.through
            for target in getattr(page, field.name).all():
                links[through].append(
                    through(
                        **{
                            field.m2m_column_name(): page.pk,
                            field.m2m_reverse_name(): target.pk,
                        }
                    )
                )
    for model, objs in [*children.items(), *links.items()]:
        model._base_manager.bulk_create(objs)


def index_references(pages: Sequence[Page]) -> None:
    """Record the pages' outbound references, as saving each page would.

    The images endpoint and the admin's usage counts read the reference index.
    Wagtail updates it one object at a time; for new pages the rows are the
    references it extracts from each page, so they are written in one go.
    """
    rows = []
    for page in pages:
        model = type(page)
        if not ReferenceIndex.is_indexed(model):
            continue
        content_type = _content_type(model)
        base_content_type = _base_content_type(model)
        references = set(ReferenceIndex._extract_references_from_object(page))
        rows.extend(
            ReferenceIndex(
                content_type=content_type,
                base_content_type=base_content_type,
                object_id=str(page.pk),
                to_content_type_id=to_content_type_id,
                to_object_id=to_object_id,
                model_path=model_path,
                content_path=content_path,
                content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
            )
            for to_content_type_id, to_object_id, model_path, content_path in (
                references
            )
        )
    ReferenceIndex.objects.bulk_create(rows)


def delete_unedited_pages(pages: models.QuerySet) -> int:
    """Delete the pages never edited since their bulk insert, in a few statements.

    Wagtail deletes page by page (unpublish, log, reference index, translation
    sources: some 15 ms each). A page without a revision holds only what the
    helpers above wrote, so its rows go table by table, children first, without
    signals. Edited pages are left for Wagtail's own delete.
    """
    pages = pages.filter(latest_revision__isnull=True)
    using = router.db_for_write(Page)
    page_models = [
        ContentType.objects.get_for_id(pk).model_class()
        for pk in pages.order_by().values_list("content_type", flat=True).distinct()
    ]
    ids = list(pages.values_list("pk", flat=True))
    step = 500
    for start in range(0, len(ids), step):
        chunk = ids[start : start + step]
        ReferenceIndex.objects.filter(
            base_content_type=_content_type(Page),
            object_id__in=[str(pk) for pk in chunk],
        ).delete()
        for model in page_models:
            for related, column in _dependent_tables(model):
                related._base_manager.filter(**{f"{column}__in": chunk})._raw_delete(
                    using
                )
        Page._base_manager.filter(pk__in=chunk)._raw_delete(using)
    return len(ids)


def _insert(model, objs, fields, returning, using) -> list:
    """`bulk_create`'s batched insert, for one table of a multi-table model."""
    size = max(connections[using].ops.bulk_batch_size(fields, objs), 1)
    rows = []
    for start in range(0, len(objs), size):
        result = model._base_manager._insert(
            objs[start : start + size],
            fields=fields,
            returning_fields=returning,
            using=using,
        )
        if returning:
            rows.extend(result)
    return rows


def _last_position(parent: Page) -> int:
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return Page._str2int(last[-Page.steplen :]) if last else 0


@cache
def _dependent_tables(model) -> list[tuple[type[models.Model], str]]:
    """The tables holding a page of `model` besides the base page table, with
    their page column, in the order rows can be deleted: child objects,
    many-to-many links, then the specific tables up to the base one."""
    tables = [
        (relation.related_model, relation.field.attname)
        for relation in get_all_child_relations(model)
    ]
    tables += [
        (field.remote_field.through, field.m2m_column_name())
        for field in _parental_m2m_fields(model)
    ]
    tables += [
        (table, "pk")
        for table in [model, *model._meta.get_parent_list()]
        if table is not Page
    ]
    return tables


@cache
def _local_fields(model) -> list:
    return [f for f in model._meta.local_concrete_fields if not f.generated]


@cache
def _child_relation_names(model) -> list[str]:
    return [r.get_accessor_name() for r in get_all_child_relations(model)]


@cache
def _parental_m2m_fields(model) -> list[ParentalManyToManyField]:
    return [
        f for f in model._meta.many_to_many if isinstance(f, ParentalManyToManyField)
    ]


def _content_type(model) -> ContentType:
    return ContentType.objects.get_for_model(model)


def _base_content_type(model) -> ContentType:
    return ReferenceIndex._get_base_content_type(model)
