"""`manage.py load_demo`: the demo territories, ready to browse and to build.

The content lives in `cms.core.demo`; this command only reports progress.
Running it again changes nothing, so `vetrina demo` can call it every time.
"""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Load two demo territories (Lecce; Grecìa Salentina) with places, stories, "
        "events, itineraries and offers, translated with wagtail-localize. "
        "Idempotent: safe to run again."
    )

    def handle(self, *args, **options) -> None:
        from cms.core.demo.loader import load

        load(self.stdout.write)
