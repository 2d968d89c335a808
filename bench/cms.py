"""A throwaway CMS for the benchmark: fresh SQLite database, corpus, server.

Everything lives in one temporary folder (database, media), so the benchmark
never touches the developer's .data/ and always starts from the same state.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .sizes import Size

ROOT = Path(__file__).resolve().parent.parent
DATABASE_FILE = "cms.sqlite3"  # in the CMS's folder


class CmsFailed(Exception):
    """The benchmark CMS could not be set up or did not answer."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class BenchCms:
    """The CMS of one benchmark run, in `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server: subprocess.Popen | None = None
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": f"sqlite:///{folder / DATABASE_FILE}",
            "VETRINA_DATA_DIR": str(folder / "data"),
            "MEDIA_ROOT": str(folder / "data" / "media"),
            "PYTHONUNBUFFERED": "1",
        }

    def manage(self, *args: str) -> str:
        """Run `manage.py` with the benchmark's settings; its standard output."""
        done = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise CmsFailed(
                f"manage.py {args[0]} failed ({done.returncode}): "
                f"{done.stderr.strip()[-800:]}"
            )
        return done.stdout

    def shell(self, script: str, **params: object) -> object:
        """Run Python in the CMS (`manage.py shell`); the JSON of its last line.

        `params` reach the script as the dict PARAMS.
        """
        code = f"import json\nPARAMS = json.loads({json.dumps(json.dumps(params))})\n"
        out = self.manage("shell", "-c", code + script)
        return json.loads(out.strip().splitlines()[-1])

    def migrate(self) -> None:
        self.manage("migrate", "--noinput", "-v", "0")

    def generate(self, size: Size) -> None:
        self.manage(
            "generate_corpus",
            "--territories", str(size.territories),
            "--languages", str(size.languages),
            "--items", str(size.items),
        )  # fmt: skip

    def start(self, timeout: float = 60.0) -> None:
        """Serve the CMS: gunicorn with one worker per core, else runserver."""
        gunicorn = Path(sys.executable).with_name("gunicorn")
        if gunicorn.exists():
            workers = str(max(2, os.cpu_count() or 1))
            command = [str(gunicorn), "cms.wsgi", "-b", f"127.0.0.1:{self.port}"]
            command += ["-w", workers, "--timeout", "300", "--log-level", "warning"]
        else:
            command = [sys.executable, "manage.py", "runserver", "--noreload"]
            command.append(f"127.0.0.1:{self.port}")
        log = (self.folder / "server.log").open("w")
        self.server = subprocess.Popen(  # noqa: S603
            command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/api/v2/territories/"):  # noqa: S310
                    return
            except OSError:
                if self.server.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise CmsFailed(
                        f"the CMS did not answer at {self.url}: see "
                        f"{self.folder / 'server.log'}"
                    ) from None
                time.sleep(0.3)

    def stop(self) -> None:
        if self.server is None:
            return
        self.server.terminate()
        try:
            self.server.wait(10)
        except subprocess.TimeoutExpired:
            self.server.kill()
            self.server.wait()
        self.server = None

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
