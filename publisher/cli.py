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
from .processes import ProcessFailed, Service, manage, supervise

DEMO_PORT = 8000
API_URL = "VETRINA_API_URL"


def demo(args: argparse.Namespace) -> int:
    """Run the whole demo: CMS with demo territories, a build, the static sites."""
    from .build import BuildOptions, build, checkout, default_content

    base = checkout() or Path.cwd()
    content = default_content()
    data = Path(os.environ.get("VETRINA_DATA_DIR") or base / ".data")
    logs = data / "logs"
    cms = f"http://{args.host}:{args.port}"
    dist = base / "dist"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "VETRINA_DATA_DIR": str(data),
        # The worker rebuilds a territory whenever its content changes (publish
        # to live): against this CMS, into the same dist/ the local server shows.
        "VETRINA_BUILD_API_URL": cms,
        "VETRINA_DIST_DIR": str(dist),
        "VETRINA_CONTENT_DIR": str(content),
        "VETRINA_ALLOW_LOCAL_LINKS": "true",
    }
    print(f"Vetrina demo in {base} (the processes' logs: {logs}/)")
    print("1/4 Migrating the database…", flush=True)
    setup = logs / "setup.log"
    manage("migrate", "--noinput", env=env, cwd=base, log=setup)
    print("2/4 Loading the demo territories…", flush=True)
    # View live and the home page of the CMS then lead to the local sites.
    served = f"http://{args.host}:{args.site_port}"
    manage("load_demo", "--served-from", served, env=env, cwd=base, log=setup)
    print("3/4 Starting the CMS: web, worker, scheduler…", flush=True)
    services = [
        Service("web", ("runserver", f"{args.host}:{args.port}", "--noreload")),
        Service("worker", ("db_worker",)),
        Service("scheduler", ("run_scheduler",)),
    ]

    def build_and_serve() -> list[Service]:
        wait_for(f"{cms}/api/v2/territories/")
        print("4/4 Building the static sites…", flush=True)
        options = BuildOptions(
            api=cms, out=dist, content=content, allow_local_links=True
        )
        reports = build(options, progress=lambda line: print(f"    {line}"))
        sites = sorted(report.slug for report in reports)
        print(
            "\nVetrina demo is running. Open:\n"
            f"  The CMS:                            {cms}/\n"
            f"  Admin (user admin, password admin): {cms}/admin/\n"
            "    a business owner: bottega / bottega; a moderator: moderazione /"
            " moderazione\n"
            f"  Businesses ask to join at:          {cms}/owners/signup/\n"
            f"  Content API:                        {cms}/api/v2/territories/\n"
            + "".join(
                f"  Static site {slug + ':':<23} "
                f"http://{args.host}:{args.site_port + i}/\n"
                for i, slug in enumerate(sites)
            )
            + "Publishing in the admin rebuilds its site in dist/ within seconds "
            "(Publishing menu: status of each build).\n"
            f"Request and task logs: {logs}/{{web,worker,scheduler,sites}}.log\n"
            "Press Ctrl-C to stop.",
            flush=True,
        )
        return [
            Service(
                "sites",
                ("-m", "publisher", "serve", str(dist), "--host", args.host,
                 "--port", str(args.site_port)),
                raw=True,
            )
        ]  # fmt: skip

    return supervise(services, cwd=base, logs=logs, env=env, then=build_and_serve)


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
    from .build import BuildOptions, build, default_content

    api = args.api or os.environ.get(API_URL)
    if not api:
        raise UsageError(f"say where the CMS is: --api URL, or set {API_URL}")
    options = BuildOptions(
        api=api,
        out=Path(args.out),
        content=Path(args.content) if args.content else default_content(),
        settings=Path(args.settings) if args.settings else None,
        allow_local_links=args.allow_local_links,
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
keeps, in its working folder CONTENT, the API snapshot (snapshots/<territory>/),
the change feed's cursor and which pages each output file read
(state/<territory>.json) and its caches (cache/). The next builds ask the CMS's
change feed what changed since, apply it to the snapshot and re-render only the
pages, translations, listings and audience pages that read something changed;
a removed page leaves every listing, language switcher and the sitemap. The
output is byte for byte that of a full build. When the CMS cannot say what
changed, everything is fetched but still only what changed is rendered; when
the theme, the catalogs, the hand-written pages, the publisher, the settings,
the territory's settings or the build date change, everything is rendered.
Moved pages keep their old URLs as redirects. The output and the state change
only when the whole build succeeds.

A site whose output would link to this machine (localhost, 127.0.0.1: the
CMS's address until it is told its public one) is refused, unless
--allow-local-links is given, as the demo does.

Environment variables (an option given wins):
  VETRINA_API_URL      the CMS's address (--api)
  VETRINA_CONTENT_DIR  the working folder (--content); default: content/ of
                       the Vetrina checkout the current folder is in, else
                       content/ of the current folder
  VETRINA_SETTINGS     a Pelican settings file of the site's own (--settings)
"""


class UsageError(PublishError):
    """A required option is missing."""


def cms_command(args: argparse.Namespace) -> int:
    """Run a CMS management command (migrate, createsuperuser, db_worker…)."""
    # Not imported here: the publisher never imports Django.
    os.execv(sys.executable, [sys.executable, "-m", "cms", *args.arguments])  # noqa: S606
    return 0  # not reached


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
    build_parser_.add_argument(
        "--api", help=f"the CMS's address, e.g. https://cms.example.org (${API_URL})"
    )
    build_parser_.add_argument(
        "--territory", action="append", help="slug; repeat for several"
    )
    build_parser_.add_argument(
        "--out", default="dist", help="where the sites go (default: dist)"
    )
    build_parser_.add_argument(
        "--content",
        help="working folder for snapshots, state and caches "
        "($VETRINA_CONTENT_DIR; default: see below)",
    )
    build_parser_.add_argument(
        "--settings",
        help="Pelican settings file of a site of its own, to override the theme "
        "(THEME, THEME_TEMPLATES_OVERRIDES) and the pages (PATH) "
        "($VETRINA_SETTINGS; default: the package's site/publishconf.py)",
    )
    build_parser_.add_argument(
        "--allow-local-links",
        action="store_true",
        help="let the sites link to this machine (a local demo)",
    )
    build_parser_.add_argument("--date", help="build date, YYYY-MM-DD")
    build_parser_.add_argument(
        "--full",
        action="store_true",
        help="fetch and render everything and rewrite every file, even unchanged "
        "ones, ignoring the state kept in CONTENT/state/",
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

    cms_parser = commands.add_parser(
        "cms",
        help=cms_command.__doc__,
        description="The CMS's manage.py, for an installed package: "
        "`vetrina cms migrate`, `vetrina cms help`. Settings: "
        "$DJANGO_SETTINGS_MODULE, default cms.settings.production.",
        add_help=False,
    )
    cms_parser.add_argument("arguments", nargs=argparse.REMAINDER)
    cms_parser.set_defaults(handler=cms_command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except (ProcessFailed, PublishError) as error:
        print(f"vetrina {args.command}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"vetrina {args.command}: interrupted; output untouched", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
