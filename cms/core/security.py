"""Login throttling and the security headers Django does not set by itself.

Five wrong passwords for one username from one address lock that pair out for
a while; the cache keeps the count, so several processes share it when the
cache does (the database cache in production).
"""

import hashlib
import math
import time

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


def lockout_settings() -> dict[str, int]:
    return {"ATTEMPTS": 5, "MINUTES": 15, **settings.VETRINA_LOGIN_LOCKOUT}


def now() -> float:
    return time.time()


def client_address(request) -> str:
    """The visitor's address, as the last trusted proxy saw it.

    With VETRINA_PROXY_COUNT = n proxies in front of the CMS (each appending
    to X-Forwarded-For), the n-th address from the right is the one the first
    proxy received; what a client writes further left is not trusted. Without
    proxies, the socket's address.
    """
    if request is None:
        return ""
    proxies = getattr(settings, "VETRINA_PROXY_COUNT", 0)
    if proxies > 0:
        hops = [
            hop.strip()
            for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if hop.strip()
        ]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _key(username: str, request) -> str:
    address = client_address(request)
    pair = f"{username.strip().casefold()}|{address}".encode()
    return "vetrina:login:" + hashlib.sha256(pair).hexdigest()


def locked_for(username: str, request) -> float:
    """Seconds left before `username` may try again from this address; 0 if free."""
    state = cache.get(_key(username, request)) or {}
    return max(0.0, state.get("locked_until", 0) - now())


def record_failure(username: str, request) -> None:
    if locked_for(username, request):
        return  # attempts while locked neither count nor extend the lock
    limits = lockout_settings()
    seconds = limits["MINUTES"] * 60
    key = _key(username, request)
    state = cache.get(key) or {}
    failures = state.get("failures", 0) + 1
    if failures >= limits["ATTEMPTS"]:
        state = {"failures": 0, "locked_until": now() + seconds}
    else:
        state = {"failures": failures}
    cache.set(key, state, timeout=seconds)


@receiver(user_login_failed, dispatch_uid="vetrina_login_failed")
def count_failed_login(sender, credentials, request=None, **kwargs) -> None:
    username = credentials.get("username")
    if username:
        record_failure(username, request)


@receiver(user_logged_in, dispatch_uid="vetrina_logged_in")
def forget_failed_logins(sender, request, user, **kwargs) -> None:
    if request is not None:
        cache.delete(_key(user.get_username(), request))


class LockoutBackend(ModelBackend):
    """Django's backend, refusing a locked pair before the password is checked,
    whichever form or view asked."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username and locked_for(username, request):
            raise PermissionDenied
        return super().authenticate(request, username, password, **kwargs)


class LoginForm(WagtailLoginForm):
    """Wagtail's login form, saying plainly when and why a login is blocked."""

    error_messages = {
        **WagtailLoginForm.error_messages,
        "locked_out": _(
            "Too many wrong passwords: logging in as this user from here is "
            "blocked. Try again in %(minutes)s min, or ask an administrator to "
            "reset your password."
        ),
    }

    def clean(self):
        username = self.cleaned_data.get("username")
        seconds = locked_for(username, self.request) if username else 0
        if seconds:
            raise ValidationError(
                self.error_messages["locked_out"],
                code="locked_out",
                params={"minutes": math.ceil(seconds / 60)},
            )
        return super().clean()


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
