"""Pelican does the rendering: its context, its Writer, its signals and its
plugins act on the CMS's items as on Markdown articles, and a Pelican theme
can be adapted."""

from pathlib import Path

from publisher import render_jobs
from tests.publisher.test_incremental import demo_pages
from tests.snapshots import build_site

PLUGIN = '''
"""A plugin as a Pelican user writes one: it notes every file written, and
the pages Pelican's generators finalize."""
from pelican import signals

WRITTEN = []
PAGES = []


def note(path, context):
    WRITTEN.append((path, context["SITENAME"], context["DEFAULT_LANG"]))


def pages(generator):
    PAGES.extend(generator.pages)


def register():
    signals.content_written.connect(note)
    signals.page_generator_finalized.connect(pages)
'''


def site(tmp_path: Path, settings: str, templates: dict[str, str]) -> Path:
    """A site of its own: a settings file and template overrides."""
    folder = tmp_path / "my-site"
    (folder / "templates").mkdir(parents=True)
    for name, text in templates.items():
        (folder / "templates" / name).write_text(text, "utf-8")
    (folder / "publishconf.py").write_text(
        "from vetrina.site.publishconf import *  # noqa: F403\n\n"
        'THEME_TEMPLATES_OVERRIDES = ["templates"]\n' + settings,
        "utf-8",
    )
    return folder / "publishconf.py"


def stories() -> list[dict]:
    """The demo, with its two Italian stories on different days."""
    pages = demo_pages()
    for page in pages:
        if page["id"] == 20:
            page["date"] = "2026-11-27"
    return pages


def test_a_pelican_plugins_plugin_links_each_story_to_the_next(tmp_path):
    """pelican-neighbors (pelican-plugins organisation) acts on the items as
    Pelican articles: the previous and next story (`…_in_category`: events
    are articles too) reach the page."""
    link = (
        '{% if article.NAME %}<a rel="REL" href="{{ SITEURL }}/'
        '{{ article.NAME.url }}">{{ article.NAME.title }}</a>{% endif %}'
    )
    neighbours = (
        '{% extends "!theme/story.html" %}{% block content %}{{ super() }}'
        '<nav class="neighbours">'
        + link.replace("NAME", "next_article_in_category").replace("REL", "next")
        + link.replace("NAME", "prev_article_in_category").replace("REL", "prev")
        + "</nav>{% endblock %}"
    )
    settings = site(
        tmp_path,
        'PLUGINS = [*PLUGINS, "pelican.plugins.neighbors"]\n',
        {"story.html": neighbours},
    )
    out = build_site(tmp_path / "work", stories(), settings=settings)
    older = (out / "it" / "storie" / "barocco" / "index.html").read_text("utf-8")
    newer = (out / "it" / "storie" / "altra" / "index.html").read_text("utf-8")
    assert '<a rel="next" href="/it/storie/altra/">Un&#39;altra storia</a>' in older
    assert 'rel="prev"' not in older
    assert '<a rel="prev" href="/it/storie/barocco/">Il barocco</a>' in newer
    # The theme's own page is all there around it.
    assert "<h1>Il barocco</h1>" in older and '<html lang="it"' in older


def test_every_file_written_is_announced_to_plugins(tmp_path):
    """`content_written` fires for the template pages (Pelican's Writer) and
    for the channels' other files (feeds, calendars, images) alike."""
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "written_note.py").write_text(PLUGIN, "utf-8")
    settings = site(
        tmp_path,
        f'PLUGIN_PATHS = ["{plugins}"]\nPLUGINS = [*PLUGINS, "written_note"]\n',
        {},
    )
    out = build_site(tmp_path / "work", demo_pages(), settings=settings, jobs=1)
    import written_note  # loaded by Pelican from PLUGIN_PATHS

    # Written in the build's staging folder, then swapped in as dist/lecce.
    announced = {
        path.partition("/.staging-")[2].partition("/")[2]
        for path, *_ in written_note.WRITTEN
    }
    files = {
        path.relative_to(out).as_posix()
        for path in out.rglob("*")
        if path.is_file() and path.relative_to(out).parts[0] in ("it", "en", "ar")
    }
    assert {"it/index.html", "it/feed.atom", "en/index.html"} <= announced
    assert announced >= {f for f in files if "/pagefind" not in f}
    # Pelican's context came with each: the territory's name, the page's language.
    assert ("Lecce", "ar") in {(name, lang) for _, name, lang in written_note.WRITTEN}
    # Pelican's pages: the CMS's places and the hand-written Markdown pages,
    # published where the site has them and linked to their translations.
    pages = {page.url: page for page in written_note.PAGES}
    assert pages["it/luoghi/duomo/"].title == "Duomo"
    about = pages["it/about/"]
    assert (about.title, about.lang, about.save_as) == (
        "Chi siamo",
        "it",
        "it/about/index.html",
    )
    assert {t.url for t in about.translations} == {"en/about/", "ar/about/"}


def test_a_pelican_theme_template_renders_an_item(tmp_path):
    """A designer adapts Pelican's `simple` theme: its article template gets
    Pelican's context (SITENAME, DEFAULT_LANG, article with title, date,
    content and translations) for a CMS story."""
    settings = site(
        tmp_path,
        "import jinja2\n"
        "JINJA_ENVIRONMENT = {**JINJA_ENVIRONMENT, 'undefined': jinja2.Undefined}\n",
        {
            "base.html": '{% extends "!simple/base.html" %}',
            "story.html": '{% extends "!simple/article.html" %}',
        },
    )
    out = build_site(tmp_path / "work", demo_pages(), settings=settings)
    html = (out / "it" / "storie" / "barocco" / "index.html").read_text("utf-8")
    assert '<html lang="it">' in html
    assert "<title>Lecce - Il barocco</title>" in html
    assert 'href="/it/storie/barocco/"' in html  # SITEURL + article.url
    assert "Fri 20 November 2026" in html  # article.locale_date
    assert '<div class="rich"><p><a href="/it/luoghi/duomo/">Qui</a>.</p></div>' in (
        html
    )  # article.content: the body, rich text resolved
    assert 'href="/en/stories/barocco/" hreflang="en"' in html  # translations


def test_an_incremental_build_renders_in_process_without_pickles(tmp_path, monkeypatch):
    """One edit's build neither starts processes nor pickles the site."""
    build_site(tmp_path, demo_pages(), jobs=2)

    def refuse(*args, **kwargs):
        raise AssertionError("an incremental build pickled its model")

    monkeypatch.setattr(render_jobs.pickle, "dumps", refuse)
    monkeypatch.setattr(render_jobs.multiprocessing, "get_context", refuse)
    pages = demo_pages()
    pages[0]["title"] = "Casa nuova"
    out = build_site(tmp_path, pages, jobs=2)
    assert "Casa nuova" in (out / "it" / "index.html").read_text("utf-8")


def test_a_large_full_build_fans_out_and_gives_the_same_bytes(tmp_path, monkeypatch):
    """Fanned out to processes or not, a full build writes the same files."""
    monkeypatch.setattr(render_jobs, "FAN_OUT_FILES", 10**9)
    here = build_site(tmp_path / "here", demo_pages(), jobs=2)
    monkeypatch.setattr(render_jobs, "FAN_OUT_FILES", 1)
    out = build_site(tmp_path / "out", demo_pages(), jobs=2)
    for path in here.rglob("*.html"):
        assert path.read_bytes() == (out / path.relative_to(here)).read_bytes(), path
