"""Public pages of the CMS for business owners: ask to join, set a password.

They speak the visitor's language (Italian or English, like the admin): ?lang=
first, then the browser's, then English for everyone else. They need no
JavaScript and no external asset, and fit a 360 px screen.
"""

from collections.abc import Callable
from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.views import PasswordResetConfirmView
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.cache import never_cache
from wagtail.users.models import UserProfile

from .access import territories
from .forms import SignupForm
from .models import OWNER_LANGUAGES
from .signup import count_request, over_rate, signup_rate, submit

CODES = [code for code, _name in OWNER_LANGUAGES]


def visitor_language(request: HttpRequest) -> str:
    asked = request.GET.get("lang", "")
    if asked in CODES:
        return asked
    # Not get_language_from_request(): it answers LANGUAGE_CODE (Italian) to a
    # browser that sends no Accept-Language, or only languages not in LANGUAGES.
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for accepted, _quality in parse_accept_lang_header(header):
        code = accepted.split("-")[0]
        if code in CODES:
            return code
    return "en"


def _render_in(language: str, produce: Callable[[], HttpResponse]) -> HttpResponse:
    """Run a view and render its template with `language` active."""
    with translation.override(language):
        response = produce()
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
    response.headers["Content-Language"] = language
    patch_vary_headers(response, ("Accept-Language",))
    return response


def in_visitor_language(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        language = visitor_language(request)
        request.LANGUAGE_CODE = language
        return _render_in(language, lambda: view(request, *args, **kwargs))

    return wrapper


def language_links(request: HttpRequest, current: str) -> list[dict]:
    """The same page in the other language, keeping the query string."""
    links = []
    for code, name in OWNER_LANGUAGES:
        query = request.GET.copy()
        query["lang"] = code
        links.append(
            {
                "code": code,
                "name": name,
                "url": "?" + query.urlencode(),
                "current": code == current,
            }
        )
    return links


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
        if over_rate(request):
            response = render(
                request,
                "owners/signup_limited.html",
                {"languages": language_links(request, language)},
                status=429,
            )
            response.headers["Retry-After"] = str(signup_rate()[1])
            return response
        form = SignupForm(request.POST)
        if form.is_bot:
            count_request(request)  # looks accepted, stores nothing
            return redirect(thanks)
        if form.is_valid():
            count_request(request)
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
        return _render_in(
            language,
            lambda: super(SetPasswordView, self).dispatch(request, *args, **kwargs),
        )

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password is saved. Welcome!"))
        return response
