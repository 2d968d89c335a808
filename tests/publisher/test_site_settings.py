"""A build can be pointed anywhere: its working folder, its CMS, a site of its
own (Pelican's THEME_TEMPLATES_OVERRIDES and PATH), and it never publishes
links to this machine on a public site."""

import copy
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from publisher import resources
from publisher.build import BuildOptions, build, default_content
from publisher.cli import main
from publisher.errors import LocalLinks
from publisher.validate import is_loopback, local_links
from tests.publisher.test_incremental import FakeCms, demo_pages, serving
from tests.publisher.test_theme import TERRITORY
from tests.snapshots import build_site

SIGNUP = "/owners/signup/?territory=lecce"


def test_a_site_of_its_own_overrides_templates_and_pages(tmp_path):
    site = tmp_path / "my-site"
    (site / "templates").mkdir(parents=True)
    (site / "pages" / "pages" / "it").mkdir(parents=True)
    # A template of the theme, changed: the others still come from the theme.
    base = (resources.theme() / "templates" / "base.html").read_text("utf-8")
    (site / "templates" / "base.html").write_text(
        base.replace("<body", '<body data-site="mine"', 1), "utf-8"
    )
    (site / "pages" / "pages" / "it" / "storia.md").write_text(
        "# La nostra storia\nDal 1990.\n", "utf-8"
    )
    (site / "publishconf.py").write_text(
        "from vetrina.site.publishconf import *  # noqa: F403\n\n"
        'THEME_TEMPLATES_OVERRIDES = ["templates"]\n'
        'PATH = "pages"\n'
        'THEME_STATIC_DIR = "theme"\n'
    )
    out = build_site(tmp_path / "work", demo_pages(), settings=site / "publishconf.py")
    home = (out / "it" / "index.html").read_text("utf-8")
    assert 'data-site="mine"' in home
    assert '<a href="/it/storia/">La nostra storia</a>' in home
    assert (out / "it" / "storia" / "index.html").is_file()
    assert not (out / "it" / "about").exists()  # the package's pages are replaced
    # The theme's files are where THEME_STATIC_DIR says, linked and cached there.
    css = re.search(r'href="(/theme/css/site\.\w+\.css)"', home)
    assert css and (out / css[1].lstrip("/")).is_file()
    assert not (out / "static").exists()
    assert (
        "/theme/*\n  Cache-Control: public, max-age=31536000, immutable"
        in (out / "_headers").read_text()
    )


def test_a_changed_settings_file_is_read_again(tmp_path):
    """A designer edits the settings while `pelican --autoreload` runs: the
    next render gets the new JINJA_GLOBALS, not the first ones it read."""
    from publisher.render_context import environment
    from publisher.settings import load

    file = tmp_path / "publishconf.py"
    for n, word in enumerate(("uno", "due")):
        file.write_text(
            "from vetrina.site.publishconf import *  # noqa: F403\n"
            f'JINJA_GLOBALS = {{"WORD": "{word}"}}\n',
            "utf-8",
        )
        os.utime(file, ns=(n * 10**9, n * 10**9))
        site = load(file)
        assert site.pelican["JINJA_GLOBALS"] == {"WORD": word}
        assert environment("it", site).from_string("{{ WORD }}").render() == word


def test_without_settings_the_packaged_theme_and_pages_are_used(tmp_path):
    out = build_site(tmp_path, demo_pages())
    assert "data-site" not in (out / "it" / "index.html").read_text("utf-8")
    assert (out / "it" / "about" / "index.html").is_file()


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://localhost:8000/owners/signup/", True),
        ("http://127.0.0.1:8000/", True),
        ("http://127.3.4.5/", True),
        ("http://[::1]:8000/", True),
        ("http://0.0.0.0:8000/", True),
        ("http://cms.localhost/", True),
        ("https://cms.example.org/owners/signup/", False),
        ("https://192.168.1.10/", False),
        ("mailto:info@localhost", False),
    ],
)
def test_loopback_addresses(url, local):
    assert is_loopback(url) is local


def test_a_public_site_linking_to_localhost_is_refused(tmp_path):
    """The CMS's default public address is localhost: a site built against a CMS
    anywhere else would send businesses to a dead address."""
    fake = FakeCms(demo_pages())
    fake.territory["signup_url"] = f"http://localhost:8000{SIGNUP}"
    options = BuildOptions(api="", out=tmp_path / "dist", content=tmp_path, jobs=1)
    with serving(fake) as cms:
        options.api = cms.url
        with pytest.raises(LocalLinks) as refused:
            build(options, progress=lambda line: None)
        assert "WAGTAILADMIN_BASE_URL" in str(refused.value)
        assert "signup_url" in str(refused.value)
        assert not (tmp_path / "dist").exists()
        # A local demo may.
        options.allow_local_links = True
        [report] = build(options, progress=lambda line: None)
    page = (tmp_path / "dist" / "lecce" / "it" / "index.html").read_text("utf-8")
    assert f"http://localhost:8000{SIGNUP}" in page
    assert report.pages


def test_nested_addresses_are_checked_but_not_the_downloaded_logo():
    territory = copy.deepcopy(TERRITORY)
    territory["logo"] = {"renditions": [{"url": "http://127.0.0.1:8000/media/a.webp"}]}
    assert local_links(territory) == []
    territory["social_links"] = [{"url": "http://localhost/facebook"}]
    assert local_links(territory) == [("social_links.url", "http://localhost/facebook")]


def test_the_working_folder_defaults(tmp_path, monkeypatch):
    monkeypatch.delenv("VETRINA_CONTENT_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    assert default_content() == tmp_path / "content"
    checkout = Path(__file__).resolve().parents[2]
    monkeypatch.chdir(checkout / "publisher")
    assert default_content() == checkout / "content"
    monkeypatch.setenv("VETRINA_CONTENT_DIR", str(tmp_path / "elsewhere"))
    assert default_content() == tmp_path / "elsewhere"


def test_the_cms_address_can_come_from_the_environment(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VETRINA_API_URL", raising=False)
    assert main(["build"]) == 2
    assert "VETRINA_API_URL" in capsys.readouterr().err

    with serving(FakeCms(demo_pages())) as cms:
        env = {**os.environ, "VETRINA_API_URL": cms.url}
        env["VETRINA_CONTENT_DIR"] = str(tmp_path / "work")
        result = subprocess.run(
            [sys.executable, "-m", "publisher", "build", "--date", "2026-11-25"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "dist" / "lecce" / "it" / "index.html").is_file()
    assert (tmp_path / "work" / "state" / "lecce.json").is_file()
    assert not (tmp_path / "content").exists()


def test_help_documents_the_options_and_variables(capsys):
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    text = capsys.readouterr().out
    for word in ("--content", "--settings", "--api", "--allow-local-links"):
        assert word in text
    for variable in ("VETRINA_API_URL", "VETRINA_CONTENT_DIR", "VETRINA_SETTINGS"):
        assert variable in text
