"""Run the CMS's processes side by side, as a production host would.

The publisher never imports Django: it starts the CMS (`python -m cms`, the
installed package's manage.py) as child processes. Their output goes to a log
file each, so the terminal keeps the steps and the addresses.
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


class ProcessFailed(Exception):
    """A child process exited when it should have kept running, or failed."""


@dataclass(frozen=True)
class Service:
    """A long-running process: `python -m cms <args>`, or any module if `raw`."""

    name: str
    args: tuple[str, ...]
    raw: bool = False

    def command(self) -> list[str]:
        if self.raw:
            return [sys.executable, *self.args]
        return [sys.executable, "-m", "cms", *self.args]


def tail(log: Path, lines: int = 15) -> str:
    """The end of a log, to show why a process stopped."""
    try:
        text = log.read_text("utf-8", "replace").splitlines()[-lines:]
    except OSError:
        return ""
    return "\n".join(f"    {line}" for line in text)


def manage(*args: str, env: dict[str, str], cwd: Path, log: Path) -> None:
    """Run one CMS command to completion, its output into `log`; fail loudly."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("a") as output:
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-m", "cms", *args],
            cwd=cwd,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            check=False,
        )
    if result.returncode != 0:
        raise ProcessFailed(
            f"`vetrina cms {' '.join(args)}` exited with status "
            f"{result.returncode}; the end of {log}:\n{tail(log)}"
        )


def supervise(
    services: Sequence[Service],
    *,
    cwd: Path,
    logs: Path,
    env: dict[str, str] | None = None,
    then: Callable[[], Sequence[Service]] | None = None,
) -> int:
    """Start every service, each logging to `logs/<name>.log`; stop them all
    when one dies or on Ctrl-C.

    `then` runs once the services are started (say, a build that needs the
    CMS up) and may return more services to start.
    """
    children: dict[str, subprocess.Popen] = {}
    logs.mkdir(parents=True, exist_ok=True)

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt  # the children are in sessions of their own

    previous = signal.signal(signal.SIGTERM, stop)

    def start(batch: Sequence[Service]) -> None:
        for service in batch:
            with (logs / f"{service.name}.log").open("a") as log:
                children[service.name] = subprocess.Popen(  # noqa: S603
                    service.command(),
                    cwd=cwd,
                    env=env or os.environ.copy(),
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # Ctrl-C reaches us, not them
                )

    try:
        start(services)
        if then is not None:
            start(then())
        while True:
            for name, child in children.items():
                code = child.poll()
                if code is not None:
                    log = logs / f"{name}.log"
                    print(
                        f"{name} stopped with status {code}; stopping the others. "
                        f"The end of {log}:\n{tail(log)}"
                    )
                    return code or 1
            time.sleep(0.5)
    except KeyboardInterrupt:
        print("\nStopping…")
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        for child in children.values():
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for child in children.values():
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
