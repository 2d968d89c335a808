"""Forget change-feed rows past their retention (30 days); run it daily."""

from django.core.management.base import BaseCommand

from cms.changes.feed import prune_changes


class Command(BaseCommand):
    help = "Delete change-feed rows older than 30 days (older cursors get a reset)."

    def handle(self, *args, **options) -> None:
        deleted = prune_changes()
        self.stdout.write(f"Pruned {deleted} changes.")
