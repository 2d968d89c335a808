"""Admin views of the owners app: editors invite owners and review sign-up
requests; partners withdraw their own offers and proposals.

Every editors' view needs the editors' permission; every object is checked
against the territories the user can edit, so another territory's business or
request answers 403 (or 404 for a request the user cannot know about).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.models import Page

from cms.events.models import EventPage
from cms.offers.models import OfferPage
from cms.stories.models import StoryPage

from .access import (
    can_edit_territory,
    can_invite_to,
    can_manage_owners,
    editable_territories,
)
from .forms import ApproveForm, InviteForm
from .invitations import InvitationRefused, invite
from .models import SignupRequest
from .roles import is_partner_page
from .signup import approve, reject
from .withdrawal import withdraw

app_name = "owners_admin"


def _require_manager(request: HttpRequest) -> None:
    if not can_manage_owners(request.user):
        raise PermissionDenied


def _business_or_403(request: HttpRequest, pk: str | None) -> Page | None:
    """The business or institution a link names, if the user may invite to it."""
    if not pk:
        return None
    if not str(pk).isdigit():
        raise PermissionDenied
    page = Page.objects.filter(pk=pk).first()
    if page is None or not is_partner_page(page):
        raise PermissionDenied
    page = page.specific
    if not can_invite_to(request.user, page):
        raise PermissionDenied
    return page


def _sent_message(invitation) -> str:
    params = {
        "email": invitation.user.email,
        "business": invitation.business.title,
    }
    if invitation.set_password_url:
        return _("Invitation sent to %(email)s for %(business)s.") % params
    return _("%(email)s now manages %(business)s too; they have been told.") % params


def invite_owner(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    business = _business_or_403(
        request, request.POST.get("business") or request.GET.get("business")
    )
    if request.method == "POST":
        form = InviteForm(request.POST, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                invitation = invite(
                    data["business"],
                    email=data["email"],
                    name=data["name"],
                    language=data["language"],
                    invited_by=request.user,
                )
            except InvitationRefused as refusal:
                form.add_error("email", str(refusal))
            else:
                messages.success(request, _sent_message(invitation))
                return redirect("wagtailadmin_pages:edit", invitation.business.pk)
    else:
        form = InviteForm(
            user=request.user, initial={"business": business} if business else None
        )
    return TemplateResponse(
        request,
        "owners/admin/invite.html",
        {
            "form": form,
            "business": business,
            "page_title": gettext_lazy("Invite a partner"),
            "header_icon": "user",
        },
    )


def _visible_requests(request: HttpRequest):
    return SignupRequest.objects.filter(
        territory__in=editable_territories(request.user)
    ).select_related("territory", "handled_by", "business")


def signup_list(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    handled = request.GET.get("status") == "handled"
    requests = _visible_requests(request)
    if handled:
        requests = requests.exclude(status=SignupRequest.Status.PENDING)
    else:
        requests = requests.filter(status=SignupRequest.Status.PENDING)
    return TemplateResponse(
        request,
        "owners/admin/signup_list.html",
        {
            "requests": requests[:200],
            "handled": handled,
            "page_title": gettext_lazy("Sign-up requests"),
            "header_icon": "mail",
        },
    )


def _signup_or_404(request: HttpRequest, pk: int) -> SignupRequest:
    _require_manager(request)
    signup = get_object_or_404(
        SignupRequest.objects.select_related("territory__root_page"), pk=pk
    )
    if not can_edit_territory(request.user, signup.territory):
        raise Http404
    return signup


def signup_review(request: HttpRequest, pk: int) -> HttpResponse:
    signup = _signup_or_404(request, pk)
    pending = signup.status == SignupRequest.Status.PENDING
    form = ApproveForm(request.POST or None, signup=signup)
    if request.method == "POST":
        if not pending:
            raise PermissionDenied
        if form.is_valid():
            try:
                invitation = approve(
                    signup, request.user, form.cleaned_data["business"]
                )
            except InvitationRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(request, _sent_message(invitation))
                return redirect("owners_admin:signup_list")
    return TemplateResponse(
        request,
        "owners/admin/signup_review.html",
        {
            "signup": signup,
            "form": form,
            "pending": pending,
            "page_title": gettext_lazy("Sign-up request"),
            "page_subtitle": signup.business_name,
            "header_icon": "mail",
        },
    )


@require_POST
def signup_reject(request: HttpRequest, pk: int) -> HttpResponse:
    signup = _signup_or_404(request, pk)
    if signup.status != SignupRequest.Status.PENDING:
        raise PermissionDenied
    reject(signup, request.user)
    messages.success(
        request,
        _("Request from %(business)s rejected. Nobody was written to.")
        % {"business": signup.business_name},
    )
    return redirect("owners_admin:signup_list")


# What a partner sends and may take back: offers, and the events and stories
# an institution proposed. Never a business or place page itself, which a
# partner edits but the territory presents.
WITHDRAWABLE = (OfferPage, EventPage, StoryPage)


@require_POST
def withdraw_page(request: HttpRequest, pk: int) -> HttpResponse:
    """Take an offer or a proposal out of moderation, or off the site, at once."""
    page = get_object_or_404(Page, pk=pk).specific
    if not isinstance(page, WITHDRAWABLE):
        raise PermissionDenied
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    outcome = withdraw(page, request.user)
    params = {"title": page.title}
    if outcome == "review":
        message = _("“%(title)s” is no longer waiting for review: it is a draft.")
    elif outcome == "live":
        message = _("“%(title)s” is off the site; the site updates in a moment.")
    elif outcome == "scheduled":
        message = _("“%(title)s” will not go online; it is a draft again.")
    else:
        message = _("“%(title)s” was neither online nor waiting for review.")
    messages.success(request, message % params)
    return redirect("wagtailadmin_home")


def invite_url(business: Page) -> str:
    return reverse("owners_admin:invite") + f"?business={business.pk}"


urlpatterns = [
    path("invite/", invite_owner, name="invite"),
    path("requests/", signup_list, name="signup_list"),
    path("requests/<int:pk>/", signup_review, name="signup_review"),
    path("requests/<int:pk>/reject/", signup_reject, name="signup_reject"),
    path("pages/<int:pk>/withdraw/", withdraw_page, name="withdraw"),
]
