"""Forms for inviting owners, asking to join, and deciding on a request."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cms.core.validators import PLAIN_TEXT_VALIDATORS
from cms.core.visitors import Honeypot
from cms.offers.models import BusinessPage
from cms.places.models import PlacePage

from .access import editable_partners, territories, territory_partners
from .models import OWNER_LANGUAGES, SignupRequest


class PartnerChoiceField(forms.ModelChoiceField):
    """Businesses and institutions, each named with its kind and territory."""

    def label_from_instance(self, obj) -> str:
        kind = obj.get_kind_display() if isinstance(obj, PlacePage) else _("business")
        site = obj.get_site()
        where = f" — {site.site_name}" if site else ""
        return f"{obj.title} ({kind}){where}"


class TerritoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.site_name or obj.hostname


def admin_language() -> str:
    codes = [code for code, _name in OWNER_LANGUAGES]
    current = (get_language() or "").split("-")[0]
    return current if current in codes else codes[0]


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    name = forms.CharField(
        label=_("Name"), max_length=150, validators=PLAIN_TEXT_VALIDATORS
    )
    language = forms.ChoiceField(
        label=_("Language of the e-mail and of the admin"), choices=OWNER_LANGUAGES
    )
    business = PartnerChoiceField(
        label=_("Business or institution"), queryset=BusinessPage.objects.none()
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["business"].queryset = editable_partners(user)
        self.fields["language"].initial = admin_language()


class SignupForm(Honeypot, forms.ModelForm):
    """The public form, with a honeypot."""

    territory = TerritoryChoiceField(
        label=_("Territory"),
        queryset=territories(),
        empty_label=_("Choose your territory"),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the editors of the territory keep these details to answer "
            "my request and, if it is accepted, to create my account."
        ),
        error_messages={"required": _("We need your consent to handle the request.")},
    )

    class Meta:
        model = SignupRequest
        fields = [
            "kind",
            "business_name",
            "territory",
            "contact_name",
            "email",
            "phone",
            "message",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 5}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "business_name": forms.TextInput(attrs={"autocomplete": "organization"}),
        }
        help_texts = {
            "phone": _("Optional."),
            "message": _("Optional. What you offer, in a few plain words."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["territory"].queryset = territories()


class ApproveForm(forms.Form):
    business = PartnerChoiceField(
        label=_("Business"),
        queryset=BusinessPage.objects.none(),
        required=False,
        empty_label=_("Create a new draft business page with the requested name"),
    )

    def __init__(self, *args, signup: SignupRequest, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["business"]
        if signup.kind == SignupRequest.Kind.INSTITUTION:
            # An institution is a place the editors describe: they choose it,
            # creating its page first if it has none.
            field.label = _("Institution")
            field.required = True
            field.empty_label = _("Choose the place of the institution")
            field.queryset = territory_partners([signup.territory], (PlacePage,))
        else:
            field.queryset = territory_partners([signup.territory], (BusinessPage,))
