"""Generate the corpus: territories, their language trees, then pages in batches."""

import time
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import reset_queries, transaction
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.models import Collection, Page

from cms.changes.recording import record_territories, territory_site_for
from cms.core.models import CustomImage, Topic
from cms.territories.models import TerritoryHomePage
from cms.territories.setup import create_territory, get_locale

from .bulk import (
    TreeAppender,
    delete_unedited_pages,
    index_references,
    insert_pages,
    insert_related,
)
from .content import ItemFactory
from .vocabulary import LANGUAGES, SECTION_KEYS, TOPIC_SLUGS, WORDS

PAGE_TYPES = 6  # places, stories, events, itineraries, businesses, offers
SOURCE_LANGUAGE = "it"
IMAGE_COLLECTION = "Corpus"


class CorpusError(Exception):
    """Base class of the errors that stop the generator before it writes."""


class InvalidCorpusSpec(CorpusError):
    """The numbers asked for make no corpus."""


class CorpusExists(CorpusError):
    """Some territories of the corpus are already in the database."""


@dataclass(frozen=True)
class CorpusSpec:
    """How big a corpus to make: T territories, L languages, N items of 6 types."""

    territories: int = 1
    languages: int = 1
    items: int = 100
    seed: int = 0
    images: int = 4
    batch_size: int = 1000
    replace: bool = False

    def __post_init__(self) -> None:
        if self.territories < 1 or self.items < 1:
            raise InvalidCorpusSpec("Ask for at least one territory and one item.")
        if not 1 <= self.languages <= len(LANGUAGES):
            raise InvalidCorpusSpec(
                f"Languages are the first L of {', '.join(LANGUAGES)}: "
                f"give a number from 1 to {len(LANGUAGES)}."
            )
        if self.images < 0 or self.batch_size < PAGE_TYPES:
            raise InvalidCorpusSpec(
                f"Give zero images or more, and batches of {PAGE_TYPES} pages or more."
            )

    @property
    def slugs(self) -> list[str]:
        return [f"corpus-{number}" for number in range(1, self.territories + 1)]

    @property
    def language_codes(self) -> tuple[str, ...]:
        return LANGUAGES[: self.languages]

    @property
    def total_pages(self) -> int:
        return self.territories * self.languages * PAGE_TYPES * self.items


@dataclass(frozen=True)
class CorpusReport:
    pages: int
    seconds: float

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


def generate_corpus(
    spec: CorpusSpec, progress: Callable[[str], None] = lambda line: None
) -> CorpusReport:
    """Create the corpus territories and their pages, replacing them if asked.

    Each batch is one transaction that leaves a valid tree behind, so an
    interrupted run leaves a smaller corpus that `replace` cleans up.
    """
    started = time.perf_counter()
    existing = existing_territories(spec.slugs)
    if existing and not spec.replace:
        raise CorpusExists(
            f"The corpus territories {', '.join(existing)} already exist: pass "
            "--replace to delete and generate them again."
        )
    for slug in existing:
        delete_territory(slug)
        progress(f"Deleted territory {slug}.")
    images = corpus_images(spec.images)
    topics = corpus_topics(spec.language_codes)
    tree = TreeAppender(published_at=timezone.now())
    per_batch = spec.batch_size // PAGE_TYPES
    created = 0
    for number, slug in enumerate(spec.slugs, 1):
        sections = create_language_trees(slug, number, spec.language_codes)
        site = territory_site_for(sections[SOURCE_LANGUAGE]["places"])
        for code in spec.language_codes:
            factory = ItemFactory(
                seed=spec.seed,
                territory=slug,
                locale=sections[code]["places"].locale,
                words=WORDS[code],
                images=images,
                topics=topics[code],
                today=timezone.localdate(),
            )
            for start in range(0, spec.items, per_batch):
                indices = range(start, min(start + per_batch, spec.items))
                with transaction.atomic():
                    created += write_batch(factory, sections[code], indices, tree)
                    # Bulk inserts send no signals: tell the feed (and the
                    # API's validators) that the territory changed.
                    record_territories([site.pk])
                if settings.DEBUG:
                    reset_queries()  # DEBUG keeps the SQL of thousands of rows
                rate = created / (time.perf_counter() - started)
                progress(
                    f"{slug} [{code}] {indices.stop:,}/{spec.items:,} items · "
                    f"{created:,}/{spec.total_pages:,} pages · {rate:,.0f} pages/s"
                )
    return CorpusReport(pages=created, seconds=time.perf_counter() - started)


def write_batch(
    factory: ItemFactory, sections: dict[str, Page], indices: range, tree: TreeAppender
) -> int:
    """Insert items `indices` of every type; places and events first, as others
    refer to them."""
    places = [tree.append(sections["places"], factory.place(i)) for i in indices]
    insert_pages(places)
    factory.remember_places(places, indices.start)
    events = [tree.append(sections["events"], factory.event(i)) for i in indices]
    insert_pages(events)
    factory.remember_events(events, indices.start)
    stories = [tree.append(sections["stories"], factory.story(i)) for i in indices]
    itineraries = [
        tree.append(sections["itineraries"], factory.itinerary(i)) for i in indices
    ]
    businesses, offers = [], []
    for i in indices:
        business, offer = factory.business(i)
        businesses.append(tree.append(sections["businesses"], business))
        offers.append(tree.append(business, offer))
    for batch in (stories, itineraries, businesses, offers):
        insert_pages(batch)
    pages = [*places, *events, *stories, *itineraries, *businesses, *offers]
    insert_related(pages)
    index_references(pages)
    tree.save_numchild()
    return len(pages)


def existing_territories(slugs: list[str]) -> list[str]:
    found = set(
        TerritoryHomePage.objects.filter(
            slug__in=slugs, locale__language_code=SOURCE_LANGUAGE
        ).values_list("slug", flat=True)
    )
    return [slug for slug in slugs if slug in found]


@transaction.atomic
def delete_territory(slug: str) -> None:
    """Delete a territory's home page in every language, with all it holds.

    Generated pages nobody edited go in bulk; Wagtail's own delete takes the
    rest, keeping the log, the reference index and the sites right. The site and
    its settings go with the home page they are rooted at.
    """
    home = TerritoryHomePage.objects.get(
        slug=slug, locale__language_code=SOURCE_LANGUAGE
    )
    for page in Page.objects.filter(translation_key=home.translation_key):
        delete_unedited_pages(Page.objects.descendant_of(page))
        page.delete()


@transaction.atomic
def create_language_trees(
    slug: str, number: int, codes: tuple[str, ...]
) -> dict[str, dict[str, Page]]:
    """The territory, then its home and sections translated and published in
    every other language, as an editor would start a translation."""
    territory = create_territory(
        slug,
        f"Corpus {number}",
        hostname=f"{slug}.localhost",
        port=8000,
        languages=codes,
        default_language=SOURCE_LANGUAGE,
        public_base_url=f"https://{slug}.example.org",
        contact_email=f"info@{slug}.example.org",
    )
    trees = {SOURCE_LANGUAGE: territory.sections}
    for code in codes:
        if code == SOURCE_LANGUAGE:
            continue
        locale = get_locale(code)
        _publish(territory.home.copy_for_translation(locale))
        trees[code] = {}
        for key, (title, section_slug) in zip(
            SECTION_KEYS, WORDS[code].sections, strict=True
        ):
            section = territory.sections[key].copy_for_translation(locale)
            section.title = section.draft_title = title
            section.slug = section_slug
            trees[code][key] = _publish(section)
    return trees


def _publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def corpus_topics(codes: tuple[str, ...]) -> dict[str, list[Topic]]:
    """The stories' topics in every language, created once and then reused."""
    source = get_locale(SOURCE_LANGUAGE)
    topics: dict[str, list[Topic]] = {code: [] for code in codes}
    for position, slug in enumerate(TOPIC_SLUGS):
        topic = Topic.objects.filter(slug=slug, locale=source).first()
        if topic is None:
            name = WORDS[SOURCE_LANGUAGE].topics[position]
            topic = Topic.objects.create(name=name, slug=slug, locale=source)
        for code in codes:
            translation = topic.get_translation_or_none(get_locale(code))
            if translation is None:
                translation = topic.copy_for_translation(get_locale(code))
                translation.name = WORDS[code].topics[position]
                translation.save()
            topics[code].append(translation)
    return topics


def corpus_images(count: int) -> list[int]:
    """Ids of `count` drawn images with alt text, created once and then reused.

    They live in their own collection, so replacing the corpus keeps them.
    """
    if not count:
        return []
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=IMAGE_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=IMAGE_COLLECTION)
    ids = list(
        CustomImage.objects.filter(collection=collection)
        .order_by("pk")
        .values_list("pk", flat=True)[:count]
    )
    for number in range(len(ids) + 1, count + 1):
        image = CustomImage(
            title=f"Corpus {number}",
            alt_text=(
                f"Illustrazione n. {number}: cielo, mare e ulivi del Salento, "
                "disegnati a tinte piatte."
            ),
            credit="Vetrina corpus",
            collection=collection,
            file=ImageFile(_draw(number), name=f"corpus-{number}.jpg"),
        )
        image.save()
        ids.append(image.pk)
    return ids


def _draw(number: int) -> BytesIO:
    """A flat landscape, different for every number: cheap and clearly synthetic."""
    width, height = 1600, 1067
    hue = (number * 47) % 256
    picture = Image.new("RGB", (width, height), (120 + hue // 4, 180, 230))
    draw = ImageDraw.Draw(picture)
    horizon = height // 2 + (number * 37) % (height // 4)
    draw.rectangle((0, horizon, width, height), fill=(20, 90 + hue // 3, 150))
    sun_x = 200 + (number * 311) % (width - 400)
    draw.ellipse((sun_x, 120, sun_x + 180, 300), fill=(250, 210, 90))
    for tree in range(5):
        x = (tree * 337 + number * 101) % width
        draw.ellipse((x, horizon - 140, x + 160, horizon + 20), fill=(85, 107, 47))
    buffer = BytesIO()
    picture.save(buffer, format="JPEG", quality=85)
    buffer.seek(0)
    return buffer
