"""The translation keys of a page's inline rows made outside Wagtail's saves:
by the data migration that made them translatable, and by the benchmark's
corpus, which inserts rows in bulk.

Until they were translatable, a translation's rows (opening exceptions, ticket
prices, itinerary stops) were copies of its source's, in the same order. Each
row now takes its page's locale, and a translation key derived from its page's
translation key and its position, so the Italian row and its copies in the
other languages share a key: wagtail-localize then matches them, and a later
sync updates the translated rows instead of replacing them.
"""

import uuid
from collections import defaultdict
from collections.abc import Callable

from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

# Any fixed namespace: the keys only have to agree between the copies of a row.
NAMESPACE = uuid.UUID("5c0c47b2-8d5e-4c63-9a43-3f4f6c1f0a65")


def row_key(page_key: uuid.UUID, position: int) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"{page_key}:{position}")


def bootstrap_rows(
    model_label: str,
) -> Callable[[StateApps, BaseDatabaseSchemaEditor], None]:
    """A RunPython function giving each row of `model_label` (whose parental
    key is `page`) its page's locale and a key shared with its copies."""

    def forwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        model = apps.get_model(model_label)
        rows = defaultdict(list)
        for row in model.objects.select_related("page").order_by(
            "page_id", "sort_order", "pk"
        ):
            rows[row.page_id].append(row)
        for page_rows in rows.values():
            for position, row in enumerate(page_rows):
                row.locale_id = row.page.locale_id
                row.translation_key = row_key(row.page.translation_key, position)
            model.objects.bulk_update(page_rows, ["locale", "translation_key"])

    return forwards
