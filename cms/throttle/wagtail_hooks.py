"""The login audit trail's place in the admin: Reports → Login attempts."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import LoginAttemptsView, attempts_policy, unlock_view


class LoginAttemptsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return attempts_policy.user_has_permission(request.user, "view")


@hooks.register("register_admin_urls")
def register_throttle_urls():
    urls = [
        path("", LoginAttemptsView.as_view(), name="login_attempts"),
        path(
            "results/",
            LoginAttemptsView.as_view(results_only=True),
            name="login_attempts_results",
        ),
        path("unlock/", unlock_view, name="unlock"),
    ]
    return [path("login-attempts/", include((urls, "throttle"), namespace="throttle"))]


@hooks.register("register_reports_menu_item")
def register_login_attempts_menu_item():
    return LoginAttemptsMenuItem(
        _("Login attempts"),
        reverse("throttle:login_attempts"),
        name="login-attempts",
        icon_name="lock",
        order=9200,
    )
