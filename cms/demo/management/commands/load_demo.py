"""`manage.py load_demo`: the demo territories, ready to browse and to build.

The content lives in `cms.demo`; this command only reports progress.
Running it again changes nothing, so `vetrina demo` can call it every time.
"""

from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Load two demo territories (Lecce; Grecìa Salentina) with places, stories, "
        "events, itineraries and offers, translated with wagtail-localize. "
        "Idempotent: safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--served-from",
            metavar="URL",
            help="the sites are served on this machine, as `vetrina serve` does: "
            "each territory's public address becomes URL's host with a port of "
            "its own, from URL's port on, in the order of the slugs, so that "
            "View live and the sites' links lead to the local sites",
        )

    def handle(self, *args, served_from: str | None = None, **options) -> None:
        from cms.demo.loader import load

        load(self.stdout.write)
        if served_from:
            self.serve_locally(served_from)

    def serve_locally(self, url: str) -> None:
        from cms.territories.models import TerritorySettings

        parts = urlsplit(url)
        if not (parts.scheme and parts.hostname and parts.port):
            raise CommandError(f"--served-from needs scheme, host and port: {url}")
        territories = TerritorySettings.objects.exclude(slug=None).order_by("slug")
        for offset, territory in enumerate(territories):
            address = f"{parts.scheme}://{parts.hostname}:{parts.port + offset}"
            if territory.public_base_url != address:
                territory.public_base_url = address
                territory.save(update_fields=["public_base_url"])
            self.stdout.write(f"{territory.slug} is served at {address}/")
