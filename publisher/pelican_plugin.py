"""Pelican plugin: a generator that renders one territory in one language.

A build runs Pelican once per territory × language (publisher/render_jobs.py),
the job in its settings. Its own article and page generators have nothing to
read; ours puts the items in Pelican's context and writes every output
`site_outputs()` lists (CMS items through `page_output()`, hand-written pages,
audiences, 404, the channels' files) or, in an incremental build, only the
URLs the job names, noting what each read for the next incremental build.
Started by Pelican's own command line (no job), it builds the last fetched
snapshots into OUTPUT_PATH instead (`build.render_fetched`).
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

from jinja2 import TemplateSyntaxError
from pelican import signals
from pelican.generators import Generator

from .build import render_fetched
from .errors import RenderFailed
from .handwritten import pages_in, translations
from .render import TemplateOutput, contents
from .render_context import RenderContext
from .render_jobs import JOB, RenderJob
from .site_outputs import site_outputs
from .sitemodel import Entry, output_file


class VetrinaGenerator(Generator):
    """Writes dist/<territory>/<lang>/… from the site model its job carries.

    Its context is Pelican's: the items as `articles` (stories and events) and
    `pages`, with categories, tags and dates, finalized with the signals
    Pelican's own generators send, so plugins act on them as they would on
    Markdown articles. Template outputs go through Pelican's Writer (which
    sends `content_written`); the channels' other files are written here and
    send `content_written` too.
    """

    def generate_context(self) -> None:
        self.job: RenderJob | None = self.settings.get(JOB)
        if self.job is None:  # `pelican -s …`: see generate_output
            return
        self.ctx = self.job.ctx
        made = contents(self.ctx, self.settings, self.context)
        self.articles, self.pages = made.language()
        # The hand-written pages of the language, as Pelican's reader made
        # them, linked to their translations in the territory's languages.
        hand, languages = self.ctx.hand_pages, self.ctx.model.snapshot.languages
        for page in pages_in(hand, self.ctx.lang):
            page.content.translations = [
                other.content
                for other in translations(page, hand, languages)
                if other is not page
            ]
            self.pages.append(page.content)
        # Published items only: nothing hidden, no drafts, translations are
        # each language's own run.
        self.translations, self.hidden_articles, self.drafts = [], [], []
        self.hidden_pages, self.draft_pages = [], []
        self.dates = sorted(self.articles, key=lambda a: a.date)
        self.categories = _grouped(self.articles, "category")
        self.tags = _grouped(self.articles, "tags")
        self.authors = _grouped(self.articles, "authors")
        self.context.update(
            articles=self.articles,
            dates=self.dates,
            categories=self.categories,
            tags=self.tags,
            authors=self.authors,
            pages=self.pages,
        )
        signals.article_generator_finalized.send(self)
        signals.page_generator_finalized.send(self)

    def generate_output(self, writer) -> None:
        if self.job is None:
            # Pelican's own command line: each territory of the last fetched
            # snapshots is built, as `vetrina build` would, into OUTPUT_PATH;
            # the languages are Pelican runs of their own, in this process.
            render_fetched(Path(self.output_path), _settings_file())
            return
        reads = self.job.reads
        root = self.output_path  # the territory's folder: URLs start with /<lang>/
        only = self.job.only
        for url, output in site_outputs(self.ctx).items():
            if only is not None and url not in only:
                continue
            name = output_file(url)
            with self.ctx.model.reading() as keys:
                try:
                    self._write(writer, root, name, output())
                except Exception as error:
                    raise RenderFailed(failure(url, output, error, self.ctx)) from error
            reads[name] = sorted(keys)

    def _write(self, writer, root: str, name: str, output) -> None:
        if isinstance(output, TemplateOutput):
            template = self.ctx.template(output.template)
            writer.write_file(name, template, self.context, **output.context())
            return
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as file:
            file.write(output if isinstance(output, bytes) else output.encode())
        signals.content_written.send(path, context=self.context)


def _settings_file() -> Path | None:
    """The settings file `pelican` was started with (its settings do not say)."""
    from pelican import DEFAULT_CONFIG_NAME, parse_arguments

    try:
        given = parse_arguments(sys.argv[1:]).settings
    except SystemExit:  # not Pelican's command line
        return None
    if given is None and Path(DEFAULT_CONFIG_NAME).is_file():
        given = DEFAULT_CONFIG_NAME
    return Path(given).resolve() if given else None


def _grouped(articles: list, attribute: str) -> list[tuple[object, list]]:
    """[(category or tag or author, its articles)], as Pelican's context has."""
    groups: dict[object, list] = {}
    for article in articles:
        found = getattr(article, attribute, None)
        for key in found if isinstance(found, list) else [found] if found else []:
            groups.setdefault(key, []).append(article)
    return sorted(groups.items(), key=lambda group: str(group[0]))


def failure(url: str, render, error: Exception, ctx: RenderContext) -> str:
    """What failed, where: the item, its URL, and the template file and line
    (Jinja puts the template's lines in the traceback) or the Python line."""
    item = ""
    entry = getattr(render, "entry", None) or next(
        (a for a in getattr(render, "args", ()) if isinstance(a, Entry)), None
    )
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
