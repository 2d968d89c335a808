"""The CMS's front door: it serves no pages, so `/` says where everything is.

Each territory's static site (in its languages), its content API and its
businesses' sign-up form, and the admin. The 404 says the same in a line.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from cms.core.visitors import render_public

from .models import TerritorySettings


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


def home(request: HttpRequest) -> HttpResponse:
    territories = (
        TerritorySettings.objects.filter(slug__isnull=False)
        .select_related("site__root_page", "default_language")
        .prefetch_related("languages")
        .order_by("slug")
    )
    return render_public(
        request,
        "territories/home.html",
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
    return render_public(request, "404.html", {"home_url": reverse("home")}, status=404)
