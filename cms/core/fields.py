"""Model fields that work the same on SQLite and PostgreSQL."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models


class MultipleChoiceField(models.JSONField):
    """A list of choices stored as JSON, edited with checkboxes.

    PostgreSQL's ArrayField would tie us to one database; JSON keeps SQLite too.
    """

    def __init__(self, *args, choices=(), **kwargs):
        self.multiple_choices = list(choices)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices"] = self.multiple_choices
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {key for key, _label in self.multiple_choices}
        unknown = [v for v in value or [] if v not in allowed]
        if unknown:
            raise ValidationError(
                "Unknown choice(s): %(unknown)s",
                params={"unknown": ", ".join(map(str, unknown))},
                code="invalid_choice",
            )

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.multiple_choices,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name[:1].upper() + self.verbose_name[1:],
            help_text=self.help_text,
        )
