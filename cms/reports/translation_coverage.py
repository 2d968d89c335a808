"""Which pages of a territory lack which of its languages.

Kept apart from the admin view so the report can be computed, and tested,
without a request. The cost is a fixed number of queries whatever the number
of pages: translations are fetched for a whole batch by `translation_key`.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, PageQuerySet
from wagtail.permissions import page_permission_policy
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from cms.territories.models import TerritorySettings


class TranslationState(models.TextChoices):
    MISSING = "missing", _("missing")
    ALIAS = "alias", _("alias (untranslated copy)")
    OUT_OF_DATE = "out-of-date", _("out of date")
    DRAFT = "draft", _("draft")
    LIVE = "live", _("live")


# An alias shows the source text under another language: nobody translated it.
UNTRANSLATED = frozenset({TranslationState.MISSING, TranslationState.ALIAS})


@dataclass(frozen=True)
class LanguageCoverage:
    """The state of one page in one of the territory's languages."""

    locale: Locale
    state: TranslationState
    page_id: int | None = None
    # The wagtail-localize source to sync, when the translation is out of date.
    translation_source_id: int | None = None
    # (translated, all) of the texts wagtail-localize asks translators for:
    # the fields, the blocks, each inline row's (an opening exception's note,
    # a ticket's label, a stop's note) and the images' alt texts on the page.
    # None for a translation made without wagtail-localize.
    texts: tuple[int, int] | None = None

    @property
    def untranslated_texts(self) -> int:
        return self.texts[1] - self.texts[0] if self.texts else 0

    @property
    def is_translated(self) -> bool:
        return self.state not in UNTRANSLATED


@dataclass(frozen=True)
class CoverageRow:
    """A page in the territory's default language, with its translations."""

    page: Page
    languages: tuple[LanguageCoverage, ...]

    @property
    def untranslated(self) -> tuple[LanguageCoverage, ...]:
        return tuple(cell for cell in self.languages if not cell.is_translated)


@dataclass(frozen=True)
class _Sync:
    source_id: int
    last_updated_at: datetime


def target_locales(territory: TerritorySettings) -> list[Locale]:
    """The languages the territory translates into, in the project's order."""
    order = {code: i for i, (code, _name) in enumerate(settings.LANGUAGES)}
    locales = [
        locale
        for locale in territory.languages.all()
        if locale.language_code in order and locale.pk != territory.default_language_id
    ]
    return sorted(locales, key=lambda locale: order[locale.language_code])


def source_pages(
    territory: TerritorySettings,
    *,
    locales: Sequence[Locale] | None = None,
    user: AbstractBaseUser | AnonymousUser | None = None,
    untranslated: bool | None = None,
) -> PageQuerySet:
    """Live pages of the territory's default-language tree, in tree order.

    With `user`, only the pages they may change or publish. With `untranslated`
    True, only the pages without a real translation (an alias is none) in some
    of `locales`, by default the territory's; with False, only the others.
    """
    root = (
        Page.objects.filter(
            translation_key__in=Page.objects.filter(
                sites_rooted_here=territory.site_id
            ).values("translation_key"),
            locale_id=territory.default_language_id,
        )
        .only("path", "depth")
        .first()
    )
    if root is None:
        return Page.objects.none()
    pages = (
        Page.objects.live()
        .descendant_of(root, inclusive=True)
        .filter(locale_id=territory.default_language_id)
        .select_related("content_type")
        .order_by("path")
    )
    if user is not None:
        editable = page_permission_policy.instances_user_has_any_permission_for(
            user, ["change", "publish"]
        )
        pages = pages.filter(pk__in=editable.values("pk"))
    if untranslated is not None:
        if locales is None:
            locales = target_locales(territory)
        translated = (
            Page.objects.filter(
                translation_key=OuterRef("translation_key"),
                locale__in=locales,
                alias_of__isnull=True,
            )
            .order_by()
            .values("translation_key")
            .annotate(count=Count("pk"))
            .values("count")
        )
        pages = pages.alias(translated=Coalesce(Subquery(translated), 0))
        if untranslated:
            pages = pages.filter(translated__lt=len(locales))
        else:
            pages = pages.filter(translated__gte=len(locales))
    return pages


def coverage_rows(
    territory: TerritorySettings,
    pages: Iterable[Page],
    *,
    locales: Sequence[Locale] | None = None,
) -> list[CoverageRow]:
    """The state of each page in each of `locales` (by default, the territory's).

    Two queries for any number of pages: the translations, and wagtail-localize's
    records of what they were synced from.
    """
    pages = list(pages)
    if locales is None:
        locales = target_locales(territory)
    if not pages or not locales:
        return [CoverageRow(page, ()) for page in pages]
    keys = [page.translation_key for page in pages]
    translations: dict[tuple[UUID, int], dict] = {
        (row["translation_key"], row["locale_id"]): row
        for row in Page.objects.filter(
            translation_key__in=keys, locale__in=locales
        ).values("pk", "translation_key", "locale_id", "live", "alias_of_id")
    }
    synced = Translation.objects.filter(
        enabled=True,
        source__object_id__in=keys,
        source__locale_id=territory.default_language_id,
        target_locale__in=locales,
    ).values_list(
        "source__object_id", "target_locale_id", "source_id", "source__last_updated_at"
    )
    syncs: dict[tuple[UUID, int], _Sync] = {
        (key, locale_id): _Sync(source_id, last_updated_at)
        for key, locale_id, source_id, last_updated_at in synced
    }
    texts = text_counts({sync.source_id for sync in syncs.values()}, locales)
    return [
        CoverageRow(
            page,
            tuple(
                _coverage(
                    page,
                    locale,
                    translations.get((page.translation_key, locale.pk)),
                    syncs.get((page.translation_key, locale.pk)),
                    texts,
                )
                for locale in locales
            ),
        )
        for page in pages
    ]


def translation_coverage(
    territory: TerritorySettings,
    *,
    user: AbstractBaseUser | AnonymousUser | None = None,
    untranslated: bool | None = None,
) -> list[CoverageRow]:
    """Every row of the report for `territory`, as `user` would see it."""
    locales = target_locales(territory)
    pages = source_pages(
        territory, locales=locales, user=user, untranslated=untranslated
    )
    return coverage_rows(territory, pages, locales=locales)


def text_counts(
    source_ids: set[int], locales: Sequence[Locale]
) -> dict[tuple[int, int], tuple[int, int]]:
    """(source id, locale id): (translated, all) of the source's texts, as
    wagtail-localize's `Translation.get_progress` counts them, in one query a
    language for any number of pages."""
    if not source_ids:
        return {}
    counts = {}
    for locale in locales:
        done = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale=locale,
            has_error=False,
        )
        rows = (
            StringSegment.objects.filter(source_id__in=source_ids)
            .annotate(done=Exists(done))
            .order_by()
            .values("source_id")
            .annotate(all=Count("pk"), translated=Count("pk", filter=Q(done=True)))
        )
        for row in rows:
            counts[row["source_id"], locale.pk] = (row["translated"], row["all"])
    return counts


def _coverage(
    page: Page,
    locale: Locale,
    translation: dict | None,
    sync: _Sync | None,
    texts: dict[tuple[int, int], tuple[int, int]],
) -> LanguageCoverage:
    if translation is None:
        return LanguageCoverage(locale, TranslationState.MISSING)
    page_id = translation["pk"]
    if translation["alias_of_id"] is not None:
        return LanguageCoverage(locale, TranslationState.ALIAS, page_id)
    # wagtail-localize translates a frozen copy of the live page, taken when the
    # page was submitted or last synced: publishing since then makes it stale.
    if (
        sync is not None
        and page.last_published_at is not None
        and page.last_published_at > sync.last_updated_at
    ):
        return LanguageCoverage(
            locale, TranslationState.OUT_OF_DATE, page_id, sync.source_id,
            texts.get((sync.source_id, locale.pk)),
        )  # fmt: skip
    state = TranslationState.LIVE if translation["live"] else TranslationState.DRAFT
    counted = texts.get((sync.source_id, locale.pk)) if sync is not None else None
    return LanguageCoverage(locale, state, page_id, texts=counted)
