"""The reports' place in the admin: their URLs and the Reports menu."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import page_permission_policy

from .dashboard import TerritoryWorkPanel, work_for
from .views import TranslationCoverageView


class TranslationCoverageMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return page_permission_policy.user_has_any_permission(
            request.user, ["change", "publish"]
        )


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [
        path("", TranslationCoverageView.as_view(), name="translation_coverage"),
        path(
            "results/",
            TranslationCoverageView.as_view(results_only=True),
            name="translation_coverage_results",
        ),
    ]
    return [
        path(
            "reports/translation-coverage/",
            include((urls, "reports"), namespace="reports"),
        )
    ]


@hooks.register("register_reports_menu_item")
def register_translation_coverage_menu_item():
    return TranslationCoverageMenuItem(
        _("Translation coverage"),
        reverse("reports:translation_coverage"),
        name="translation-coverage",
        icon_name="globe",
        order=9100,
    )


# Before the owners' hook, which gives a business owner their own panel only.
@hooks.register("construct_homepage_panels", order=-10)
def territory_work_panel(request, panels) -> None:
    work = work_for(request.user)
    if work:
        panels.append(TerritoryWorkPanel(work))
