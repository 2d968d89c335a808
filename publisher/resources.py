"""The files the publisher reads at run time, found through importlib.resources.

They ship in the wheel as data packages of the `vetrina` namespace (setup.py):
`vetrina.site` (the Pelican settings), `vetrina.themes`, `vetrina.translations`,
`vetrina.content` (the hand-written pages) and `vetrina.leaflet` (the map's
script, from npm). An editable install maps the same names onto the checkout.
A site of its own overrides the theme and the pages through Pelican's settings
(THEME, THEME_TEMPLATES_OVERRIDES, PATH: see publisher/settings.py), not here.
"""

from __future__ import annotations

from pathlib import Path

# The backport, not the standard library's: Python 3.11 cannot read a namespace
# package whose path holds an editable install's placeholder.
from importlib_resources import files

from .errors import PublishError


class ResourceMissing(PublishError):
    """A file the wheel should carry is not there: a broken install."""


def _shipped(package: str, name: str) -> Path:
    """A file or folder of a data package, as a real path.

    A data package has no `__init__.py`: importlib.resources gives it as a
    namespace, whose children (not the namespace itself) are paths on disk.
    Zip-safety is not a goal: Pelican and Jinja read folders.
    """
    try:
        path = files(package) / name
    except ModuleNotFoundError:
        path = None
    if not isinstance(path, Path) or not path.exists():
        raise ResourceMissing(
            f"{package} has no {name}: reinstall Vetrina "
            "(from a checkout, run `npm ci` first: the wheel carries Leaflet)."
        )
    return path


def settings_file() -> Path:
    """The default Pelican settings (site/publishconf.py)."""
    return _shipped("vetrina.site", "publishconf.py")


def theme() -> Path:
    """The default theme (themes/vetrina/)."""
    return _shipped("vetrina.themes", "vetrina")


def content() -> Path:
    """Pelican's default PATH: `pages/<lang>/` holds the hand-written pages."""
    return _shipped("vetrina.content", "pages").parent


def translations() -> Path:
    """The theme's gettext catalogs: `<lang>/LC_MESSAGES/messages.po`."""
    return _shipped("vetrina.translations", "messages.pot").parent


def leaflet() -> Path:
    """Leaflet's `dist/` folder: script, stylesheet, images."""
    return _shipped("vetrina.leaflet", "leaflet.js").parent
