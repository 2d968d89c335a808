"""Local development and the demo: debug on, an insecure key that never leaves."""

from .base import *

DEBUG = True
# The demo and the corpus generator: never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "cms.demo"]
SECRET_KEY = "dev-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
DATA_DIR.mkdir(parents=True, exist_ok=True)
STORAGES["staticfiles"]["BACKEND"] = (
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Builds on a developer's machine may link to this CMS on localhost.
VETRINA_PUBLISH_BACKEND["OPTIONS"]["ALLOW_LOCAL_LINKS"] = True
