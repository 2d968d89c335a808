"""The editor's preview: wagtail-headless-preview's client, served by the CMS.

Wagtail's preview redirects here with a token; the page is rendered by the
publisher's `render_page()` with the theme of the static site, plus Wagtail's
userbar so the accessibility checker keeps working. Nothing here is cached or
indexed.
"""

import mimetypes
import re

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET
from wagtail.admin.userbar import Userbar

from cms.core import security
from cms.territories.models import TerritorySettings
from publisher.render import theme_assets

from .access import PreviewRefused, open_preview
from .rendering import NotRenderable, render_preview

ROBOTS_META = '<meta name="robots" content="noindex">'
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)


def private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store, private"
    response["X-Robots-Tag"] = "noindex, nofollow"
    # Sandboxed: what owners wrote cannot script the admin it is shown in.
    response["Content-Security-Policy"] = security.header(security.PREVIEW, "'self'")
    return response


@require_GET
@xframe_options_sameorigin  # shown inside the admin's preview panel
def preview(request) -> HttpResponse:
    if not request.user.is_authenticated:
        return private(
            redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        )
    try:
        found = open_preview(
            request.GET.get("token", ""),
            request.GET.get("content_type", ""),
            request.user,
        )
        html = render_preview(found, request)
    except PreviewRefused as refusal:
        return refused(request, refusal.status, refusal.title, refusal.message)
    except NotRenderable as problem:
        return refused(
            request,
            422,
            _("This page cannot be previewed yet"),
            problem.message,
            problem.problems,
        )
    return private(HttpResponse(mark_preview(html, userbar(request, found))))


def refused(request, status, title, message, problems=()) -> HttpResponse:
    response = render(
        request,
        "preview/refused.html",
        {"title": title, "message": message, "problems": problems},
        status=status,
    )
    return private(response)


def userbar(request, found) -> str:
    """Wagtail's userbar, as in its own previews: the accessibility checker."""
    request.is_preview = True
    request.is_editing = True
    request.in_preview_panel = request.GET.get("in_preview_panel") == "true"
    return Userbar(object=found.saved or found.page).render_html({"request": request})


def mark_preview(html: str, userbar_html: str) -> str:
    """Add `noindex` to the head and the userbar to the end of the body."""
    if 'name="robots"' not in html:
        html = _HEAD.sub(lambda head: f"{head.group(0)}\n{ROBOTS_META}", html, count=1)
    before, found, after = html.rpartition("</body>")
    if not found:
        return html + userbar_html
    return f"{before}{userbar_html}\n{found}{after}"


@require_GET
def static(request, territory: str, name: str) -> HttpResponse:
    """The theme's assets and the territory's brand.css; URLs carry a version."""
    found = get_object_or_404(TerritorySettings, slug=territory)
    # theme_assets() reads the territory's colour only.
    data = theme_assets({"brand_colour": found.brand_colour}).get(name)
    if data is None:
        raise Http404(name)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = HttpResponse(data, content_type=content_type)
    response["Cache-Control"] = "private, max-age=86400"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
