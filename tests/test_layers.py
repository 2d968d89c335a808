"""Imports point one way: import-linter's contracts in pyproject.toml hold.

The contracts say which app may import which (core at the bottom, the content
apps, territories, changes, publishing, the API, then the admin-facing apps,
the demo on top), that the product never imports the demo, and that the
publisher never imports Django, Wagtail or the CMS.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(folder: Path) -> subprocess.CompletedProcess:
    """import-linter on the packages in `folder`, with the project's contracts."""
    return subprocess.run(
        [LINT_IMPORTS, "--no-cache", ROOT / "pyproject.toml"],
        cwd=folder,
        env={"PYTHONPATH": str(folder), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def copy_of_the_code(tmp_path_factory) -> Path:
    """The Python code only, to break on purpose."""
    folder = tmp_path_factory.mktemp("code")
    for package in ("cms", "publisher"):
        shutil.copytree(
            ROOT / package,
            folder / package,
            ignore=lambda _, names: (
                [n for n in names if "." in n and not n.endswith(".py")]
                + ["__pycache__", "migrations", "locale", "static", "templates"]
            ),
        )
    return folder


def test_the_contracts_hold():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        # A content app reaching up to the API.
        ("cms/places/models.py", "import cms.api.views", "point one way"),
        # Core reaching up to a content app.
        ("cms/core/blocks.py", "import cms.events.models", "point one way"),
        # Two content apps importing each other.
        ("cms/stories/models.py", "import cms.places.models", "point one way"),
        # The product importing the demo.
        ("cms/urls.py", "import cms.demo.loader", "never imports the demo"),
        # The publisher importing Django.
        ("publisher/render.py", "import django.conf", "never imports Django"),
    ],
)
def test_a_wrong_direction_is_caught(copy_of_the_code, module, line, contract):
    target = copy_of_the_code / module
    original = target.read_text()
    target.write_text(original + f"\n{line}\n")
    try:
        result = lint_imports(copy_of_the_code)
    finally:
        target.write_text(original)

    assert result.returncode != 0
    broken = [row for row in result.stdout.splitlines() if row.endswith("BROKEN")]
    assert len(broken) == 1 and contract in broken[0], result.stdout
    importer = module.removesuffix(".py").replace("/", ".")
    assert f"{importer} -> " in result.stdout  # the report names the import
