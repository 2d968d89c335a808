"""`manage.py generate_corpus`: a synthetic corpus to benchmark the API and builds."""

from django.core.management.base import BaseCommand, CommandError

from cms.demo.corpus import CorpusError, CorpusSpec, generate_corpus
from cms.demo.corpus.vocabulary import LANGUAGES


class Command(BaseCommand):
    help = (
        "Generate territories corpus-1 … corpus-T, each in the first L languages "
        f"of {', '.join(LANGUAGES)}, with N published items of each page type per "
        "language. Refuses to touch existing corpus territories without --replace."
    )

    def add_arguments(self, parser):
        parser.add_argument("--territories", type=int, default=1, metavar="T")
        parser.add_argument(
            "--languages",
            type=int,
            default=1,
            metavar="L",
            help=f"Use the first L of {', '.join(LANGUAGES)} (default 1: Italian).",
        )
        parser.add_argument(
            "--items",
            type=int,
            default=100,
            metavar="N",
            help="Items of each page type per territory and language.",
        )
        parser.add_argument("--seed", type=int, default=0, metavar="S")
        parser.add_argument(
            "--images",
            type=int,
            default=4,
            help="Drawn images to share as hero and body images (0 for none).",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=1000,
            help="Pages written per transaction.",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete the corpus territories first if they exist.",
        )

    def handle(self, *args, **options):
        try:
            spec = CorpusSpec(
                territories=options["territories"],
                languages=options["languages"],
                items=options["items"],
                seed=options["seed"],
                images=options["images"],
                batch_size=options["batch_size"],
                replace=options["replace"],
            )
            report = generate_corpus(spec, progress=self.stdout.write)
        except CorpusError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {report.pages:,} pages in {report.seconds:.1f} s "
                f"({report.pages_per_second:,.0f} pages/s)."
            )
        )
