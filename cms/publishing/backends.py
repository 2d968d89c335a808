"""Where a rebuild goes, chosen in settings like Wagtail's frontend-cache backends.

    VETRINA_PUBLISH_BACKEND = {
        "BACKEND": "cms.publishing.backends.LocalBuilder",
        "OPTIONS": {...},
    }

- `LocalBuilder` (dev, demo): runs the publisher against this CMS's API and
  refreshes `dist/`; the build swaps in atomically, so a failure keeps the
  previous site.
- `NetlifyBuildHook`: POSTs the territory's secret build hook; Netlify then
  builds from cold, so it is the slow path; its deploy notifications report back.
- `NetlifyDeploy` (production): builds incrementally next to the CMS and uploads
  only the changed files through Netlify's file-digest API.
- `NoopBackend`: records a build and does nothing (tests that do not build).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import requests
from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

if TYPE_CHECKING:
    from cms.territories.models import TerritorySettings

    from .models import Build

# Without VETRINA_DIST_DIR and VETRINA_CONTENT_DIR: beside a checkout's code,
# or in the data folder of an installed CMS.
WORK = settings.CHECKOUT or settings.DATA_DIR


class PublishFailed(Exception):
    """A build or deploy failed; the message is written for editors."""


class PublishBackend:
    """Publish one territory; fill in `build` (pages, status, message)."""

    def __init__(self, **options: object) -> None:
        self.options = options

    @property
    def name(self) -> str:
        return type(self).__name__

    def publish(self, territory: TerritorySettings, build: Build) -> None:
        raise NotImplementedError


class NoopBackend(PublishBackend):
    def publish(self, territory: TerritorySettings, build: Build) -> None:
        build.status = build.Status.SUCCEEDED


class LocalBuilder(PublishBackend):
    """Run `vetrina build` for one territory in this process's worker."""

    def output_dir(self) -> Path:
        return Path(self.options.get("OUT") or WORK / "dist")

    def publish(self, territory: TerritorySettings, build: Build) -> None:
        from publisher.build import BuildOptions
        from publisher.build import build as run_build
        from publisher.errors import PublishError

        options = BuildOptions(
            api=str(self.options.get("API_URL") or settings.WAGTAILAPI_BASE_URL),
            out=self.output_dir(),
            content=Path(self.options.get("CONTENT") or WORK / "content"),
            territories=[territory.slug],
            build_date=timezone.localdate().isoformat(),
            jobs=int(self.options.get("JOBS") or 2),
            allow_local_links=bool(self.options.get("ALLOW_LOCAL_LINKS")),
        )
        lines: list[str] = []
        try:
            [report] = run_build(options, progress=lines.append)
        except PublishError as error:
            raise PublishFailed(str(error)) from None
        build.pages = report.pages
        build.status = build.Status.SUCCEEDED
        if report.problems:
            build.message = "\n".join(
                [f"{len(report.problems)} item(s) were left out:"]
                + [str(problem) for problem in report.problems]
            )


class NetlifyBuildHook(PublishBackend):
    """Ask Netlify to build; its deploy notification says how it ended."""

    def publish(self, territory: TerritorySettings, build: Build) -> None:
        if not territory.build_hook_url:
            raise PublishFailed(
                f"{territory.slug} has no Netlify build hook: add it in "
                "Settings → Territory settings → Publishing."
            )
        try:
            response = requests.post(territory.build_hook_url, json={}, timeout=30)
        except requests.RequestException as error:
            raise PublishFailed(f"Netlify is unreachable: {error}") from None
        if response.status_code >= 400:
            raise PublishFailed(
                f"Netlify refused the build hook (HTTP {response.status_code}): "
                "check the hook address in the territory settings."
            )
        build.status = build.Status.DEPLOYING


class NetlifyDeploy(LocalBuilder):
    """Build here, incrementally, then upload only what changed to Netlify."""

    def publish(self, territory: TerritorySettings, build: Build) -> None:
        from publisher.deploy import NETLIFY_API, deploy
        from publisher.errors import PublishError

        super().publish(territory, build)
        token = str(
            self.options.get("TOKEN") or os.environ.get("NETLIFY_AUTH_TOKEN", "")
        )

        def remember(deploy_id: str) -> None:
            build.deploy_id = deploy_id
            type(build).objects.filter(pk=build.pk).update(deploy_id=deploy_id)

        try:
            result = deploy(
                self.output_dir() / territory.slug,
                territory.netlify_site_id,
                token,
                api=str(self.options.get("NETLIFY_API") or NETLIFY_API),
                on_created=remember,
            )
        except PublishError as error:
            raise PublishFailed(str(error)) from None
        build.deploy_url = result.url
        # Netlify's notification may have come in while the files went up.
        reported = type(build).objects.get(pk=build.pk).status
        build.status = (
            reported if reported != build.Status.RUNNING else build.Status.DEPLOYING
        )
        build.message = "\n".join(
            filter(
                None,
                [f"{result.uploaded} of {result.files} files uploaded.", build.message],
            )
        )


def get_backend() -> PublishBackend:
    config = getattr(
        settings,
        "VETRINA_PUBLISH_BACKEND",
        {"BACKEND": "cms.publishing.backends.LocalBuilder"},
    )
    backend_class = import_string(config["BACKEND"])
    return backend_class(**config.get("OPTIONS", {}))
