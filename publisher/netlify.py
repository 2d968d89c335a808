"""Per-territory files Netlify reads: `_redirects` and `_headers`.

They are the only source of the sites' headers and redirects. Languages and
their rules differ per territory, so the build writes them into each
dist/<territory>/, and digest deploys (deploy.py) carry them too. netlify.toml
holds none: Netlify lets its rules override `_headers` for the same path and
header, so a second list there would silently win on sites Netlify builds and
not on the ones the publisher uploads.
"""

from __future__ import annotations

from collections.abc import Iterable

# The site loads only its own styles, scripts, fonts, data and manifest, plus
# the OpenStreetMap tiles of the maps. `data:` covers Leaflet's inline image
# for tiles that fail to load. Pagefind compiles its WebAssembly
# ('wasm-unsafe-eval', which allows no JavaScript eval), runs in a worker from
# /pagefind/ and fetches its index from there. The forms (search) submit to
# the site itself; the sign-up form of the CMS and embedded content are links.
# If pictures are ever served from the CMS media storage instead of being
# copied into the build, add that origin to img-src.
CSP_DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self' 'wasm-unsafe-eval'",
    "worker-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data: https://tile.openstreetmap.org",
    "font-src": "'self'",
    "connect-src": "'self'",
    "manifest-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "upgrade-insecure-requests": "",
}
CSP = "; ".join(f"{name} {value}".strip() for name, value in CSP_DIRECTIVES.items())

SECURITY = {
    "Content-Security-Policy": CSP,
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    # frame-ancestors for browsers that predate it.
    "X-Frame-Options": "DENY",
    # The pages use no browser feature that needs a permission.
    "Permissions-Policy": (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
        "magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()"
    ),
}

IMMUTABLE = "public, max-age=31536000, immutable"

# Folders whose files carry a hash of their content in their name
# (site_files.place_hashed): a changed file gets a new URL, so the old one can
# be cached for a year. Nothing else may be written there. Netlify's matcher
# turns "/static/*" into "/static" followed by anything, so it would also match
# "/staticfoo": only the publisher names the root's entries (languages,
# static, media, pagefind, q), and none of them begins like these.
# The theme's is THEME_STATIC_DIR ("static" in site/pelicanconf.py).
HASHED_FOLDERS = ("static", "media")


def redirects(
    languages: list[str],
    default: str,
    old: Iterable[tuple[str, str, int]] = (),
    short: Iterable[tuple[str, str]] = (),
) -> str:
    """Old paths (of moved pages, and the editors' redirects) to where they lead
    now, 301 or 302 (`redirects.read` checked them); short URLs (`/q/<id>/`) to
    their pages; send `/` to a language by Accept-Language; 404s per language.

    Old paths come first: Netlify applies the first rule that matches. They are
    not forced, so a file the build writes is served, never redirected. Short
    URLs come before the 404s and are forced (`301!`): their static redirect
    page would shadow the rule.
    """
    lines = [f"{path} {to} {status}" for path, to, status in old]
    lines += [f"/  /{lang}/  302!  Language={lang}" for lang in languages]
    lines.append(f"/  /{default}/  302!")
    lines += [f"{path} {url} 301!" for path, url in short]
    lines += [f"/{lang}/*  /{lang}/404.html  404" for lang in languages]
    return "\n".join(lines) + "\n"


def headers(hashed: Iterable[str] = HASHED_FOLDERS) -> str:
    """Security headers on every response; a year's cache for hashed files.

    No two rules set the same header: when several rules match a path, the
    result depends on how Netlify combines them, and a mixed Cache-Control
    would undo the long cache. So `/*` sets no Cache-Control, and everything
    outside the hashed folders (pages, feeds, Pagefind's fixed names) keeps
    Netlify's default, "public, max-age=0, must-revalidate": browsers check
    with the CDN on every visit, and every deploy invalidates the CDN's cache,
    so new content shows up at once.
    """
    rules = {"/*": SECURITY}
    rules |= {f"/{folder}/*": {"Cache-Control": IMMUTABLE} for folder in hashed}
    return "".join(
        path + "\n" + "".join(f"  {name}: {value}\n" for name, value in values.items())
        for path, values in rules.items()
    )
