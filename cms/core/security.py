"""The security headers Django does not set by itself: Permissions-Policy and a
Content-Security-Policy for each kind of response the CMS gives.

Not django-csp: its nonces cannot reach the inline scripts Wagtail's widgets
print, and a policy per kind of path would mean subclassing its middleware for
what is, here, three constant policies.

Login limits live in cms/throttle (they need their own tables).
"""

from functools import cache
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import reverse

# Where uploads are served from, when that is not the CMS itself (object storage).
MEDIA = "media"

# The admin (and Wagtail's login and password pages under it).
ADMIN = {
    "default-src": ["'self'"],
    # Wagtail 8 still starts its widgets with inline <script>s whose text names
    # the field (choosers, date pickers, InlinePanel, wagtail-localize's editor),
    # so no hash or nonce can cover them. What the policy still refuses: any
    # script from another origin, eval, plugins, and sending data anywhere else.
    "script-src": ["'self'", "'unsafe-inline'"],
    # style="" in Wagtail's templates and the styles its scripts set.
    "style-src": ["'self'", "'unsafe-inline'"],
    # data: for the SVGs of Wagtail's styles and widgets; blob: for the
    # preview of an image before it is uploaded.
    "img-src": ["'self'", "data:", "blob:", MEDIA],
    "media-src": ["'self'", MEDIA],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],  # the preview panel
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}

# The editor's preview: the territory's theme rendering content business owners
# wrote, on the admin's origin. `sandbox` without allow-same-origin gives it an
# opaque origin: its scripts cannot read the admin's cookies, storage or DOM,
# nor act as the editor. Scripts: the theme's and Wagtail's userbar (the
# accessibility checker), files only; links may open the public site in a tab.
PREVIEW = {
    "sandbox": ["allow-scripts", "allow-popups", "allow-popups-to-escape-sandbox"],
    "default-src": ["'none'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", MEDIA],
    "font-src": ["'self'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
}

# Everything else: the front door, the public sign-up pages, the API. No
# script at all; the public pages' own <style> block.
PUBLIC = {
    "default-src": ["'none'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["'self'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
}


@cache
def media_origin() -> str:
    """The origin the storage serves uploads from, if not this one."""
    parts = urlsplit(default_storage.url("csp"))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def header(policy: dict[str, list[str]], frame_ancestors: str = "") -> str:
    """The header's text; a policy names MEDIA, this server's origin is 'self'."""
    directives = []
    for name, sources in policy.items():
        values = [media_origin() if s == MEDIA else s for s in sources]
        directives.append(" ".join([name, *filter(None, values)]))
    if frame_ancestors:
        directives.append(f"frame-ancestors {frame_ancestors}")
    return "; ".join(directives)


class SecurityHeadersMiddleware:
    """Permissions-Policy and a Content-Security-Policy on every response: the
    admin's, or the public one; a view may set its own (the preview). Its
    frame-ancestors says what X-Frame-Options says (DENY, or SAMEORIGIN for the
    preview panel) in the form browsers now prefer. Goes before
    XFrameOptionsMiddleware."""

    FRAME_ANCESTORS = {"DENY": "'none'", "SAMEORIGIN": "'self'"}

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def __call__(self, request):
        response = self.get_response(request)
        policy = settings.VETRINA_PERMISSIONS_POLICY
        if policy and "Permissions-Policy" not in response.headers:
            response.headers["Permissions-Policy"] = policy
        if "Content-Security-Policy" not in response.headers:
            frames = response.headers.get("X-Frame-Options", "").upper()
            response.headers["Content-Security-Policy"] = header(
                ADMIN if self.in_admin(request) else PUBLIC,
                self.FRAME_ANCESTORS.get(frames, ""),
            )
        return response

    def in_admin(self, request) -> bool:
        if self.admin_prefix is None:
            self.admin_prefix = reverse("wagtailadmin_home")
        return request.path.startswith(self.admin_prefix)
