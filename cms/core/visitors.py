"""The CMS's few public pages speak the visitor's language.

The front door (`/`), the business owners' pages (sign-up, choosing a
password) and the form to propose an event are not in the admin: they choose
their language from ?lang= first, then the browser's, and link the same page
in the other languages. Their forms share a honeypot (`Honeypot`).
"""

from collections.abc import Callable, Sequence
from functools import wraps

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.utils.translation.trans_real import parse_accept_lang_header

Languages = Sequence[tuple[str, str]]  # (code, name)


def visitor_language(request: HttpRequest, languages: Languages, default: str) -> str:
    """?lang= first, then the browser's first accepted language, else `default`.

    Not get_language_from_request(): it answers LANGUAGE_CODE (Italian) to a
    browser that sends no Accept-Language, or only languages not offered.
    """
    codes = [code for code, _name in languages]
    asked = request.GET.get("lang", "")
    if asked in codes:
        return asked
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for accepted, _quality in parse_accept_lang_header(header):
        code = accepted.split("-")[0]
        if code in codes:
            return code
    return default


def language_links(
    request: HttpRequest, languages: Languages, current: str
) -> list[dict]:
    """The same page in each language, keeping the query string."""
    links = []
    for code, name in languages:
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


def render_in(language: str, produce: Callable[[], HttpResponse]) -> HttpResponse:
    """Run a view and render its template with `language` active."""
    with translation.override(language):
        response = produce()
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
    response.headers["Content-Language"] = language
    patch_vary_headers(response, ("Accept-Language",))
    return response


def render_public(
    request: HttpRequest, template: str, context: dict, status: int = 200
) -> HttpResponse:
    """A public page of the CMS in the admin's languages: Italian first, or
    English with ?lang=en or a browser that prefers it."""
    languages = settings.WAGTAILADMIN_PERMITTED_LANGUAGES
    language = visitor_language(request, languages, languages[0][0])
    context["languages"] = language_links(request, languages, language)
    return render_in(
        language, lambda: render(request, template, context, status=status)
    )


def in_visitor_language(languages: Languages, default: str):
    """A view decorator: the view runs and renders in `visitor_language`,
    which it finds in `request.LANGUAGE_CODE`."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            language = visitor_language(request, languages, default)
            request.LANGUAGE_CODE = language
            return render_in(language, lambda: view(request, *args, **kwargs))

        return wrapper

    return decorate


class Honeypot(forms.Form):
    """A field people never see (hidden by the template's `.hp`): a form that
    comes back with it filled in was sent by a bot, which is thanked and
    stored nowhere."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website", "").strip())

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != "website"]
