"""A territory is a Wagtail Site rooted at a TerritoryHomePage, plus its settings."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from cms.core.blocks import SocialLinkBlock
from cms.core.pages import ContentPage


class TerritoryHomePage(ContentPage):
    """The root of one territory's pages, in each of its languages."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "places.PlacesIndexPage",
        "stories.StoriesIndexPage",
        "events.EventsIndexPage",
        "itineraries.ItinerariesIndexPage",
        "offers.BusinessesIndexPage",
    ]
    max_count_per_parent = None

    class Meta:
        verbose_name = _("territory home page")
        verbose_name_plural = _("territory home pages")


class Fallback(models.TextChoices):
    OMIT = "omit", _("Leave the page out of that language")
    DEFAULT = "default", _("Show the default language with a notice")


class OpenDataLicence(models.TextChoices):
    CC_BY_4 = "CC-BY-4.0", "Creative Commons Attribution 4.0"
    CC_BY_SA_4 = "CC-BY-SA-4.0", "Creative Commons Attribution-ShareAlike 4.0"
    CC0 = "CC0-1.0", "Creative Commons Zero 1.0"
    IODL_2 = "IODL-2.0", "Italian Open Data License 2.0"


LICENCE_URLS = {
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "IODL-2.0": "https://www.dati.gov.it/iodl/2.0/",
}


# Who publishes the open data, as dati.gov.it knows them: a public body by its
# code in the IPA index (indicepa.gov.it, e.g. "c_e506" for the Comune di
# Lecce), anyone else by its VAT number or fiscal code.
PUBLISHER_ID = RegexValidator(
    r"^[A-Za-z0-9_]{2,20}$",
    _("Use the IPA code (e.g. c_e506), else the VAT number or fiscal code."),
)


class TerritorySettingsForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        languages = cleaned.get("languages")
        default = cleaned.get("default_language")
        if languages is not None and default is not None and default not in languages:
            self.add_error(
                "default_language",
                _("The default language must be one of the languages offered."),
            )
        return cleaned


@register_setting(icon="site")
class TerritorySettings(BaseSiteSetting):
    """What the static build needs to know about a territory."""

    base_form_class = TerritorySettingsForm

    slug = models.SlugField(
        _("slug"),
        unique=True,
        null=True,
        help_text=_("Names the territory's output folder, e.g. 'lecce'."),
    )
    public_base_url = models.URLField(
        _("public address"),
        blank=True,
        help_text=_("Where visitors find the site, e.g. https://lecce.example.org"),
    )
    languages = models.ManyToManyField(
        "wagtailcore.Locale",
        verbose_name=_("languages offered"),
        related_name="+",
        blank=True,
    )
    default_language = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("default language"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    fallback = models.CharField(
        _("untranslated pages"),
        max_length=16,
        choices=Fallback.choices,
        default=Fallback.DEFAULT,
    )
    open_data_licence = models.CharField(
        _("open data licence"),
        max_length=32,
        choices=OpenDataLicence.choices,
        default=OpenDataLicence.CC_BY_4,
    )
    open_data_publisher = models.CharField(
        _("open data publisher"),
        max_length=255,
        blank=True,
        help_text=_(
            "Who publishes the territory's open data and answers for it, as the "
            "national catalogue (dati.gov.it) should name them, e.g. "
            "Comune di Lecce. Empty: the territory's name."
        ),
    )
    open_data_publisher_id = models.CharField(
        _("open data publisher's identifier"),
        max_length=20,
        blank=True,
        validators=[PUBLISHER_ID],
        help_text=_(
            "A public body's code in the IPA index (indicepa.gov.it), e.g. "
            "c_e506; for anyone else, the VAT number or fiscal code. Needed by "
            "dati.gov.it to harvest the open-data catalogue."
        ),
    )
    brand_colour = models.CharField(
        _("brand colour"),
        max_length=7,
        default="#8a3b12",
        validators=[
            RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a colour like #8a3b12."))
        ],
    )
    logo = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_address = models.CharField(_("address"), max_length=255, blank=True)
    social_links = StreamField(
        [("link", SocialLinkBlock())], blank=True, verbose_name=_("social links")
    )
    build_hook_url = models.URLField(
        _("Netlify build hook"),
        blank=True,
        max_length=500,
        help_text=_("Secret: anyone with this address can start a build."),
    )
    netlify_site_id = models.CharField(
        _("Netlify site ID"),
        max_length=64,
        blank=True,
        help_text=_(
            "Site ID (API ID) on Netlify: deploys uploaded from the CMS go "
            "there, and Netlify's deploy notifications count only from it."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("public_base_url"),
                FieldPanel("brand_colour"),
                FieldPanel("logo"),
            ],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("default_language"),
                FieldPanel("fallback"),
            ],
            heading=_("Languages"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("open_data_licence"),
                FieldPanel("open_data_publisher"),
                FieldPanel("open_data_publisher_id"),
            ],
            heading=_("Open data"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
                FieldPanel("social_links"),
            ],
            heading=_("Contacts"),
        ),
        MultiFieldPanel(
            [FieldPanel("netlify_site_id"), FieldPanel("build_hook_url")],
            heading=_("Publishing"),
        ),
    ]

    class Meta:
        verbose_name = _("territory settings")
        verbose_name_plural = _("territory settings")

    def __str__(self) -> str:
        return self.slug or str(self.site)

    def clean(self) -> None:
        super().clean()
        if not self.slug:
            raise ValidationError({"slug": _("Every territory needs a slug.")})

    def language_codes(self) -> list[str]:
        """Offered languages, in the order the project lists them."""
        offered = {locale.language_code for locale in self.languages.all()}
        return [
            code
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
            if code in offered
        ]
