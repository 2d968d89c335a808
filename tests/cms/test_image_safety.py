"""Images reach storage only as clean re-encodings within the limits, by every path
(issue 16, items 3 and 4): the admin's single and multiple upload and code."""

import hashlib
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, ImageCms
from wagtail.models import Collection, UploadedFile

from cms.core.images import max_pixels
from cms.core.models import CustomImage
from tests.cms.image_files import (
    CAMERA,
    SCRIPT,
    flat_png,
    jpeg_with_metadata,
    photo,
    png_polyglot,
    stored_files,
)

pytestmark = pytest.mark.django_db

METADATA = {"exif", "xmp", "XML:com.adobe.xmp", "comment", "Comment", "Author"}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def client(admin_client):
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return admin_client


def start_multiple_upload(client, name: str, data: bytes) -> dict:
    """The multiple uploader's first request: the file alone."""
    upload = SimpleUploadedFile(name, data)
    response = client.post(reverse("wagtailimages:add_multiple"), {"files[]": upload})
    assert response.status_code == 200
    return response.json()


def via_multiple_upload(client, name: str, data: bytes) -> CustomImage:
    """The multiple uploader, as the browser drives it: the file, then the
    title and alt text it asks for."""
    waiting = start_multiple_upload(client, name, data)["uploaded_file_id"]
    prefix = f"uploaded-image-{waiting}"
    response = client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[waiting]),
        {
            f"{prefix}-title": "Foto",
            f"{prefix}-alt_text": "Una foto",
            f"{prefix}-collection": Collection.get_first_root_node().pk,
        },
    )
    answer = response.json()
    assert answer["success"], answer
    return CustomImage.objects.get(pk=answer["image_id"])


def via_single_upload(client, name: str, data: bytes) -> CustomImage:
    file = SimpleUploadedFile(name, data)
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Foto", "alt_text": "Una foto", "file": file},
    )
    assert response.status_code == 302, response.context["form"].errors
    return CustomImage.objects.get()


def via_model(client, name: str, data: bytes) -> CustomImage:
    image = CustomImage(title="Foto", alt_text="Una foto", file=ContentFile(data, name))
    image.save()
    return image


PATHS = [via_multiple_upload, via_single_upload, via_model]
FILES = {"foto.jpg": jpeg_with_metadata, "pagina.png": png_polyglot}


def read(image: CustomImage) -> bytes:
    with image.open_file() as file:
        return file.read()


def assert_clean(data: bytes) -> None:
    """No byte of the upload's metadata or payload: only a picture."""
    assert CAMERA.encode() not in data
    assert b"<script" not in data and b"<html" not in data
    with Image.open(io.BytesIO(data)) as image:
        image.load()  # PNG text after the picture is read with it
        assert not image.getexif()
        assert not METADATA & set(image.info)
        if image.format == "PNG":
            assert data.endswith(b"IEND\xaeB`\x82"), "bytes after the image's end"
        else:
            assert data.endswith(b"\xff\xd9"), "bytes after the image's end"


@pytest.mark.parametrize("path", PATHS, ids=lambda path: path.__name__)
@pytest.mark.parametrize("name", FILES)
def test_every_path_stores_a_clean_copy(client, media, path, name):
    image = path(client, name, FILES[name]())

    data = read(image)
    assert_clean(data)
    assert image.file_size == len(data)
    assert image.file_hash == hashlib.sha1(data).hexdigest()  # noqa: S324 Wagtail's
    with Image.open(io.BytesIO(data)) as stored:
        assert stored.size == (image.width, image.height)
    for stored_name, content in stored_files(media).items():
        assert CAMERA.encode() not in content, stored_name
        assert SCRIPT not in content, stored_name


@pytest.mark.parametrize("path", PATHS, ids=lambda path: path.__name__)
def test_orientation_is_applied_to_the_original_and_its_renditions(client, media, path):
    image = path(client, "foto.jpg", jpeg_with_metadata(size=(1200, 800)))

    assert (image.width, image.height) == (800, 1200)
    rendition = image.get_rendition("width-480|format-webp")
    assert (rendition.width, rendition.height) == (480, 720)


def test_the_multiple_uploader_keeps_no_raw_upload_while_it_waits(client, media):
    """The file waits in storage while the editor writes the alt text."""
    start_multiple_upload(client, "foto.jpg", jpeg_with_metadata())

    waiting = UploadedFile.objects.get()
    with waiting.file.open("rb") as file:
        assert_clean(file.read())


def test_saving_again_without_a_new_file_keeps_the_stored_one(client, media):
    image = via_model(client, "foto.jpg", jpeg_with_metadata())
    name, data = image.file.name, read(image)

    image.title = "Un altro titolo"
    image.save()
    response = client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": "Titolo", "alt_text": "Una foto", "collection": image.collection_id},
    )
    assert response.status_code == 302

    image = CustomImage.objects.get()
    assert image.file.name == name and read(image) == data
    assert image.title == "Titolo"
    assert list(stored_files(media / "original_images")) == [name.split("/", 1)[1]]


def test_a_replaced_file_is_cleaned_too(client, media):
    image = via_model(client, "pagina.png", png_polyglot())

    response = client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {
            "title": "Foto",
            "alt_text": "Una foto",
            "collection": image.collection_id,
            "file": SimpleUploadedFile("foto.jpg", jpeg_with_metadata()),
        },
    )

    assert response.status_code == 302
    image = CustomImage.objects.get()
    data = read(image)
    assert_clean(data)
    assert (image.width, image.height, image.file_size) == (800, 1200, len(data))
    assert list(stored_files(media / "original_images")) == [
        image.file.name.split("/", 1)[1]
    ]


def test_a_colour_profile_is_kept_only_if_it_is_one(media):
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    for profile, kept in ((srgb, True), (b"<html>" + SCRIPT + b"</html>", False)):
        out = io.BytesIO()
        Image.new("RGB", (400, 300), "red").save(out, "JPEG", icc_profile=profile)
        image = via_model(None, "foto.jpg", out.getvalue())
        with Image.open(io.BytesIO(read(image))) as stored:
            assert (stored.info.get("icc_profile") == profile) is kept


# The limits, on every path


BOMB = "8000×8000"


def test_the_single_upload_form_names_the_size_of_too_many_pixels(client, media):
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Foto",
            "alt_text": "Una foto",
            "file": SimpleUploadedFile("bomba.png", flat_png(8000, 8000)),
        },
    )

    assert response.status_code == 200
    error = response.context["form"].errors["file"][0]
    assert BOMB in error and "64.0 megapixels" in error and "24.0" in error
    assert not CustomImage.objects.exists() and not stored_files(media)


def test_the_multiple_uploader_refuses_too_many_pixels(client, media):
    answer = start_multiple_upload(client, "bomba.png", flat_png(8000, 8000))

    assert answer["success"] is False
    assert BOMB in answer["error_message"]
    assert not UploadedFile.objects.exists() and not stored_files(media)


def test_code_cannot_store_what_the_forms_refuse(media):
    for data, message in (
        (flat_png(8000, 8000), BOMB),
        (flat_png(150, 400), "at least 200"),
        (flat_png(8100, 300), "at most 8000"),
        (b"<html>" + SCRIPT, "not an image"),
    ):
        image = CustomImage(title="Foto", alt_text="x", file=ContentFile(data, "a.png"))
        with pytest.raises(ValidationError) as model_validation:
            image.full_clean()
        assert message in str(model_validation.value.message_dict["file"])
        with pytest.raises(ValidationError, match=message):
            image.save()
    assert not CustomImage.objects.exists() and not stored_files(media)


def test_webp_and_avif_have_their_own_smaller_pixel_limits(client, media):
    over = max_pixels("WEBP") + 500_000
    data = photo("WEBP", (over // 2000, 2000))

    answer = start_multiple_upload(client, "foto.webp", data)

    assert answer["success"] is False
    assert "a WEBP may have at most 6.0 megapixels" in answer["error_message"]


def test_pillow_refuses_to_decode_past_twice_the_limit_anywhere(settings):
    """The backstop for a decoder that never asked us: Pillow's own guard."""
    limit = settings.VETRINA_IMAGE_LIMITS["MAX_PIXELS"]
    assert limit == Image.MAX_IMAGE_PIXELS == settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    with pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(flat_png(8000, 8000)))
