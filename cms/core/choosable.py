"""Which images and documents a user may put on a page: those in the collections
Wagtail's permission policy lets them choose from. The choosers list only these;
a form or an override that names another by its id is refused on the server.

What a page already refers to stays allowed when someone edits it: an owner
keeps the image an editor gave their offer without having the right to choose it.
"""

from collections.abc import Iterable

from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.admin.forms.pages import WagtailAdminPageForm
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.permissions import policy_registry

from .serializers.references import Reference, field_references, ids_of

MEDIA_MODELS = {"image": get_image_model, "document": get_document_model}


def unchoosable(user, references: Iterable[Reference]) -> list[Reference]:
    """The images and documents among `references` that `user` may not choose,
    whether they exist or not, in a stable order."""
    references = set(references)
    refused: list[Reference] = []
    for kind, model in MEDIA_MODELS.items():
        wanted = ids_of(kind, references)
        if not wanted:
            continue
        policy = policy_registry.get_by_type(model())
        allowed = set(
            policy.instances_user_has_any_permission_for(user, ["choose"])
            .filter(pk__in=wanted)
            .values_list("pk", flat=True)
        )
        refused.extend((kind, pk) for pk in sorted(wanted - allowed))
    return refused


def refusal(references: Iterable[Reference]) -> str:
    """The error for media one may not choose, by id only: the title of an
    image in someone else's collection is not the chooser's to read."""
    names = {"image": _("image %(id)s"), "document": _("document %(id)s")}
    items = ", ".join(names[kind] % {"id": pk} for kind, pk in references)
    return _(
        "You may not use %(items)s: choose from the images and documents of "
        "your collections."
    ) % {"items": items}


class ChoosableMediaPageForm(WagtailAdminPageForm):
    """The form of every page: each image and document a field refers to anew
    (a chooser, a StreamField block, a rich-text link or embed) must be one the
    editing user may choose, else the field says so and nothing is saved."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.references_before = field_references(self.instance)
        self.refused_fields: set[str] = set()

    def _post_clean(self):
        super()._post_clean()  # the instance now holds the submitted values
        if self.for_user is None:
            return
        for name, references in field_references(self.instance).items():
            if name not in self.fields:
                continue
            new = references - self.references_before.get(name, set())
            refused = unchoosable(self.for_user, new)
            if refused:
                self.add_error(name, refusal(refused))
                self.refused_fields.add(self.add_prefix(name))

    def _widget_data_value(self, widget, html_name):
        """A refused field is shown again as it was before the edit: drawn from
        the posted ids, its chooser would show the title and thumbnail of an
        image that is not the user's. (Django's BoundField reads data here.)"""
        if html_name in self.refused_fields:
            name = html_name.removeprefix(f"{self.prefix}-" if self.prefix else "")
            return self.get_initial_for_field(self.fields[name], name)
        return super()._widget_data_value(widget, html_name)


def media_kind(model: type, field_path: str) -> str | None:
    """ "image" or "document" if the field at wagtail-localize's `field_path`
    (`image`, `body.gallery.images.item.image`) is a chooser of one, else None."""
    name, *blocks_path = field_path.split(".")
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if isinstance(field, StreamField):
        block = field.stream_block
        for step in blocks_path:
            if isinstance(block, blocks.ListBlock):
                block = block.child_block
            elif isinstance(block, blocks.StreamBlock | blocks.StructBlock):
                block = block.child_blocks.get(step)
            if block is None:
                return None
        if isinstance(block, ImageChooserBlock):
            return "image"
        if isinstance(block, DocumentChooserBlock):
            return "document"
        return None
    related = field.related_model if field.many_to_one else None
    for kind, media_model in MEDIA_MODELS.items():
        if related is not None and issubclass(related, media_model()):
            return kind
    return None


def refuse_unchoosable_override(sender, instance, **kwargs) -> None:
    """wagtail-localize's translation editor sets an image or document of a
    translation by id (`edit_override`): the translator must be able to choose
    it, unless it is the source's or the override's already. Its API answers
    403 to the PermissionDenied, and nothing is stored."""
    from wagtail_localize.models import OverridableSegment, SegmentOverride

    user = instance.last_translated_by
    if kwargs.get("raw") or user is None or instance.context_id is None:
        return
    segment = (
        OverridableSegment.objects.filter(context_id=instance.context_id)
        .select_related("source", "context")
        .first()
    )
    if segment is None:
        return
    source = segment.source.get_source_instance()
    kind = media_kind(type(source), segment.context.get_field_path(source))
    if kind is None:
        return
    kept = {str(segment.data)}
    if instance.pk:
        previous = SegmentOverride.objects.filter(pk=instance.pk).first()
        if previous is not None:
            kept.add(str(previous.data))
    value = str(instance.data).strip()
    if value in kept:
        return
    if not value.isascii() or not value.isdigit():
        raise PermissionDenied(refusal([(kind, value)]))
    refused = unchoosable(user, [(kind, int(value))])
    if refused:
        raise PermissionDenied(refusal(refused))
