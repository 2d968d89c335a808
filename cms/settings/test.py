"""Tests: SQLite in memory unless DATABASE_URL points at PostgreSQL."""

import os

from .base import *

SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
DEBUG = False
# The demo and the corpus generator: never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "cms.demo"]
if not os.environ.get("DATABASE_URL"):
    DATABASES = {
        "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
    }
    # The live server's threads then share one connection (see the module).
    MIDDLEWARE = ["tests.live_server.OneApiRequestAtATime", *MIDDLEWARE]
    # The editor pings its editing session every 10 s by default, whenever a
    # test leaves a page open: once an hour is never, for a test.
    WAGTAIL_EDITING_SESSION_PING_INTERVAL = 3_600_000
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = (
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
_MEDIA = Path(os.environ.get("VETRINA_TEST_MEDIA", "/tmp/vetrina-test-media"))  # noqa: S108
# One folder per pytest-xdist worker: tests that count or clean files there
# must not see another worker's.
MEDIA_ROOT = _MEDIA / os.environ.get("PYTEST_XDIST_WORKER", "")
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STATIC_ROOT = _MEDIA.parent / "vetrina-test-static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# A public address, as in production: the sites the tests build link to it.
WAGTAILADMIN_BASE_URL = "https://cms.vetrina.test"
# The publisher's tests download renditions from the live test server.
VETRINA_SERVE_MEDIA = True
# Tests that build say so; the others only record that a build was asked for.
VETRINA_PUBLISH_BACKEND = {"BACKEND": "cms.publishing.backends.NoopBackend"}
