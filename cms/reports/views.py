"""The "Translation coverage" report: which pages lack which language."""

from urllib.parse import urlencode

import django_filters
from django import forms
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BaseColumn, Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.coreutils import get_content_type_label
from wagtail.models import Locale, Page

from cms.territories.models import TerritorySettings

from .translation_coverage import (
    UNTRANSLATED,
    CoverageRow,
    LanguageCoverage,
    TranslationState,
    coverage_rows,
    source_pages,
    target_locales,
)

STATE_HELP = {
    TranslationState.MISSING: _("There is no page in this language."),
    TranslationState.ALIAS: _(
        "The page in this language repeats the original text: nobody translated it."
    ),
    TranslationState.OUT_OF_DATE: _(
        "The original was published again after the translation was last synced."
    ),
    TranslationState.DRAFT: _("Translated, but not published."),
    TranslationState.LIVE: _("Translated and published."),
}


def territories():
    """Territories, the default site's first."""
    return (
        TerritorySettings.objects.exclude(slug=None)
        .select_related("site")
        .order_by("-site__is_default_site", "site__site_name", "slug")
    )


class TranslationCoverageFilterSet(WagtailFilterSet):
    # The view reads both values: the territory decides which pages and
    # languages there are, so neither can filter a queryset on its own.
    territory = django_filters.ChoiceFilter(
        label=_("Territory"), empty_label=None, widget=forms.RadioSelect
    )
    untranslated = django_filters.BooleanFilter(
        label=_("Missing a language"),
        help_text=_("Missing, or only an untranslated copy, in some language."),
        widget=BooleanRadioSelect,
    )

    def __init__(self, data=None, queryset=None, **kwargs):
        choices = [
            (territory.slug, str(territory.site.site_name or territory.slug))
            for territory in territories()
        ]
        # The first territory is chosen unless another is: there is no "all".
        default = choices[0][0] if choices else None
        if data is not None and default and not data.get("territory"):
            data = data.copy()
            data["territory"] = default
        # No model, so no automatic locale filter; django-filter wants a queryset.
        if queryset is None:
            queryset = Page.objects.none()
        super().__init__(data, queryset, **kwargs)
        self.filters["territory"].extra.update(choices=choices, initial=default)


class LanguageColumn(BaseColumn):
    """One of the territory's languages: each page's state, and what to do next."""

    cell_template_name = "reports/translation_coverage_cell.html"

    def __init__(
        self, locale: Locale, index: int, *, can_translate: bool, next_url: str
    ):
        super().__init__(
            f"language-{locale.language_code}", label=locale.get_display_name()
        )
        self.locale = locale
        self.index = index
        self.can_translate = can_translate
        self.next_url = next_url

    def get_cell_context_data(self, instance: CoverageRow, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        cell = instance.languages[self.index]
        context["cell"] = cell
        context["help"] = STATE_HELP[cell.state]
        context["primary"] = cell.state == TranslationState.LIVE
        context["action_url"], context["action_label"] = self.get_action(
            instance.page, cell
        )
        return context

    def get_action(self, page: Page, cell: LanguageCoverage) -> tuple[str, str]:
        """Translate what is missing, sync what is stale, edit the rest."""
        if cell.state in UNTRANSLATED:
            if not self.can_translate:
                return "", ""
            url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
            query = urlencode({"select_locale": self.locale.language_code})
            return f"{url}?{query}", _("Translate")
        if cell.state == TranslationState.OUT_OF_DATE and self.can_translate:
            url = reverse(
                "wagtail_localize:update_translations",
                args=[cell.translation_source_id],
            )
            return f"{url}?{urlencode({'next': self.next_url})}", _("Sync")
        return reverse("wagtailadmin_pages:edit", args=[cell.page_id]), _("Edit")


class TranslationCoverageView(ReportView):
    """A territory's pages, one column per language it offers besides the default."""

    page_title = _("Translation coverage")
    header_icon = "globe"
    index_url_name = "reports:translation_coverage"
    index_results_url_name = "reports:translation_coverage_results"
    filterset_class = TranslationCoverageFilterSet
    model = Page
    any_permission_required = ["change", "publish"]

    @cached_property
    def territory(self) -> TerritorySettings | None:
        slug = self.filter_value("territory")
        if slug:
            return territories().filter(slug=slug).first()
        return territories().first()

    @cached_property
    def locales(self) -> list[Locale]:
        return target_locales(self.territory) if self.territory else []

    @cached_property
    def columns(self):
        can_translate = self.request.user.has_perm(
            "wagtail_localize.submit_translation"
        )
        # Back to the whole report, also when only the results were rendered.
        query = self.request.GET.copy()
        query.pop("_w_filter_fragment", None)
        next_url = f"{self.index_url}?{query.urlencode()}" if query else self.index_url
        return [
            TitleColumn(
                "title",
                label=_("Page"),
                accessor="page.get_admin_display_title",
                get_url=lambda row: reverse(
                    "wagtailadmin_pages:edit", args=[row.page.pk]
                ),
            ),
            Column(
                "type",
                label=_("Type"),
                accessor=lambda row: get_content_type_label(row.page.content_type),
            ),
            *(
                LanguageColumn(
                    locale, index, can_translate=can_translate, next_url=next_url
                )
                for index, locale in enumerate(self.locales)
            ),
        ]

    def filter_value(self, name: str):
        if self.filters and self.filters.is_valid():
            return self.filters.form.cleaned_data.get(name)
        return None

    def get_page_subtitle(self):
        return self.territory.site.site_name if self.territory else ""

    def get_queryset(self):
        if self.territory is None:
            self.queryset = Page.objects.none()
        else:
            self.queryset = source_pages(
                self.territory,
                locales=self.locales,
                user=self.request.user,
                untranslated=self.filter_value("untranslated"),
            )
        return super().get_queryset()

    def filter_queryset(self, queryset):
        # get_queryset has applied the filters already: see the filter set.
        return queryset

    def get_table(self, object_list):
        if self.territory is None:
            return super().get_table([])
        return super().get_table(
            coverage_rows(self.territory, object_list, locales=self.locales)
        )
