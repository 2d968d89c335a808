"""The rules `_redirects` starts with: moved pages and the editors' redirects.

The API's redirects (docs/api.md, "Redirects") are checked like pages are in
validate.py: a bad row is named and left out, never written. A `_redirects`
line is split on whitespace and read for patterns (`*`, `:name`), so a stray
character in a path or an address would make another rule than the one meant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from .sitemodel import SiteModel
from .validate import is_loopback

STATUSES = (301, 302)
# Characters an address keeps as they are; the rest (spaces excepted, refused
# before) is percent-encoded, as an IRI becomes a URI.
URL_SAFE = "/:?#[]@!$&'()*+,;=%~"
# What Netlify would read as a query, a pattern or a comment rather than a path.
NOT_LITERAL = re.compile(r"[?#;*]|/:")


@dataclass(frozen=True)
class Rule:
    old: str
    new: str
    status: int


@dataclass(frozen=True)
class RedirectProblem:
    old_path: object
    field: str
    message: str

    def __str__(self) -> str:
        # repr: the path may hold the very characters it is refused for.
        return f"redirect {str(self.old_path)[:200]!r}, field '{self.field}': " + (
            self.message
        )


def same_path(path: str) -> str:
    """`path` as Netlify matches a rule: with or without a trailing slash."""
    return path.rstrip("/") or "/"


def is_plain(text: object) -> bool:
    """Text with no space, line break or invisible character to split a line on."""
    return isinstance(text, str) and text.isprintable() and " " not in text


def is_web_address(url: object) -> bool:
    if not is_plain(url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def read(model: SiteModel) -> tuple[list[Rule], list[RedirectProblem]]:
    """The rules of the snapshot's redirects, one per old path, sorted by it,
    and the rows left out. The API sends one row per path; should two match
    alike, the first wins. None may take a path the build publishes: the root,
    a language's home, a page."""
    languages = model.snapshot.languages
    taken = {"/", *(f"/{lang}" for lang in languages)}
    taken |= {
        same_path(entry.url)
        for lang in languages
        for entry in model.entries.get(lang, [])
    }
    public = not is_loopback(model.snapshot.territory.get("base_url") or "")
    rules: dict[str, Rule] = {}
    problems = []
    for row in model.snapshot.redirects:
        found = check(row, model, public)
        if isinstance(found, RedirectProblem):
            problems.append(found)
        elif found is not None and same_path(found.old) in taken:
            problems.append(
                RedirectProblem(
                    found.old, "old_path", "the site publishes a page there"
                )
            )
        elif found is not None:
            rules.setdefault(same_path(found.old), found)
    return sorted(rules.values(), key=lambda rule: rule.old), problems


def check(row: object, model: SiteModel, public: bool) -> Rule | RedirectProblem | None:
    """One row's rule, its problem, or None when it leads nowhere on this site
    (a page not published in it) or to itself. `public`: the site is published
    on a public address, so no redirect may lead to this machine."""
    if not isinstance(row, dict):
        return RedirectProblem(row, "item", "is not an object")
    old = row.get("old_path")
    if "status" not in row and isinstance(old, str) and is_plain(row.get("locale")):
        # A CMS before issue 15: moves only, the path below the language's home.
        old = f"/{row['locale']}{old}"
        row = {**row, "old_path": old, "status": 301}

    def problem(field: str, message: str) -> RedirectProblem:
        return RedirectProblem(old, field, message)

    if not isinstance(old, str) or not old.startswith("/") or old.startswith("//"):
        return problem("old_path", "is not a path on the site")
    if not is_plain(old):
        return problem("old_path", "has a space or an invisible character")
    if NOT_LITERAL.search(old):
        return problem(
            "old_path",
            "has a query, a fragment or a pattern (? # ; * /:), which _redirects "
            "cannot match as it is",
        )
    if old.startswith("/.netlify"):
        return problem("old_path", "is Netlify's own")
    status = row.get("status")
    if type(status) is not int or status not in STATUSES:
        return problem("status", f"{status!r} is not 301 or 302")
    page, url, locale = row.get("page"), row.get("url"), row.get("locale")
    if (page is None) == (url is None):
        return problem("page", "a redirect leads to a page or to a url: one of them")
    if page is not None:
        if type(page) is not int:
            return problem("page", f"{page!r} is not a page id")
        new = target_page(model, page, locale)
        if new is None:
            return None
        new = quote(new, safe="/")
    else:
        if not is_web_address(url):
            return problem("url", f"{str(url)[:200]!r} is not an http(s) address")
        if public and is_loopback(url):
            return problem("url", f"{url} is an address of this machine")
        new = quote(url, safe=URL_SAFE)
    if same_path(old) == same_path(new):
        return None
    return Rule(old, new, status)


def target_page(model: SiteModel, page_id: int, locale: object) -> str | None:
    """The page in the old path's language, else in its own; None when the
    site does not publish it."""
    if isinstance(locale, str):
        url = model.url_for(page_id, locale)
        if url is not None:
            return url
    page = model.page(page_id)
    return model.url_for(page_id, page["meta"]["locale"]) if page else None
