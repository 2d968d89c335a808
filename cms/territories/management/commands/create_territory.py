"""`vetrina cms create_territory`: a new territory, ready for editors.

Its home page and five sections, its Wagtail site, its settings and its
editors' and moderators' groups: what an operator needs before anyone can
write. Running it again completes what is missing and changes the rest.
"""

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Create a territory (home page, sections, site, settings, roles). "
        "Idempotent: run it again to complete or change one."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="e.g. lecce: the output folder's name")
        parser.add_argument("name", help="e.g. Lecce")
        parser.add_argument(
            "--public-url",
            required=True,
            help="where visitors find its static site, e.g. https://lecce.example.org",
        )
        parser.add_argument(
            "--languages",
            default="it,en",
            help="codes, the default first (default: it,en)",
        )
        parser.add_argument(
            "--hostname",
            help="its Wagtail site's host name (default: <slug>.localhost)",
        )

    def handle(self, *args, slug, name, public_url, languages, hostname, **options):
        from django.conf import settings

        from cms.territories.setup import create_territory

        codes = tuple(code.strip() for code in languages.split(",") if code.strip())
        offered = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
        unknown = [code for code in codes if code not in offered]
        if not codes or unknown:
            raise CommandError(
                f"--languages: {', '.join(unknown) or 'none given'}; "
                f"choose among {', '.join(sorted(offered))}"
            )
        territory = create_territory(
            slug,
            name,
            hostname=hostname,
            languages=codes,
            default_language=codes[0],
            public_base_url=public_url.rstrip("/"),
        )
        self.stdout.write(
            f"{name} ({slug}): {', '.join(codes)}; site {territory.site.hostname}; "
            f"published at {territory.settings.public_base_url}"
        )
