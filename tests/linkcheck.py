"""Every internal link and image of a built site, resolved against the files.

A static host answers `/it/luoghi/` with `it/luoghi/index.html`; a link that
resolves to no file is a 404 for a visitor, whatever the page looked like.
"""

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

URL_ATTRIBUTES = {"href", "src", "poster"}


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            elif name in URL_ATTRIBUTES:
                self.urls.append(value)
            elif name in ("srcset", "imagesrcset"):
                self.urls += [part.split()[0] for part in value.split(",") if part]


def _target(site: Path, path: str) -> Path | None:
    relative = unquote(path).lstrip("/")
    candidates = [site / relative / "index.html"] if path.endswith("/") else [
        site / relative, site / relative / "index.html"]  # fmt: skip
    return next((c for c in candidates if c.is_file()), None)


def broken_links(site: Path) -> list[str]:
    """`page: url` for every internal URL (link, image, stylesheet) that 404s."""
    problems = []
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        base = "http://site/" + relative.removesuffix("index.html")
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for url in parser.urls:
            absolute = urlsplit(urljoin(base, url))
            if absolute.netloc != "site" or absolute.scheme not in ("http", "https"):
                continue  # another site, mailto:, tel:, data:
            same_page = absolute.path == urlsplit(base).path
            if same_page and absolute.fragment:
                if absolute.fragment not in parser.ids:
                    problems.append(f"{relative}: {url} (no such id)")
            elif _target(site, absolute.path) is None:
                problems.append(f"{relative}: {url}")
    return problems
