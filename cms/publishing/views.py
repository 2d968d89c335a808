"""Publishing in the admin: status per territory, rebuild now.

Netlify's deploy notifications come in through webhook.py.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permissions import page_permission_policy

from cms.territories.models import TerritorySettings

from .models import Build
from .queue import request_build


def can_rebuild(user) -> bool:
    return user.has_perm("publishing.add_build")


def can_follow_builds(user) -> bool:
    """Those who may publish a page (editors, moderators) follow the builds
    their publishing starts; business owners never publish."""
    return page_permission_policy.user_has_permission(user, "publish")


class PublishingStatusView(
    PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView
):
    """Per territory: the last build, its status, duration, pages and error."""

    permission_policy = page_permission_policy
    permission_required = "publish"
    template_name = "publishing/status.html"
    page_title = gettext_lazy("Publishing")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = []
        for territory in TerritorySettings.objects.exclude(slug=None).select_related(
            "site"
        ):
            builds = list(Build.objects.filter(site=territory.site)[:5])
            rows.append(
                {
                    "territory": territory,
                    "last": builds[0] if builds else None,
                    "earlier": builds[1:],
                }
            )
        context.update(rows=rows, can_rebuild=can_rebuild(self.request.user))
        return context


@require_POST
def rebuild(request: HttpRequest, slug: str) -> HttpResponse:
    if not can_rebuild(request.user):
        raise PermissionDenied
    territory = get_object_or_404(TerritorySettings, slug=slug)
    request_build(territory.site_id, reason=_("rebuild asked by %(user)s") % {
        "user": request.user.get_username()})  # fmt: skip
    messages.success(request, _("A rebuild of %(territory)s is on its way.") % {
        "territory": territory.site.site_name or slug})  # fmt: skip
    return redirect("publishing_admin:status")
