"""Upload a built territory to Netlify with the file-digest deploy API.

Netlify is told the SHA-1 of every file; it answers with the digests it does
not already have, and only those files are uploaded. After one edit that is a
handful of small files, so a production publish takes seconds, where a build
hook starts a cold build on Netlify's side. Protocol:
https://docs.netlify.com/api/get-started/#file-digest-method
"""

from __future__ import annotations

import hashlib
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import requests

from .errors import PublishError

NETLIFY_API = "https://api.netlify.com/api/v1"


class DeployFailed(PublishError):
    pass


@dataclass
class DeployResult:
    deploy_id: str
    files: int
    uploaded: int
    url: str = ""


def digests(site: Path) -> dict[str, str]:
    """`/path` → SHA-1 of every file Netlify should serve (dotfiles excluded)."""
    found = {}
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site)
        if path.is_file() and not any(p.startswith(".") for p in relative.parts):
            found["/" + relative.as_posix()] = hashlib.sha1(
                path.read_bytes(), usedforsecurity=False
            ).hexdigest()
    return found


def deploy(
    site: Path,
    site_id: str,
    token: str,
    *,
    api: str = NETLIFY_API,
    progress: Callable[[str], None] = lambda message: None,
    on_created: Callable[[str], None] = lambda deploy_id: None,
    timeout: float = 60,
) -> DeployResult:
    """Create a deploy of `site` and upload only the files Netlify lacks.

    `on_created` hears the deploy's id before any upload, so whoever waits for
    Netlify's notification about it can recognise it when it comes.
    """
    if not site_id or not token:
        raise DeployFailed(
            "Netlify deploys need the territory's Netlify site ID and the "
            "NETLIFY_AUTH_TOKEN environment variable."
        )
    files = digests(site)
    by_digest: dict[str, list[str]] = {}
    for name, digest in files.items():
        by_digest.setdefault(digest, []).append(name)

    session = requests.Session()
    session.headers.update(
        {"Authorization": f"Bearer {token}", "User-Agent": "Vetrina publisher"}
    )

    def call(method: str, path: str, **kwargs: object) -> dict:
        try:
            response = session.request(
                method, api.rstrip("/") + path, timeout=timeout, **kwargs
            )
        except requests.RequestException as error:
            raise DeployFailed(f"Netlify is unreachable ({error})") from None
        if response.status_code >= 400:
            raise DeployFailed(
                f"Netlify refused {method} {path}: HTTP {response.status_code} "
                f"{response.text[:300]}"
            )
        return response.json() if response.content else {}

    created = call(
        "POST", f"/sites/{urllib.parse.quote(site_id)}/deploys", json={"files": files}
    )
    deploy_id = created["id"]
    on_created(deploy_id)
    required = created.get("required", [])
    progress(f"netlify: {len(files)} files, {len(required)} to upload")
    uploaded = 0
    for digest in required:
        for name in by_digest.get(digest, [])[:1]:  # one upload per digest
            call(
                "PUT",
                f"/deploys/{deploy_id}/files{urllib.parse.quote(name)}",
                data=(site / name.lstrip("/")).read_bytes(),
                headers={"Content-Type": "application/octet-stream"},
            )
            uploaded += 1
    return DeployResult(
        deploy_id,
        len(files),
        uploaded,
        created.get("ssl_url") or created.get("url", ""),
    )
