"""Builds in their own process, as `vetrina build` or the CMS's worker runs them.

The harness runs every build through this module so that each build's time and
memory are its own, not mixed with the CMS server or the corpus generator's.
Given a job, it runs it and prints one JSON line: seconds inside the build
call, when the pages were in place, files rendered, the largest resident set
of the process and of its Pelican workers. With `--serve` it is a long-running
builder, like the CMS's worker: one job per line on standard input, one JSON
line back for each, Python and the render processes' fork server started once.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def build(job: dict) -> dict:
    """`vetrina build` through the publisher's API, into the job's folders."""
    from publisher.build import BuildOptions
    from publisher.build import build as run

    options = BuildOptions(
        api=job["api"],
        out=Path(job["out"]),
        content=Path(job["content"]),
        build_date=job["date"],
        full=job["full"],
        territories=job.get("territories"),
        allow_local_links=True,  # the benchmark's CMS runs on this machine
    )
    in_place: dict[str, float] = {}

    def progress(line: str) -> None:
        if line.endswith(": pages in place"):
            in_place[line.partition(":")[0]] = time.time()

    reports = run(options, progress=progress)
    return {
        "in_place_at": in_place,  # by territory
        "pages": sum(r.pages for r in reports),
        "changed": sum(r.changed for r in reports),
        "modes": sorted({f"{r.mode} after a {r.fetched}" for r in reports}),
    }


def render(job: dict) -> dict:
    """A full render of the snapshots already fetched: no API in the way."""
    from publisher.build import BuildOptions, publish_territory
    from publisher.snapshot import Snapshot

    content = Path(job["content"])
    options = BuildOptions(
        api="", out=Path(job["out"]), content=content, build_date=job["date"]
    )
    options.full = True
    pages = 0
    for folder in sorted((content / "snapshots").iterdir()):
        snapshot = Snapshot.load(content / "snapshots", folder.name)
        report = publish_territory(snapshot, options, lambda line: None)
        pages += report.pages
    return {"pages": pages, "changed": 0, "modes": ["full render of the snapshot"]}


def render_html(job: dict) -> dict:
    """Only the HTML pages of every fetched snapshot, as a full render makes
    them (the same Pelican runs, fanned out to both cores), into a folder
    thrown away: no media, assets, feeds, images or search index."""
    import os
    import tempfile

    from publisher.render_context import RenderContext
    from publisher.render_jobs import RenderJob, run_jobs
    from publisher.settings import load
    from publisher.site_outputs import site_outputs
    from publisher.sitemodel import SiteModel, output_file
    from publisher.snapshot import Snapshot

    snapshots = Path(job["content"]) / "snapshots"
    pages = 0
    with tempfile.TemporaryDirectory() as out:
        for folder in sorted(snapshots.iterdir()):
            model = SiteModel.build(Snapshot.load(snapshots, folder.name))
            jobs = []
            for lang in model.snapshot.languages:
                ctx = RenderContext(
                    model, lang, build_date=model.snapshot.build_date, site=load()
                )
                html = frozenset(
                    url
                    for url in site_outputs(ctx)
                    if output_file(url).endswith(".html")
                )
                jobs.append(RenderJob(ctx, Path(out) / folder.name, html))
            files = sum(len(j.only) for j in jobs)
            reads = run_jobs(jobs, os.cpu_count() or 1, lambda line: None, files)
            pages += len(reads)
    return {"pages": pages, "changed": 0, "modes": ["HTML pages only"]}


def run_job(job: dict) -> dict:
    started_at, started = time.time(), time.perf_counter()
    kinds = {"build": build, "render": render, "render_html": render_html}
    result = kinds[job["kind"]](job)
    result["started_at"] = started_at
    result["seconds"] = time.perf_counter() - started
    # ru_maxrss is in KiB on Linux.
    result["self_rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    result["child_rss"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return result


def main(argv: list[str]) -> int:
    if argv != ["--serve"]:
        print(json.dumps(run_job(json.loads(argv[0]))))
        return 0
    for line in sys.stdin:
        try:
            answer = run_job(json.loads(line))
        except Exception as error:
            answer = {"error": f"{error.__class__.__name__}: {error}"}
        print(json.dumps(answer), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
