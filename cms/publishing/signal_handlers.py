"""Every change to a territory's public content schedules its rebuild."""

from __future__ import annotations


def rebuild_on_change(sender, site_id: int, **kwargs) -> None:
    from .queue import PUBLISHED, request_build

    request_build(site_id, reason=kwargs.get("reason", PUBLISHED))


def register() -> None:
    from cms.changes.signals import content_changed

    content_changed.connect(rebuild_on_change, dispatch_uid="vetrina_rebuild")
