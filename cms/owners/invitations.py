"""Inviting a partner: an account, the business or institution, and a mail
with a link.

The account is created without a password; the mail carries a one-time link
(Django's password-reset token: it dies once the password is set, or after
PASSWORD_RESET_TIMEOUT) to the CMS's own set-password page. Someone who already
has a password is only told about the new business.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from cms.offers.models import BusinessPage

from .roles import PARTNER_MODELS

logger = logging.getLogger(__name__)


class InvitationRefused(Exception):
    """The invitation cannot go ahead; the message says why, to the editor."""


@dataclass
class Invitation:
    user: object
    business: Page  # a business or an institution's place
    created: bool
    set_password_url: str | None


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def set_password_url(user) -> str:
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return absolute(
        reverse("owners:set_password", kwargs={"uidb64": uidb64, "token": token})
    )


def link_days() -> int:
    return max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)


def _username_for(email: str) -> str:
    User = get_user_model()
    base = email.lower()[:140]
    candidate, n = base, 1
    while User.objects.filter(username=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def find_or_create_owner(email: str, name: str, language: str) -> tuple[object, bool]:
    """The account with this e-mail, or a new one that cannot log in yet."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).order_by("pk").first()
    if user is not None:
        if not user.is_active:
            raise InvitationRefused(
                _(
                    "The account of %(email)s is deactivated. Reactivate it in "
                    "Users first, if you trust it again."
                )
                % {"email": email}
            )
        return user, False
    first, _sep, last = " ".join(name.split()).partition(" ")
    user = User(
        username=_username_for(email),
        email=email,
        first_name=first[:150],
        last_name=last[:150],
        is_active=True,
    )
    user.set_unusable_password()
    user.save()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user, True


def add_owner(business: Page, user) -> None:
    """Make `user` an owner, in the database and in the latest draft.

    Through the user's side of the relation (`user.businesses`,
    `user.institutions`), so the change is saved at once and the m2m signal
    gives the owner their group; the latest revision learns it too, or
    publishing an older draft would take the owner away again.
    """
    getattr(user, PARTNER_MODELS[business.specific_class]).add(business)
    revision = business.latest_revision
    if revision is not None:
        owners = revision.content.get("owners") or []
        if user.pk not in owners:
            revision.content["owners"] = [*owners, user.pk]
            revision.save(update_fields=["content"])


def _business_title(business: Page, language: str) -> str:
    locale = Locale.objects.filter(language_code=language).first()
    translated = business.get_translation_or_none(locale) if locale else None
    return (translated or business).title


def send_invitation(invitation: Invitation, language: str, invited_by=None) -> None:
    """One mail, plain text and HTML, in the owner's language."""
    user, business = invitation.user, invitation.business
    with translation.override(language):
        site = business.get_site()
        context = {
            "name": user.get_full_name() or user.get_username(),
            "business": _business_title(business, language),
            "institution": business.specific_class is not BusinessPage,
            "territory": site.site_name if site else settings.WAGTAIL_SITE_NAME,
            "invited_by": invited_by.get_full_name() if invited_by else "",
            "set_password_url": invitation.set_password_url,
            "login_url": absolute(reverse("wagtailadmin_login")),
            "username": user.get_username(),
            "days": link_days(),
        }
        if invitation.set_password_url:
            subject = _("Your account for %(business)s on %(territory)s") % context
            template = "owners/email/invitation"
        else:
            subject = _("You can now manage %(business)s on %(territory)s") % context
            template = "owners/email/added"
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(subject, text, to=[user.email])
    message.attach_alternative(html, "text/html")
    message.extra_headers["Content-Language"] = language
    message.send()


def invite(
    business: Page,
    *,
    email: str,
    name: str,
    language: str,
    invited_by=None,
) -> Invitation:
    """Create or find the account, make it an owner, and mail them."""
    with transaction.atomic():
        user, created = find_or_create_owner(email, name, language)
        add_owner(business, user)
    # Someone invited before who never set a password gets a fresh link.
    link = set_password_url(user) if not user.has_usable_password() else None
    invitation = Invitation(user, business, created, link)
    send_invitation(invitation, language, invited_by)
    logger.info(
        "invited user %s to business %s (new account: %s)",
        user.pk,
        business.pk,
        created,
    )
    return invitation
