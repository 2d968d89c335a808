"""The image form editors and owners use: alt text is not optional there."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class CustomImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "alt_text" in self.fields:
            self.fields["alt_text"].required = True
            self.fields["alt_text"].error_messages["required"] = _(
                "Write the alternative text: it is read aloud to blind visitors."
            )
