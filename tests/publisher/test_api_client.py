"""The build's API client: retries server faults, then fails with a clear error."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from publisher.api import ApiClient
from publisher.errors import ApiError


class FlakyApi(BaseHTTPRequestHandler):
    """Answers from a script of (status, body) pairs, one per request."""

    script: list[tuple[int, str]] = []

    def do_GET(self):
        status, body = self.script.pop(0) if self.script else (500, "")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def api():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FlakyApi)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def client(url):
    return ApiClient(url, retries=2, backoff=0.01, timeout=2)


def test_server_errors_and_truncated_json_are_retried(api):
    _, url = api
    good = json.dumps({"meta": {"total_count": 0}, "items": []})
    FlakyApi.script = [(502, ""), (200, good[:10]), (200, good)]
    assert client(url).territories() == []


def test_persistent_faults_fail_with_what_and_where(api):
    _, url = api
    FlakyApi.script = [(500, "")] * 3
    with pytest.raises(ApiError, match=r"answered 500 \(after 3 attempts\)"):
        client(url).territories()


def test_client_errors_are_not_retried(api):
    _, url = api
    FlakyApi.script = [(400, '{"message": "bad"}'), (200, "{}")]
    with pytest.raises(ApiError, match="answered 400"):
        client(url).territories()


def test_a_listing_that_stops_short_is_an_error(api):
    _, url = api
    FlakyApi.script = [
        (200, json.dumps({"meta": {"total_count": 3}, "items": [{"id": 1}]})),
        (200, json.dumps({"meta": {"total_count": 3}, "items": []})),
    ]
    with pytest.raises(ApiError, match="stopped at 1 of 3"):
        list(client(url).pages("lecce.test:80", "places.PlacePage"))


def test_unreachable_cms_says_what_to_check():
    with pytest.raises(ApiError, match="--api points at it"):
        client("http://127.0.0.1:9").territories()
