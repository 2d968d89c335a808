"""One API request at a time on the live test server, when it shares one
in-memory SQLite connection between its threads.

Django's documentation warns that simultaneous queries through that shared
connection "may sometimes randomly cause the tests to fail", and the build asks
for four API listings at once: one CI run in three left the connection in
manual transaction management, and every transactional test after it failed.

Only API requests wait for each other. Other requests may run a build inline
(publishing with the immediate task backend) whose API requests come back to
this server: making those wait too would deadlock. PostgreSQL runs, where
each thread has its own connection, do not use this.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

_API = threading.Lock()


# The admin's editor releases its editing session when the browser closes the
# page (a beacon), which a test does after its database is flushed, or while the
# next test sets its own up: on the shared connection the two uses overlap and
# break the transaction ("cannot start a transaction within a transaction", seen
# in CI). No test is about editing sessions: the release is answered here,
# without the database. Their pings are spaced out by the test settings.
RELEASE = "/admin/editing-sessions/release/"


class OneApiRequestAtATime:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(RELEASE):
            return HttpResponse(status=204)
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        with _API:
            return self.get_response(request)
