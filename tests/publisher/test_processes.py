"""`vetrina demo` supervises the CMS processes: one dies, all stop."""

import textwrap

import pytest

from publisher.cli import main
from publisher.processes import ProjectNotFound, Service, find_project, supervise


def fake_project(tmp_path):
    (tmp_path / "manage.py").write_text(
        textwrap.dedent(
            """
            import sys, time
            if sys.argv[1] == "crash":
                sys.exit(3)
            time.sleep(60)
            """
        )
    )
    return tmp_path


def test_one_service_dying_stops_the_others(tmp_path, capsys):
    project = fake_project(tmp_path)
    code = supervise(project, [Service("web", ("sleep",)), Service("bad", ("crash",))])
    assert code == 3
    out = capsys.readouterr().out
    assert "bad stopped with status 3" in out


def test_outside_the_project_the_error_says_what_to_do(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ProjectNotFound):
        find_project()
    assert main(["demo"]) == 2
    assert "run this from the Vetrina folder" in capsys.readouterr().err
