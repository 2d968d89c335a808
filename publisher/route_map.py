"""An itinerary's route as an SVG drawn at build time: the stops, numbered as
the page lists them, joined in order, on a plain background. It needs no map
tiles and no script, so it shows on a phone that lost its signal in the
countryside, in print, and in the copy a visitor saves for offline use.

Positions are projected equirectangularly around the route's middle latitude
(a few kilometres of Salento: the distortion is invisible at this size).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from markupsafe import Markup

WIDTH, HEIGHT, PAD = 640, 400, 36


def route_svg(
    stops: Sequence[tuple[str, tuple[float, float]]], title: str, description: str
) -> Markup:
    """The SVG of stops given as (name, (longitude, latitude)), in order;
    empty with fewer than two. `title` and `description` name it for screen
    readers (the page lists the stops too)."""
    if len(stops) < 2:
        return Markup("")
    lons = [where[0] for _name, where in stops]
    lats = [where[1] for _name, where in stops]
    shrink = math.cos(math.radians((min(lats) + max(lats)) / 2))
    span_x = max((max(lons) - min(lons)) * shrink, 1e-6)
    span_y = max(max(lats) - min(lats), 1e-6)
    scale = min((WIDTH - 2 * PAD) / span_x, (HEIGHT - 2 * PAD) / span_y)
    left = (WIDTH - span_x * scale) / 2
    top = (HEIGHT - span_y * scale) / 2

    def point(where: tuple[float, float]) -> tuple[float, float]:
        x = left + (where[0] - min(lons)) * shrink * scale
        y = top + (max(lats) - where[1]) * scale
        return round(x, 1), round(y, 1)

    points = [point(where) for _name, where in stops]
    line = " ".join(f"{x},{y}" for x, y in points)
    marks = Markup("").join(
        Markup(
            '<g><circle cx="{x}" cy="{y}" r="13"/>'
            '<text x="{x}" y="{y}" dy=".35em" text-anchor="middle">{n}</text>'
            '<text class="name" x="{x}" y="{label}" text-anchor="middle">{name}</text>'
            "</g>"
        ).format(x=x, y=y, n=n, label=round(y + 30, 1), name=name)
        for n, ((name, _where), (x, y)) in enumerate(
            zip(stops, points, strict=True), start=1
        )
    )
    return Markup(
        '<svg class="route-map" viewBox="0 0 {w} {h}" role="img" '
        'aria-labelledby="route-title route-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="route-title">{title}</title><desc id="route-desc">{desc}</desc>'
        '<polyline points="{line}"/>{marks}</svg>'
    ).format(w=WIDTH, h=HEIGHT, title=title, desc=description, line=line, marks=marks)
