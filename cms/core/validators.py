"""Validators for text that reaches the public sites as plain text.

The theme escapes everything, so these are not what keeps visitors safe: they
tell an editor, on the field, that what they pasted will not read as they think.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# What a browser reads as the start of a tag, a comment or a processing
# instruction: "<b", "</p", "<!--", "<?". A "<" before a space or a digit is text.
TAG = re.compile(r"<[a-zA-Z/!?]")


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


# Invisible format characters (Unicode category Cf) hide, split or turn
# around text: the bidi embeddings, overrides and isolates ("Trojan Source"),
# the zero-width space, the word joiner, the soft hyphen, the BOM… so a name
# that looks the same is not the same. Allowed are those languages need: the
# zero-width non-joiner and joiner (Persian, Indic scripts, emoji sequences)
# and the left-to-right, right-to-left and Arabic letter marks.
ALLOWED_FORMAT = frozenset("\u200c\u200d\u200e\u200f\u061c")
# What ends a line, in any of Unicode's ways: one-line fields refuse them (a
# business name reaches e-mail subjects, where a line break is a new header).
LINE_BREAKS = frozenset("\n\r\x0b\x0c\x85\u2028\u2029")
PARAGRAPH_CONTROLS = frozenset("\n\r\t")


def hidden_character(value: str, *, paragraphs: bool = False) -> str | None:
    """The first character of `value` a reader cannot see, if any: controls
    and invisible format characters; line breaks and tabs too, unless
    `paragraphs` allows them."""
    for char in value or "":
        if paragraphs and char in PARAGRAPH_CONTROLS:
            continue
        category = unicodedata.category(char)
        if (
            char in LINE_BREAKS
            or category in ("Cc", "Zl", "Zp")
            or (category == "Cf" and char not in ALLOWED_FORMAT)
        ):
            return char
    return None


def _refuse(char: str) -> None:
    code = f"U+{ord(char):04X}"
    if char in LINE_BREAKS:
        raise ValidationError(
            _("Write this on one line: remove the line break (%(code)s)."),
            code="line_break",
            params={"code": code},
        )
    name = unicodedata.name(char, "")
    raise ValidationError(
        _(
            "Remove the invisible character %(code)s%(name)s: it can hide "
            "or reverse text. It often comes from copy and paste."
        ),
        code="hidden_character",
        params={"code": code, "name": f" ({name})" if name else ""},
    )


def validate_no_hidden_characters(value: str) -> None:
    """One line of visible text: no controls, line breaks or invisible characters."""
    char = hidden_character(value)
    if char is not None:
        _refuse(char)


def validate_no_hidden_characters_in_text(value: str) -> None:
    """Paragraphs of visible text: line breaks and tabs allowed, nothing hidden."""
    char = hidden_character(value, paragraphs=True)
    if char is not None:
        _refuse(char)


# A one-line field (a name, a title, a label) and a field of paragraphs.
PLAIN_TEXT_VALIDATORS = [validate_no_markup, validate_no_hidden_characters]
PLAIN_PARAGRAPHS_VALIDATORS = [
    validate_no_markup,
    validate_no_hidden_characters_in_text,
]


def plain_text_errors(instance, field_names) -> dict[str, list[ValidationError]]:
    """Run the plain-text validators on fields a model inherits and cannot
    redeclare: a TextField holds paragraphs, any other field one line."""
    errors: dict[str, list[ValidationError]] = {}
    for name in field_names:
        field = instance._meta.get_field(name)
        validators = (
            PLAIN_PARAGRAPHS_VALIDATORS
            if isinstance(field, models.TextField)
            else PLAIN_TEXT_VALIDATORS
        )
        for validator in validators:
            try:
                validator(getattr(instance, name, "") or "")
            except ValidationError as error:
                errors.setdefault(name, []).append(error)
    return errors
