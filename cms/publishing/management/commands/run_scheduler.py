"""The scheduler process: publishes and expires content when its time comes.

Wagtail's go-live and expiry dates only take effect when `publish_scheduled`
runs; this loop runs it every minute, and once a day asks for a rebuild of
every territory, so dates move on (past events, expired offers) even when
nobody edits, and forgets old change-feed rows, allowances and login
attempts. One process covers it in the demo and in production alike; with
cron instead, run `publish_scheduled` every minute and `run_scheduler --once`
every few minutes."""

import signal
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

from cms.changes.feed import prune_changes
from cms.publishing.queue import daily_rebuilds
from cms.throttle.limits import prune as prune_throttle


class Command(BaseCommand):
    help = "Run publish_scheduled every --interval seconds until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=60.0)
        parser.add_argument(
            "--once", action="store_true", help="Run one pass and exit."
        )

    def handle(self, *args, interval: float, once: bool, **options):
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stdout.write(
            f"Scheduler: publishing scheduled content every {interval:g}s"
        )
        while not stopping:
            call_command("publish_scheduled", verbosity=0)
            if daily_rebuilds():  # once a day: forget old rows too
                prune_changes()
                prune_throttle()
            if once:
                break
            deadline = time.monotonic() + interval
            while not stopping and time.monotonic() < deadline:
                time.sleep(0.5)
