"""Limits that hold under a parallel burst: real HTTP requests, all at once,
against the live test server, each thread on its own database connection.

The in-memory SQLite of the SQLite pass shares one connection between the
live server's threads, so these run in `make test`'s PostgreSQL pass, the
production database. The counts are in the database, not the cache (see
cms/throttle/models.py), so the cache backend plays no part.
"""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core import mail
from django.db import connection

from cms.owners.models import SignupRequest
from cms.throttle.models import LoginAttempt
from tests.cms.test_signup import form_data, make_editor

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "correct-horse-battery-staple"
BURST = 25
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class CountingHasher(PBKDF2PasswordHasher):
    """A real, slow-enough hash (some 30 ms) that counts the passwords it checks."""

    iterations = 60_000
    checked = 0
    _lock = threading.Lock()

    def verify(self, password, encoded):
        with CountingHasher._lock:
            CountingHasher.checked += 1
        return super().verify(password, encoded)


@pytest.fixture(autouse=True)
def connections_per_thread():
    if connection.vendor == "sqlite":
        pytest.skip("needs a connection per thread: runs in the PostgreSQL pass")


@pytest.fixture
def maria(django_user_model, settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    user = django_user_model.objects.create_user(
        "maria", "maria@lecce.test", PASSWORD, is_superuser=True
    )
    CountingHasher.checked = 0
    return user


def burst(url: str, forms: list[dict]) -> list[requests.Response]:
    """Each form posted by its own browser, all released at the same instant."""
    start = threading.Barrier(len(forms))

    def post(data: dict) -> requests.Response:
        browser = requests.Session()
        browser.headers["Accept-Language"] = "en"
        page = browser.get(url, timeout=30)
        data = {**data, "csrfmiddlewaretoken": TOKEN.search(page.text).group(1)}
        start.wait(timeout=30)
        return browser.post(url, data, allow_redirects=False, timeout=60)

    with ThreadPoolExecutor(len(forms)) as pool:
        return list(pool.map(post, forms))


def login(username: str, password: str) -> dict:
    return {"username": username, "password": password}


def test_a_parallel_burst_of_guesses_gets_five_password_checks(live_server, maria):
    url = f"{live_server.url}/admin/login/"
    answers = burst(url, [login("maria", f"guess-{n}") for n in range(BURST)])

    locked = [a for a in answers if "Too many wrong passwords" in a.text]
    assert CountingHasher.checked <= 5
    assert len(locked) >= BURST - 5
    assert all(a.status_code == 200 for a in answers)  # nobody logged in

    # Even the right password waits for the lock to pass.
    right = burst(url, [login("maria", PASSWORD)])[0]
    assert right.status_code == 200
    assert "Too many wrong passwords" in right.text
    outcomes = list(LoginAttempt.objects.values_list("outcome", flat=True))
    assert outcomes.count("failed") == CountingHasher.checked
    assert outcomes.count("refused") == BURST + 1 - CountingHasher.checked


def test_a_parallel_burst_of_sign_ups_stores_five(live_server, territory, settings):
    settings.VETRINA_SIGNUP_RATE = (5, 3600)
    make_editor("Lecce editors", "redazione", "redazione@lecce.test", "en")
    url = f"{live_server.url}/owners/signup/"
    forms = [form_data(territory, business_name=f"Forno {n}") for n in range(15)]
    answers = burst(url, forms)

    assert sorted(a.status_code for a in answers) == [302] * 5 + [429] * 10
    assert SignupRequest.objects.count() == 5
    assert len(mail.outbox) == 5  # one notice to the one editor per request


@pytest.mark.parametrize(
    ("rate", "mails"),
    [((100, 3, 3600), 3), ((5, 100, 3600), 5)],
    ids=["per-mailbox", "per-address"],
)
def test_a_parallel_burst_of_password_resets_sends_the_limit(
    live_server, maria, settings, rate, mails
):
    settings.VETRINA_PASSWORD_RESET_RATE = rate
    url = f"{live_server.url}/admin/password_reset/"
    answers = burst(url, [{"email": "maria@lecce.test"}] * 8)

    assert all(a.status_code == 302 for a in answers)  # each told "sent"
    assert len(mail.outbox) == mails
