"""What the public may see: pages live, public and unexpired, and the images and
documents such pages use. The API lists only these; the document view serves
only these to visitors."""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField, Q
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.models import Page, ReferenceIndex


def unexpired(pages: Any) -> Any:
    # Expiry takes effect when the scheduler runs; what is public does not wait.
    return pages.filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))


def used_by_public_pages(model) -> Any:
    """Ids of `model` objects that a live, public page of any territory uses.

    Wagtail's reference index reads a page's row, which holds its live content:
    what only a draft uses is not in it.
    """
    page_ids = unexpired(Page.objects.live().public()).annotate(
        str_id=Cast("id", output_field=CharField())
    )
    return (
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=page_ids.values("str_id"),
            to_content_type=ContentType.objects.get_for_model(model),
        )
        .annotate(target=Cast("to_object_id", output_field=IntegerField()))
        .values("target")
    )
