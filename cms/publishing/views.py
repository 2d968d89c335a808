"""Publishing in the admin (status per territory, rebuild now) and the endpoint
where Netlify reports how its deploys ended."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.territories.models import TerritorySettings

from .models import Build
from .queue import request_build


def can_rebuild(user) -> bool:
    return user.has_perm("publishing.add_build")


class PublishingStatusView(WagtailAdminTemplateMixin, TemplateView):
    """Per territory: the last build, its status, duration, pages and error."""

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


def verify_netlify_signature(body: bytes, token: str, secret: str) -> bool:
    """Netlify signs notifications with a JWS (HS256) whose payload carries
    `iss: netlify` and the SHA-256 of the body."""
    try:
        header_b64, payload_b64, signature_b64 = token.split(".")
        signed = f"{header_b64}.{payload_b64}".encode()
        expected = hmac.new(secret.encode(), signed, hashlib.sha256).digest()
        signature = base64.urlsafe_b64decode(
            signature_b64 + "=" * (-len(signature_b64) % 4)
        )
        if not hmac.compare_digest(expected, signature):
            return False
        header = json.loads(
            base64.urlsafe_b64decode(header_b64 + "=" * (-len(header_b64) % 4))
        )
        payload = json.loads(
            base64.urlsafe_b64decode(payload_b64 + "=" * (-len(payload_b64) % 4))
        )
    except (ValueError, TypeError):
        return False
    return (
        header.get("alg") == "HS256"
        and payload.get("iss") == "netlify"
        and hmac.compare_digest(
            str(payload.get("sha256", "")), hashlib.sha256(body).hexdigest()
        )
    )  # fmt: skip


NETLIFY_STATES = {
    "ready": Build.Status.SUCCEEDED,
    "error": Build.Status.FAILED,
    "building": Build.Status.DEPLOYING,
    "enqueued": Build.Status.DEPLOYING,
    "processing": Build.Status.DEPLOYING,
}


@csrf_exempt
@require_POST
def netlify_notification(request: HttpRequest, slug: str) -> HttpResponse:
    """Netlify's outgoing deploy webhook: authenticated by its JWS signature."""
    secret = getattr(settings, "VETRINA_NETLIFY_WEBHOOK_SECRET", "")
    token = request.headers.get("X-Webhook-Signature", "")
    if not secret or not verify_netlify_signature(request.body, token, secret):
        return JsonResponse({"error": "invalid or missing signature"}, status=403)
    territory = get_object_or_404(TerritorySettings, slug=slug)
    try:
        deploy = json.loads(request.body)
        deploy_id, state = str(deploy["id"]), str(deploy["state"])
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"error": "expected a Netlify deploy object"}, status=400)
    builds = Build.objects.filter(site=territory.site)
    build = builds.filter(deploy_id=deploy_id).first() or (
        builds.filter(deploy_id="", status=Build.Status.DEPLOYING).first()
    )
    if build is None:  # a deploy started on Netlify's side: record it too
        build = Build(site=territory.site, backend="Netlify", reason="Netlify")
    build.deploy_id = deploy_id
    build.status = NETLIFY_STATES.get(state, Build.Status.DEPLOYING)
    build.deploy_url = deploy.get("deploy_ssl_url") or build.deploy_url
    if build.status == Build.Status.FAILED:
        build.message = _("Netlify could not publish: %(error)s") % {
            "error": deploy.get("error_message") or state}  # fmt: skip
    if build.status != Build.Status.DEPLOYING:
        build.finished_at = timezone.now()
    build.save()
    return JsonResponse({"build": build.pk, "status": build.status})
