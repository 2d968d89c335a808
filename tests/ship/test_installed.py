"""What leaves the checkout works.

A copy of the checkout (tracked and new files, as a release would be) is
installed, not editable, into a fresh venv by the README's *Deploying* block,
typed as written, from a wheelhouse built once from constraints.txt (so no
index is asked). Then, from other folders:
- the installed CMS runs under the production settings on PostgreSQL: the
  block's migrate, collectstatic and check --deploy, then the Procfile's three
  processes, gunicorn serving the admin's login, its static files, the owners'
  sign-up form and the API;
- the installed `vetrina build` builds a site from the live test CMS.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from importlib import metadata
from pathlib import Path

import pytest

from tests.conftest import require
from tests.publisher.test_build_live import content  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parents[2]
HOST = "cms.example.org"
CACHE = ROOT / ".data" / "wheelhouse"


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


def deploy_block() -> str:
    """The README's *Deploying* commands, as an operator reads them."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("**Deploying on one machine**", 1)[1]
    return re.search(r"```sh\n(.*?)```", section, re.S)[1]


def runtime_requirements() -> list[str]:
    """What `.[cms]` needs, from the installed metadata, markers resolved."""
    found = []
    for requirement in metadata.requires("vetrina") or []:
        name, _, marker = requirement.partition(";")
        if not marker or 'extra == "cms"' in marker:
            found.append(name.strip())
    return found


@pytest.fixture(scope="session")
def wheelhouse() -> Path:
    """Wheels of every dependency at the versions of constraints.txt, plus the
    build backend; built once per set of requirements (pip's cache makes it
    quick), so the install below asks no index."""
    wanted = [*runtime_requirements(), "setuptools>=77", "wheel"]
    key = hashlib.sha256(
        json.dumps([wanted, (ROOT / "constraints.txt").read_text()]).encode()
    ).hexdigest()[:12]
    house = CACHE / key
    if not (house / ".complete").exists():
        shutil.rmtree(house, ignore_errors=True)
        run([sys.executable, "-m", "pip", "wheel", "-q", "-c",
             str(ROOT / "constraints.txt"), "-w", str(house), *wanted])  # fmt: skip
        (house / ".complete").touch()
    return house


@pytest.fixture(scope="session")
def release(tmp_path_factory) -> Path:
    """The checkout's files as a release has them: no venv, no node_modules,
    no build output."""
    listed = run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
    ).stdout.split("\0")
    copy = tmp_path_factory.mktemp("release")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    return copy


@pytest.fixture(scope="session")
def database():
    """A database of its own on the PostgreSQL server the tests use."""
    url = os.environ.get("VETRINA_PG_URL", "")
    require(bool(url), "VETRINA_PG_URL is not set: no PostgreSQL for the install")
    import psycopg

    name = f"vetrina_ship_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield url.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def deployed(release, wheelhouse, database, tmp_path_factory) -> dict:
    """The README's block, typed in the release folder: returns the home, the
    environment of the installed processes and the block's output."""
    home = tmp_path_factory.mktemp("srv")
    home.joinpath("env").write_text(
        "\n".join(
            [
                f"SECRET_KEY={'s3cr3t-' * 8}",
                f"ALLOWED_HOSTS={HOST}",
                f"DATABASE_URL={database}",
                f"WAGTAILADMIN_BASE_URL=https://{HOST}",
                f"CSRF_TRUSTED_ORIGINS=https://{HOST}",
                f"VETRINA_DATA_DIR={home / 'data'}",
                "EMAIL_HOST=127.0.0.1",
                f"DEFAULT_FROM_EMAIL=vetrina@{HOST}",
                "VETRINA_PUBLISH_BACKEND=cms.publishing.backends.NetlifyDeploy",
                "NETLIFY_AUTH_TOKEN=not-used-here",
            ]
        )
        + "\n"
    )
    env = {
        "HOME": os.environ.get("HOME", str(home)),
        "PATH": os.environ["PATH"],
        "LANG": "C.UTF-8",
        "VETRINA_HOME": str(home),
        # Everything from the wheelhouse; npm from its cache (`make` filled it).
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(wheelhouse),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "npm_config_prefer_offline": "true",
    }
    done = run(["bash", "-euo", "pipefail", "-c", deploy_block()], cwd=release, env=env)
    variables = dict(
        line.split("=", 1) for line in home.joinpath("env").read_text().splitlines()
    )
    installed = {
        **env,
        **variables,
        "PATH": f"{home / 'venv' / 'bin'}:{env['PATH']}",
    }
    return {"home": home, "env": installed, "output": done.stdout + done.stderr}


def test_the_wheel_carries_what_the_code_reads(release, deployed):
    """Not an editable install: the package, its theme, catalogs, pages,
    Leaflet and the CMS's templates live in site-packages."""
    python = deployed["home"] / "venv" / "bin" / "python"
    code = (
        "import json, cms, publisher; from publisher import resources as r; "
        "print(json.dumps([cms.__file__, publisher.__file__, str(r.theme()), "
        "str(r.translations()), str(r.content()), str(r.leaflet()), "
        "str(r.settings_file())]))"
    )
    paths = json.loads(run([str(python), "-c", code], cwd=deployed["home"]).stdout)
    site_packages = str(deployed["home"] / "venv" / "lib")
    assert all(path.startswith(site_packages) for path in paths), paths
    assert not any(path.startswith(str(release)) for path in paths)
    base = Path(paths[2]) / "templates" / "base.html"
    assert base.is_file()
    assert (Path(paths[3]) / "ar" / "LC_MESSAGES" / "messages.po").is_file()
    assert (Path(paths[5]) / "leaflet.js").is_file()
    cms = Path(paths[0]).parent
    assert (cms / "locale" / "it" / "LC_MESSAGES" / "django.mo").is_file()
    assert (cms / "owners" / "templates" / "owners" / "signup.html").is_file()
    assert "System check identified no issues" in deployed["output"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def procfile(home: Path) -> dict[str, str]:
    lines = (home / "Procfile").read_text().splitlines()
    return dict(line.split(":", 1) for line in lines if line.strip() and line[0] != "#")


def fetch(url: str) -> tuple[int, str, dict]:
    """A request as the TLS proxy in front of the CMS would pass it on."""
    request = urllib.request.Request(
        url, headers={"Host": HOST, "X-Forwarded-Proto": "https"}
    )
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def wait_for(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()
        try:
            fetch(url)
            return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"{url} never answered:\n{log.read_text()}")


def test_the_procfile_runs_the_cms_in_production(deployed):
    home, port = deployed["home"], free_port()
    env = {**deployed["env"], "VETRINA_BIND": f"127.0.0.1:{port}"}
    processes, logs = {}, {}
    try:
        for name, command in procfile(home).items():
            logs[name] = home / f"{name}.log"
            with logs[name].open("w") as log:
                processes[name] = subprocess.Popen(
                    ["bash", "-c", f"exec {command.strip()}"],  # as honcho runs it
                    cwd=home,
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
        assert sorted(processes) == ["scheduler", "web", "worker"]
        cms = f"http://127.0.0.1:{port}"
        wait_for(f"{cms}/admin/login/", processes["web"], logs["web"])

        status, login, headers = fetch(f"{cms}/admin/login/")
        assert status == 200, login
        assert 'name="password"' in login
        assert "Strict-Transport-Security" in headers
        stylesheets = re.findall(r'href="(/static/[^"]+\.css)"', login)
        assert stylesheets  # collected, with hashed names, served by WhiteNoise
        for stylesheet in stylesheets:
            assert fetch(f"{cms}{stylesheet}")[0] == 200, stylesheet

        status, signup, _ = fetch(f"{cms}/owners/signup/?territory=lecce")
        assert status == 200 and "<form" in signup
        assert re.search(r'<option value="\d+" selected>Lecce</option>', signup)

        status, body, _ = fetch(f"{cms}/api/v2/territories/")
        assert status == 200
        [lecce] = json.loads(body)["items"]  # made by the block's create_territory
        assert lecce["base_url"] == "https://lecce.example.org"
        assert lecce["signup_url"].startswith(f"https://{HOST}/owners/signup/")

        status, front, _ = fetch(f"{cms}/")
        assert status == 200 and "https://lecce.example.org/it/" in front

        assert fetch(f"{cms}/no-such-page/")[0] == 404

        for name in ("worker", "scheduler"):
            assert processes[name].poll() is None, logs[name].read_text()
    finally:
        for process in processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def tree(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("content")
def test_the_installed_build_publishes_a_site(deployed, live_server, tmp_path):
    """From a folder of its own: the working data goes there, not into the
    package, which is left as installed."""
    venv = deployed["home"] / "venv"
    before = tree(venv)
    env = {
        key: value
        for key, value in deployed["env"].items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["VETRINA_API_URL"] = live_server.url
    done = run(
        [str(venv / "bin" / "vetrina"), "build", "--date", "2026-11-25"],
        cwd=tmp_path,
        env=env,
    )
    assert "pages written to" in done.stdout
    site = tmp_path / "dist" / "lecce"
    home = (site / "it" / "index.html").read_text("utf-8")
    assert "Vai al contenuto" in home  # the theme, translated
    english = (site / "en" / "luoghi" / "cathedral" / "index.html").read_text()
    assert "<h1>Cathedral</h1>" in english
    assert "https://cms.vetrina.test/owners/signup/" in english  # not localhost
    assert (site / "it" / "about" / "index.html").is_file()  # hand-written pages
    assert list((site / "static").rglob("leaflet.*.js"))  # the map's Leaflet
    assert list((site / "static").rglob("site.*.css"))
    assert (site / "pagefind").is_dir()
    assert (tmp_path / "content" / "state" / "lecce.json").is_file()
    assert tree(venv) == before


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("content")
def test_netlifys_build_command_publishes_the_territory(release, deployed, live_server):
    """netlify.toml's command, as Netlify's build image runs it: in the
    repository, with the site's two variables, publishing public/."""
    import tomllib

    config = tomllib.loads((release / "netlify.toml").read_text("utf-8"))
    env = {
        key: value
        for key, value in deployed["env"].items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "VETRINA_DATA_DIR"}
    }
    missing = subprocess.run(
        ["bash", "-c", config["build"]["command"]],
        cwd=release,
        env={**env, "VETRINA_TERRITORY": "lecce"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode != 0
    assert "set VETRINA_API_URL in the Netlify site settings" in missing.stderr

    env.update(VETRINA_API_URL=live_server.url, VETRINA_TERRITORY="lecce")
    run(["bash", "-c", config["build"]["command"]], cwd=release, env=env)
    public = release / config["build"]["publish"]
    assert (public / "it" / "luoghi" / "duomo" / "index.html").is_file()
    assert "wasm-unsafe-eval" in (public / "_headers").read_text()
    assert (public / "_redirects").is_file()
