"""Settings for publishing: the same as pelicanconf, nothing relative to localhost."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: F403

RELATIVE_URLS = False
