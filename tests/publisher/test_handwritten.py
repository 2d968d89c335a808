"""Hand-written pages are Pelican content: Pelican's readers, its metadata
(Title:, Slug:, Lang:), Markdown and reStructuredText, translations by slug."""

import pytest

from publisher.errors import PageInvalid
from publisher.handwritten import pages_in, read_pages, translations
from tests.publisher.test_incremental import demo_pages
from tests.snapshots import build_site

SETTINGS = """\
from vetrina.site.publishconf import *  # noqa: F403

PATH = "content"
"""


@pytest.fixture
def site(tmp_path):
    """A site of its own whose pages/ a test writes."""
    (tmp_path / "content" / "pages" / "it").mkdir(parents=True)
    (tmp_path / "publishconf.py").write_text(SETTINGS)
    return tmp_path


def write(site, name: str, text: str) -> None:
    path = site / "content" / "pages" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def test_pelican_metadata_makes_the_title_slug_and_language(site):
    write(
        site,
        "storia.md",
        "Title: La nostra storia\nSlug: history\nLang: it\n\nDal **1950**.\n",
    )
    write(site, "en/history.md", "Title: Our story\n\nSince **1950**.\n")
    write(site, "it/orari.rst", "Orari\n=====\n\nAperto *ogni giorno*.\n")
    pages = read_pages(site / "content" / "pages", site / "publishconf.py")

    found = {(p.lang, p.slug): p for p in pages}
    assert set(found) == {("it", "history"), ("en", "history"), ("it", "orari")}
    story = found["it", "history"]
    assert story.title == "La nostra storia"
    assert "Title:" not in story.html and "<strong>1950</strong>" in story.html
    assert found["it", "orari"].title == "Orari"
    assert "<em>ogni giorno</em>" in found["it", "orari"].html
    assert [(p.lang, p.url) for p in translations(story, pages, ["it", "en"])] == [
        ("en", "/en/history/"),
        ("it", "/it/history/"),
    ]


def test_the_built_site_publishes_them_with_their_translations(site, tmp_path):
    write(site, "it/storia.md", "Title: La nostra storia\nSlug: history\n\nDal 1950.\n")
    write(site, "en/history.md", "Title: Our story\n\nSince 1950.\n")
    out = build_site(tmp_path / "work", demo_pages(), settings=site / "publishconf.py")

    html = (out / "it" / "history" / "index.html").read_text("utf-8")
    assert "<h1>La nostra storia</h1>" in html
    assert "Title:" not in html and "Slug:" not in html
    assert 'href="/en/history/"' in html  # the language switcher
    assert not (out / "it" / "storia").exists()


def test_a_page_without_a_title_or_a_language_is_refused_with_its_name(site):
    write(site, "it/vuota.md", "Solo testo, nessun titolo.\n")
    with pytest.raises(PageInvalid, match=r"vuota\.md: Title is missing"):
        read_pages(site / "content" / "pages", site / "publishconf.py")

    (site / "content" / "pages" / "it" / "vuota.md").unlink()
    write(site, "senza-lingua.md", "Title: Senza lingua\n\nTesto.\n")
    with pytest.raises(PageInvalid, match=r"senza-lingua\.md: Lang is missing"):
        read_pages(site / "content" / "pages", site / "publishconf.py")


def test_the_older_form_with_a_heading_still_reads(site):
    write(site, "it/about.md", "# Chi siamo\nTesto.\n")
    pages = read_pages(site / "content" / "pages", site / "publishconf.py")
    (page,) = pages_in(pages, "it")
    assert (page.title, page.url) == ("Chi siamo", "/it/about/")
    assert "<h1>" not in page.html and "Testo." in page.html
