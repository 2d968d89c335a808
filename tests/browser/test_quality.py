"""Every built page: valid HTML, no serious accessibility faults, a light weight."""

import gzip
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_is_valid_html(built_site):
    require(VNU.is_file() and shutil.which("java") is not None,
            "the Nu Html Checker needs `npm ci` and Java")  # fmt: skip
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json",
         *map(str, html_pages(built_site))],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')
    errors = [
        f"{m['url'].rsplit('/lecce/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages["messages"]
        if m.get("type") == "error"
    ]
    assert errors == []


@pytest.mark.parametrize("lang", ["it", "en", "ar"])
def test_no_serious_accessibility_violations(page, built_site, site_url, lang):
    require(AXE.is_file(), "axe-core needs `npm ci`")
    problems = []
    for path in html_pages(built_site / lang):
        url = "/" + str(path.relative_to(built_site)).removesuffix("index.html")
        page.goto(site_url + url)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run({resultTypes: ['violations']})")
        problems += [
            f"{url}: {v['id']} ({v['impact']}): {v['help']}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
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
