"""The CMS's items as Pelican content: what a Pelican theme or plugin sees.

A story or an event is an `Article` (dates matter: previous and next, archives),
anything else a `Page`. Both keep the item as the API sent it, and its fields
read as they do in the API's JSON (`page.price`, `page.get("summary")`,
`page["status"]`); Pelican's own attributes are Pelican's: `title`, `url` and
`save_as` (the API's path), `lang`, `date`, `modified`, `content` (the body's
HTML, rendered when first read), `summary`, `translations` (linked by
`translation_key`), `category` (the section) and `tags` (the audiences). Where
the two meet, Pelican's meaning wins on attributes (`page.date` is a datetime)
and the API's in brackets (`page["date"]` is its ISO string).

Objects are made for one Pelican run without `Content.__init__`, which costs
50 µs each (time zones, date formats, slugs); reading the title or URL of
another item notes that item as read, so an incremental build re-renders a
page that shows it (a plugin's "next story", say) when it changes.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from markupsafe import Markup, escape
from pelican.contents import Article, Author, Category, Page, Tag
from pelican.plugins import signals
from pelican.urlwrappers import URLWrapper

from .i18n import translations
from .sitemodel import output_file
from .vocabulary import AUDIENCE_SECTIONS, AUDIENCES

if TYPE_CHECKING:
    from .render_context import RenderContext
    from .sitemodel import Entry

ARTICLE_KINDS = {"story", "event"}
ROME = ZoneInfo("Europe/Rome")


def _moment(value: str | None) -> datetime | None:
    """An API date or date-time as an aware datetime (dates at midnight, Rome)."""
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=ROME)


class ItemContent:
    """What Article and Page items share: the item, read like the API's dict."""

    entry: Entry
    _factory: Contents

    def _start(self, entry: Entry, factory: Contents) -> None:
        page, ctx = entry.page, factory.ctx
        self.entry, self._factory = entry, factory
        self.settings = factory.settings
        self._context = factory.context
        self.source_path = self.relative_source_path = None
        self.lang = page["meta"]["locale"]
        self.in_default_lang = self.lang == ctx.model.default_language
        self.slug = entry.url.rstrip("/").rpartition("/")[2]
        self.override_url = entry.url.lstrip("/")
        self.override_save_as = output_file(entry.url)
        self.template = entry.kind
        self.status = "published"
        self.timezone = ROME
        self.date_format = self.settings["DATE_FORMATS"].get(
            entry.lang, self.settings["DEFAULT_DATE_FORMAT"]
        )
        meta = page["meta"]
        date = _moment(page.get("date") if entry.kind == "story" else None)
        # Pelican's articles all have one: the first publication, else the build's.
        self.date = (
            date
            or _moment(meta.get("first_published_at"))
            or _moment(factory.ctx.build_date or None)
            or datetime.now(ROME)
        )
        self.modified = _moment(meta.get("last_published_at")) or self.date
        self.metadata = {
            "title": page.get("title", ""),
            "lang": self.lang,
            "slug": self.slug,
            "date": self.date,
            "modified": self.modified,
        }
        if page.get("summary"):  # Pelican's summary is HTML
            self.metadata["summary"] = escape(page["summary"])
        if page.get("author"):
            self.metadata["author"] = Author(page["author"], self.settings)
        if entry.kind in AUDIENCE_SECTIONS:
            self.category = factory.label(Category, AUDIENCE_SECTIONS[entry.kind])
        self.tags = [
            factory.label(Tag, AUDIENCES[code])
            for code in page.get("audiences") or ()
            if code in AUDIENCES
        ]
        signals.content_object_init.send(self)

    # The item, read like the API's dict
    def __getitem__(self, key: str) -> Any:
        return self.entry.page[key]

    def __contains__(self, key: object) -> bool:
        return key in self.entry.page

    def get(self, key: str, default: Any = None) -> Any:
        return self.entry.page.get(key, default)

    def __getattr__(self, name: str) -> Any:
        # Only for what is not an attribute: an API field, for templates.
        if name.startswith("_") or name not in self.entry.page:
            raise AttributeError(name)
        return self.entry.page[name]

    # What other pages show of this one: reading it notes it as read.
    @property
    def title(self) -> str:
        self._factory.ctx.model.note(f"id:{self.entry.page['id']}")
        return self.__dict__.get("_title", self.entry.page.get("title", ""))

    @title.setter
    def title(self, value: str) -> None:  # a plugin may retitle: then it wins
        self._title = value

    @property
    def url(self) -> str:
        self._factory.ctx.model.note(f"tk:{self.entry.key}")
        return self.override_url

    @property
    def save_as(self) -> str:
        return self.override_save_as

    @property
    def author(self):
        return self.metadata.get("author")

    @property
    def authors(self) -> list:
        return [self.author] if self.author else []

    @property
    def locale_date(self) -> str:
        return self.date.strftime(self.date_format) if self.date else ""

    @property
    def locale_modified(self) -> str:
        return self.modified.strftime(self.date_format) if self.modified else ""

    # Pelican memoizes these in a cache of the class that holds every object
    # for ever: a long-running builder would keep every site it ever built.
    @functools.cached_property
    def _body(self) -> Markup:
        # The theme's own template made it: escaped, rich text sanitised.
        return Markup(self._factory.body(self.entry))  # noqa: S704

    def get_content(self, siteurl: str) -> str:
        return self._body

    def get_summary(self, siteurl: str) -> str:
        return self.metadata.get("summary") or ""

    @property
    def translations(self) -> list:
        if "_translations" not in self.__dict__:
            self._translations = self._factory.translations(self.entry)
        return self._translations

    @translations.setter
    def translations(self, value: list) -> None:
        self._translations = value

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.entry.url}>"


class ItemArticle(ItemContent, Article):
    def __init__(self, entry: Entry, factory: Contents) -> None:
        self._start(entry, factory)


class ItemPage(ItemContent, Page):
    def __init__(self, entry: Entry, factory: Contents) -> None:
        self._start(entry, factory)


class Contents:
    """The Content objects of one Pelican run, made once each and on demand:
    its language's articles and pages, and other languages' items only when a
    translation is asked for."""

    def __init__(
        self,
        ctx: RenderContext,
        settings: dict,
        context: dict,
        body: Callable[[Entry], str],
    ) -> None:
        self.ctx, self.settings, self.context, self.body = ctx, settings, context, body
        self.made: dict[tuple[str, int], ItemContent] = {}
        self.gettext = translations(ctx.lang).gettext
        self.labels: dict[tuple[type, str], URLWrapper] = {}

    def label(self, kind: type[URLWrapper], msgid: str) -> URLWrapper:
        """One Category or Tag per label, shared by the items that carry it, as
        Pelican's readers share them."""
        key = (kind, msgid)
        if key not in self.labels:
            self.labels[key] = kind(self.gettext(msgid), self.settings)
        return self.labels[key]

    def of(self, entry: Entry) -> ItemContent:
        key = (entry.lang, entry.page["id"])
        if key not in self.made:
            kind = ItemArticle if entry.kind in ARTICLE_KINDS else ItemPage
            self.made[key] = kind(entry, self)
        return self.made[key]

    def language(self) -> tuple[list[ItemContent], list[ItemContent]]:
        """This language's (articles, pages): articles newest first, as Pelican
        orders them; pages in the site's order."""
        contents = [self.of(entry) for entry in self.ctx.model.entries[self.ctx.lang]]
        articles = [c for c in contents if isinstance(c, ItemArticle)]
        articles.sort(key=lambda a: a.date, reverse=True)
        return articles, [c for c in contents if isinstance(c, ItemPage)]

    def translations(self, entry: Entry) -> list[ItemContent]:
        model = self.ctx.model
        found = []
        for lang in model.snapshot.languages:
            if lang == entry.lang:
                continue
            other = model.entry(entry.key, lang)
            if other is not None and not other.fallback:
                found.append(self.of(other))
        return found
