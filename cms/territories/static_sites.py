"""Where each territory's static site is, for the pages' Wagtail URLs.

`cms.core.pages.StaticSiteUrlMixin` gives a page its address on the static
site; this module, which knows the territories, tells it where each site is
and what its build publishes (`TerritoriesConfig.ready` plugs it in).
"""

from dataclasses import dataclass
from typing import Any

from cms.core.pages import site_path

from .models import Fallback, TerritorySettings


@dataclass(frozen=True)
class StaticSite:
    """A territory's static site: its public address and what the build publishes."""

    base_url: str
    languages: dict[int, str]  # locale id: language code
    default_locale_id: int | None
    shows_untranslated: bool

    def path_of(self, page: Any) -> str | None:
        """The page's path as the publisher writes it (/it/luoghi/duomo/), or None
        when the build leaves it out: a language the territory does not offer,
        an alias without the fallback to the default language.
        """
        language = self.languages.get(page.locale_id)
        if language is None:
            return None
        if page.alias_of_id is not None and not (
            self.shows_untranslated
            and page.alias_of.locale_id == self.default_locale_id
        ):
            return None
        return f"/{language}{site_path(page.url_path)}"


def static_sites(cache_object: Any) -> dict[int, StaticSite]:
    """Every static site with a public address, by Wagtail site id.

    Read in one query and kept on `cache_object` (the request, else the page),
    as Wagtail keeps the sites' root paths.
    """
    try:
        return cache_object._vetrina_static_sites
    except AttributeError:
        pass
    rows = (
        TerritorySettings.objects.filter(slug__isnull=False)
        .exclude(public_base_url="")
        .values_list(
            "site_id",
            "public_base_url",
            "default_language_id",
            "fallback",
            "languages__id",
            "languages__language_code",
        )
    )
    sites: dict[int, StaticSite] = {}
    for site_id, base_url, default_id, fallback, locale_id, code in rows:
        site = sites.setdefault(
            site_id,
            StaticSite(
                base_url=base_url.rstrip("/"),
                languages={},
                default_locale_id=default_id,
                shows_untranslated=fallback == Fallback.DEFAULT,
            ),
        )
        if locale_id is not None:
            site.languages[locale_id] = code
    cache_object._vetrina_static_sites = sites
    return sites
