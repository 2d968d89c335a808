"""Allowances: take one try of a limit atomically, before the work it guards.

`take()` is the only way to count: a login reserves its try *before* the
password hash, a sign-up before it is stored, so a burst of parallel requests
gets exactly `limit` through however they interleave. django-axes counts a
failure after the password check (in a signal), which is why a parallel burst
passes its lock; django-ratelimit counts in the cache, whose database backend
does not increment atomically. Hence these thirty lines of our own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from .models import Allowance, LoginAttempt


@dataclass(frozen=True)
class Limit:
    """`tries` per `seconds`, for one scope of subjects."""

    scope: str
    tries: int
    seconds: int

    def take(self, subject: str) -> bool:
        """Count one try for `subject`; False (and nothing counted) if none is left."""
        now = timezone.now()
        rows = Allowance.objects.filter(scope=self.scope, subject=subject)
        # A window that has passed starts afresh (one statement, like the take).
        rows.filter(last_used__lt=now - timedelta(seconds=self.seconds)).update(used=0)
        if not rows.exists():
            try:
                with transaction.atomic():
                    Allowance.objects.create(
                        scope=self.scope, subject=subject, used=0, last_used=now
                    )
            except IntegrityError:
                pass  # a parallel request created it first
        taken = rows.filter(used__lt=self.tries).update(
            used=F("used") + 1, last_used=now
        )
        return taken == 1

    def seconds_left(self, subject: str) -> float:
        """How long until `subject` may try again; 0 if it may now."""
        row = Allowance.objects.filter(scope=self.scope, subject=subject).first()
        if row is None or row.used < self.tries:
            return 0.0
        free_at = row.last_used + timedelta(seconds=self.seconds)
        return max(0.0, (free_at - timezone.now()).total_seconds())

    def forget(self, subject: str) -> None:
        """Give `subject` its whole allowance back (a success, or an unlock)."""
        Allowance.objects.filter(scope=self.scope, subject=subject).delete()

    def exhausted(self):
        """The subjects with no try left now."""
        since = timezone.now() - timedelta(seconds=self.seconds)
        return Allowance.objects.filter(
            scope=self.scope, used__gte=self.tries, last_used__gte=since
        ).order_by("-last_used")


def login_limit() -> Limit:
    limits = {"ATTEMPTS": 5, "MINUTES": 15, **settings.VETRINA_LOGIN_LOCKOUT}
    return Limit("login", int(limits["ATTEMPTS"]), int(limits["MINUTES"]) * 60)


def signup_limit() -> Limit:
    tries, seconds = getattr(settings, "VETRINA_SIGNUP_RATE", (5, 3600))
    return Limit("signup", int(tries), int(seconds))


def proposal_limit() -> Limit:
    """Event proposals from the public form, per client address."""
    tries, seconds = getattr(settings, "VETRINA_PROPOSAL_RATE", (5, 3600))
    return Limit("proposal", int(tries), int(seconds))


def password_reset_limits() -> tuple[Limit, Limit]:
    """Per client address, and per e-mail address (so nobody is mail-bombed)."""
    per_address, per_email, seconds = getattr(
        settings, "VETRINA_PASSWORD_RESET_RATE", (5, 3, 3600)
    )
    return (
        Limit("reset-address", int(per_address), int(seconds)),
        Limit("reset-email", int(per_email), int(seconds)),
    )


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


def refusal(
    request: HttpRequest, limit: Limit, template: str, context: dict
) -> HttpResponse | None:
    """Take one try of `limit` for the visitor's address; None if it was left,
    else `template` as a 429 with Retry-After.

    A public form calls it before it stores anything, so a parallel burst
    stores at most the limit, and every such form refuses the same way.
    """
    if limit.take(client_address(request)):
        return None
    response = render(request, template, context, status=429)
    response.headers["Retry-After"] = str(limit.seconds)
    return response


def prune(now=None) -> int:
    """Forget allowances nobody has used for a day and login attempts older
    than VETRINA_LOGIN_AUDIT_DAYS (90); return how many rows went. The
    scheduler calls it once a day."""
    now = now or timezone.now()
    days = getattr(settings, "VETRINA_LOGIN_AUDIT_DAYS", 90)
    stale, _ = Allowance.objects.filter(last_used__lt=now - timedelta(days=1)).delete()
    old, _ = LoginAttempt.objects.filter(at__lt=now - timedelta(days=days)).delete()
    return stale + old
