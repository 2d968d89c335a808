"""Every built page: valid HTML, no serious accessibility faults, a light weight."""

import gzip
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require
from tests.linkcheck import broken_links

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def serious_violations(page, where: str = "") -> list[str]:
    """axe-core's serious and critical findings on the page as it is now."""
    require(AXE.is_file(), "axe-core needs `npm ci`")
    # Evaluated through DevTools: a page's Content-Security-Policy (the CMS's
    # pages have one) would refuse it as an injected <script>.
    page.evaluate(AXE.read_text())
    result = page.evaluate("axe.run({resultTypes: ['violations']})")
    return [
        f"{where or page.url}: {v['id']} ({v['impact']}): {v['help']}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def html_pages(site: Path) -> list[Path]:
    """Every web page of a built site. Not the newsletter: it is written for mail
    clients (Outlook needs table attributes HTML5 calls obsolete) and is checked
    by its own tests."""
    return sorted(p for p in site.rglob("*.html") if p.name != "newsletter.html")


def html_errors(site: Path) -> list[str]:
    """The Nu Html Checker's errors for every page of a built site."""
    require(VNU.is_file() and shutil.which("java") is not None,
            "the Nu Html Checker needs `npm ci` and Java")  # fmt: skip
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json",
         *map(str, html_pages(site))],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')
    return [
        f"{m['url'].rsplit(site.name + '/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages["messages"]
        if m.get("type") == "error"
    ]


def test_every_page_is_valid_html(built_site):
    assert html_errors(built_site) == []


@pytest.mark.parametrize("lang", ["it", "en", "ar"])
def test_no_serious_accessibility_violations(page, built_site, site_url, lang):
    problems = []
    for path in html_pages(built_site / lang):
        url = "/" + str(path.relative_to(built_site)).removesuffix("index.html")
        page.goto(site_url + url)
        problems += serious_violations(page, url)
    assert problems == []


def test_a_typical_page_weighs_under_14_kb_and_blocks_on_nothing(built_site):
    html = (built_site / "it/luoghi/duomo/index.html").read_text()
    css = b"".join(
        (built_site / href.lstrip("/")).read_bytes()
        for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    )
    weight = len(gzip.compress(html.encode() + css))
    assert weight <= 14 * 1024, weight
    assert "<script" not in html.split("</head>")[0]
    for tag in re.findall(r"<img [^>]+>", html):
        assert 'width="' in tag and 'height="' in tag, tag


def test_no_internal_link_or_image_is_broken(built_site):
    assert broken_links(built_site) == []


def test_the_link_checker_reports_what_would_404(tmp_path):
    (tmp_path / "it/luoghi").mkdir(parents=True)
    (tmp_path / "it/luoghi/index.html").write_text(
        '<a href="/it/luoghi/">ok</a><a href="../">up</a><a href="#x">x</a>'
        '<img src="duomo.webp" srcset="/m/a.webp 480w, /m/b.webp 960w" alt="">'
        '<a href="https://example.org/">ext</a><a href="mailto:a@b.it">m</a>'
    )
    (tmp_path / "m").mkdir()
    (tmp_path / "m/a.webp").write_bytes(b"")
    assert broken_links(tmp_path) == [
        "it/luoghi/index.html: ../",
        "it/luoghi/index.html: #x (no such id)",
        "it/luoghi/index.html: duomo.webp",
        "it/luoghi/index.html: /m/b.webp",
    ]
