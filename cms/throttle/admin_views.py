"""The audit trail of logins in the admin, and the unlock action.

Administrators (and whoever holds `throttle.view_loginattempt`) read every
try; holding `throttle.delete_allowance` as well, they can lift a lock
before it expires, which the trail records with their name.
"""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .limits import login_limit
from .logins import unlock
from .models import Allowance, LoginAttempt

attempts_policy = ModelPermissionPolicy(LoginAttempt)
allowances_policy = ModelPermissionPolicy(Allowance)


def can_unlock(user) -> bool:
    return allowances_policy.user_has_permission(user, "delete")


def locked_pairs() -> list[dict]:
    """Username and address of each pair that may not log in now."""
    pairs = []
    for row in login_limit().exhausted():
        username, _sep, address = row.subject.rpartition("|")
        pairs.append({"username": username, "address": address, "since": row.last_used})
    return pairs


class LoginAttemptFilterSet(WagtailFilterSet):
    username = django_filters.CharFilter(
        label=gettext_lazy("Username"), lookup_expr="icontains"
    )
    address = django_filters.CharFilter(label=gettext_lazy("Address"))
    outcome = django_filters.ChoiceFilter(
        label=gettext_lazy("Outcome"), choices=LoginAttempt.Outcome.choices
    )

    class Meta:
        model = LoginAttempt
        fields = ["username", "address", "outcome"]


class LoginAttemptsView(ReportView):
    page_title = gettext_lazy("Login attempts")
    header_icon = "lock"
    template_name = "throttle/login_attempts.html"
    index_url_name = "throttle:login_attempts"
    index_results_url_name = "throttle:login_attempts_results"
    filterset_class = LoginAttemptFilterSet
    permission_policy = attempts_policy
    permission_required = "view"
    model = LoginAttempt
    columns = [
        DateColumn("at", label=gettext_lazy("When")),
        Column("username", label=gettext_lazy("Username")),
        Column("address", label=gettext_lazy("Address")),
        Column("get_outcome_display", label=gettext_lazy("Outcome")),
        Column("by", label=gettext_lazy("By")),
    ]
    list_export = ["at", "username", "address", "outcome", "by"]

    def get_queryset(self):
        return LoginAttempt.objects.all()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["locked"] = locked_pairs()
        context["can_unlock"] = can_unlock(self.request.user)
        return context


@require_POST
def unlock_view(request):
    if not can_unlock(request.user):
        raise PermissionDenied
    username = request.POST.get("username", "")
    address = request.POST.get("address", "")
    unlock(username, address, by=request.user)
    messages.success(
        request,
        _("%(username)s may log in again from %(address)s.")
        % {"username": username, "address": address or "?"},
    )
    return redirect("throttle:login_attempts")
