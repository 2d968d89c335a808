"""Admin additions of the core app: the translation coverage report, phone fixes."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import page_permission_policy

from .views.translations import TranslationCoverageView


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
            include((urls, "core_reports"), namespace="core_reports"),
        )
    ]


@hooks.register("register_reports_menu_item")
def register_translation_coverage_menu_item():
    return TranslationCoverageMenuItem(
        _("Translation coverage"),
        reverse("core_reports:translation_coverage"),
        name="translation-coverage",
        icon_name="globe",
        order=9100,
    )


@hooks.register("insert_global_admin_css")
def admin_css() -> str:
    return format_html('<link rel="stylesheet" href="{}">', static("core/admin.css"))


@hooks.register("insert_global_admin_js")
def admin_js() -> str:
    return format_html('<script src="{}" defer></script>', static("core/admin.js"))
