"""The Pelican settings a build renders with: which theme, templates and pages.

The default is the wheel's `site/publishconf.py`. A site of its own is a
folder with a settings file of its own (`vetrina build --settings FILE`, or
`VETRINA_SETTINGS`), which starts from the default and changes what it needs,
as any Pelican project does:

    from vetrina.site.publishconf import *  # noqa: F403

    THEME_TEMPLATES_OVERRIDES = ["templates"]  # searched before the theme's
    PATH = "content"  # its pages/ (Pelican content) replace the default pages

Relative paths are relative to the settings file, as Pelican makes PATH and
THEME; THEME_TEMPLATES_OVERRIDES too (Pelican would take them from the
current folder).
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import resources
from .errors import SettingsMissing

ENVIRONMENT = "VETRINA_SETTINGS"


@dataclass(frozen=True)
class SiteSettings:
    file: Path
    theme: Path  # THEME: templates/ and static/
    overrides: tuple[Path, ...]  # THEME_TEMPLATES_OVERRIDES
    content: Path  # PATH: pages/ holds the hand-written pages
    # Everything Pelican read (JINJA_ENVIRONMENT, JINJA_FILTERS, DATE_FORMATS…),
    # and when the file was: another version of it is other settings (the
    # template environment is made once per settings).
    pelican: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    stamp: int = 0

    @property
    def templates(self) -> tuple[Path, ...]:
        """Where templates are looked for, first match wins."""
        return (*self.overrides, self.theme / "templates")

    @property
    def static_dir(self) -> str:
        """THEME_STATIC_DIR: the output folder of the theme's static files
        (Pelican's default "theme"; ours says "static"). Their names carry a
        hash of their bytes, so the folder is cached for a year."""
        return self.pelican.get("THEME_STATIC_DIR", "theme").strip("/")

    @property
    def pages(self) -> Path:
        return self.content / "pages"

    @classmethod
    def from_pelican(cls, settings: dict, file: Path, stamp: int = 0) -> SiteSettings:
        """From what `pelican.settings.read_settings(file)` gave."""
        folder = file.parent
        return cls(
            file=file,
            theme=Path(settings["THEME"]),
            overrides=tuple(
                folder / path for path in settings.get("THEME_TEMPLATES_OVERRIDES", ())
            ),
            content=Path(settings["PATH"]),
            pelican=settings,
            stamp=stamp,
        )


def settings_file(given: str | Path | None = None) -> Path:
    """The settings file: `given`, else $VETRINA_SETTINGS, else the default."""
    chosen = given or os.environ.get(ENVIRONMENT)
    return Path(chosen).resolve() if chosen else resources.settings_file()


def load(file: Path | None = None) -> SiteSettings:
    """Read a settings file with Pelican (the default when None); read again
    once the file changed (`pelican --autoreload` while it is edited)."""
    file = settings_file(file)
    if not file.is_file():
        raise SettingsMissing(
            f"no Pelican settings file at {file}: check --settings or {ENVIRONMENT}"
        )
    return _read(file, file.stat().st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _read(file: Path, stamp: int) -> SiteSettings:
    from pelican.settings import read_settings

    return SiteSettings.from_pelican(read_settings(str(file)), file, stamp)
