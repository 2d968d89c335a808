"""The CMS's front door: it serves no pages, so `/` says where everything is.

Each territory's static site (in its languages), its content API and its
businesses' sign-up form, and the admin. Italian first, or English with
?lang=en or a browser that prefers it; no JavaScript.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header

from cms.territories.models import TerritorySettings

LANGUAGES = settings.WAGTAILADMIN_PERMITTED_LANGUAGES


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    url: str  # the static site's home in this language, "" without an address
    default: bool


@dataclass(frozen=True)
class TerritoryLinks:
    name: str
    slug: str
    site_url: str
    languages: list[Language]
    api_url: str
    pages_api_url: str
    signup_url: str


def page_language(request: HttpRequest) -> str:
    """?lang= first, then the browser's first of Italian and English, else Italian."""
    codes = [code for code, _name in LANGUAGES]
    asked = request.GET.get("lang", "")
    if asked in codes:
        return asked
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for accepted, _quality in parse_accept_lang_header(header):
        code = accepted.split("-")[0]
        if code in codes:
            return code
    return codes[0]


def territory_links(request: HttpRequest, territory: TerritorySettings):
    site = territory.site
    base_url = territory.public_base_url.rstrip("/")
    names = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    default = territory.default_language
    return TerritoryLinks(
        name=site.site_name or site.root_page.title,
        slug=territory.slug,
        site_url=base_url,
        languages=[
            Language(
                code=code,
                name=names.get(code, code),
                url=f"{base_url}/{code}/" if base_url else "",
                default=default is not None and code == default.language_code,
            )
            for code in territory.language_codes()
        ],
        api_url=request.build_absolute_uri(
            reverse("wagtailapi:territories:detail", args=[site.pk])
        ),
        pages_api_url=request.build_absolute_uri(
            reverse("wagtailapi:pages:listing")
            + "?"
            + urlencode({"site": f"{site.hostname}:{site.port}"}, safe=":")
        ),
        signup_url=reverse("owners:signup")
        + "?"
        + urlencode({"territory": territory.slug}),
    )


def render_in_page_language(
    request: HttpRequest, template: str, context: dict, status: int = 200
) -> HttpResponse:
    language = page_language(request)
    context["languages"] = [
        {"code": code, "name": name, "current": code == language}
        for code, name in LANGUAGES
    ]
    with translation.override(language):
        response = render(request, template, context, status=status)
    response.headers["Content-Language"] = language
    patch_vary_headers(response, ("Accept-Language",))
    return response


def home(request: HttpRequest) -> HttpResponse:
    territories = (
        TerritorySettings.objects.filter(slug__isnull=False)
        .select_related("site__root_page", "default_language")
        .prefetch_related("languages")
        .order_by("slug")
    )
    return render_in_page_language(
        request,
        "core/home.html",
        {
            "territories": [territory_links(request, t) for t in territories],
            "api_url": request.build_absolute_uri(
                reverse("wagtailapi:territories:listing")
            ),
            "admin_url": reverse("wagtailadmin_home"),
        },
    )


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Every path but the CMS's own: the pages are on the static sites."""
    return render_in_page_language(
        request, "404.html", {"home_url": reverse("home")}, status=404
    )
