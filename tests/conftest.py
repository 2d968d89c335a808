"""Shared test set-up. Under CI, a test that cannot find PostgreSQL or a browser
fails instead of skipping: a green run must mean everything was exercised."""

import os

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"


def require(condition: bool, reason: str) -> None:
    """Skip when `condition` is false, except in CI, where it is a failure."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: missing pieces are failures, not skips)")
    pytest.skip(reason)
