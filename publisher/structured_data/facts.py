"""The page being described: the facts its card and its JSON-LD both need.

Whether a page needs a generated share image is decided here, from the page
alone, so the share-image channel (publisher/channels/social.py) and the tags
that point to its images agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..media import alt_text, for_sharing
from ..sitemodel import Entry

if TYPE_CHECKING:
    from ..helpers import Helpers

SHARE_IMAGE = "share.png"
SHARE_SIZE = (1200, 630)


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


class PageFacts:
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
        return self.t.description()

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
        found = for_sharing(data, self.t.ctx.media, SHARE_SIZE[0])
        if found is None:
            return None
        path, rendition = found
        kind = rendition.get("format")
        return {
            "url": self.absolute(path),
            **({"type": f"image/{kind}"} if kind else {}),
            "width": rendition["width"],
            "height": rendition["height"],
            "alt": alt_text(page, page.get("hero_image") or page.get("image"), data)
            or page.get("title", ""),
        }


# The types of ours schema.org gives `inLanguage` (creative works and events):
# a place, a business, an offer or a trip has no language of its own.
WITH_LANGUAGE = frozenset({"Article", "CollectionPage", "Event", "WebPage", "WebSite"})


def thing(facts: PageFacts, type_: str, photo: bool = True) -> dict:
    """The node every kind of page starts from: its type, address, name,
    language, description and picture (its own, or with `photo` false the
    card's, a share image if need be)."""
    data = {
        "@type": type_,
        "@id": facts.absolute(facts.entry.url),
        "name": facts.title,
        "url": facts.absolute(facts.entry.url),
    }
    if type_ in WITH_LANGUAGE:
        data["inLanguage"] = facts.t.lang
    if facts.description:
        data["description"] = facts.description
    image = facts.photo(facts.page) if photo else facts.image()
    if image:
        data["image"] = image["url"]
    return data
