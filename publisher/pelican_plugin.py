"""Pelican plugin: a generator that renders one territory in one language.

Pelican runs once per territory × language in its own process (it keeps module
state and weak signal receivers between runs). Its own article and page
generators have nothing to read; ours renders every CMS item through
`render_page()`, the hand-written Markdown pages of `content/pages/<lang>/`, and
the pages the build makes itself (audiences, 404), refusing to write a URL twice.
"""

from __future__ import annotations

import json
from pathlib import Path

import markdown
from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator

from .errors import UrlCollision
from .render import RenderContext, render_audience, render_document, render_page
from .richtext import sanitise
from .sitemodel import AUDIENCES_PATH, SiteModel
from .snapshot import Snapshot


class VetrinaGenerator(Generator):
    """Writes dist/<territory>/<lang>/… from an API snapshot."""

    def generate_context(self) -> None:
        job = json.loads(Path(self.settings["VETRINA_JOB"]).read_text("utf-8"))
        snapshot = Snapshot.load(Path(job["snapshots"]), job["territory"])
        self.lang = job["lang"]
        self.ctx = RenderContext(
            SiteModel.build(snapshot),
            self.lang,
            media=job["media"],
            static=job["static"],
            build_date=snapshot.build_date,
            pages_dir=Path(job["pages"]),
        )
        self.pages_dir = Path(job["pages"]) / self.lang
        self.written: set[str] = set()

    def _write(self, url: str, html: str) -> None:
        if url in self.written:  # a Markdown page or a new page of the build's own
            raise UrlCollision(
                f"two pages would be published at {url}: rename the file in "
                f"{self.pages_dir} or change the CMS page's slug"
            )
        relative = url.removeprefix(f"/{self.lang}").strip("/")
        target = Path(self.output_path, relative, "index.html")
        if url.endswith(".html"):
            target = Path(self.output_path, relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, "utf-8")
        self.written.add(url)

    def generate_output(self, writer) -> None:
        for entry in self.ctx.model.entries[self.lang]:
            self._write(entry.url, render_page(entry, self.ctx))
        for source in sorted(self.pages_dir.glob("*.md")):
            title, _, text = source.read_text("utf-8").partition("\n")
            html = sanitise(markdown.markdown(text, extensions=["sane_lists"]))
            path = f"/{source.stem}/"
            self._write(
                f"/{self.lang}{path}",
                render_document(
                    "page", self.ctx, title=title.lstrip("# ").strip(), path=path,
                    html=Markup(html),  # noqa: S704 sanitised above
                ),
            )  # fmt: skip
        for audience in self.ctx.model.audiences(self.lang):
            self._write(
                f"/{self.lang}{AUDIENCES_PATH}{audience}/",
                render_audience(audience, self.ctx),
            )
        self._write(f"/{self.lang}/404.html", render_document("404", self.ctx))
        Path(self.output_path, ".written").write_text(str(len(self.written)))


def get_generators(pelican) -> type[Generator]:
    return VetrinaGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
