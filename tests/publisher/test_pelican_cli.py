"""Pelican's own command line works on the project: `pelican -s
site/pelicanconf.py` renders the last fetched snapshots, and `pelican
--autoreload --listen` serves them and renders again when the theme changes,
as the README's theme section tells a designer."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from publisher import resources
from publisher.snapshot import Snapshot
from tests.publisher.test_incremental import demo_pages
from tests.publisher.test_theme import TERRITORY

ROOT = Path(__file__).resolve().parents[2]
PELICAN = [sys.executable, "-m", "pelican"]


def fetched(content: Path) -> dict[str, str]:
    """A content folder with one snapshot in it, as `vetrina build` leaves it."""
    Snapshot(TERRITORY, "2026-11-25", demo_pages()).save(content / "snapshots")
    return {**os.environ, "VETRINA_CONTENT_DIR": str(content)}


def test_pelican_renders_the_last_snapshot(tmp_path):
    env = fetched(tmp_path / "content")
    out = tmp_path / "output"
    done = subprocess.run(
        [*PELICAN, "-s", str(ROOT / "site" / "pelicanconf.py"), "-o", str(out)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    home = (out / "lecce" / "it" / "index.html").read_text("utf-8")
    assert "<title>Lecce" in home
    assert (out / "lecce" / "en" / "stories" / "barocco" / "index.html").is_file()
    assert "lecce: " in done.stdout  # the build's summary, not silence
    # A designer's run never touches the build's state: `vetrina build` goes on
    # from its cursor.
    assert not (tmp_path / "content" / "state" / "lecce.json").exists()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check, seconds: float = 120.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            found = check()
        except OSError:
            found = None
        if found:
            return found
        time.sleep(0.3)
    raise AssertionError("timed out")


@pytest.mark.slow
def test_autoreload_serves_and_renders_again_when_the_theme_changes(tmp_path):
    env = fetched(tmp_path / "content")
    theme = tmp_path / "theme"
    shutil.copytree(resources.theme(), theme)
    settings = tmp_path / "pelicanconf.py"
    settings.write_text(
        f'from vetrina.site.pelicanconf import *  # noqa: F403\n\nTHEME = "{theme}"\n',
        "utf-8",
    )
    out, port = tmp_path / "output", free_port()
    command = [*PELICAN, "--autoreload", "--listen", "-p", str(port), "-s"]
    server = subprocess.Popen(
        [*command, str(settings), "-o", str(out)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # --listen serves from a process of its own
    )
    url = f"http://127.0.0.1:{port}/lecce/it/"

    def page() -> str:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.read().decode("utf-8")

    try:
        assert "data-edited" not in wait_for(page)
        base = theme / "templates" / "base.html"
        base.write_text(
            base.read_text("utf-8").replace("<body", "<body data-edited", 1), "utf-8"
        )
        wait_for(lambda: "data-edited" in page())
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
