"""The `vetrina` command: `main(argv) -> int`, one exception class per failure."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import PublishError
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
    """Run the whole demo: CMS with demo territories, a build, the static sites."""
    project = find_project()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    print("1/4 Migrating the database…")
    manage(project, "migrate", "--noinput", "-v", "0", env=env)
    print("2/4 Loading the demo territories…")
    manage(project, "load_demo", env=env)
    print("3/4 Starting the CMS: web, worker, scheduler…")
    cms = f"http://{args.host}:{args.port}"
    dist = project / "dist"
    # The worker rebuilds a territory whenever its content changes (publish to
    # live): against this CMS, into the same dist/ the local server shows.
    env.update(
        VETRINA_BUILD_API_URL=cms,
        VETRINA_DIST_DIR=str(dist),
        VETRINA_CONTENT_DIR=str(project / "content"),
    )
    services = [
        Service("web", ("runserver", f"{args.host}:{args.port}", "--noreload")),
        Service("worker", ("db_worker",)),
        Service("scheduler", ("run_scheduler",)),
    ]

    def build_and_serve() -> list[Service]:
        wait_for(f"{cms}/api/v2/territories/")
        print("4/4 Building the static sites…")
        from .build import BuildOptions, build

        reports = build(BuildOptions(api=cms, out=dist), progress=print)
        print(
            "\nVetrina demo is running:\n"
            f"  Admin (user admin, password admin): {cms}/admin/\n"
            "  A business owner: bottega / bottega; a moderator: moderazione /"
            " moderazione\n"
            f"  Businesses ask to join at:          {cms}/owners/signup/\n"
            f"  Content API:                        {cms}/api/v2/territories/\n"
            + "".join(
                f"  Static site {r.slug + ':':<21} "
                f"http://{args.host}:{args.site_port + i}/\n"
                for i, r in enumerate(sorted(reports, key=lambda r: r.slug))
            )
            + "Publishing in the admin rebuilds its site in dist/ within seconds "
            "(Publishing menu: status of each build).\n" + "Press Ctrl-C to stop.\n"
        )
        return [
            Service(
                "sites",
                ("-m", "publisher", "serve", str(dist), "--host", args.host,
                 "--port", str(args.site_port)),
                raw=True,
            )
        ]  # fmt: skip

    return supervise(project, services, env=env, then=build_and_serve)


def wait_for(url: str, seconds: float = 60.0) -> None:
    """Wait until `url` answers, so the build does not race the CMS start-up."""
    import urllib.request

    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310
                return
        except OSError:
            if time.monotonic() > deadline:
                raise ProcessFailed(f"the CMS did not answer at {url}") from None
            time.sleep(0.5)


def build_command(args: argparse.Namespace) -> int:
    """Fetch what changed in the content API and publish one static site per
    territory, re-rendering only the pages the changes touch."""
    from .build import BuildOptions, build

    options = BuildOptions(
        api=args.api,
        out=Path(args.out),
        territories=args.territory or None,
        strict=args.strict,
        max_drop=args.max_drop,
        jobs=args.jobs,
        full=args.full,
    )
    if args.date:
        options.build_date = args.date
    started = time.monotonic()
    reports = build(options)
    seconds = time.monotonic() - started
    print("\nSummary")
    for report in reports:
        print(
            f"  {report.slug:<20} {report.mode} after a {report.fetched}: "
            f"{report.pages:>6} pages rendered in {', '.join(report.languages)}; "
            f"{report.changed} changed, {report.removed} removed; "
            f"{len(report.problems)} item(s) skipped; {report.kept} file(s) unchanged"
        )
    total = sum(r.pages for r in reports)
    print(f"  {total} pages written to {options.out} in {seconds:.1f}s")
    return 0


BUILD_DESCRIPTION = """\
Publish one static site per territory into OUT/<territory>/.

The first build of a territory fetches every page and renders everything. It
keeps the API snapshot in content/snapshots/<territory>/ and, in
content/state/<territory>.json, the change feed's cursor and which pages each
output file read. The next builds ask the CMS's change feed what changed since,
apply it to the snapshot and re-render only the pages, translations, listings
and audience pages that read something changed; a removed page leaves every
listing, language switcher and the sitemap. The output is byte for byte that of
a full build. When the CMS cannot say what changed, everything is fetched but
still only what changed is rendered; when the theme, the catalogs, the
hand-written pages, the publisher, the territory's settings or the build date
change, everything is rendered. Moved pages keep their old URLs as redirects.
The output and the state change only when the whole build succeeds.
"""


def serve(args: argparse.Namespace) -> int:
    """Serve the built sites locally, as a visitor would see them."""
    from .serve import serve_forever

    return serve_forever(Path(args.dist), args.host, args.port)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vetrina", description="Publish a territory's heritage everywhere."
    )
    parser.add_argument("--version", action="version", version=__version__)
    commands = parser.add_subparsers(dest="command", required=True)
    demo_parser = commands.add_parser("demo", help=demo.__doc__)
    demo_parser.add_argument("--host", default="127.0.0.1")
    demo_parser.add_argument("--port", type=int, default=DEMO_PORT)
    demo_parser.add_argument("--site-port", type=int, default=8080)
    demo_parser.set_defaults(handler=demo)

    build_parser_ = commands.add_parser(
        "build",
        help=build_command.__doc__,
        description=BUILD_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    build_parser_.add_argument("--api", required=True, help="CMS address")
    build_parser_.add_argument(
        "--territory", action="append", help="slug; repeat for several"
    )
    build_parser_.add_argument("--out", default="dist")
    build_parser_.add_argument("--date", help="build date, YYYY-MM-DD")
    build_parser_.add_argument(
        "--full",
        action="store_true",
        help="fetch and render everything and rewrite every file, even unchanged "
        "ones, ignoring the state kept in content/state/",
    )
    build_parser_.add_argument("--strict", action="store_true")
    build_parser_.add_argument("--max-drop", type=float, default=0.05)
    build_parser_.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    build_parser_.set_defaults(handler=build_command)

    serve_parser = commands.add_parser("serve", help=serve.__doc__)
    serve_parser.add_argument("dist", nargs="?", default="dist")
    serve_parser.add_argument("--host", default="127.0.0.1")
    serve_parser.add_argument("--port", type=int, default=8080)
    serve_parser.set_defaults(handler=serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except (ProjectNotFound, ProcessFailed, PublishError) as error:
        print(f"vetrina {args.command}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"vetrina {args.command}: interrupted; output untouched", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
