"""The CMS suite runs on SQLite and on PostgreSQL: check which one this run uses."""

import os

import pytest
from django.db import connection


@pytest.mark.database
@pytest.mark.django_db
def test_running_on_the_expected_database():
    expected = os.environ.get("VETRINA_EXPECT_DB", "sqlite")
    assert connection.vendor == expected
