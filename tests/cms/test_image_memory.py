"""One image upload raises the CMS process's peak memory by less than 256 MB
(issue 16, item 3): a 250 KB PNG of 8000×8000 pixels took it from 190 MB to
2.3 GB. Each upload runs in a fresh process, which reads its own peak before
and after the admin's multiple upload handles the file: Linux's VmHWM, the
high-water mark of the process's memory (`ru_maxrss` would not do: it carries
over the peak of the pytest process that forked it)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cms.core.images import max_pixels
from tests.cms.image_files import flat_png, photo

ROOT = Path(__file__).resolve().parents[2]
BOUND_MB = 256

UPLOAD = """
import json, os
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from wagtail.models import Collection
from tests.cms.image_files import photo

def peak_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024

def upload(client, name, data):
    first = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile(name, data)},
    ).json()
    if "uploaded_file_id" not in first:
        return first
    waiting = first["uploaded_file_id"]
    prefix = f"uploaded-image-{waiting}"
    return client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[waiting]),
        {
            f"{prefix}-title": name,
            f"{prefix}-alt_text": "Una foto",
            f"{prefix}-collection": Collection.get_first_root_node().pk,
        },
    ).json()

with transaction.atomic():
    client = Client(headers={"accept-language": "en"})
    client.force_login(get_user_model().objects.create_superuser("memoria", "", "x"))
    # Imports, templates and the first renditions cost what they cost once.
    assert upload(client, "warm-up.png", photo("PNG", (600, 400)))["success"]
    path = os.environ["UPLOAD_FILE"]
    with open(path, "rb") as file:
        data = file.read()
    before = peak_mb()
    answer = upload(client, os.path.basename(path), data)
    print(json.dumps({"grew_mb": peak_mb() - before, "answer": answer}))
    transaction.set_rollback(True)
"""


def largest(image_format: str) -> tuple[int, int]:
    """The largest 3:2 picture the limits accept in `image_format`."""
    limit = max_pixels(image_format)
    width = int((limit * 3 / 2) ** 0.5)
    return width, limit // width


def upload_in_fresh_process(database_url: str, tmp_path: Path, name: str, data):
    path = tmp_path / name
    path.write_bytes(data)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", UPLOAD],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": database_url,
            "VETRINA_TEST_MEDIA": str(tmp_path / "media"),
            "UPLOAD_FILE": str(path),
        },
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_small_png_of_huge_size_is_refused_without_decoding(database_url, tmp_path):
    data = flat_png(8000, 8000)
    assert len(data) < 300_000

    measured = upload_in_fresh_process(database_url, tmp_path, "bomba.png", data)

    answer = measured["answer"]
    assert answer["success"] is False
    assert "8000×8000 pixels, 64.0 megapixels" in answer["error_message"]
    assert measured["grew_mb"] < 20, measured


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("largest.png", lambda size: flat_png(*size)),
        ("largest.jpg", lambda size: photo("JPEG", size, mode="CMYK")),
        ("largest.webp", lambda size: photo("WEBP", size)),
        ("largest.avif", lambda size: photo("AVIF", size)),
    ],
)
def test_the_largest_image_accepted_stays_within_the_bound(
    database_url, tmp_path, name, make
):
    """Re-encoded, stored and its three renditions made, in four bytes a pixel
    (RGBA, or CMYK for JPEG), the most any decoder gives."""
    image_format = {"png": "PNG", "jpg": "JPEG", "webp": "WEBP", "avif": "AVIF"}
    size = largest(image_format[name.rsplit(".", 1)[1]])

    measured = upload_in_fresh_process(database_url, tmp_path, name, make(size))

    assert measured["answer"]["success"] is True, measured["answer"]
    assert measured["grew_mb"] < BOUND_MB, measured
