"""The render processes: one Pelican run per territory × language.

Pelican keeps module state and weak signal receivers between runs, so each run
gets a process of its own; the build hands it a job file (what to render, with
which media and assets) and the site model, pickled once for all of them.
"""

from __future__ import annotations

import contextlib
import io
import json
import multiprocessing
import pickle
from collections.abc import Callable
from pathlib import Path

from .channels import __name__ as CHANNELS
from .channels import channels
from .errors import RenderFailed
from .pelican_plugin import WRITTEN
from .settings import SiteSettings
from .sitemodel import SiteModel

MODEL = ".model.pickle"  # what the render processes read, in staging


# What every render process needs, imported once by the fork server: each job
# then starts as a fork of it, without paying for Python's imports again.
def _preload() -> list[str]:
    return [__name__, "pelican.settings", *(f"{CHANNELS}.{c}" for c in channels())]


def run_jobs(jobs: list[dict], processes: int, progress: Callable[[str], None]) -> dict:
    """Run Pelican jobs in fresh processes; what each written file read.

    Pelican keeps module state and weak signal receivers between runs, so each
    job gets a process of its own (`maxtasksperchild=1`), forked from a server
    that has imported everything but never run Pelican. The server lives as
    long as this process: a long-running builder (the CMS's worker) starts
    Python once, and every build after the first skips the imports.
    """
    reads: dict[str, list[str]] = {}
    if not jobs:
        return reads
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_preload())
    with context.Pool(min(processes, len(jobs)) or 1, maxtasksperchild=1) as pool:
        for lang, written in pool.imap_unordered(run_pelican, jobs):
            progress(f"{lang}: {len(written)} pages")
            reads.update(written)
    return reads


def write_job(
    staging: Path,
    content: Path,
    site: SiteSettings,
    model: SiteModel,
    lang: str,
    media: dict[str, str],
    static: dict[str, str],
    only: list[str] | None,
) -> dict:
    """A job file for one language's Pelican run, with the build's working
    folder (`content`: caches) and Pelican settings; `only`: URLs to render.

    The site model (with its snapshot) goes to the render processes pickled,
    once for all of them: it loads four times faster than the snapshot's JSON
    and spares each process building the model again.
    """
    job_file = staging / f".job-{lang}.json"
    pickled = staging / MODEL
    if not pickled.exists():
        pickled.write_bytes(pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL))
    job_file.write_text(
        json.dumps(
            {
                "model": str(pickled),
                "cache": str(content / "cache" / "derived"),
                "settings": str(site.file),
                "lang": lang,
                "media": media,
                "static": static,
                "only": only,
            }
        )
    )
    return {
        "job": str(job_file),
        "settings": str(site.file),
        "output": str(staging / lang),
        "lang": lang,
    }


def run_pelican(job: dict) -> tuple[str, dict[str, list[str]]]:
    """Run Pelican for one territory × language (in a fresh process).

    Returns what each file written read, by file.
    """
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(
        job["settings"],
        override={
            "OUTPUT_PATH": job["output"],
            "VETRINA_JOB": job["job"],
            "DEFAULT_LANG": job["lang"],
        },
    )
    quiet = io.StringIO()
    try:
        with contextlib.redirect_stdout(quiet):
            Pelican(settings).run()
    except RenderFailed as error:  # the generator's: it names item and template
        raise RenderFailed(f"rendering {job['lang']} failed: {error}") from None
    except Exception as error:
        raise RenderFailed(
            f"rendering {job['lang']} failed: {error.__class__.__name__}: {error}"
        ) from None
    written = Path(job["output"], WRITTEN)
    reads = json.loads(written.read_text("utf-8"))
    written.unlink()
    Path(job["job"]).unlink()
    return job["lang"], reads
