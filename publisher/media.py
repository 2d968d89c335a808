"""Rendition images, downloaded once into a cache and served from the site itself.

Files are named by the hash of their bytes, so a cached file never needs
checking again and the output can be cached forever by the CDN.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import requests

from .snapshot import Snapshot

# What every platform and mail client shows; WebP is for the pages' srcsets.
SHAREABLE = ("jpeg", "png")


# A page's image fields, each with the page's own alt text beside it.
IMAGE_FIELDS = ("hero_image", "image")


def alt_text(page: Mapping[str, Any], image_id: int | None, image: dict) -> str:
    """What `page` says its image shows: the page's own words for its hero
    image or an offer's image (copied from the image library and translated
    with the page), else the library's, which are in the CMS's default
    language (`image["lang"]`)."""
    for field in IMAGE_FIELDS:
        if image_id is not None and image_id == page.get(field):
            return page.get(f"{field}_alt") or image.get("alt", "")
    return image.get("alt", "")


def served_renditions(image: dict, media: dict[str, str]) -> list[tuple[str, dict]]:
    """(URL on the site, rendition) of an image's renditions this build serves,
    narrowest first."""
    served = [
        (media[r["url"]], r) for r in image.get("renditions", []) if r["url"] in media
    ]
    return sorted(served, key=lambda s: (s[1]["width"], s[0]))


def for_sharing(
    image: dict, media: dict[str, str], width: int = 1200
) -> tuple[str, dict] | None:
    """The rendition to share (og:image, feeds, the newsletter): a JPEG or PNG
    when the CMS made one (its social crop), else the narrowest rendition at
    least `width` wide, else the widest."""
    served = served_renditions(image, media)
    if not served:
        return None
    shareable = [s for s in served if s[1].get("format") in SHAREABLE] or served
    return next((s for s in shareable if s[1]["width"] >= width), shareable[-1])


def rendition_urls(snapshot: Snapshot) -> set[str]:
    urls: set[str] = set()
    images: list[dict] = []
    for page in snapshot.pages:
        images.extend(page.get("media", {}).get("images", {}).values())
    if snapshot.territory.get("logo"):
        images.append(snapshot.territory["logo"])
    for image in images:
        urls.update(r["url"] for r in image.get("renditions", []))
    return urls


def _cache_name(url: str) -> str:
    return hashlib.sha256(url.encode()).hexdigest()[:24]


def download(
    urls: Iterable[str],
    cache: Path,
    warn: Callable[[str], None] = print,
    session: requests.Session | None = None,
) -> dict[str, Path]:
    """Map each URL to a cached file; a failed download is a warning, not a crash."""
    cache.mkdir(parents=True, exist_ok=True)
    index_dir = cache / "by-url"
    index_dir.mkdir(exist_ok=True)
    session = session or requests.Session()

    def fetch(url: str) -> tuple[str, Path | None]:
        pointer = index_dir / _cache_name(url)
        if pointer.exists():
            target = cache / pointer.read_text().strip()
            if target.exists():
                return url, target
        for _attempt in range(3):
            try:
                response = session.get(url, timeout=30)
            except requests.RequestException:
                continue
            if response.status_code == 200 and response.content:
                digest = hashlib.sha256(response.content).hexdigest()[:16]
                suffix = Path(url.split("?")[0]).suffix.lower() or ".img"
                target = cache / f"{digest}{suffix}"
                if not target.exists():  # several URLs may share the same bytes
                    tmp = target.with_name(f"{target.name}.{uuid.uuid4().hex}.part")
                    tmp.write_bytes(response.content)
                    tmp.replace(target)
                pointer.write_text(target.name)
                return url, target
            if response.status_code < 500:
                break
        warn(f"image {url} could not be downloaded: it is left out of the pages")
        return url, None

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = dict(pool.map(fetch, sorted(set(urls))))
    return {url: path for url, path in results.items() if path is not None}
