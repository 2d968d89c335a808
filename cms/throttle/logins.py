"""The login lockout: five wrong passwords for one username from one address
lock that pair out for a while, whichever form or view checks the password.

The backend takes the try from the allowance *before* the password hash
(`limits.Limit.take`), so 25 parallel guesses get five hashes, not 25; a
success gives the allowance back. Every try is written to the audit trail
(`LoginAttempt`), which editors with the permission read in the admin, where
they can also unlock a pair (admin_views.py).
"""

from __future__ import annotations

import math

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import PermissionDenied, ValidationError
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from .limits import client_address, login_limit
from .models import LoginAttempt

# Set on the request when the backend refused a try: the form then says why.
REFUSED = "_vetrina_login_refused"


def pair(username: str, address: str) -> str:
    """The allowance's subject: a username (as typed, any case) from an address."""
    return f"{username.strip().casefold()}|{address}"


def subject(username: str, request) -> str:
    return pair(username, client_address(request))


def seconds_locked(username: str, request) -> float:
    """Seconds before `username` may try again from this address; 0 if free."""
    return login_limit().seconds_left(subject(username, request))


def unlock(username: str, address: str, by) -> None:
    login_limit().forget(pair(username, address))
    LoginAttempt.objects.create(
        username=username,
        address=address,
        outcome=LoginAttempt.Outcome.UNLOCKED,
        by=by.get_username(),
    )


class LockoutBackend(ModelBackend):
    """Django's backend, taking one try of the pair's allowance before the
    password is hashed, and refusing when none is left."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None  # not a password login: nothing to count
        if not login_limit().take(subject(username, request)):
            if request is not None:
                setattr(request, REFUSED, True)
            raise PermissionDenied
        return super().authenticate(request, username, password, **kwargs)


@receiver(user_login_failed, dispatch_uid="vetrina_login_failed")
def record_failure(sender, credentials, request=None, **kwargs) -> None:
    username = credentials.get("username")
    if not username:
        return
    refused = getattr(request, REFUSED, False)
    LoginAttempt.objects.create(
        username=username[:150],
        address=client_address(request),
        outcome=(
            LoginAttempt.Outcome.REFUSED if refused else LoginAttempt.Outcome.FAILED
        ),
    )


@receiver(user_logged_in, dispatch_uid="vetrina_logged_in")
def record_success(sender, request, user, **kwargs) -> None:
    if request is None:
        return
    username = user.get_username()
    login_limit().forget(subject(username, request))
    LoginAttempt.objects.create(
        username=username,
        address=client_address(request),
        outcome=LoginAttempt.Outcome.SUCCEEDED,
    )


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
        try:
            return super().clean()
        except ValidationError:
            if not getattr(self.request, REFUSED, False):
                raise
        username = self.cleaned_data.get("username", "")
        seconds = seconds_locked(username, self.request)
        raise ValidationError(
            self.error_messages["locked_out"],
            code="locked_out",
            params={"minutes": max(1, math.ceil(seconds / 60))},
        )
