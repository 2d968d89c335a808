"""Per-territory files Netlify reads: `_redirects` and `_headers`.

Languages and their rules differ per territory, so they are written by the
build into each dist/<territory>/ rather than kept in netlify.toml.
"""

from __future__ import annotations

from collections.abc import Iterable

CSP = (
    "default-src 'self'; img-src 'self' data: https://tile.openstreetmap.org; "
    "style-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
    "form-action 'self'"
)


def redirects(
    languages: list[str],
    default: str,
    moved: Iterable[tuple[str, str]] = (),
    short: Iterable[tuple[str, str]] = (),
) -> str:
    """Old URLs of moved pages to their new ones, permanently; short URLs
    (`/q/<id>/`) to their pages; send `/` to a language by Accept-Language;
    404s per language.

    Old URLs come first: Netlify applies the first rule that matches. Short
    URLs come before the 404s and are forced (`301!`): their static redirect
    page would shadow the rule.
    """
    lines = [f"{old} {new} 301" for old, new in moved]
    lines += [f"/  /{lang}/  302!  Language={lang}" for lang in languages]
    lines.append(f"/  /{default}/  302!")
    lines += [f"{path} {url} 301!" for path, url in short]
    lines += [f"/{lang}/*  /{lang}/404.html  404" for lang in languages]
    return "\n".join(lines) + "\n"


def headers() -> str:
    return (
        "/*\n"
        f"  Content-Security-Policy: {CSP}\n"
        "  Strict-Transport-Security: max-age=31536000; includeSubDomains\n"
        "  Referrer-Policy: strict-origin-when-cross-origin\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Permissions-Policy: camera=(), microphone=(), geolocation=()\n"
        "/static/*\n"
        "  Cache-Control: public, max-age=31536000, immutable\n"
        "/media/*\n"
        "  Cache-Control: public, max-age=31536000, immutable\n"
    )
