"""The endpoint where Netlify reports how a territory's deploys went.

Netlify signs each notification with a JWS over the body's digest, but one
secret signs the notifications of every site, and a signed body stays valid
for ever. So a body counts only for the territory whose Netlify site sent it,
only while it is fresh, and a deploy's state once recorded is not recorded
again nor taken back by an earlier body.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from cms.territories.models import TerritorySettings
from publisher.redirects import is_web_address

from .models import Build

# Netlify posts a notification as the deploy changes state, so its
# `updated_at` is a moment ago; an older body is one sent again. Wide enough
# for a slow delivery and a few minutes of clock skew, narrow enough that a
# captured body is soon worthless.
MAX_AGE = timedelta(minutes=15)

NETLIFY_STATES = {
    "ready": Build.Status.SUCCEEDED,
    "error": Build.Status.FAILED,
    "building": Build.Status.DEPLOYING,
    "enqueued": Build.Status.DEPLOYING,
    "processing": Build.Status.DEPLOYING,
}
FINISHED = {Build.Status.SUCCEEDED, Build.Status.FAILED}


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


def refused(error: str, status: int = 403) -> JsonResponse:
    return JsonResponse({"error": error}, status=status)


@csrf_exempt
@require_POST
def netlify_notification(request: HttpRequest, slug: str) -> HttpResponse:
    """Netlify's outgoing deploy webhook for one territory."""
    secret = getattr(settings, "VETRINA_NETLIFY_WEBHOOK_SECRET", "")
    token = request.headers.get("X-Webhook-Signature", "")
    if not secret or not verify_netlify_signature(request.body, token, secret):
        return refused("invalid or missing signature")
    territory = get_object_or_404(TerritorySettings, slug=slug)
    try:
        deploy = json.loads(request.body)
        deploy_id, state = str(deploy["id"]), str(deploy["state"])
        site_id = str(deploy.get("site_id") or "")
        sent = parse_datetime(str(deploy.get("updated_at") or deploy["created_at"]))
    except (ValueError, KeyError, TypeError, AttributeError):
        sent = None
    if sent is None or sent.tzinfo is None:
        return refused("expected a Netlify deploy object", status=400)
    if not territory.netlify_site_id or site_id != territory.netlify_site_id:
        return refused(f"this deploy is not of {slug}'s Netlify site")
    now = timezone.now()
    if not now - MAX_AGE <= sent <= now + MAX_AGE:
        return refused("this notification is too old: Netlify sends it at once")

    status = NETLIFY_STATES.get(state, Build.Status.DEPLOYING)
    builds = Build.objects.filter(site=territory.site)
    build = builds.filter(deploy_id=deploy_id).first()
    if build is not None and (
        build.status == status
        or (build.status in FINISHED and status == Build.Status.DEPLOYING)
    ):
        # Recorded already, or an earlier state sent late or again.
        return JsonResponse({"build": build.pk, "status": build.status})
    build = build or builds.filter(deploy_id="", status=Build.Status.DEPLOYING).first()
    if build is None:  # a deploy started on Netlify's side: record it too
        build = Build(site=territory.site, backend="Netlify", reason="Netlify")
    build.deploy_id = deploy_id
    build.status = status
    if is_web_address(address := deploy.get("deploy_ssl_url")):
        build.deploy_url = address
    if build.status == Build.Status.FAILED:
        build.message = _("Netlify could not publish: %(error)s") % {
            "error": deploy.get("error_message") or state}  # fmt: skip
    if build.status != Build.Status.DEPLOYING:
        build.finished_at = now
    build.save()
    return JsonResponse({"build": build.pk, "status": build.status})
