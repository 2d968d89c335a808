"""Pelican runs: one per territory × language, here or fanned out to processes.

Pelican runs many times in one process: each run reads its settings afresh
and the plugin's generator takes its job, an object in memory, from them
(`VETRINA_JOB`). So an incremental or small build renders in the process that
asks, and a long-running builder (the CMS's worker) keeps everything warm: the
imports, the compiled templates, the site model. Only a full build with enough
to render for several cores fans its languages out to processes, forked from a
server that imported everything, with the site model pickled once for them.
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing import forkserver
from pathlib import Path

from .channels import __name__ as CHANNELS
from .channels import channels
from .errors import RenderFailed
from .render import run_settings
from .render_context import RenderContext
from .settings import load

JOB = "VETRINA_JOB"  # the Pelican setting that carries a RenderJob
MODEL = ".model.pickle"  # what fanned-out render processes read, in staging
# Below this many files a full build renders in this process: forking workers
# and loading the model there costs more than the second core saves. Measured
# at SIZE=medium (bench/): the break-even is about 400 files with the fork
# server running, 1,200 when it has to start (0.5 s of imports).
FAN_OUT_FILES = 1000


@dataclass
class RenderJob:
    """What one Pelican run renders: a language of a territory (its context),
    only some URLs of it or all, into `output` (the territory's folder)."""

    ctx: RenderContext
    output: Path
    only: frozenset[str] | None = None
    # Filled by the generator: what each file written read, by file.
    reads: dict[str, list[str]] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        return self.ctx.lang


def run_pelican(job: RenderJob) -> dict[str, list[str]]:
    """Run Pelican once for one territory × language, in this process.

    Returns what each file written read, by file.
    """
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(
        str(job.ctx.site.file),
        override={
            **run_settings(job.ctx),
            "OUTPUT_PATH": str(job.output),
            JOB: job,
        },
    )
    quiet = io.StringIO()  # Pelican's summary line: the build prints its own
    try:
        with contextlib.redirect_stdout(quiet):
            Pelican(settings).run()
    except RenderFailed as error:  # the generator's: it names item and template
        raise RenderFailed(f"rendering {job.lang} failed: {error}") from error
    except Exception as error:
        raise RenderFailed(
            f"rendering {job.lang} failed: {error.__class__.__name__}: {error}"
        ) from error
    return job.reads


def run_jobs(
    jobs: list[RenderJob],
    processes: int,
    progress: Callable[[str], None],
    files: int,
) -> dict[str, list[str]]:
    """Run the jobs; what each written file read. `files`: how many the jobs
    render in all, which decides whether other processes are worth starting."""
    reads: dict[str, list[str]] = {}
    if not fans_out(processes, len(jobs), files):
        for job in jobs:
            reads.update(run_pelican(job))
            progress(f"{job.lang}: {len(job.reads)} pages")
        return reads
    staging = jobs[0].output
    staging.mkdir(parents=True, exist_ok=True)
    pickled = staging / MODEL
    pickled.write_bytes(
        pickle.dumps(jobs[0].ctx.model, protocol=pickle.HIGHEST_PROTOCOL)
    )
    context = start_fork_server()
    try:
        with context.Pool(min(processes, len(jobs))) as pool:
            described = [(_describe(job), str(pickled)) for job in jobs]
            for lang, written in pool.imap_unordered(_run_forked, described):
                progress(f"{lang}: {len(written)} pages")
                reads.update(written)
    finally:
        pickled.unlink(missing_ok=True)
    return reads


def fans_out(processes: int, jobs: int, files: int) -> bool:
    """Whether `jobs` rendering `files` in all are worth other processes."""
    return processes > 1 and jobs > 1 and files >= FAN_OUT_FILES


def start_fork_server() -> multiprocessing.context.ForkServerContext:
    """The server the render processes fork from, started once per process.

    It imports everything a render needs, so each job starts as a fork of it
    without paying for Python's imports again. A full build large enough calls
    this as soon as it knows, so those imports overlap its other preparations.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(
        [__name__, "pelican", *(f"{CHANNELS}.{c}" for c in channels())]
    )
    forkserver.ensure_running()
    return context


def _describe(job: RenderJob) -> dict:
    ctx = job.ctx
    return {
        "lang": ctx.lang,
        "media": ctx.media,
        "static": ctx.static,
        "build_date": ctx.build_date,
        "settings": str(ctx.site.file),
        "cache": str(ctx.cache_dir) if ctx.cache_dir else None,
        "output": str(job.output),
        "only": sorted(job.only) if job.only is not None else None,
    }


# In a fanned-out process: the model it unpickled, by the file it came from.
_LOADED: dict[str, object] = {}


def _run_forked(described: tuple[dict, str]) -> tuple[str, dict[str, list[str]]]:
    """A fanned-out process: the job from its description and the pickled model."""
    about, pickled = described
    if _LOADED.get("path") != pickled:  # a worker's next language reuses it
        # Pickled by run_jobs for its render processes, in the build's own staging.
        data = Path(pickled).read_bytes()
        _LOADED.update(path=pickled, model=pickle.loads(data))  # noqa: S301
    model = _LOADED["model"]
    ctx = RenderContext(
        model,
        about["lang"],
        media=about["media"],
        static=about["static"],
        build_date=about["build_date"],
        site=load(Path(about["settings"])),
        cache_dir=Path(about["cache"]) if about["cache"] else None,
    )
    only = None if about["only"] is None else frozenset(about["only"])
    job = RenderJob(ctx, Path(about["output"]), only)
    return job.lang, run_pelican(job)
