"""Create or complete the roles of every territory and business."""

from django.core.management.base import BaseCommand

from cms.owners.roles import setup_all


class Command(BaseCommand):
    help = "Create the editor, moderator and owner groups, collections and workflows."

    def handle(self, *args, **options) -> None:
        territories, businesses = setup_all()
        self.stdout.write(
            f"Roles ready for {territories} territories and {businesses} businesses."
        )
