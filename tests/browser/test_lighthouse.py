"""Lighthouse's SEO audits, in Debian's Chromium, on the pages the build makes
itself (the map and the search page): a title, a description, a valid
canonical and hreflang set, a crawlable robots.txt, link texts, alt texts.

The site is built with the server's own address as its public one, as
Lighthouse checks that the canonical URL is on the page's domain.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import socket
import subprocess
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from publisher.serve import SiteHandler
from tests.browser.conftest import CHROMIUM_ARGS, _demo_pages, chromium_path
from tests.conftest import require
from tests.publisher.test_theme import TERRITORY
from tests.snapshots import build_site

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"


@pytest.fixture(scope="module")
def origin(tmp_path_factory, monkeypatch_module):
    with socket.socket() as probe:  # a free port, known before the build
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    origin = f"http://127.0.0.1:{port}"
    monkeypatch_module.setitem(TERRITORY, "base_url", origin)
    site = build_site(tmp_path_factory.mktemp("lighthouse"), _demo_pages())
    handler = functools.partial(SiteHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield origin
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.mark.parametrize("path", ["/it/map/", "/ar/search/"])
def test_seo_is_100_on_the_map_and_the_search_page(origin, path, tmp_path):
    chromium = chromium_path()
    require(chromium is not None, "Chromium is not installed (apt install chromium)")
    require(LIGHTHOUSE.is_file() and shutil.which("node"), "npm install: lighthouse")
    report = tmp_path / "report.json"
    subprocess.run(
        [
            "node",
            str(LIGHTHOUSE),
            origin + path,
            "--only-categories=seo",
            "--output=json",
            f"--output-path={report}",
            "--quiet",
            f"--chrome-flags=--headless=new {' '.join(CHROMIUM_ARGS)}",
        ],
        check=True,
        timeout=180,
        env={**os.environ, "CHROME_PATH": chromium},
    )
    data = json.loads(report.read_text())
    failed = {
        ref["id"]: data["audits"][ref["id"]].get("title")
        for ref in data["categories"]["seo"]["auditRefs"]
        if ref["weight"] and (data["audits"][ref["id"]]["score"] or 0) < 1
    }
    assert data["categories"]["seo"]["score"] == 1, failed
