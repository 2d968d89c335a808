"""`_redirects` and `_headers` follow Netlify's documented file formats
(test_netlify_config.py reads them with Netlify's own parsers).

_redirects: one rule a line, `from to [status][!] [Condition=value …]`.
_headers: a path line, then indented `Name: value` lines.
"""

import re

from publisher.netlify import headers, redirects

RULE = re.compile(r"^(/\S*)\s+(/\S*)\s+(\d{3})(!?)((?:\s+\w+=\S+)*)$")


def test_redirects_send_visitors_to_their_language_and_404s_per_language():
    text = redirects(["it", "en", "ar"], "it")
    rules = [RULE.match(line) for line in text.splitlines()]
    assert all(rules), text
    by_condition = {r.group(5).strip(): r.group(2) for r in rules if r.group(1) == "/"}
    assert by_condition == {"Language=it": "/it/", "Language=en": "/en/",
                            "Language=ar": "/ar/", "": "/it/"}  # fmt: skip
    # The unconditional fallback comes after the language rules: first match wins.
    assert text.splitlines().index("/  /it/  302!") == 3
    assert "/ar/*  /ar/404.html  404" in text


def test_headers_are_well_formed_and_secure():
    blocks: dict[str, dict[str, str]] = {}
    current = None
    for line in headers().splitlines():
        if not line.startswith(" "):
            current = blocks.setdefault(line, {})
            continue
        name, _, value = line.strip().partition(": ")
        assert current is not None and name and value
        current[name] = value
    everything = blocks.pop("/*")
    policy = everything["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "script-src 'self' 'wasm-unsafe-eval'" in policy
    assert everything["Strict-Transport-Security"].startswith("max-age=31536000")
    assert everything["X-Frame-Options"] == "DENY"
    assert "Cache-Control" not in everything
    # No other rule sets a header of "/*": several matching rules never mix values.
    assert blocks == {
        "/static/*": {"Cache-Control": "public, max-age=31536000, immutable"},
        "/media/*": {"Cache-Control": "public, max-age=31536000, immutable"},
    }
