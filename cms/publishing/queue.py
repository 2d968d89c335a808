"""Rebuild requests, debounced per territory, run by the background worker.

`request_build()` is all a publish costs the editor's request: one UPDATE and,
if no build is running, one queued task (after the transaction commits, so the
worker sees the change). The task claims the territory, builds, and builds once
more if changes arrived meanwhile — however many there were.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from cms.territories.models import TerritorySettings

from .backends import PublishFailed, get_backend
from .models import Build, BuildState

logger = logging.getLogger(__name__)

# Why a build ran, as editors read it on the Publishing page. Stored as text in
# the worker's language (the site's, Italian first).
AGAIN = _("changes published during the previous build")
DAILY = _("daily rebuild")
PUBLISHED = _("content published")


def stale_after() -> timedelta:
    """A claim older than this belongs to a worker that died mid-build."""
    return timedelta(seconds=getattr(settings, "VETRINA_BUILD_TIMEOUT", 3600))


def request_build(site_id: int, reason: str = "") -> None:
    """Schedule a rebuild of one territory, once the caller's transaction commits."""
    transaction.on_commit(lambda: _request(site_id, reason))


def _request(site_id: int, reason: str) -> None:
    BuildState.objects.get_or_create(site_id=site_id)
    BuildState.objects.filter(pk=site_id).update(pending=True)
    idle = BuildState.objects.filter(pk=site_id).filter(
        Q(running_since__isnull=True)
        | Q(running_since__lt=timezone.now() - stale_after())
    )
    if idle.exists():
        run_builds.enqueue(site_id, str(reason))


def _claim(site_id: int) -> bool:
    """Take the territory if a build is wanted and nobody is building it."""
    return bool(
        BuildState.objects.filter(pk=site_id, pending=True)
        .filter(
            Q(running_since__isnull=True)
            | Q(running_since__lt=timezone.now() - stale_after())
        )
        .update(pending=False, running_since=timezone.now())
    )


def _again(site_id: int) -> bool:
    """After a build: go again if changes came in, otherwise let go."""
    while True:
        if BuildState.objects.filter(pk=site_id, pending=True).update(
            pending=False, running_since=timezone.now()
        ):
            return True
        if BuildState.objects.filter(pk=site_id, pending=False).update(
            running_since=None
        ):
            return False


@task()
def run_builds(site_id: int, reason: str = "") -> None:
    if not _claim(site_id):
        return  # another worker has it, or its build already covered this
    while True:
        publish_once(site_id, str(reason))
        if not _again(site_id):
            return
        reason = AGAIN


def publish_once(site_id: int, reason: str = "") -> Build:
    """One build of one territory through the configured backend, recorded."""
    backend = get_backend()
    build = Build.objects.create(site_id=site_id, backend=backend.name, reason=reason)
    try:
        territory = TerritorySettings.objects.get(site_id=site_id)
        backend.publish(territory, build)
    except PublishFailed as error:
        build.status = Build.Status.FAILED
        build.message = str(error)
    except Exception as error:  # never leave a build "running" forever
        logger.exception("Build of site %s crashed", site_id)
        build.status = Build.Status.FAILED
        build.message = f"Unexpected error: {error.__class__.__name__}: {error}"
    build.finished_at = timezone.now()
    build.save()
    return build


def daily_rebuilds() -> int:
    """Once a day (after VETRINA_DAILY_REBUILD_AT, Rome time), rebuild every
    territory: past events and expired offers leave the listings, feeds and
    calendars on the right day even when nobody edits anything."""
    now = timezone.localtime()
    hour, minute = map(
        int, getattr(settings, "VETRINA_DAILY_REBUILD_AT", "00:05").split(":")
    )
    if (now.hour, now.minute) < (hour, minute):
        return 0
    today = now.date()
    started = 0
    for territory in TerritorySettings.objects.exclude(slug=None):
        BuildState.objects.get_or_create(site_id=territory.site_id)
        due = BuildState.objects.filter(pk=territory.site_id).filter(
            Q(last_daily__isnull=True) | Q(last_daily__lt=today)
        )
        if due.update(last_daily=today):  # one scheduler wins, even if two run
            request_build(territory.site_id, reason=DAILY)
            started += 1
    return started
