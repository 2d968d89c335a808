"""On site and in print: a QR code and an A4 poster for every place, event,
itinerary and offer.

Beside each page, `qr.svg` and `qr.png` encode its short URL (shorturls.py) on
the territory's public address, so a printed code keeps working when the page
changes slug; `poster.html` is a one-page A4 poster with the page's key facts
and the code. File names with a dot never collide with a CMS slug. The bytes
depend on nothing but the snapshot: segno writes no timestamps. A code is
encoded again only when its URL or title changed (derived.py).
"""

from __future__ import annotations

import functools
import io
import zlib
from collections.abc import Callable
from datetime import timedelta

import segno

from .. import derived
from ..helpers import Helpers
from ..i18n import translations
from ..render import render_document
from ..render_context import RenderContext
from ..sitemodel import Entry
from .shorturls import href, own_entries, short_url

# Modules per side of the PNG; the poster prints the SVG, at any size.
PNG_SCALE = 10
SVG_SCALE = 8
QUIET_ZONE = 4  # modules: what the QR standard asks for


@functools.lru_cache(maxsize=256)
def qr_code(url: str) -> segno.QRCode:
    """At least error correction M (segno raises it when it costs no size).

    Cached: the SVG and the PNG of a page encode the same URL, and choosing the
    mask is most of the work.
    """
    return segno.make_qr(url, error="m")


def qr_svg(entry: Entry, ctx: RenderContext) -> bytes:
    page = _page(entry, ctx)
    url = short_url(ctx.model.snapshot.territory, page["id"])
    title = translations(ctx.lang).gettext("QR code for %(title)s") % {
        "title": page["title"]
    }
    inputs = {"url": url, "title": title, **_encoder()}
    return derived.cached(ctx, "qr.svg", inputs, lambda: _svg(url, title))


def qr_png(entry: Entry, ctx: RenderContext) -> bytes:
    page = _page(entry, ctx)
    url = short_url(ctx.model.snapshot.territory, page["id"])
    return derived.cached(ctx, "qr.png", {"url": url, **_encoder()}, lambda: _png(url))


def _encoder() -> dict[str, object]:
    """Besides the URL and title, what decides a code's bytes: this code, segno
    and (for the PNG) zlib."""
    return {
        "code": derived.file_digest(__file__),
        "segno": segno.__version__,
        "zlib": zlib.ZLIB_RUNTIME_VERSION,
    }


def _svg(url: str, title: str) -> bytes:
    code = qr_code(url)
    out = io.BytesIO()
    code.save(
        out,
        kind="svg",
        scale=SVG_SCALE,
        border=QUIET_ZONE,
        dark="#000",
        light="#fff",
        title=title,  # segno escapes it
        svgclass=None,
        lineclass=None,
        omitsize=True,
    )
    # A viewBox to scale on the poster, and a size of its own when opened alone.
    size = code.symbol_size(SVG_SCALE, QUIET_ZONE)[0]
    return out.getvalue().replace(
        b"<svg ", f'<svg width="{size}" height="{size}" '.encode(), 1
    )


def _png(url: str) -> bytes:
    out = io.BytesIO()
    qr_code(url).save(
        out, kind="png", scale=PNG_SCALE, border=QUIET_ZONE, dark="#000", light="#fff"
    )
    return out.getvalue()


def poster(entry: Entry, ctx: RenderContext) -> str:
    model = ctx.model
    page = _page(entry, ctx)
    url = model.url_for(page["id"], ctx.lang) or entry.url
    helpers = Helpers(ctx, entry)
    facts: dict[str, object] = {}
    if entry.kind == "place":
        week_end = (helpers.today + timedelta(days=6)).isoformat()
        facts["exceptions"] = [
            row
            for row in helpers.upcoming_exceptions(page)
            if row["start_date"] <= week_end
        ]
    elif entry.kind == "offer":
        business = model.business_of(entry)
        facts["business"] = business.page if business else None
    return render_document(
        "poster",
        ctx,
        path=f"{entry.url.removeprefix(f'/{ctx.lang}')}poster.html",
        title=page["title"],
        page=page,
        subject=entry.kind,
        page_url=href(url),
        qr_src=f"{href(url)}qr.svg",
        short_url=short_url(model.snapshot.territory, page["id"]),
        **facts,
    )


def _page(entry: Entry, ctx: RenderContext) -> dict:
    """The page as the model has it: reading it through the model is what makes
    an incremental build redo its files when it changes."""
    return ctx.model.page(entry.page["id"]) or entry.page


def outputs(ctx: RenderContext) -> dict[str, Callable[[], str | bytes]]:
    found: dict[str, Callable[[], str | bytes]] = {}
    for entry in own_entries(ctx.model, ctx.lang):
        found[f"{entry.url}qr.svg"] = functools.partial(qr_svg, entry, ctx)
        found[f"{entry.url}qr.png"] = functools.partial(qr_png, entry, ctx)
        found[f"{entry.url}poster.html"] = functools.partial(poster, entry, ctx)
    return found
