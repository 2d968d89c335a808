"""The `vetrina` command: `main(argv) -> int`, one exception class per failure."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from . import __version__
from .processes import (
    ProcessFailed,
    ProjectNotFound,
    Service,
    find_project,
    manage,
    supervise,
)

DEMO_PORT = 8000


def demo(args: argparse.Namespace) -> int:
    """Set up the CMS with demo territories and run web, worker and scheduler."""
    project = find_project()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    print("1/3 Migrating the database…")
    manage(project, "migrate", "--noinput", "-v", "0", env=env)
    print("2/3 Loading the demo territories…")
    manage(project, "load_demo", env=env)
    print("3/3 Starting the CMS processes…")
    address = f"{args.host}:{args.port}"
    services = [
        Service("web", ("runserver", address, "--noreload")),
        Service("worker", ("db_worker",)),
        Service("scheduler", ("run_scheduler",)),
    ]
    base = f"http://localhost:{args.port}"
    print(
        "\nVetrina demo is running:\n"
        f"  Admin (user admin, password admin): {base}/admin/\n"
        f"  Content API:                        {base}/api/v2/territories/\n"
        f"  Lecce pages:     {base}/api/v2/pages/?site=lecce.localhost:{args.port}\n"
        "Press Ctrl-C to stop.\n"
    )
    return supervise(project, services, env=env)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vetrina", description="Publish a territory's heritage everywhere."
    )
    parser.add_argument("--version", action="version", version=__version__)
    commands = parser.add_subparsers(dest="command", required=True)
    demo_parser = commands.add_parser("demo", help=demo.__doc__)
    demo_parser.add_argument("--host", default="127.0.0.1")
    demo_parser.add_argument("--port", type=int, default=DEMO_PORT)
    demo_parser.set_defaults(handler=demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except (ProjectNotFound, ProcessFailed) as error:
        print(f"vetrina {args.command}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
