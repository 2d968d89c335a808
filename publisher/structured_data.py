"""What a page tells machines about itself: Open Graph and Twitter card tags
for link previews, and schema.org JSON-LD for search engines.

Both describe what the page shows, from the same fields the templates read,
with absolute URLs on the territory's `base_url`. A page without a picture of
its own gets a generated share image (publisher/channels/social.py).
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING

from babel import Locale
from babel.core import get_global
from markupsafe import Markup

from .occurrences import local
from .sitemodel import CHILD_KIND, Entry

if TYPE_CHECKING:
    from .helpers import Helpers


def N_(message: str) -> str:
    """Mark a message for the catalogs; it is translated where it is used."""
    return message


SHARE_IMAGE = "share.png"
SHARE_SIZE = (1200, 630)
PLACE_TYPES = {
    "museum": "Museum",
    "library": "Library",
    "archive": "ArchiveOrganization",
    "church": "Church",
    "archaeological-site": "TouristAttraction",
    "monument": "TouristAttraction",
    "natural-site": "TouristAttraction",
    "historic-centre": "TouristAttraction",
}
BUSINESS_TYPES = {
    "food": "FoodEstablishment",
    "lodging": "LodgingBusiness",
    "shop": "Store",
}
EVENT_STATUS = {
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
    "moved-online": "EventMovedOnline",
}
# The accessibility facts a place page lists, with the same labels.
ACCESSIBILITY = (
    ("step_free_access", N_("Step-free access")),
    ("accessible_toilet", N_("Accessible toilet")),
    ("audio_guide", N_("Audio guide")),
    ("tactile_route", N_("Tactile route")),
    ("sign_language_tours", N_("Sign-language tours")),
    ("easy_read_material", N_("Easy-read material")),
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday")  # fmt: skip
# Facebook's names where they differ from the language's likely region.
OG_LOCALES = {"ar": "ar_AR"}


def hero(page: dict) -> dict | None:
    """The page's own picture (a hero image, an offer's image) if it has one."""
    image_id = page.get("hero_image") or page.get("image")
    if image_id is None:
        return None
    data = page.get("media", {}).get("images", {}).get(str(image_id))
    return data if data and data.get("renditions") else None


def needs_share_image(entry: Entry) -> bool:
    """Whether the page's card uses a generated image: it has no picture.

    Decided from the page alone (not from what was downloaded), so the build
    lists the same files whatever the media cache holds.
    """
    return hero(entry.page) is None


@functools.cache
def og_locale(lang: str) -> str:
    if lang in OG_LOCALES:
        return OG_LOCALES[lang]
    likely = get_global("likely_subtags").get(lang, lang)
    region = Locale.parse(likely).territory
    return f"{lang}_{region}" if region else lang


def script_json(data: object) -> Markup:
    """`data` as JSON that cannot end its <script> element or open another."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return Markup('<script type="application/ld+json">{}</script>').format(
        Markup(text)  # noqa: S704 escaped above
    )


class _Page:
    """The facts both the card and the JSON-LD need, for the page being rendered."""

    def __init__(self, t: Helpers, title: str) -> None:
        self.t = t
        self.model = t.ctx.model
        self.entry = t.entry
        self.page = t.entry.page
        self.site = self.model.snapshot.territory
        self.base = (self.site.get("base_url") or "").rstrip("/")
        self.title = title or self.page.get("title") or self.site.get("name", "")

    def absolute(self, url: str) -> str:
        return f"{self.base}{url}"

    @property
    def description(self) -> str:
        return self.page.get("summary") or self.page.get("intro") or ""

    def home(self) -> Entry | None:
        homes = self.model.of_kind(self.t.lang, "home")
        return homes[0] if homes else None

    def card_entry(self) -> Entry | None:
        """The page whose image stands for this one: itself, or the home's for a
        page that is not a CMS item (404, about, an audience)."""
        if self.page["id"]:
            return self.entry
        home = self.home()
        if home is not None:
            self.model.page(home.page["id"])
        return home

    def image(self) -> dict | None:
        """og:image's URL, size and alt text, or None."""
        entry = self.card_entry()
        if entry is None:
            return None
        if needs_share_image(entry):
            width, height = SHARE_SIZE
            title = entry.page["title"] or self.site.get("name", "")
            return {
                "url": self.absolute(f"{entry.url}{SHARE_IMAGE}"),
                "type": "image/png",
                "width": width,
                "height": height,
                "alt": self.t._("Share image: %(title)s") % {"title": title},
            }
        return self.photo(entry.page)

    def photo(self, page: dict) -> dict | None:
        """A page's own picture as served here: the smallest rendition at least
        1200 pixels wide, or the largest."""
        data = hero(page)
        if data is None:
            return None
        media = self.t.ctx.media
        served = sorted(
            (r for r in data["renditions"] if r["url"] in media),
            key=lambda r: (r["width"], r["url"]),
        )
        if not served:
            return None
        big = [r for r in served if r["width"] >= SHARE_SIZE[0]]
        rendition = (big or served)[0 if big else -1]
        return {
            "url": self.absolute(media[rendition["url"]]),
            "width": rendition["width"],
            "height": rendition["height"],
            "alt": data.get("alt") or page.get("title", ""),
        }


def social_tags(t: Helpers, title: str = "") -> list[tuple[str, str, str]]:
    """(attribute, name, content) of every Open Graph and Twitter <meta>."""
    facts = _Page(t, title)
    entry = facts.entry
    tags = [
        ("property", "og:title", facts.title),
        ("property", "og:type", "article" if entry.kind == "story" else "website"),
        ("property", "og:url", facts.absolute(entry.url)),
        ("property", "og:site_name", facts.site.get("name", "")),
        ("property", "og:locale", og_locale(t.lang)),
    ]
    if entry.page["id"]:
        tags += [
            ("property", "og:locale:alternate", og_locale(lang))
            for lang, _url in facts.model.alternates(entry)
            if lang != t.lang
        ]
    if facts.description:
        tags.append(("property", "og:description", facts.description))
    if entry.kind == "story" and entry.page.get("date"):
        tags.append(("property", "article:published_time", entry.page["date"]))
    image = facts.image()
    if image:
        tags.append(("property", "og:image", image["url"]))
        if "type" in image:
            tags.append(("property", "og:image:type", image["type"]))
        tags += [
            ("property", "og:image:width", str(image["width"])),
            ("property", "og:image:height", str(image["height"])),
            ("property", "og:image:alt", image["alt"]),
        ]
    tags += [
        ("name", "twitter:card", "summary_large_image" if image else "summary"),
        ("name", "twitter:title", facts.title),
    ]
    if facts.description:
        tags.append(("name", "twitter:description", facts.description))
    if image:
        tags += [
            ("name", "twitter:image", image["url"]),
            ("name", "twitter:image:alt", image["alt"]),
        ]
    return tags


def json_ld(t: Helpers, title: str = "") -> Markup:
    """The page's schema.org description, with its breadcrumb trail."""
    facts = _Page(t, title)
    build = {
        "home": _website,
        "index": _collection,
        "place": _place_page,
        "event": _event,
        "story": _article,
        "itinerary": _trip,
        "business": _business,
        "offer": _offer,
    }.get(facts.entry.kind if facts.page["id"] else "", _webpage)
    graph = [build(facts)]
    if facts.entry.kind != "home" and facts.page["meta"]["type"] != "404":
        graph.append(_breadcrumbs(facts))
    return script_json({"@context": "https://schema.org", "@graph": graph})


def _thing(facts: _Page, type_: str, photo: bool = True) -> dict:
    data = {
        "@type": type_,
        "@id": facts.absolute(facts.entry.url),
        "name": facts.title,
        "url": facts.absolute(facts.entry.url),
        "inLanguage": facts.t.lang,
    }
    if facts.description:
        data["description"] = facts.description
    image = facts.photo(facts.page) if photo else facts.image()
    if image:
        data["image"] = image["url"]
    return data


def _website(facts: _Page) -> dict:
    data = _thing(facts, "WebSite")
    data["name"] = facts.site.get("name", "")
    return data


def _collection(facts: _Page) -> dict:
    return _thing(facts, "CollectionPage")


def _webpage(facts: _Page) -> dict:
    return _thing(facts, "WebPage")


def _address_and_geo(data: dict, page: dict) -> dict:
    if page.get("address"):
        data["address"] = {"@type": "PostalAddress", "streetAddress": page["address"]}
    if page.get("latitude") and page.get("longitude"):
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(page["latitude"]),
            "longitude": float(page["longitude"]),
        }
    return data


def _contacts(data: dict, page: dict) -> dict:
    if page.get("phone"):
        data["telephone"] = page["phone"]
    if page.get("website"):
        data["sameAs"] = page["website"]
    return data


def _place_ref(facts: _Page, place: dict, url: str | None) -> dict:
    """Another page's place, as much as a mention needs."""
    data = {
        "@type": PLACE_TYPES.get(place.get("kind"), "Place"),
        "name": place.get("title", ""),
    }
    if url:
        data["url"] = facts.absolute(url)
    return _address_and_geo(data, place)


def _hours(page: dict) -> list[dict]:
    """The weekly hours, one specification per opening span and its days."""
    spans: dict[tuple[str, str], list[int]] = {}
    for row in page.get("opening_hours") or []:
        span = (row["opens"][:5], row["closes"][:5])
        spans.setdefault(span, []).append(int(row["weekday"]))
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [f"https://schema.org/{WEEKDAYS[d]}" for d in sorted(days)],
            "opens": opens,
            "closes": closes,
        }
        for (opens, closes), days in sorted(
            spans.items(), key=lambda kv: (min(kv[1]), kv[0])
        )
    ]


def _place_page(facts: _Page) -> dict:
    page = facts.page
    data = _thing(facts, PLACE_TYPES.get(page.get("kind"), "Place"))
    _contacts(_address_and_geo(data, page), page)
    if hours := _hours(page):
        data["openingHoursSpecification"] = hours
    special = []
    for row in facts.t.upcoming_exceptions(page):
        closed = row.get("closed")
        special.append(
            {
                "@type": "OpeningHoursSpecification",
                "validFrom": row["start_date"],
                "validThrough": row.get("end_date") or row["start_date"],
                "opens": "00:00" if closed else (row.get("opens") or "")[:5],
                "closes": "00:00" if closed else (row.get("closes") or "")[:5],
            }
        )
    if special:
        data["specialOpeningHoursSpecification"] = special
    if page.get("admission_free"):
        data["isAccessibleForFree"] = True
    features = [
        {"@type": "LocationFeatureSpecification", "name": facts.t._(label),
         "value": True}
        for key, label in ACCESSIBILITY
        if page.get(key)
    ]  # fmt: skip
    if features:
        data["amenityFeature"] = features
    return data


def _moment(value: str, all_day: bool) -> str:
    moment = local(value)
    return moment.date().isoformat() if all_day else moment.isoformat()


def _event(facts: _Page) -> dict:
    page, t = facts.page, facts.t
    data = _thing(facts, "Event")
    all_day = bool(page.get("all_day"))
    data["startDate"] = _moment(page["start"], all_day)
    if page.get("end"):
        data["endDate"] = _moment(page["end"], all_day)
    status = page.get("status") or "scheduled"
    data["eventStatus"] = (
        f"https://schema.org/{EVENT_STATUS.get(status, 'EventScheduled')}"
    )
    online = status == "moved-online"
    mode = "Online" if online else "Offline"
    data["eventAttendanceMode"] = f"https://schema.org/{mode}EventAttendanceMode"
    venue = t.page(page.get("venue"))
    if online:
        link = page.get("booking_url") or facts.absolute(facts.entry.url)
        where = {"@type": "VirtualLocation", "url": link}
    elif venue is not None and t.url(page["venue"]):
        where = _place_ref(facts, venue, t.url(page["venue"]))
    else:
        where = {"@type": "Place", "name": page.get("location") or ""}
    data["location"] = where
    if schedule := _schedule(t, page):
        data["eventSchedule"] = schedule
    offer: dict = {"@type": "Offer"}
    if page.get("is_free"):
        offer |= {"price": "0", "priceCurrency": "EUR"}
    elif page.get("price") not in (None, ""):
        offer |= {"price": str(page["price"]), "priceCurrency": "EUR"}
    if page.get("booking_url"):
        offer["url"] = page["booking_url"]
    if len(offer) > 1:
        offer.setdefault("url", facts.absolute(facts.entry.url))
        data["offers"] = offer
        if page.get("is_free"):
            data["isAccessibleForFree"] = True
    return data


def _schedule(t: Helpers, page: dict) -> dict | None:
    """A repeating event's rule, as the page words it."""
    frequency, every = page.get("frequency"), page.get("interval") or 1
    if frequency not in ("weekly", "monthly"):
        return None
    start = local(page["start"])
    data = {
        "@type": "Schedule",
        "repeatFrequency": f"P{every}{'W' if frequency == 'weekly' else 'M'}",
        "startDate": start.date().isoformat(),
        "scheduleTimezone": "Europe/Rome",
    }
    if frequency == "weekly":
        data["byDay"] = f"https://schema.org/{WEEKDAYS[start.weekday()]}"
    if not page.get("all_day"):
        data["startTime"] = start.strftime("%H:%M")
        if page.get("end"):
            data["endTime"] = local(page["end"]).strftime("%H:%M")
    if page.get("repeat_until"):
        data["endDate"] = page["repeat_until"]
    elif page.get("repeat_count"):
        data["repeatCount"] = page["repeat_count"]
    if skipped := t.skipped(page):  # from the build date on, as on the page
        data["exceptDate"] = skipped
    return data


def _article(facts: _Page) -> dict:
    page = facts.page
    data = _thing(facts, "Article", photo=False)
    data["headline"] = facts.title
    if page.get("date"):
        data["datePublished"] = page["date"]
    publisher = {
        "@type": "Organization",
        "name": facts.site.get("name", ""),
        "url": facts.absolute(f"/{facts.t.lang}/"),
    }
    author = page.get("author")
    data["author"] = {"@type": "Person", "name": author} if author else publisher
    data["publisher"] = publisher
    data["mainEntityOfPage"] = facts.absolute(facts.entry.url)
    return data


def _duration(minutes: int | None) -> str | None:
    if not minutes:
        return None
    hours, rest = divmod(int(minutes), 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest else "")


def _trip(facts: _Page) -> dict:
    t = facts.t
    data = _thing(facts, "TouristTrip")
    if duration := _duration(facts.page.get("duration_minutes")):
        data["timeRequired"] = duration
    stops = []
    for stop in facts.page.get("stops") or []:
        place, url = t.page(stop.get("place")), t.url(stop.get("place"))
        if place is None or not url:  # the page leaves it out too
            continue
        stops.append(
            {
                "@type": "ListItem",
                "position": len(stops) + 1,
                "item": _place_ref(facts, place, url),
            }
        )
    data["itinerary"] = {
        "@type": "ItemList",
        "numberOfItems": len(stops),
        "itemListElement": stops,
    }
    return data


def _business(facts: _Page) -> dict:
    page = facts.page
    data = _thing(facts, BUSINESS_TYPES.get(page.get("category"), "LocalBusiness"))
    return _contacts(_address_and_geo(data, page), page)


def _seller(facts: _Page) -> Entry | None:
    """The business an offer belongs to, in this language."""
    return facts.model.business_of(facts.entry)


def _offer(facts: _Page) -> dict:
    page, t = facts.page, facts.t
    data = _thing(facts, "Offer")
    if page.get("price") not in (None, ""):
        data |= {"price": str(page["price"]), "priceCurrency": "EUR"}
    elif page.get("discount_percent") not in (None, ""):
        data["description"] = t._("%(percent)s off") % {
            "percent": t.percent(page["discount_percent"])
        }
    if page.get("valid_from"):
        data["validFrom"] = page["valid_from"]
    if page.get("valid_until"):
        data["validThrough"] = page["valid_until"]
    seller = _seller(facts)
    if seller is not None:
        data["seller"] = {
            "@type": BUSINESS_TYPES.get(seller.page.get("category"), "LocalBusiness"),
            "name": seller.page["title"],
            "url": facts.absolute(seller.url),
        }
    return data


def _trail(facts: _Page) -> list[tuple[str, str]]:
    """(name, URL) from the home down to the page."""
    lang, entry = facts.t.lang, facts.entry
    home = facts.home()
    trail = [(facts.site.get("name", ""), home.url if home else f"/{lang}/")]
    section_kind = "business" if entry.kind == "offer" else entry.kind
    if facts.page["id"] and entry.kind not in ("home", "index"):
        for index in facts.model.of_kind(lang, "index"):
            if CHILD_KIND.get(index.page["meta"]["type"]) == section_kind:
                trail.append((index.page["title"], index.url))
                break
    if entry.kind == "offer" and (seller := _seller(facts)) is not None:
        trail.append((seller.page["title"], seller.url))
    trail.append((facts.title, entry.url))
    return trail


def _breadcrumbs(facts: _Page) -> dict:
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": facts.absolute(url),
            }
            for position, (name, url) in enumerate(_trail(facts), start=1)
        ],
    }
