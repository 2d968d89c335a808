"""Forms to propose an event (what, when, where, for whom, who) and a story.

Visitors use the public form; partner institutions use the same event fields
in the admin, with their own place as the venue, and a short story form.
"""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.core.choices import Audience
from cms.core.validators import PLAIN_PARAGRAPHS_VALIDATORS, PLAIN_TEXT_VALIDATORS
from cms.core.visitors import Honeypot
from cms.events.models import Frequency
from cms.places.models import PlacePage


class TerritoryField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.site_name or obj.hostname


class VenueField(forms.ModelChoiceField):
    def label_from_instance(self, obj: PlacePage) -> str:
        return f"{obj.title}, {obj.locality}" if obj.locality else obj.title


class EventFields(forms.Form):
    """What and when: the fields of an event anyone may propose."""

    title = forms.CharField(
        label=_("Name of the event"), max_length=200, validators=PLAIN_TEXT_VALIDATORS
    )
    description = forms.CharField(
        label=_("What happens"),
        help_text=_("In a few plain sentences, for the visitors."),
        widget=forms.Textarea(attrs={"rows": 5}),
        validators=[*PLAIN_PARAGRAPHS_VALIDATORS, MaxLengthValidator(500)],
    )
    date = forms.DateField(
        label=_("Day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    start_time = forms.TimeField(
        label=_("Starts at"),
        required=False,
        help_text=_("Empty for an event that lasts all day."),
        widget=forms.TimeInput(attrs={"type": "time"}),
    )
    end_time = forms.TimeField(
        label=_("Ends at"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
    )
    repeats = forms.ChoiceField(
        label=_("Repeats"), choices=Frequency.choices, required=False
    )
    repeat_until = forms.DateField(
        label=_("Repeats until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    audiences = forms.MultipleChoiceField(
        label=_("Especially for"),
        choices=Audience.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self):
        data = super().clean()
        day, until = data.get("date"), data.get("repeat_until")
        if until and not data.get("repeats"):
            self.add_error("repeats", _("Say how it repeats, or leave the end empty."))
        if until and day and until < day:
            self.add_error("repeat_until", _("The repetition ends before the event."))
        start, end = data.get("start_time"), data.get("end_time")
        if end and not start:
            self.add_error("start_time", _("Give the time it starts."))
        if start and end and end <= start:
            self.add_error("end_time", _("It ends before it starts."))
        if day and day < timezone.localdate():
            self.add_error("date", _("The day has passed."))
        return data


class ProposalForm(Honeypot, EventFields):
    """The public form: the event, where it is, and who proposes it."""

    field_order = [
        "territory",
        *(name for name in EventFields.base_fields if name != "audiences"),
        "venue",
        "address",
        "audiences",
    ]

    territory = TerritoryField(label=_("Territory"), queryset=None)
    venue = VenueField(
        label=_("Where: one of our places"),
        queryset=PlacePage.objects.none(),
        required=False,
        empty_label=_("Another place (write the address below)"),
    )
    address = forms.CharField(
        label=_("Where: the address"),
        required=False,
        max_length=255,
        validators=PLAIN_TEXT_VALIDATORS,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        validators=PLAIN_TEXT_VALIDATORS,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail"),
        help_text=_("We write to you when the event is published or declined."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Your phone"),
        required=False,
        max_length=40,
        validators=PLAIN_TEXT_VALIDATORS,
        help_text=_("Optional."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the editors of the territory keep these details to "
            "review the event and to write to me about it."
        ),
        error_messages={"required": _("We need your consent to handle the proposal.")},
    )

    def __init__(self, *args, territories, places, **kwargs):
        """`places`: the chosen territory's, so a venue elsewhere is refused."""
        super().__init__(*args, **kwargs)
        self.fields["territory"].queryset = territories
        self.fields["venue"].queryset = places

    def clean(self):
        data = super().clean()
        if not data.get("venue") and not (data.get("address") or "").strip():
            self.add_error(
                "address", _("Choose one of our places or write an address.")
            )
        return data


class StoryFields(forms.Form):
    """A story about a partner's place, in a few paragraphs: the editors add
    pictures and links if the partner does not."""

    title = forms.CharField(
        label=_("Title"), max_length=200, validators=PLAIN_TEXT_VALIDATORS
    )
    summary = forms.CharField(
        label=_("In short"),
        help_text=_("One or two sentences, shown in lists and previews."),
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[*PLAIN_PARAGRAPHS_VALIDATORS, MaxLengthValidator(300)],
    )
    text = forms.CharField(
        label=_("The story"),
        help_text=_("Leave an empty line between paragraphs."),
        widget=forms.Textarea(attrs={"rows": 12}),
        validators=[*PLAIN_PARAGRAPHS_VALIDATORS, MaxLengthValidator(10000)],
    )
    author = forms.CharField(
        label=_("Written by"),
        max_length=255,
        required=False,
        validators=PLAIN_TEXT_VALIDATORS,
    )
