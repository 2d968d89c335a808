"""The wheel's packages: the code, and the Pelican project's folders as data.

What the code reads at run time ships in the wheel and is found through
importlib.resources (publisher/resources.py). The repository keeps the Pelican
project at the top level (site/, themes/, translations/, content/pages/) and
Leaflet in node_modules/ (`npm ci`); the wheel carries each folder as a data
package of the `vetrina` namespace, and an editable install maps the same
names onto the checkout, so both find them the same way. Everything else
(metadata, dependencies) is in pyproject.toml.
"""

from pathlib import Path

from setuptools import find_packages, setup

DATA_PACKAGES = {
    "vetrina.site": "site",
    "vetrina.themes": "themes",
    "vetrina.translations": "translations",
    "vetrina.content": "content",
    "vetrina.leaflet": "node_modules/leaflet/dist",
}

missing = [path for path in DATA_PACKAGES.values() if not Path(path).is_dir()]
if missing:
    raise SystemExit(
        f"{', '.join(missing)} missing: run `npm ci` first (the package carries "
        "Leaflet, which the map pages serve)."
    )

setup(
    packages=[*find_packages(include=["cms*", "publisher*"]), *DATA_PACKAGES],
    package_dir=DATA_PACKAGES,
    package_data={
        "cms": ["**/templates/**/*", "**/static/**/*", "locale/*/LC_MESSAGES/*"],
        "vetrina.site": ["*.py"],
        "vetrina.themes": ["**/*"],
        "vetrina.translations": ["messages.pot", "*/LC_MESSAGES/*.po"],
        "vetrina.content": ["pages/*/*.md", "pages/*/*.rst"],
        "vetrina.leaflet": ["leaflet.js", "leaflet.css", "images/*.png"],
    },
    include_package_data=False,
)
