"""The image form editors and owners use: alt text is not optional there, and
the file is held to the limits before Wagtail decodes it. The clean copy that
is stored is made when the image saves (`CustomImage.save`), whatever form or
code the file came through."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .images import check
from .validators import PLAIN_TEXT_VALIDATORS


class LimitedImageField(WagtailImageField):
    """Wagtail's upload field with our limits in place of its pixel count:
    Wagtail decodes the whole picture to count its pixels, we read the header."""

    def check_image_pixel_size(self, f) -> None:
        check(f)


class CustomImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Swapped here, not declared: a declared field would also appear in
        # the multiple upload's edit form, which leaves the file out.
        if "file" in self.fields:
            wagtails = self.fields["file"]
            self.fields["file"] = LimitedImageField(
                label=wagtails.label, required=wagtails.required, widget=wagtails.widget
            )
        if "alt_text" in self.fields:
            self.fields["alt_text"].required = True
            self.fields["alt_text"].error_messages["required"] = _(
                "Write the alternative text: it is read aloud to blind visitors."
            )
        if "title" in self.fields:
            self.fields["title"].validators.extend(PLAIN_TEXT_VALIDATORS)
