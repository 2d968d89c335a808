"""Translate demo pages and snippets the way an editor would, with wagtail-localize.

Every translation goes through a `TranslationSource` and a `Translation`, so the
copies stay in sync with their Italian source (synchronised fields, later
updates) exactly like translations made in the admin.
"""

import html
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models
from django.utils.text import slugify
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from .text import T

# German words keep their umlauts readable in a URL: Führung -> fuehrung.
GERMAN_LETTERS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)


@dataclass
class Glossary:
    """Answers each wagtail-localize segment of one object in one language.

    Segments are looked up by their Italian text. A string without a
    translation (a name, an address, a phone number) is kept as it is, which is
    what an editor would do, and counted in `kept`.
    """

    texts: dict[str, T]
    title: T | str
    slugs: dict[str, str] = field(default_factory=dict)
    kept: int = 0

    @classmethod
    def of(
        cls, texts: Iterable[T], title: T | str, slugs: dict[str, str] | None = None
    ) -> "Glossary":
        return cls({t.it: t for t in texts}, title, slugs or {})

    def slug(self, language: str, source_slug: str) -> str:
        """A readable slug: from the translated title, in Latin letters."""
        if language in self.slugs:
            return self.slugs[language]
        if not isinstance(self.title, T):
            return source_slug
        # Arabic titles slugify to nothing: Arabic pages take the English slug.
        title = self.title.get(language) if language != "ar" else self.title.en
        if language == "de":
            title = title.translate(GERMAN_LETTERS)
        return slugify(title) or source_slug

    def translate(self, msgid: str, context: str, language: str) -> str:
        if context == "slug":
            return self.slug(language, msgid)
        source = html.unescape(msgid)
        text = self.texts.get(source)
        translated = text.get(language) if text else ""
        if not translated:
            self.kept += 1
            return msgid
        if "<" in msgid:  # rich text with inline tags: already HTML
            return translated
        return html.escape(translated, quote=False)


def is_translated(instance: models.Model, locale: Locale) -> bool:
    """True when a live wagtail-localize translation into `locale` exists."""
    target = instance.get_translation_or_none(locale)
    if target is None or (isinstance(target, Page) and target.alias_of_id):
        return False
    if isinstance(target, Page) and not target.live:
        return False
    return Translation.objects.filter(
        source__object_id=instance.translation_key,
        source__locale_id=instance.locale_id,
        target_locale=locale,
    ).exists()


def translate(instance: models.Model, locale: Locale, glossary: Glossary) -> bool:
    """Translate `instance` into `locale` and publish it; False if already done.

    Pages are saved as a draft and their revision published here rather than
    by wagtail-localize's on-commit hook, so the demo is live at once even
    inside a surrounding transaction (as in the tests).
    """
    if is_translated(instance, locale):
        return False
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = glossary.translate(
            entry.msgid, entry.msgctxt, locale.language_code
        )
    translation.import_po(po, tool_name="Vetrina demo")
    is_page = isinstance(instance, Page)
    translation.save_target(publish=not is_page)
    if is_page:
        target = translation.get_target_instance()
        target.get_latest_revision().publish()
    return True
