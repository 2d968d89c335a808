"""The publisher must run where only the API answers: no Django, no Wagtail."""

import ast
import subprocess
import sys
from pathlib import Path

PUBLISHER = Path(__file__).resolve().parents[2] / "publisher"
FORBIDDEN = ("django", "wagtail", "cms", "rest_framework", "modelcluster")


def test_no_module_imports_django_wagtail_or_cms():
    offenders = []
    for path in PUBLISHER.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            offenders += [
                f"{path.name}: {name}"
                for name in names
                if name.split(".")[0] in FORBIDDEN
            ]
    assert offenders == []


def test_importing_the_cli_loads_no_django():
    code = (
        "import sys, publisher.cli, publisher.processes;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('django', 'wagtail')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
