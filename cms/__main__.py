"""`python -m cms` (or `vetrina cms`): Django's manage.py for an installed CMS.

An installed CMS has no manage.py of a checkout. It defaults to the production
settings, which refuse to start without their environment variables; the
checkout's manage.py defaults to the development ones.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
    from django.core.management import execute_from_command_line

    execute_from_command_line(
        ["vetrina cms", *(sys.argv[1:] if argv is None else argv)]
    )


if __name__ == "__main__":
    main()
