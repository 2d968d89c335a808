"""The StreamField blocks every page body is built from."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageBlock(blocks.StructBlock):
    """An image with its caption and credit."""

    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        required=False,
        help_text=_(
            "Filled in from the image's own when empty, so that it is translated "
            "with the page; change it to describe the image for this page."
        ),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False)
    credit = blocks.CharBlock(
        label=_("credit"),
        required=False,
        help_text=_("Leave empty to use the credit stored with the image."),
    )

    class Meta:
        icon = "image"
        label = _("Image")

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        if image is not None and not image.alt_text.strip():
            raise blocks.StructBlockValidationError(
                block_errors={
                    "image": ValidationError(
                        _(
                            "The image “%(title)s” has no alternative text: add it "
                            "in Images before publishing."
                        )
                        % {"title": image.title}
                    )
                }
            )
        return value


class QuoteBlock(blocks.StructBlock):
    """A quotation with who said or wrote it."""

    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        preview_value = {
            "text": "Lecce è la Firenze del Barocco.",
            "attribution": "Ferdinand Gregorovius",
        }


class GalleryBlock(blocks.StructBlock):
    """A set of images shown together."""

    title = blocks.CharBlock(label=_("title"), required=False)
    images = blocks.ListBlock(ImageBlock(), min_num=2, label=_("images"))

    class Meta:
        icon = "grip"
        label = _("Gallery")


class BodyBlock(blocks.StreamBlock):
    """The body of places, stories, events, itineraries and businesses."""

    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Paragraph"),
        icon="pilcrow",
        preview_value="<p>Il centro storico di Lecce…</p>",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    gallery = GalleryBlock()
    embed = EmbedBlock(
        label=_("Embed"),
        icon="media",
        help_text=_("A video or map address, e.g. a YouTube link."),
    )

    class Meta:
        label = _("Body")


class SocialLinkBlock(blocks.StructBlock):
    """A link to a territory's page on a social network."""

    network = blocks.ChoiceBlock(
        choices=[
            ("facebook", "Facebook"),
            ("instagram", "Instagram"),
            ("youtube", "YouTube"),
            ("mastodon", "Mastodon"),
            ("tiktok", "TikTok"),
            ("x", "X"),
            ("other", _("Other")),
        ],
        label=_("network"),
    )
    url = blocks.URLBlock(label=_("address"))

    class Meta:
        icon = "link"
        label = _("Social link")
