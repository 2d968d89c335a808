"""The site's own pages in schema.org: the home (the web site), the sections,
the stories (articles), and pages that are no CMS item (404, about, an
audience)."""

from __future__ import annotations

from .facts import PageFacts, thing


def website(facts: PageFacts) -> dict:
    data = thing(facts, "WebSite")
    data["name"] = facts.site.get("name", "")
    return data


def collection(facts: PageFacts) -> dict:
    return thing(facts, "CollectionPage")


def webpage(facts: PageFacts) -> dict:
    return thing(facts, "WebPage")


def article(facts: PageFacts) -> dict:
    page = facts.page
    data = thing(facts, "Article", photo=False)
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
