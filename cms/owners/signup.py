"""Sign-up requests from the public form: throttling, notice to editors, decision.

A request creates nothing but itself. Approving it links (or creates, as a
draft) the business and sends the invitation of invitations.py; rejecting it
only records who decided, and mails nobody.
"""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.users.models import UserProfile

from cms.offers.models import BusinessCategory, BusinessesIndexPage, BusinessPage

from .invitations import Invitation, InvitationRefused, absolute, invite
from .models import SignupRequest

logger = logging.getLogger(__name__)


def territory_editors(signup: SignupRequest):
    """Active accounts with an e-mail in the "<Territory> editors" group."""
    return get_user_model().objects.filter(
        groups__name=f"{signup.territory.site_name} editors",
        is_active=True,
        email__gt="",
    )


def review_url(signup: SignupRequest) -> str:
    return absolute(reverse("owners_admin:signup_review", args=[signup.pk]))


@task()
def notify_editors(signup_id: int) -> None:
    """Tell the territory's editors, each in their admin language."""
    signup = (
        SignupRequest.objects.select_related("territory").filter(pk=signup_id).first()
    )
    if signup is None:
        return
    for editor in territory_editors(signup):
        language = UserProfile.get_for_user(editor).get_preferred_language()
        with translation.override(language):
            subject = _("New sign-up request: %(business)s") % {
                "business": signup.business_name
            }
            context = {"request": signup, "review_url": review_url(signup)}
            text = render_to_string("owners/email/new_request.txt", context)
            html = render_to_string("owners/email/new_request.html", context)
        message = EmailMultiAlternatives(subject, text, to=[editor.email])
        message.attach_alternative(html, "text/html")
        message.send()


def submit(signup: SignupRequest) -> SignupRequest:
    """Store a request from the form; the editors hear of it after commit."""
    signup.save()
    transaction.on_commit(lambda: notify_editors.enqueue(signup.pk))
    return signup


def businesses_index(signup: SignupRequest) -> BusinessesIndexPage | None:
    return BusinessesIndexPage.objects.child_of(signup.territory.root_page).first()


def create_draft_business(signup: SignupRequest, editor) -> BusinessPage:
    """A new, unpublished business page named as in the request."""
    index = businesses_index(signup)
    if index is None:
        raise InvitationRefused(
            _("%(territory)s has no businesses section: create it first.")
            % {"territory": signup.territory.site_name}
        )
    base = slugify(signup.business_name) or "business"
    slug, n = base, 1
    while index.get_children().filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    page = BusinessPage(
        title=signup.business_name,
        slug=slug,
        category=BusinessCategory.OTHER,
        live=False,
        owner=editor,
    )
    index.add_child(instance=page)
    page.save_revision(user=editor)
    return page


def approve(
    signup: SignupRequest, editor, business: BusinessPage | None = None
) -> Invitation:
    """Link the request to a business (a new draft if none) and invite its author."""
    with transaction.atomic():
        signup = SignupRequest.objects.select_for_update().get(pk=signup.pk)
        if signup.status != SignupRequest.Status.PENDING:
            raise InvitationRefused(_("Someone has already handled this request."))
        if business is None:
            business = create_draft_business(signup, editor)
        signup.status = SignupRequest.Status.APPROVED
        signup.handled_by = editor
        signup.handled_at = timezone.now()
        signup.business = business
        signup.save()
        invitation = invite(
            business,
            email=signup.email,
            name=signup.contact_name,
            language=signup.language,
            invited_by=editor,
        )
    return invitation


def reject(signup: SignupRequest, editor) -> None:
    """Record the decision; the requester is not written to."""
    SignupRequest.objects.filter(
        pk=signup.pk, status=SignupRequest.Status.PENDING
    ).update(
        status=SignupRequest.Status.REJECTED,
        handled_by=editor,
        handled_at=timezone.now(),
    )
