"""Load the demo: territories, images, topics and pages, each translated.

Idempotent by construction: every object is looked up before it is made
(territories by slug, images by title, topics and pages by slug under their
parent, translations by locale) and nothing that exists is changed (territory
settings are written again, with the same values), so a second run creates no
duplicates and leaves the database as it was.
"""

import time
import uuid
from collections import Counter
from collections.abc import Callable
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from cms.core.models import CustomImage, Topic
from cms.events.models import EventPage
from cms.itineraries.models import ItineraryPage
from cms.offers.models import BusinessPage, OfferPage
from cms.owners.invitations import add_owner
from cms.places.models import PlacePage
from cms.stories.models import StoryPage
from cms.territories.setup import create_territory, get_locale

from . import grecia, lecce
from .common import SECTIONS, TOPICS
from .images import ImageSpec, get_or_create_image
from .text import Paragraphs, Ref, T, TerritoryData, iter_texts
from .translate import Glossary, translate

TERRITORIES: tuple[TerritoryData, ...] = (lecce.TERRITORY, grecia.TERRITORY)
PORT = 8000
SOURCE_LANGUAGE = "it"
OWNER_USERNAME = "bottega"
OWNER_BUSINESS = "Bottega Barocca"
MUSEUM_USERNAME = "museo"
MUSEUM_SLUG = "museo-castromediano"
MODERATOR_USERNAME = "moderazione"

# In dependency order: events name places as venues, offers name events.
SECTION_PAGES: tuple[tuple[str, type[Page]], ...] = (
    ("places", PlacePage),
    ("stories", StoryPage),
    ("events", EventPage),
    ("itineraries", ItineraryPage),
    ("businesses", BusinessPage),
)
# What demo data calls the pages of a section when it refers to them.
REF_KINDS = {"places": "place", "events": "event"}

Log = Callable[[str], None]


def resolve(value: Any, refs: dict[str, dict], *, raw: bool = False) -> Any:
    """Turn demo data into model values: Italian text, objects or ids.

    `raw` is for StreamField content, where images are stored by id.
    """
    if isinstance(value, T):
        return value.it
    if isinstance(value, Paragraphs):
        return value.html()
    if isinstance(value, Ref):
        target = refs[value.kind][value.key]
        return target.pk if raw else target
    if isinstance(value, dict):
        return {key: resolve(item, refs, raw=raw) for key, item in value.items()}
    if isinstance(value, list):
        return [resolve(item, refs, raw=raw) for item in value]
    return value


def build(model: type[Page], spec: dict[str, Any], refs: dict, **extra) -> Page:
    """An unsaved page from its demo data, inline children and topics included."""
    children = {
        relation.get_accessor_name(): relation.related_model
        for relation in get_all_child_relations(model)
    }
    many = {
        f.name
        for f in model._meta.get_fields()
        if isinstance(f, ParentalManyToManyField)
    }
    fields, later = {}, {}
    for name, value in spec.items():
        if name in children:
            later[name] = [children[name](**resolve(v, refs)) for v in value]
        elif name in many:
            later[name] = resolve(value, refs)
        else:
            fields[name] = resolve(value, refs, raw=name == "body")
    page = model(**fields, **extra)
    for name, value in later.items():
        setattr(page, name, value)
    return page


class Loader:
    """One run of the demo loader; counts what it creates for the summary."""

    def __init__(self, log: Log) -> None:
        self.log = log
        self.today = timezone.localdate()
        self.created: Counter[str] = Counter()
        self.translated: Counter[str] = Counter()
        self.kept_strings = 0
        self.to_index: list[Any] = []
        self.topics: dict[str, Topic] = {}
        # The alt texts of the territory's images: a page copies those of its
        # images (`copy_alt_text`) and translators translate the copies.
        self.image_texts: list[T] = []

    def run(self) -> None:
        started = time.monotonic()
        # The reference index is rebuilt once at the end, not per save by a
        # queued task: the images API reads it, and no worker may be running.
        with disable_reference_index_auto_update():
            self.ensure_superuser()
            self.retire_placeholder()
            with transaction.atomic():
                self.load_topics()
            for data in TERRITORIES:
                with transaction.atomic():
                    self.load_territory(data)
            with transaction.atomic():
                self.ensure_owner()
        for obj in self.to_index:
            ReferenceIndex.create_or_update_for_object(obj)
        self.summary(time.monotonic() - started)

    def ensure_superuser(self) -> None:
        users = get_user_model().objects
        if users.filter(is_superuser=True).exists():
            self.log("A superuser exists already: no demo account created.")
            return
        users.create_superuser("admin", "admin@vetrina.example", "admin")
        self.log("Created superuser admin, password admin (local demo only).")

    def ensure_owner(self) -> None:
        """Accounts to try the moderation flow: an owner of Bottega Barocca, the
        staff of the Museo Castromediano (a partner institution) and a
        moderator of Lecce (passwords as the usernames, local demo only)."""
        users = get_user_model().objects
        for username, role in (
            (OWNER_USERNAME, f"business owner of {OWNER_BUSINESS}"),
            (MUSEUM_USERNAME, "staff of the Museo Castromediano, a partner"),
            (MODERATOR_USERNAME, "moderator of Lecce's partners"),
        ):
            if not users.filter(username=username).exists():
                users.create_user(username, f"{username}@vetrina.example", username)
                self.log(
                    f"Created {role}: {username}, password {username} (demo only)."
                )
        moderators = Group.objects.filter(name="Lecce moderators").first()
        if moderators is not None:
            moderators.user_set.add(users.get(username=MODERATOR_USERNAME))
        owner = users.get(username=OWNER_USERNAME)
        business = BusinessPage.objects.filter(
            slug=slugify(OWNER_BUSINESS), locale__language_code=SOURCE_LANGUAGE
        ).first()
        museum = PlacePage.objects.filter(
            slug=MUSEUM_SLUG, locale__language_code=SOURCE_LANGUAGE
        ).first()
        curator = users.get(username=MUSEUM_USERNAME)
        for page, user in ((business, owner), (museum, curator)):
            if page is not None and not page.owners.filter(pk=user.pk).exists():
                # Not republished, which would make its translations out of date.
                add_owner(page, user)

    def retire_placeholder(self) -> None:
        """Delete Wagtail's untouched "Welcome" page and its site, if still there.

        Wagtail's first migration makes them; left alone, they would be a
        second default site next to Lecce and an orphan page in the admin.
        """
        placeholder = Page.objects.filter(
            depth=2,
            slug="home",
            numchild=0,
            content_type=ContentType.objects.get_for_model(Page),
            latest_revision__isnull=True,
        ).first()
        if placeholder is not None:
            Site.objects.filter(root_page=placeholder).delete()
            placeholder.delete()
            self.log("Removed Wagtail's placeholder site and welcome page.")

    def load_topics(self) -> None:
        source = get_locale(SOURCE_LANGUAGE)
        languages = {code for data in TERRITORIES for code in data.languages}
        targets = sorted(languages - {SOURCE_LANGUAGE})
        for slug, name in TOPICS.items():
            topic = Topic.objects.filter(slug=slug, locale=source).first()
            if topic is None:
                topic = Topic.objects.create(name=name.it, slug=slug, locale=source)
                self.created["topics"] += 1
            self.topics[slug] = topic
            for code in targets:
                if translate(topic, get_locale(code), Glossary.of([name], name)):
                    self.translated[code] += 1
        self.log(f"Topics: {len(TOPICS)} in {', '.join([SOURCE_LANGUAGE, *targets])}")

    def load_territory(self, data: TerritoryData) -> None:
        self.log(f"{data.name.it} ({', '.join(data.languages)}):")
        images = {key: self.image(key, spec) for key, spec in data.images.items()}
        self.image_texts = [spec.alt for spec in data.images.values()]
        refs: dict[str, dict] = {
            "image": images,
            "place": {},
            "event": {},
            "topic": self.topics,
        }
        territory = create_territory(
            data.slug,
            data.name.it,
            hostname=data.hostname,
            port=PORT,
            languages=data.languages,
            default_language=SOURCE_LANGUAGE,
            is_default_site=data.is_default_site,
            logo=images["logo"],
            social_links=[
                {
                    "type": "link",
                    "value": {"network": network, "url": url},
                    "id": str(uuid.uuid5(uuid.NAMESPACE_URL, url)),
                }
                for network, url in data.social_links
            ],
            **data.settings,
        )
        self.to_index.append(territory.settings)
        if data.is_default_site:
            # Wagtail allows one default site; create_territory does not check.
            others = Site.objects.filter(is_default_site=True).exclude(
                pk=territory.site.pk
            )
            if others.update(is_default_site=False):
                self.log(f"  {data.name.it} is now the only default site")
        locales = [get_locale(code) for code in data.languages[1:]]

        home_slugs = {code: f"{data.slug}-{code}" for code in data.languages}
        home_texts = [data.name, *iter_texts(data.home), *self.image_texts]
        self.fill(territory.home, data.home, refs)
        self.translate(
            territory.home, locales, Glossary.of(home_texts, data.name, home_slugs)
        )
        for key, section in territory.sections.items():
            texts = SECTIONS[key]
            self.fill(section, {"intro": texts["intro"]}, refs)
            self.translate(
                section, locales, Glossary.of(texts.values(), texts["title"])
            )
        self.log(f"  home page and {len(territory.sections)} sections")

        for kind, model in SECTION_PAGES:
            specs = getattr(data, kind)(self.today)
            self.pages(kind, model, territory.sections[kind], specs, refs, locales)

    def image(self, key: str, spec: ImageSpec) -> CustomImage:
        image, created = get_or_create_image(key, spec)
        self.created["images"] += created
        return image

    def fill(self, page: Page, values: dict[str, Any], refs: dict) -> None:
        """Give a page made by `create_territory` its demo content, once."""
        page = page.specific
        if any(getattr(page, name) for name in values):
            return
        for name, value in values.items():
            setattr(page, name, resolve(value, refs, raw=name == "body"))
        page.save_revision().publish()
        self.to_index.append(page)

    def pages(
        self,
        kind: str,
        model: type[Page],
        parent: Page,
        specs: list[dict[str, Any]],
        refs: dict,
        locales: list[Locale],
    ) -> None:
        """Create (if missing) and translate the pages of one section."""
        before_created, before = self.created[kind], sum(self.translated.values())
        for spec in specs:
            page = self.page(kind, model, parent, spec, refs, locales)
            refs.setdefault(REF_KINDS.get(kind, kind), {})[page.slug] = page
            if kind == "businesses":
                offers = spec.get("offers", [])
                for offer in offers:
                    self.page("offers", OfferPage, page, offer, refs, locales)
        translated = sum(self.translated.values()) - before
        self.log(
            f"  {kind}: {len(specs)} ({self.created[kind] - before_created} new), "
            f"{translated} new translations"
        )

    def page(
        self,
        kind: str,
        model: type[Page],
        parent: Page,
        spec: dict[str, Any],
        refs: dict,
        locales: list[Locale],
    ) -> Page:
        spec = {key: value for key, value in spec.items() if key != "offers"}
        slug = spec.pop("slug", None) or slugify(spec["title"].it)
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            page = build(model, spec, refs, slug=slug, locale=parent.locale)
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.created[kind] += 1
            self.to_index.append(page)
        texts = [*iter_texts(spec), *self.image_texts]
        self.translate(page, locales, Glossary.of(texts, spec["title"]))
        return page

    def translate(self, page: Page, locales: list[Locale], glossary: Glossary) -> None:
        fresh = page.specific_class.objects.get(pk=page.pk)
        for locale in locales:
            if translate(fresh, locale, glossary):
                self.translated[locale.language_code] += 1
                self.to_index.append(fresh.get_translation(locale))
        self.kept_strings += glossary.kept

    def summary(self, seconds: float) -> None:
        self.log(f"Demo loaded in {seconds:.1f} s.")
        for data in TERRITORIES:
            home = Site.objects.get(hostname=data.hostname, port=PORT).root_page
            counts = [
                f"{tree.locale.language_code} "
                f"{Page.objects.descendant_of(tree, inclusive=True).count()}"
                for tree in home.get_translations(inclusive=True).select_related(
                    "locale"
                )
            ]
            self.log(
                f"  {data.slug}: http://{data.hostname}:{PORT}/ - pages per "
                f"language: {', '.join(sorted(counts))}"
            )
        new_pages = sum(
            n for kind, n in self.created.items() if kind not in {"images", "topics"}
        )
        self.log(
            f"  Images: {CustomImage.objects.count()} ({self.created['images']} new)"
            f"; new pages: {new_pages}; new translations: "
            f"{sum(self.translated.values())}"
        )
        self.log(f"  Strings kept as in Italian (names, numbers): {self.kept_strings}")


def load(log: Log = print) -> Loader:
    """Load the demo and return the loader with its counts."""
    loader = Loader(log)
    loader.run()
    return loader
