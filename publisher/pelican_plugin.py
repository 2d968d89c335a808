"""Pelican plugin: a generator that renders one territory in one language.

Pelican runs once per territory × language in its own process (it keeps module
state and weak signal receivers between runs). Its own article and page
generators have nothing to read; ours writes every page `site_outputs()` lists
(CMS items through `render_page()`, hand-written Markdown pages, audiences, 404)
or, in an incremental build, only the URLs the job names. For each page written
it notes what the page read, for the next incremental build.
"""

from __future__ import annotations

import json
import os
import pickle
import traceback
from pathlib import Path

from jinja2 import TemplateSyntaxError
from pelican import signals
from pelican.generators import Generator

from .errors import RenderFailed
from .render import output_file
from .render_context import RenderContext
from .settings import SiteSettings
from .site_outputs import site_outputs
from .sitemodel import Entry, SiteModel

WRITTEN = ".written.json"


class VetrinaGenerator(Generator):
    """Writes dist/<territory>/<lang>/… from an API snapshot."""

    def generate_context(self) -> None:
        job = json.loads(Path(self.settings["VETRINA_JOB"]).read_text("utf-8"))
        # Pickled by the build for its render processes (render_jobs.write_job).
        model: SiteModel = pickle.loads(Path(job["model"]).read_bytes())  # noqa: S301
        snapshot = model.snapshot
        self.lang = job["lang"]
        self.only = None if job.get("only") is None else set(job["only"])
        self.ctx = RenderContext(
            model,
            self.lang,
            media=job["media"],
            static=job["static"],
            build_date=snapshot.build_date,
            site=SiteSettings.from_pelican(self.settings, Path(job["settings"])),
            cache_dir=Path(job["cache"]) if job.get("cache") else None,
        )

    def generate_output(self, writer) -> None:
        reads: dict[str, list[str]] = {}
        # The output folder is the language's own: URLs start with /<lang>/.
        root = str(Path(self.output_path).parent)
        made: set[str] = set()
        for url, render in site_outputs(self.ctx).items():
            if self.only is not None and url not in self.only:
                continue
            with self.ctx.model.reading() as keys:
                try:
                    content = render()
                except Exception as error:
                    raise RenderFailed(failure(url, render, error, self.ctx)) from error
            # Staging is a new folder of the build's own: write straight in.
            name = output_file(url)
            folder = os.path.dirname(os.path.join(root, name))
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            data = content if isinstance(content, bytes) else content.encode()
            with open(os.path.join(root, name), "wb") as file:
                file.write(data)
            reads[name] = sorted(keys)
        Path(self.output_path, WRITTEN).write_text(json.dumps(reads), "utf-8")


def failure(url: str, render, error: Exception, ctx: RenderContext) -> str:
    """What failed, where: the item, its URL, and the template file and line
    (Jinja puts the template's lines in the traceback) or the Python line."""
    item = ""
    entry = next((a for a in getattr(render, "args", ()) if isinstance(a, Entry)), None)
    if entry is not None and entry.page.get("id"):
        item = f"«{entry.page.get('title', '')}» (item {entry.page['id']}) "
    folders = tuple(str(folder) for folder in ctx.site.templates)
    frames = traceback.extract_tb(error.__traceback__)
    in_templates = [f for f in frames if f.filename.startswith(folders)]
    if isinstance(error, TemplateSyntaxError) and error.filename:
        where = f"{error.filename}, line {error.lineno}"
    elif in_templates:
        where = f"{in_templates[-1].filename}, line {in_templates[-1].lineno}"
    elif frames:
        where = f"{frames[-1].filename}, line {frames[-1].lineno}"
    else:
        where = "?"
    return f"{item}at {url}: {where}: {error.__class__.__name__}: {error}"


def get_generators(pelican) -> type[Generator]:
    return VetrinaGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
