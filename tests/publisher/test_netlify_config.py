"""What Netlify will serve for a built site and this repository's netlify.toml,
as Netlify's own parsers read them and Netlify merges them (netlify.toml's
rules win over `_headers` for the same path and header): see netlify_config.mjs.
"""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from publisher import deploy
from publisher.netlify import HASHED_FOLDERS
from tests.conftest import require
from tests.publisher.test_channel_opendata import pages
from tests.publisher.test_redirects import BAD, row
from tests.snapshots import build_site

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("netlify_config.mjs")
NETLIFY_TOML = ROOT / "netlify.toml"
PARSERS = ("@netlify/headers-parser", "@netlify/redirect-parser")
SECURITY = ("content-security-policy", "strict-transport-security",
            "referrer-policy", "x-content-type-options", "x-frame-options",
            "permissions-policy")  # fmt: skip
LANGUAGES = ("it", "en", "ar")


# Redirects of every kind (see test_redirects.py), the bad ones among them.
REDIRECTS = [
    row("/it/luoghi/duomo-vecchio/", "it", page=5),
    row("/en/old-cathedral", "en", page=5, status=302),
    row("/museo.html", "it", page=5),
    row("/it/caffè-storico", "it", page=6),
    row("/biglietti", url="https://t.example/le?a=1&b=2#orari"),
    row("/en/tickets", "en", url="https://t.example/città", status=302),
    *(bad for bad, _ in BAD),
]
GOOD_REDIRECTS = 6


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("netlify-config")
    return build_site(root, pages(), redirects=REDIRECTS)


def urls(site: Path) -> list[str]:
    """Every file of the site by URL, and pages also by their pretty URL."""
    found = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if path.is_file() and not relative.startswith("_"):
            found.append(f"/{relative}")
            if path.name == "index.html":
                found.append(f"/{relative.removesuffix('index.html')}")
    return found


def netlify_config(site: Path, paths: list[str] | None = None) -> dict:
    """What Netlify's parsers make of a built site (see netlify_config.mjs)."""
    node = shutil.which("node")
    require(node is not None, "Node.js is not installed")
    missing = [name for name in PARSERS if not (ROOT / "node_modules" / name).is_dir()]
    require(not missing, f"{', '.join(missing)} not installed: run npm ci")
    result = subprocess.run(
        [node, SCRIPT, site, NETLIFY_TOML, *(paths or [])],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def netlify(site) -> dict:
    return netlify_config(site, urls(site))


def served(netlify: dict, url: str) -> dict[str, str]:
    return netlify["headers"]["effective"][url]


def csp(headers: dict[str, str]) -> dict[str, list[str]]:
    """The Content-Security-Policy as directive → sources."""
    directives = {}
    for part in headers["content-security-policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def allowed(policy: dict[str, list[str]], directive: str) -> list[str]:
    """The sources of `directive`, or of the directive it falls back to."""
    fallback = {"worker-src": "script-src"}.get(directive, "default-src")
    return policy.get(directive, policy.get(fallback, policy["default-src"]))


def test_netlify_toml_holds_no_headers_or_redirects(netlify):
    """The site's files are the only source: nothing in netlify.toml can win."""
    assert netlify["config_headers"] == {"rules": [], "errors": []}
    assert netlify["config_redirects"] == {"rules": [], "errors": []}
    assert not netlify["headers"]["errors"]


def test_every_response_carries_the_security_headers(netlify):
    for url, headers in netlify["headers"]["effective"].items():
        assert set(SECURITY) <= set(headers), url
        policy = csp(headers)
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == policy["form-action"] == ["'self'"]
        assert "upgrade-insecure-requests" in policy
        assert headers["x-frame-options"] == "DENY"
        assert headers["strict-transport-security"].startswith("max-age=31536000")
        for sources in policy.values():
            assert not {"'unsafe-inline'", "'unsafe-eval'", "*"} & set(sources), url


def test_search_may_run_pagefind(site, netlify):
    """Pagefind's script, worker, WebAssembly and index, all from /pagefind/."""
    for lang in LANGUAGES:
        page = (site / lang / "search/index.html").read_text()
        assert f'data-bundle="/pagefind/{lang}/pagefind.js"' in page
        # The page runs the script; the worker runs under its own response's policy.
        for url in (f"/{lang}/search/", f"/pagefind/{lang}/pagefind-worker.js"):
            policy = csp(served(netlify, url))
            assert "'wasm-unsafe-eval'" in policy["script-src"], url
            assert "'self'" in policy["script-src"], url
            assert "'self'" in allowed(policy, "worker-src"), url
            assert allowed(policy, "connect-src") == ["'self'"], url
    assert (site / "pagefind/it/pagefind-worker.js").is_file()
    assert list(site.glob("pagefind/it/wasm.*.pagefind"))


def test_the_map_may_load_its_tiles_and_icons(site, netlify):
    script = next((site / "static/js").glob("map.*.js")).read_text()
    tiles = re.findall(r"https://[\w.-]+", script.split("tileLayer(", 1)[1])[0]
    assert tiles == "https://tile.openstreetmap.org"
    for lang in LANGUAGES:
        assert 'id="map"' in (site / lang / "map/index.html").read_text()
        images = allowed(csp(served(netlify, f"/{lang}/map/")), "img-src")
        assert {"'self'", "data:", tiles} <= set(images)


def max_age(headers: dict[str, str]) -> int:
    """Seconds a browser may keep the response; Netlify's default is 0."""
    found = re.search(r"max-age=(\d+)", headers.get("cache-control", ""))
    return int(found[1]) if found else 0


def test_only_hashed_files_are_cached_for_a_year(netlify):
    effective = netlify["headers"]["effective"]
    long = {url for url, headers in effective.items() if max_age(headers)}
    hashed = tuple(f"/{folder}/" for folder in HASHED_FOLDERS)
    assert long == {url for url in effective if url.startswith(hashed)}
    assert any(url.startswith("/static/") for url in long)
    for url in long:
        assert re.search(r"\.[0-9a-f]{10}\.\w+$", url), f"{url} has no hash"
        assert effective[url]["cache-control"] == "public, max-age=31536000, immutable"
    # Pages (by either URL), feeds and Pagefind's fixed names are checked anew
    # on every visit.
    for url in ("/it/", "/it/index.html", "/it/feed.atom", "/pagefind/it/pagefind.js"):
        assert max_age(effective[url]) == 0, url


def test_redirects_are_all_valid_rules(site, netlify):
    redirects = netlify["redirects"]
    assert not redirects["errors"]
    lines = [line for line in (site / "_redirects").read_text().splitlines() if line]
    assert len(redirects["rules"]) == len(lines)
    for rule in redirects["rules"]:
        assert rule["status"] in (301, 302, 404), rule
        assert rule["to"].startswith(("/", "https://")) and not rule["proxy"], rule
    # Each good redirect is one rule, read as written; the bad ones none.
    old = redirects["rules"][:GOOD_REDIRECTS]
    for rule in old:
        assert not rule["query"] and not rule["conditions"], rule
        assert "*" not in rule["from"] and "/:" not in rule["from"], rule
    assert sorted(rule["from"] for rule in old) == sorted(
        r["old_path"] for r in REDIRECTS[:GOOD_REDIRECTS]
    )
    assert {(rule["status"], rule["force"]) for rule in old} == {
        (301, False),
        (302, False),
    }
    assert redirects["rules"][GOOD_REDIRECTS]["conditions"] == {"Language": ["it"]}
    by_language = {
        rule["conditions"]["Language"][0]: rule["to"]
        for rule in redirects["rules"]
        if rule["from"] == "/" and rule["conditions"]
    }
    assert by_language == {lang: f"/{lang}/" for lang in LANGUAGES}


def test_digest_deploys_carry_the_same_files(site):
    """Deploys through the API, which read no netlify.toml, get the same rules."""
    files = deploy.digests(site)
    assert {"/_headers", "/_redirects"} <= set(files)
