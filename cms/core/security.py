"""The security headers Django does not set by itself.

Login limits live in cms/throttle (they need their own tables).
"""

from django.conf import settings


class SecurityHeadersMiddleware:
    """Permissions-Policy on every response, and a CSP frame-ancestors that says
    what X-Frame-Options says (DENY, or SAMEORIGIN for the preview panel) in
    the form browsers now prefer. Goes before XFrameOptionsMiddleware."""

    FRAME_ANCESTORS = {"DENY": "'none'", "SAMEORIGIN": "'self'"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = settings.VETRINA_PERMISSIONS_POLICY
        if policy and "Permissions-Policy" not in response.headers:
            response.headers["Permissions-Policy"] = policy
        frames = response.headers.get("X-Frame-Options", "").upper()
        ancestors = self.FRAME_ANCESTORS.get(frames)
        if ancestors and "Content-Security-Policy" not in response.headers:
            response.headers["Content-Security-Policy"] = f"frame-ancestors {ancestors}"
        return response
