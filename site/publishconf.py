"""Settings for publishing: the same as pelicanconf, nothing relative to localhost."""

from vetrina.site.pelicanconf import *  # noqa: F403

RELATIVE_URLS = False
