"""Run the CMS's processes side by side, as a production host would.

The publisher never imports Django: it starts `manage.py` as child processes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


class ProjectNotFound(Exception):
    """The command was run outside the project folder."""


class ProcessFailed(Exception):
    """A child process exited when it should have kept running, or failed."""


@dataclass(frozen=True)
class Service:
    """A long-running process: `manage.py <args>`, or any command if `raw`."""

    name: str
    args: tuple[str, ...]
    raw: bool = False

    def command(self, project: Path) -> list[str]:
        if self.raw:
            return [sys.executable, *self.args]
        return [sys.executable, str(project / "manage.py"), *self.args]


def find_project(start: Path | None = None) -> Path:
    """The folder holding manage.py: the current one or one of its parents."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "manage.py").is_file():
            return folder
    raise ProjectNotFound(
        f"No manage.py in {here} or its parents: run this from the Vetrina folder."
    )


def manage(project: Path, *args: str, env: dict[str, str] | None = None) -> None:
    """Run one `manage.py` command to completion, failing loudly."""
    command = [sys.executable, str(project / "manage.py"), *args]
    result = subprocess.run(command, cwd=project, env=env, check=False)  # noqa: S603
    if result.returncode != 0:
        raise ProcessFailed(
            f"`manage.py {' '.join(args)}` exited with status {result.returncode}."
        )


def supervise(
    project: Path,
    services: Sequence[Service],
    env: dict[str, str] | None = None,
    then: Callable[[], Sequence[Service]] | None = None,
) -> int:
    """Start every service; stop them all when one dies or on Ctrl-C.

    `then` runs once the services are started (say, a build that needs the
    CMS up) and may return more services to start.
    """
    children: dict[str, subprocess.Popen] = {}

    def start(batch: Sequence[Service]) -> None:
        for service in batch:
            children[service.name] = subprocess.Popen(  # noqa: S603
                service.command(project), cwd=project, env=env or os.environ.copy()
            )
            print(f"  started {service.name:<10} pid {children[service.name].pid}")

    try:
        start(services)
        if then is not None:
            start(then())
        while True:
            for name, child in children.items():
                code = child.poll()
                if code is not None:
                    print(f"{name} stopped with status {code}; stopping the others.")
                    return code or 1
            time.sleep(0.5)
    except KeyboardInterrupt:
        print("\nStopping…")
        return 0
    finally:
        for child in children.values():
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for child in children.values():
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
