"""Guessing passwords, weak passwords, production flags and security headers."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import F
from django.test import Client
from PIL import Image

from cms.throttle.limits import prune
from cms.throttle.models import Allowance, LoginAttempt
from tests.cms.test_settings import run_manage

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user(
        "maria", password=PASSWORD, is_superuser=True
    )


def log_in(client, password):
    return client.post("/admin/login/", {"username": "maria", "password": password})


@pytest.mark.database
def test_five_wrong_passwords_lock_the_user_out_then_the_lock_expires(user):
    client = Client(headers={"accept-language": "en"})
    for _attempt in range(5):
        assert log_in(client, "wrong").status_code == 200
    refused = log_in(client, PASSWORD)
    assert refused.status_code == 200  # even the right password, for now
    assert "Too many wrong passwords" in refused.content.decode()
    assert "_auth_user_id" not in client.session

    italian = log_in(Client(headers={"accept-language": "it"}), PASSWORD)
    assert "Troppe password sbagliate" in italian.content.decode()

    # Fifteen minutes after the last counted failure, the lock is gone.
    Allowance.objects.update(
        last_used=F("last_used") - timedelta(minutes=15, seconds=1)
    )
    assert log_in(client, PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.database
def test_the_lock_is_per_address_and_a_success_clears_the_count(user):
    for _attempt in range(4):
        log_in(Client(), "wrong")
    assert log_in(Client(), PASSWORD).status_code == 302  # count cleared
    for _attempt in range(5):
        log_in(Client(), "wrong")
    elsewhere = Client(REMOTE_ADDR="203.0.113.7")
    assert log_in(elsewhere, PASSWORD).status_code == 302


@pytest.mark.database
def test_behind_a_proxy_the_lock_follows_the_visitor_not_the_proxy(user, settings):
    settings.VETRINA_PROXY_COUNT = 1

    def visitor(address: str, forged: str = "") -> Client:
        chain = f"{forged}, {address}" if forged else address
        return Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=chain)

    for attempt in range(5):
        # A guesser cannot dodge the lock by writing addresses of their own.
        log_in(visitor("198.51.100.9", forged=f"192.0.2.{attempt}"), "wrong")
    assert log_in(visitor("198.51.100.9"), PASSWORD).status_code == 200
    assert log_in(visitor("203.0.113.7"), PASSWORD).status_code == 302


@pytest.mark.database
def test_a_locked_user_is_refused_by_the_backend_too(user, rf):
    from django.contrib.auth import authenticate

    request = rf.post("/admin/login/")
    for _attempt in range(5):
        assert authenticate(request, username="maria", password="wrong") is None
    assert authenticate(request, username="maria", password=PASSWORD) is None


@pytest.mark.parametrize(
    "weak", ["short-pw", "password1234", "12345678901234", "maria.rossi.2026"]
)
def test_weak_passwords_are_refused(django_user_model, weak):
    person = django_user_model(username="maria.rossi", email="maria.rossi@x.org")
    with pytest.raises(ValidationError):
        validate_password(weak, person)
    validate_password("lampione-barocco-7-fontane", person)


def test_production_cookies_hsts_and_headers(tmp_path):
    script = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SESSION_COOKIE_HTTPONLY,"
        " s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_SSL_REDIRECT,"
        " s.LANGUAGE_COOKIE_SECURE, s.X_FRAME_OPTIONS)"
    )
    result = run_manage(
        "shell",
        "-c",
        script,
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="cms.example.org",
        WAGTAILADMIN_BASE_URL="https://cms.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == ["True"] * 6 + ["DENY"]


def test_admin_responses_carry_security_headers(admin_client):
    response = admin_client.get("/admin/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_login_form_needs_its_csrf_token(user):
    client = Client(enforce_csrf_checks=True)
    assert log_in(client, PASSWORD).status_code == 403


def upload(admin_client, image: Image.Image, name="foto.jpg", **save):
    buffer = io.BytesIO()
    image.save(buffer, format=save.pop("format", "JPEG"), **save)
    file = SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")
    return admin_client.post(
        "/admin/images/add/",
        {"title": "Foto", "alt_text": "Una foto", "file": file},
        headers={"accept-language": "en"},
    )


def test_uploaded_images_lose_their_metadata_and_keep_their_orientation(
    admin_client,
):
    from cms.core.models import CustomImage

    exif = Image.Exif()
    exif[0x0112] = 6  # rotated: stored 400×300, shown 300×400
    exif[0x010F] = "Camera"
    exif[0x8825] = {2: (40.0, 21.0, 7.0)}  # GPS latitude
    photo = Image.new("RGB", (400, 300), "red")
    response = upload(admin_client, photo, exif=exif, comment=b"secret")
    assert response.status_code == 302, response.content[:500]
    image = CustomImage.objects.get()
    assert (image.width, image.height) == (300, 400)
    with image.open_file() as f, Image.open(f) as stored:
        assert not stored.getexif()
        assert "comment" not in stored.info and "exif" not in stored.info
    assert image.file_size == image.file.size


@pytest.mark.parametrize(
    ("size", "message"),
    [((150, 400), "at least 200"), ((8100, 300), "at most 8000")],
)
def test_images_too_small_or_too_big_are_refused(admin_client, size, message):
    response = upload(admin_client, Image.new("RGB", size, "blue"))
    assert response.status_code == 200
    assert message in response.context["form"].errors["file"][0]


def test_a_renamed_file_is_not_taken_for_an_image(admin_client):
    file = SimpleUploadedFile("foto.jpg", b"<script>alert(1)</script>")
    response = admin_client.post(
        "/admin/images/add/", {"title": "Foto", "alt_text": "x", "file": file}
    )
    assert response.status_code == 200
    assert "file" in response.context["form"].errors


def test_administrators_read_the_trail_and_unlock_a_blocked_user(
    user, django_user_model
):
    guesser = Client(REMOTE_ADDR="198.51.100.9")
    for _attempt in range(6):
        log_in(guesser, "wrong")
    admin = Client(headers={"accept-language": "en"})
    django_user_model.objects.create_superuser("admin", password=PASSWORD + "!")
    admin.login(username="admin", password=PASSWORD + "!")

    page = admin.get("/admin/login-attempts/").content.decode()
    blocked = page.split("Blocked now")[1].split("</section>")[0]
    assert "maria" in blocked and "198.51.100.9" in blocked
    assert page.count("wrong password") >= 5 and "refused" in page

    unlocked = admin.post(
        "/admin/login-attempts/unlock/",
        {"username": "maria", "address": "198.51.100.9"},
        follow=True,
    )
    assert "maria may log in again" in unlocked.content.decode()
    assert log_in(guesser, PASSWORD).status_code == 302
    trail = LoginAttempt.objects.filter(username="maria").values_list("outcome", "by")
    assert ("unlocked", "admin") in trail and ("succeeded", "") in trail


def test_others_neither_read_the_trail_nor_unlock(user, django_user_model):
    editor = django_user_model.objects.create_user("ed", password=PASSWORD)
    editor.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.login(username="ed", password=PASSWORD)
    assert client.get("/admin/login-attempts/").status_code == 302  # to the home
    client.post("/admin/login-attempts/unlock/", {"username": "maria"})
    assert not LoginAttempt.objects.filter(outcome="unlocked").exists()


@pytest.mark.database
def test_the_daily_prune_forgets_old_tries_and_keeps_recent_ones(user):
    log_in(Client(), "wrong")
    LoginAttempt.objects.create(username="old", outcome="failed")
    LoginAttempt.objects.filter(username="old").update(at=F("at") - timedelta(days=91))
    Allowance.objects.update(last_used=F("last_used") - timedelta(days=2))

    assert prune() == 2
    assert list(LoginAttempt.objects.values_list("username", flat=True)) == ["maria"]
    assert not Allowance.objects.exists()
