"""`vetrina demo` supervises the CMS processes: one dies, all stop; their
output goes to log files, not the terminal."""

import os
import sys

from publisher.processes import Service, supervise


def test_one_service_dying_stops_the_others_and_shows_its_log(tmp_path, capsys):
    crash = "import sys; print('web: GET /admin/ 200'); print('boom'); sys.exit(3)"
    services = [
        Service("sleeper", ("-c", "import time; time.sleep(60)"), raw=True),
        Service("bad", ("-c", crash), raw=True),
    ]
    code = supervise(services, cwd=tmp_path, logs=tmp_path / "logs")
    assert code == 3
    out = capsys.readouterr().out
    assert "bad stopped with status 3" in out
    assert "boom" in out  # the end of its log, to say why
    assert (tmp_path / "logs" / "bad.log").read_text().startswith("web: GET")


def test_services_log_to_files_not_the_terminal(tmp_path, capfd):
    chatty = "import time; print('GET /api/v2/ 200', flush=True); time.sleep(60)"
    stopper = "import time; time.sleep(1.5)"
    supervise(
        [
            Service("web", ("-c", chatty), raw=True),
            Service("stopper", ("-c", stopper), raw=True),
        ],
        cwd=tmp_path,
        logs=tmp_path / "logs",
    )
    out, err = capfd.readouterr()
    assert "GET /api/v2/" not in out + err
    assert "GET /api/v2/ 200" in (tmp_path / "logs" / "web.log").read_text()


def test_cms_commands_run_without_a_checkout(tmp_path):
    """`vetrina cms …` is the installed package's manage.py."""
    import subprocess

    result = subprocess.run(
        [sys.executable, "-m", "publisher", "cms", "help", "migrate"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"DJANGO_SETTINGS_MODULE": "cms.settings.dev", "PATH": "/usr/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "usage: vetrina cms migrate" in result.stdout


def test_a_terminated_supervisor_stops_its_children(tmp_path):
    """systemd, a CI runner or `timeout` send SIGTERM, not Ctrl-C."""
    import signal
    import subprocess
    import time

    script = (
        "import sys; from pathlib import Path; "
        "from publisher.processes import Service, supervise; "
        "tmp = Path(sys.argv[1]); "
        "supervise([Service('child', ('-c', 'import os, time; "
        'open("pid", "w").write(str(os.getpid())); time.sleep(60)\'), raw=True)],'
        " cwd=tmp, logs=tmp / 'logs')"
    )
    parent = subprocess.Popen([sys.executable, "-c", script, str(tmp_path)])
    pid_file = tmp_path / "pid"
    for _ in range(100):
        if pid_file.exists() and pid_file.read_text():
            break
        time.sleep(0.1)
    child = int(pid_file.read_text())
    parent.send_signal(signal.SIGTERM)
    assert parent.wait(timeout=20) == 0
    for _ in range(100):
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    raise AssertionError("the child outlived its supervisor")
