"""Realistic values for every page type, drawn deterministically from the seed.

Each item draws its facts (town, dates, prices, references) from a generator
seeded by the seed, the territory and the item alone, never the language: its
pages in every language are the same item, written in different words.
"""

import random
import uuid
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from html import escape
from zoneinfo import ZoneInfo

from django.utils.text import slugify
from wagtail.models import Locale

from cms.core.choices import Audience
from cms.core.models import Topic
from cms.events.models import EventExceptionDate, EventPage, EventStatus
from cms.itineraries.models import Difficulty, ItineraryPage, ItineraryStop
from cms.offers.models import BusinessPage, OfferEvent, OfferPage, OfferPlace
from cms.places.models import (
    ACCESSIBILITY_FIELDS,
    OpeningException,
    OpeningHours,
    PlacePage,
    TicketPrice,
)
from cms.stories.models import StoryPage, StoryPlace

from .vocabulary import (
    BUSINESS_CATEGORIES,
    FAMILY_NAMES,
    ITINERARY_MODES,
    PEOPLE,
    PLACE_KINDS,
    STREETS,
    TOWNS,
    Words,
)

ROME = ZoneInfo("Europe/Rome")
LATITUDES = (39.8, 40.6)
LONGITUDES = (17.9, 18.6)
EVENT_STATUSES = (
    EventStatus.SCHEDULED,
    EventStatus.CANCELLED,
    EventStatus.POSTPONED,
    EventStatus.MOVED_ONLINE,
)


def seeded_random(*parts: object) -> random.Random:
    """A generator for one item: reproducible, and no business of cryptography."""
    return random.Random(":".join(map(str, parts)))  # noqa: S311


class ItemFactory:
    """Builds the unsaved pages of one territory in one language, item by item.

    Pages refer to places and events of their own language, so the factory
    remembers the ids of those already inserted, by item index.
    """

    def __init__(
        self,
        *,
        seed: int,
        territory: str,
        locale: Locale,
        words: Words,
        images: list[int],
        topics: list[Topic],
        today: date,
    ) -> None:
        self.seed = seed
        self.territory = territory
        self.locale = locale
        self.words = words
        self.images = images
        self.topics = topics
        self.today = today
        self.place_ids: dict[int, int] = {}
        self.place_titles: dict[int, str] = {}
        self.event_ids: dict[int, int] = {}

    def place(self, index: int) -> PlacePage:
        rng, key, town = self._start("place", index)
        variant = rng.randrange(len(PLACE_KINDS))
        title = self.words.places[variant].format(town=town[0])
        free = rng.random() < 0.3
        prices = [] if free else _ticket_prices(rng, self.words)
        return PlacePage(
            **self._content(rng, index, key, title, town[0]),
            **self._location(rng, town),
            **self._contacts(rng, "place", index),
            **self._accessibility(rng),
            kind=PLACE_KINDS[variant],
            audiences=_audiences(rng),
            owners=[],  # known empty: serialising a revision queries nothing
            admission_free=free,
            ticket_notes="" if free else self.words.ticket_notes,
            ticket_prices=prices,
            opening_hours=_opening_hours(rng),
            opening_exceptions=[
                OpeningException(
                    start_date=_next_christmas(self.today),
                    closed=True,
                    note=self.words.closed_for_christmas,
                    sort_order=0,
                )
            ],
        )

    def remember_places(self, pages: list[PlacePage], start: int) -> None:
        for index, page in enumerate(pages, start):
            self.place_ids[index] = page.pk
            self.place_titles[index] = page.title

    def event(self, index: int) -> EventPage:
        rng, key, town = self._start("event", index)
        title = rng.choice(self.words.events).format(town=town[0])
        day = self.today + timedelta(days=rng.randint(1, 365))
        all_day = rng.random() < 0.15
        if all_day:
            start = datetime.combine(day, time(0), ROME)
            end = start + timedelta(days=rng.randint(1, 2))
        else:
            hour = time(rng.choice((10, 17, 18, 20, 21)), rng.choice((0, 30)))
            start = datetime.combine(day, hour, ROME)
            end = start + timedelta(hours=rng.randint(1, 3))
        recurrence, skipped = _recurrence(rng, day)
        venue = rng.randint(0, index) if rng.random() < 0.7 else None
        free = rng.random() < 0.4
        return EventPage(
            **self._content(rng, index, key, title, town[0]),
            start=start,
            end=end,
            all_day=all_day,
            **recurrence,
            exception_dates=[
                EventExceptionDate(date=d, sort_order=n) for n, d in enumerate(skipped)
            ],
            venue_id=self.place_ids[venue] if venue is not None else None,
            location="" if venue is not None else f"{rng.choice(STREETS)}, {town[0]}",
            status=rng.choices(EVENT_STATUSES, weights=(90, 4, 4, 2))[0],
            is_free=free,
            price=None if free else Decimal(rng.randint(5, 30)),
            booking_url=""
            if free
            else f"https://{self.territory}.example.org/booking/{key.hex[:12]}",
            audiences=_audiences(rng),
        )

    def remember_events(self, pages: list[EventPage], start: int) -> None:
        for index, page in enumerate(pages, start):
            self.event_ids[index] = page.pk

    def story(self, index: int) -> StoryPage:
        rng, key, town = self._start("story", index)
        title = rng.choice(self.words.stories).format(town=town[0])
        places = rng.sample(range(index + 1), min(rng.randint(1, 2), index + 1))
        topics = rng.sample(range(len(self.topics)), min(2, len(self.topics)))
        return StoryPage(
            **self._content(rng, index, key, title, town[0], link_to=places[0]),
            author=rng.choice(PEOPLE),
            date=self.today - timedelta(days=rng.randint(0, 1500)),
            related_places=[
                StoryPlace(place_id=self.place_ids[i], sort_order=n)
                for n, i in enumerate(places)
            ],
            topics=[self.topics[i] for i in topics],
            audiences=_audiences(rng),
        )

    def itinerary(self, index: int) -> ItineraryPage:
        rng, key, town = self._start("itinerary", index)
        variant = rng.randrange(len(ITINERARY_MODES))
        title = self.words.itineraries[variant].format(town=town[0])
        stops = rng.sample(range(index + 1), min(rng.randint(2, 5), index + 1))
        return ItineraryPage(
            **self._content(rng, index, key, title, town[0]),
            mode=ITINERARY_MODES[variant],
            duration_minutes=rng.randint(3, 48) * 10,
            distance_km=Decimal(rng.randint(5, 600)) / 10,
            difficulty=rng.choice(Difficulty.values),
            stops=[
                ItineraryStop(
                    place_id=self.place_ids[i],
                    note=self.words.stop.format(n=n + 1, place=self.place_titles[i]),
                    sort_order=n,
                )
                for n, i in enumerate(stops)
            ],
            audiences=_audiences(rng),
        )

    def business(self, index: int) -> tuple[BusinessPage, OfferPage]:
        """A business and its one offer, which the tree puts under it."""
        rng, key, town = self._start("business", index)
        variant = rng.randrange(len(BUSINESS_CATEGORIES))
        title = self.words.businesses[variant].format(name=rng.choice(FAMILY_NAMES))
        business = BusinessPage(
            **self._content(rng, index, key, title, town[0]),
            **self._location(rng, town),
            **self._contacts(rng, "business", index),
            category=BUSINESS_CATEGORIES[variant],
            owners=[],
        )
        offer_title = self.words.offers[variant]
        offer = OfferPage(
            title=offer_title,
            slug=f"{slugify(offer_title, allow_unicode=True)}-{index + 1}",
            locale=self.locale,
            translation_key=_uuid(rng),
            description=self.words.offer_description.format(
                offer=offer_title, business=title, town=town[0]
            ),
            image_id=self._image(rng, 0.5),
            valid_from=self.today - timedelta(days=rng.randint(0, 14)),
            valid_until=self.today + timedelta(days=rng.randint(30, 180)),
            conditions=self.words.conditions,
            **(
                {"price": Decimal(rng.randint(10, 90))}
                if rng.random() < 0.5
                else {"discount_percent": rng.choice((10, 15, 20, 25, 30))}
            ),
            linked_places=[OfferPlace(place_id=self.place_ids[index], sort_order=0)],
            linked_events=(
                [OfferEvent(event_id=self.event_ids[index], sort_order=0)]
                if rng.random() < 0.5
                else []
            ),
            wagtail_admin_comments=[],
        )
        return business, offer

    def _start(self, kind: str, index: int):
        rng = seeded_random(self.seed, self.territory, kind, index)
        return rng, _uuid(rng), rng.choice(TOWNS)

    def _content(self, rng, index, key, title, town, link_to=None) -> dict:
        """Fields every ContentPage has, and those Page needs before the tree's."""
        return {
            "title": title,
            "slug": f"{slugify(title, allow_unicode=True)}-{index + 1}",
            "locale": self.locale,
            "translation_key": key,
            "summary": rng.choice(self.words.summaries).format(title=title),
            "hero_image_id": self._image(rng, 0.8),
            "body": self._body(rng, town, link_to),
            "wagtail_admin_comments": [],
        }

    def _body(self, rng, town, link_to) -> list[dict]:
        """Raw StreamField data: paragraphs in database format, a quote, an image."""
        words = self.words
        blocks = []
        for number in range(rng.randint(2, 4)):
            picks = rng.sample(range(len(words.sentences)), 3)
            html = escape(" ".join(words.sentences[i].format(town=town) for i in picks))
            if number == 0 and link_to is not None:
                anchor = (
                    f'<a linktype="page" id="{self.place_ids[link_to]}">'
                    f"{escape(self.place_titles[link_to])}</a>"
                )
                html += " " + escape(words.see_also).format(link=anchor)
            blocks.append(_block(rng, "paragraph", f"<p>{html}</p>"))
        if rng.random() < 0.3:
            quote = {
                "text": rng.choice(words.quotes),
                "attribution": rng.choice(PEOPLE),
            }
            blocks.append(_block(rng, "quote", quote))
        image = self._image(rng, 0.2)
        if image is not None:
            caption = words.caption.format(town=town)
            value = {"image": image, "caption": caption, "credit": ""}
            blocks.append(_block(rng, "image", value))
        return blocks

    def _image(self, rng, chance: float) -> int | None:
        if self.images and rng.random() < chance:
            return rng.choice(self.images)
        return None

    def _accessibility(self, rng) -> dict:
        """Four places in ten have each fact; a pushchair goes where a
        wheelchair does (not drawn, so the rest of the corpus stays the same)."""
        found = {
            name: rng.random() < 0.4
            for name in ACCESSIBILITY_FIELDS
            if name != "pushchair_friendly"
        }
        return {**found, "pushchair_friendly": found["step_free_access"]}

    def _location(self, rng, town) -> dict:
        name, latitude, longitude = town
        return {
            "address": f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
            # Salento's postal codes are 73010…73059; derived, not drawn, so
            # the rest of the corpus stays the same.
            "postal_code": f"730{10 + sum(map(ord, name)) % 50:02d}",
            "locality": name,
            "latitude": _coordinate(latitude + rng.uniform(-0.02, 0.02), LATITUDES),
            "longitude": _coordinate(longitude + rng.uniform(-0.02, 0.02), LONGITUDES),
        }

    def _contacts(self, rng, kind: str, index: int) -> dict:
        site = f"{self.territory}.example.org"
        return {
            "phone": f"+39 0832 {rng.randint(100000, 999999)}",
            "email": f"{kind}{index + 1}@{site}",
            "website": f"https://{site}/{kind}/{index + 1}",
        }


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _block(rng: random.Random, block_type: str, value) -> dict:
    return {"type": block_type, "value": value, "id": str(_uuid(rng))}


def _coordinate(value: float, bounds: tuple[float, float]) -> Decimal:
    low, high = bounds
    return Decimal(f"{min(max(value, low), high):.6f}")


def _audiences(rng: random.Random) -> list[str]:
    return rng.sample(Audience.values, rng.randint(0, 2))


def _ticket_prices(rng: random.Random, words: Words) -> list[TicketPrice]:
    full = Decimal(rng.randint(3, 12))
    return [
        TicketPrice(label=words.tickets[0], price=full, sort_order=0),
        TicketPrice(label=words.tickets[1], price=full / 2, sort_order=1),
    ]


def _opening_hours(rng: random.Random) -> list[OpeningHours]:
    """Tuesday to Sunday with a lunch break, or Monday to Saturday all day."""
    if rng.random() < 0.5:
        periods = [
            (day, opens, closes)
            for day in range(1, 7)
            for opens, closes in ((time(9), time(13)), (time(16), time(19)))
        ]
    else:
        periods = [(day, time(9), time(18)) for day in range(6)]
    return [
        OpeningHours(weekday=day, opens=opens, closes=closes, sort_order=n)
        for n, (day, opens, closes) in enumerate(periods)
    ]


def _recurrence(rng: random.Random, day: date) -> tuple[dict, list[date]]:
    """One event in five repeats; weekly ones skip their second date; monthly
    ones fall on a date or a weekday of the month (the same random draws as
    before, so the benchmark's corpus stays the same otherwise)."""
    if rng.random() >= 0.2:
        return {}, []
    frequency = rng.choice(("weekly", "monthly"))
    interval = rng.choice((1, 1, 2))
    fields = {"frequency": frequency, "interval": interval}
    if rng.random() < 0.5:
        fields["repeat_count"] = rng.randint(4, 12)
    else:
        fields["repeat_until"] = day + timedelta(days=rng.randint(60, 180))
    if frequency == "monthly":  # by date, by weekday or the last weekday
        ways = ["", "weekday"]
        if (day + timedelta(weeks=1)).month != day.month:  # the last one
            ways.append("last-weekday")
        fields["monthly_on"] = ways[day.toordinal() % len(ways)]
    skipped = [day + timedelta(weeks=interval)] if frequency == "weekly" else []
    return fields, skipped


def _next_christmas(today: date) -> date:
    christmas = date(today.year, 12, 25)
    return christmas if christmas >= today else date(today.year + 1, 12, 25)
