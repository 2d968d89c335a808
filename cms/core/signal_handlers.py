"""Generate the fixed renditions when an image is saved, not when it is fetched."""

import logging

from django.db.models.signals import post_save

logger = logging.getLogger(__name__)


def create_renditions(sender, instance, created: bool, **kwargs) -> None:
    from .models import rendition_specs

    if kwargs.get("raw") or not instance.file:
        return
    try:
        instance.get_renditions(*rendition_specs())
    except Exception:  # a broken upload must not break the save
        logger.exception("Could not create renditions for image %s", instance.pk)


def register() -> None:
    from .models import CustomImage

    post_save.connect(
        create_renditions, sender=CustomImage, dispatch_uid="vetrina_renditions"
    )
