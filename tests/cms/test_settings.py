"""Production settings take secrets from the environment and pass --deploy."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    # Test-only switches (a test database, the browser tests' async escape
    # hatch) must not reach a production check.
    test_only = {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in test_only}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "cms.settings.production", **env},
        capture_output=True,
        text=True,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="x" * 20 + "-production-secret-from-the-environment-0123456789",
        ALLOWED_HOSTS="cms.example.org",
        WAGTAILADMIN_BASE_URL="https://cms.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_missing_secret_names_the_variable(tmp_path):
    result = run_manage(
        "check",
        ALLOWED_HOSTS="cms.example.org",
        WAGTAILADMIN_BASE_URL="https://cms.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        SECRET_KEY="",
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_needs_the_public_address_of_the_cms(tmp_path):
    """Without it, e-mails and the sites' sign-up links would name localhost."""
    result = run_manage(
        "check",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="cms.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        WAGTAILADMIN_BASE_URL="",
    )
    assert result.returncode != 0
    assert "WAGTAILADMIN_BASE_URL" in result.stderr
