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
    seen: list[str] = []

    def do_GET(self):
        self.seen.append(self.path)
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


def feed(cursor, items=(), tombstones=(), more=False, reset=False):
    body = {"cursor": cursor, "reset": reset, "more": more}
    return 200, json.dumps({**body, "items": items, "tombstones": tombstones})


def test_the_change_feed_is_followed_to_its_end(api):
    _, url = api
    FlakyApi.seen = []
    FlakyApi.script = [
        feed("c1", items=[{"id": 1, "title": "a"}, {"id": 2}], more=True),
        (502, ""),  # retried like any other request
        feed("c2", items=[{"id": 1, "title": "b"}], tombstones=[{"id": 2}]),
    ]
    changes = client(url).changes("lecce", "c0")
    assert (changes.cursor, changes.reset) == ("c2", False)
    assert changes.items == [{"id": 1, "title": "b"}]
    assert changes.tombstones == [{"id": 2}]
    assert FlakyApi.seen[0] == "/api/v2/changes/?territory=lecce&since=c0"
    assert FlakyApi.seen[-1] == "/api/v2/changes/?territory=lecce&since=c1"


def test_a_reset_or_a_cms_without_feed_means_fetch_everything(api):
    _, url = api
    FlakyApi.script = [feed("c1", items=[{"id": 1}], more=True), feed("c9", reset=True)]
    changes = client(url).changes("lecce", "c0")
    assert (changes.cursor, changes.reset, changes.items) == ("c9", True, [])
    FlakyApi.script = [(404, '{"message": "not found"}')]
    assert client(url).changes("lecce").reset
    FlakyApi.script = [(404, '{"message": "not found"}')]
    assert client(url).redirects("lecce") == []


def test_redirects_and_a_broken_feed(api):
    _, url = api
    rows = [{"old_path": "/luoghi/vecchio/", "locale": "it", "page": 12}]
    FlakyApi.script = [(200, json.dumps({"items": rows}))]
    assert client(url).redirects("lecce") == rows
    FlakyApi.script = [(200, json.dumps({"cursor": 3, "items": []}))]
    with pytest.raises(ApiError, match="changes/ for lecce answered an unusable batch"):
        client(url).changes("lecce", "c0")
