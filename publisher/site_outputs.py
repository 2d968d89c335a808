"""Every output of one language by URL: the pages and the channels' files.

It sits above both: the channels (publisher/channels/) render with
publisher.render like the pages do, and are found here by name.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from .channels import channel_outputs
from .errors import UrlCollision
from .handwritten import pages_in
from .render import (
    TemplateOutput,
    audience_output,
    document_output,
    handwritten_output,
    page_output,
)
from .sitemodel import AUDIENCES_PATH

if TYPE_CHECKING:
    from .render_context import RenderContext


Output = Callable[[], "str | bytes | TemplateOutput"]


def site_outputs(ctx: RenderContext) -> dict[str, Output]:
    """Every output of one language by URL, each made when called: the file's
    text or bytes, or a theme template to render (`TemplateOutput`, which
    Pelican's Writer renders in a build; `rendered()` renders it elsewhere).

    The CMS's pages, the hand-written ones, the audiences, the 404 and the
    channels' files (publisher/channels/), in the order they are written; a URL
    taken twice is refused.
    """
    model, lang = ctx.model, ctx.lang
    found: dict[str, Output] = {}

    def add(url: str, render: Output) -> None:
        if url in found:  # a Markdown page or a page of the build's own
            raise UrlCollision(
                f"two pages would be published at {url}: change the slug of the "
                f"file in {ctx.site.pages} or of the CMS page"
            )
        found[url] = render

    for entry in model.entries[lang]:
        add(entry.url, functools.partial(page_output, entry, ctx))
    for page in pages_in(ctx.hand_pages, lang):
        add(page.url, functools.partial(handwritten_output, page, ctx))
    for audience in model.audiences(lang):
        add(
            f"/{lang}{AUDIENCES_PATH}{audience}/",
            functools.partial(audience_output, audience, ctx),
        )
    add(
        f"/{lang}/404.html",
        functools.partial(document_output, "404", ctx, path="/404.html"),
    )
    for url, render in channel_outputs(ctx).items():
        add(url, render)
    return found


def rendered(output: str | bytes | TemplateOutput) -> str | bytes:
    """An output's text or bytes, its template rendered if it has one."""
    return output() if isinstance(output, TemplateOutput) else output
