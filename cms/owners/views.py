"""Public pages of the CMS for business owners: ask to join, set a password.

They speak the visitor's language (Italian or English, like the admin): ?lang=
first, then the browser's, then English for everyone else. They need no
JavaScript and no external asset, and fit a 360 px screen.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.views import PasswordResetConfirmView
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.users.models import UserProfile

from cms.core import visitors
from cms.core.visitors import render_in
from cms.throttle.limits import refusal, signup_limit

from .access import territories
from .forms import SignupForm
from .models import OWNER_LANGUAGES
from .signup import submit

CODES = [code for code, _name in OWNER_LANGUAGES]


def visitor_language(request: HttpRequest) -> str:
    """Italian or English, like the admin; English for everyone else."""
    return visitors.visitor_language(request, OWNER_LANGUAGES, "en")


in_visitor_language = visitors.in_visitor_language(OWNER_LANGUAGES, "en")


def language_links(request: HttpRequest, current: str) -> list[dict]:
    return visitors.language_links(request, OWNER_LANGUAGES, current)


def preselected_territory(value: str):
    if not value:
        return None
    return (
        territories()
        .filter(Q(territorysettings__slug=value) | Q(hostname=value))
        .first()
    )


@never_cache
@in_visitor_language
def signup(request: HttpRequest) -> HttpResponse:
    language = request.LANGUAGE_CODE
    thanks = reverse("owners:signup_thanks") + "?" + urlencode({"lang": language})
    if request.method == "POST":
        form = SignupForm(request.POST)
        if form.is_bot or form.is_valid():
            # Before anything is stored: a parallel burst stores at most the limit.
            refused = refusal(
                request,
                signup_limit(),
                "owners/signup_limited.html",
                {"languages": language_links(request, language)},
            )
            if refused is not None:
                return refused
            if form.is_bot:
                return redirect(thanks)  # looks accepted, stores nothing
            request_ = form.save(commit=False)
            request_.language = language
            submit(request_)
            return redirect(thanks)
    else:
        territory = preselected_territory(request.GET.get("territory", ""))
        form = SignupForm(initial={"territory": territory})
    return render(
        request,
        "owners/signup.html",
        {"form": form, "languages": language_links(request, language)},
    )


@in_visitor_language
def signup_thanks(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "owners/signup_thanks.html",
        {"languages": language_links(request, request.LANGUAGE_CODE)},
    )


class SetPasswordView(PasswordResetConfirmView):
    """The invitation link: choose a password, then straight into the admin."""

    template_name = "owners/set_password.html"
    post_reset_login = True
    success_url = reverse_lazy("wagtailadmin_home")

    def dispatch(self, request, *args, **kwargs):
        user = self.get_user(kwargs.get("uidb64", ""))
        language = (
            UserProfile.get_for_user(user).get_preferred_language()
            if user is not None
            else visitor_language(request)
        )
        if language not in CODES:
            language = visitor_language(request)
        return render_in(
            language,
            lambda: super(SetPasswordView, self).dispatch(request, *args, **kwargs),
        )

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password is saved. Welcome!"))
        return response
