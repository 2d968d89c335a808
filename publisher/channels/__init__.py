"""Channels: what one publish gives besides the HTML pages (feeds, calendars,
open data, images…), per territory and language.

Each channel is a module of this package (found by name: no list to edit) with
a function
`outputs(ctx: RenderContext) -> dict[str, Callable[[], str | bytes]]`: the URLs
it writes, each rendered when called, like `site_outputs()` does for
pages. A URL whose last segment has a dot is a file (`/it/feed.atom`); others
are folders with an index.html. Channels read the site only through the
SiteModel's accessors (`of_kind`, `page`, `url_for`…), so the incremental build
knows which outputs a change touches. A module may also have
`assets() -> dict[str, bytes]`: static files (a map's library) that the build
publishes with the theme's, under hashed names.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..render_context import RenderContext

Render = Callable[[], "str | bytes"]


def channels() -> list[str]:
    """The channel modules of this package, by name (the order outputs are listed)."""
    return sorted(
        info.name
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    )


def channel_outputs(ctx: RenderContext) -> dict[str, Render]:
    """Every channel's outputs for one language, channel by channel."""
    found: dict[str, Render] = {}
    for name in channels():
        module = importlib.import_module(f"{__name__}.{name}")
        found.update(module.outputs(ctx))
    return found


def channel_assets() -> dict[str, bytes]:
    """Static files channels publish with the theme's, by name (a module's
    optional `assets()`): the build hashes their names like the theme's."""
    found: dict[str, bytes] = {}
    for name in channels():
        module = importlib.import_module(f"{__name__}.{name}")
        if hasattr(module, "assets"):
            found.update(module.assets())
    return found
