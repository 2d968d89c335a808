"""A local Netlify that speaks the documented parts Vetrina uses.

- File-digest deploys: `POST /api/v1/sites/{site_id}/deploys` with
  `{"files": {"/path": sha1}}` answers the digests it lacks in `required`;
  `PUT /api/v1/deploys/{id}/files/{path}` uploads one; when all are in, the
  deploy is `ready` and becomes the live site.
- Build hooks: `POST /build_hooks/{id}` starts a (pretend) build.
- Deploy notifications: when `notify_url` is set, a finished deploy is POSTed
  there with an `X-Webhook-Signature` JWS (HS256) over `{"iss": "netlify",
  "sha256": <body digest>}`, as Netlify's outgoing webhooks do.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

import requests

TOKEN = "fake-netlify-token"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def netlify_time(moment: datetime | None = None) -> str:
    """A time as Netlify writes it in a deploy: UTC, milliseconds, a Z."""
    moment = (moment or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def sign(body: bytes, secret: str) -> str:
    """The JWS Netlify puts in X-Webhook-Signature."""
    header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    payload = _b64(
        json.dumps(
            {"iss": "netlify", "sha256": hashlib.sha256(body).hexdigest()}
        ).encode()
    )
    signature = hmac.new(
        secret.encode(), f"{header}.{payload}".encode(), hashlib.sha256
    )
    return f"{header}.{payload}.{_b64(signature.digest())}"


@dataclass
class FakeNetlify:
    url: str = ""
    blobs: dict[str, bytes] = field(default_factory=dict)
    deploys: dict[str, dict] = field(default_factory=dict)
    live: dict[str, dict[str, str]] = field(default_factory=dict)  # site → files
    hooks: list[str] = field(default_factory=list)
    uploads: list[str] = field(default_factory=list)
    notify_url: str = ""
    secret: str = ""

    def live_file(self, site_id: str, path: str) -> bytes:
        return self.blobs[self.live[site_id][path]]

    def notify(self, deploy: dict) -> None:
        if self.notify_url:
            body = json.dumps(deploy).encode()
            requests.post(
                self.notify_url,
                data=body,
                headers={"X-Webhook-Signature": sign(body, self.secret),
                         "Content-Type": "application/json"},
                timeout=10,
            )  # fmt: skip

    def finish(self, deploy: dict) -> None:
        deploy["state"] = "ready"
        deploy["updated_at"] = netlify_time()
        self.live[deploy["site_id"]] = deploy["files"]
        self.notify({k: v for k, v in deploy.items() if k != "files"})


def handler_for(fake: FakeNetlify):
    class Handler(BaseHTTPRequestHandler):
        def _reply(self, status: int, data: object = None) -> None:
            body = json.dumps(data if data is not None else {}).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _body(self) -> bytes:
            return self.rfile.read(int(self.headers.get("Content-Length", 0)))

        def _authorised(self) -> bool:
            if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                self._reply(401, {"code": 401, "message": "Access Denied"})
                return False
            return True

        def do_POST(self):
            body = self._body()
            if match := re.fullmatch(r"/build_hooks/(\w+)", self.path):
                fake.hooks.append(match[1])
                return self._reply(200)
            match = re.fullmatch(r"/api/v1/sites/([\w-]+)/deploys", self.path)
            if not match:
                return self._reply(404, {"message": "Not Found"})
            if not self._authorised():
                return None
            files = json.loads(body)["files"]
            deploy_id = f"d{len(fake.deploys) + 1}"
            required = sorted({d for d in files.values() if d not in fake.blobs})
            deploy = {"id": deploy_id, "site_id": match[1], "files": files,
                      "required": required, "state": "uploading",
                      "created_at": netlify_time(), "updated_at": netlify_time(),
                      "ssl_url": f"https://{deploy_id}.netlify.app",
                      "deploy_ssl_url": f"https://{deploy_id}--{match[1]}.netlify.app",
                      }  # fmt: skip
            fake.deploys[deploy_id] = deploy
            if not required:
                fake.finish(deploy)
            return self._reply(200, {k: v for k, v in deploy.items() if k != "files"})

        def do_PUT(self):
            match = re.fullmatch(r"/api/v1/deploys/(\w+)/files(/.*)", self.path)
            if not match or match[1] not in fake.deploys:
                return self._reply(404, {"message": "Not Found"})
            if not self._authorised():
                return None
            deploy, path, body = fake.deploys[match[1]], unquote(match[2]), self._body()
            digest = hashlib.sha1(body, usedforsecurity=False).hexdigest()
            if deploy["files"].get(path) != digest:
                return self._reply(422, {"message": f"{path}: digest mismatch"})
            fake.blobs[digest] = body
            fake.uploads.append(path)
            if all(d in fake.blobs for d in deploy["required"]):
                fake.finish(deploy)
            return self._reply(200, {"id": digest})

        def log_message(self, *args):
            pass

    return Handler


class running:
    """`with running(FakeNetlify()) as fake:` serves it on a free local port."""

    def __init__(self, fake: FakeNetlify) -> None:
        self.fake = fake

    def __enter__(self) -> FakeNetlify:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(self.fake))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.fake.url = f"http://127.0.0.1:{self.server.server_port}"
        return self.fake

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
