"""Generate the fixed renditions when an image is saved, not when it is fetched;
keep the multiple uploader's waiting files clean too; refuse a translation's
image or document the translator may not choose."""

import logging
import posixpath

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db.models.signals import post_save, pre_save
from wagtail.models import UploadedFile

logger = logging.getLogger(__name__)


def create_renditions(sender, instance, created: bool, **kwargs) -> None:
    from .models import rendition_specs

    if kwargs.get("raw") or not instance.file:
        return
    try:
        instance.get_renditions(*rendition_specs())
    except Exception:  # a broken upload must not break the save
        logger.exception("Could not create renditions for image %s", instance.pk)


def clean_waiting_upload(sender, instance: UploadedFile, **kwargs) -> None:
    """The multiple uploader stores an image it cannot create yet (its alt text
    is still to be written) as an UploadedFile, in storage: a clean copy then,
    not the upload with its EXIF and GPS. (Creating the image re-encodes it
    once more.)"""
    from .images import clean_copy
    from .models import CustomImage

    file = instance.file
    if kwargs.get("raw") or not file or file._committed:
        return
    if instance.for_content_type != ContentType.objects.get_for_model(CustomImage):
        return
    file.seek(0)
    content, _header = clean_copy(file)
    instance.file = ContentFile(content, name=posixpath.basename(file.name))


def register() -> None:
    from wagtail_localize.models import SegmentOverride

    from .choosable import refuse_unchoosable_override
    from .models import CustomImage

    post_save.connect(
        create_renditions, sender=CustomImage, dispatch_uid="vetrina_renditions"
    )
    pre_save.connect(
        clean_waiting_upload, sender=UploadedFile, dispatch_uid="vetrina_clean_upload"
    )
    pre_save.connect(
        refuse_unchoosable_override,
        sender=SegmentOverride,
        dispatch_uid="vetrina_choosable_override",
    )
