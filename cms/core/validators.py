"""Validators for text that reaches the public sites as plain text.

The theme escapes everything, so these are not what keeps visitors safe: they
tell an editor, on the field, that what they pasted will not read as they think.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# What a browser reads as the start of a tag, a comment or a processing
# instruction: "<b", "</p", "<!--", "<?". A "<" before a space or a digit is text.
TAG = re.compile(r"<[a-zA-Z/!?]")

# Bidi embeddings, overrides and isolates turn text around on screen
# ("Trojan Source"); the marks U+200E/U+200F are fine and stay allowed.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
ALLOWED_CONTROLS = frozenset("\n\r\t")


def validate_no_markup(value: str) -> None:
    """Refuse HTML tags (and so scripts) where the site shows plain text."""
    match = TAG.search(value or "")
    if match:
        fragment = value[match.start() : match.start() + 12].split(">")[0]
        raise ValidationError(
            _(
                "Write plain text: HTML such as “%(fragment)s” is not allowed "
                "here. Remove the angle brackets."
            ),
            code="markup",
            params={"fragment": fragment},
        )


def hidden_character(value: str) -> str | None:
    """The first control or bidi-override character in `value`, if any."""
    for char in value or "":
        if char in ALLOWED_CONTROLS:
            continue
        if char in BIDI_CONTROLS or unicodedata.category(char) == "Cc":
            return char
    return None


def validate_no_hidden_characters(value: str) -> None:
    """Refuse invisible control and bidi-override characters."""
    char = hidden_character(value)
    if char is not None:
        code = f"U+{ord(char):04X}"
        name = unicodedata.name(char, "")
        raise ValidationError(
            _(
                "Remove the invisible character %(code)s%(name)s: it can hide "
                "or reverse text. It often comes from copy and paste."
            ),
            code="hidden_character",
            params={"code": code, "name": f" ({name})" if name else ""},
        )


PLAIN_TEXT_VALIDATORS = [validate_no_markup, validate_no_hidden_characters]


def plain_text_errors(instance, field_names) -> dict[str, list[ValidationError]]:
    """Run the plain-text validators on fields a model inherits and cannot redeclare."""
    errors: dict[str, list[ValidationError]] = {}
    for name in field_names:
        for validator in PLAIN_TEXT_VALIDATORS:
            try:
                validator(getattr(instance, name, "") or "")
            except ValidationError as error:
                errors.setdefault(name, []).append(error)
    return errors
