"""Pelican settings shared by every territory and language.

The build passes the rest per run (output folder, language, the job file):
territory data comes from the API, not from here. A site of its own starts
from these (`from vetrina.site.publishconf import *`) and overrides THEME,
THEME_TEMPLATES_OVERRIDES or PATH: see publisher/settings.py.
"""

from jinja2 import StrictUndefined

from publisher import resources

SITENAME = "Vetrina"
# The hand-written pages are PATH/pages/: Pelican content, read by its readers
# (Markdown, reST; Title:, Slug:, Lang: metadata): publisher/handwritten.py.
PATH = str(resources.content())
THEME = str(resources.theme())
THEME_TEMPLATES_OVERRIDES: list[str] = []
# The theme's static/ is published at /static/, each file under a name that
# carries a hash of its bytes (publisher/site_files.py).
THEME_STATIC_DIR = "static"
# Pelican turns on every installed namespace plugin when PLUGINS is unset.
PLUGINS = ["publisher.pelican_plugin"]
TIMEZONE = "Europe/Rome"
DEFAULT_LANG = "it"

# Our generator renders everything; Pelican's own ones have nothing to do.
ARTICLE_PATHS: list[str] = []
PAGE_PATHS: list[str] = []
STATIC_PATHS: list[str] = []
# The build copies the theme's static/ itself, to THEME_STATIC_DIR above.
THEME_STATIC_PATHS: list[str] = []
DIRECT_TEMPLATES: list[str] = []
PAGINATED_TEMPLATES: dict = {}
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
ARTICLE_SAVE_AS = ""
PAGE_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
TAG_SAVE_AS = ""
DELETE_OUTPUT_DIRECTORY = False
# `pelican --autoreload` watches PATH: a build's caches and state are not
# reasons to render again (a new snapshot is).
IGNORE_FILES = ["**/.*", "*/content/cache/*", "*/content/state/*"]
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
# The theme's templates escape everything but what is marked safe, and an
# undefined name is an error, not an empty string. A theme adapted from a
# Pelican one that relies on empty undefined names sets jinja2.Undefined.
JINJA_ENVIRONMENT = {
    "autoescape": True,
    "undefined": StrictUndefined,
    "extensions": ["jinja2.ext.i18n"],
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
}
