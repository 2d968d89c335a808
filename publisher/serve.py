"""`vetrina serve`: the built sites on localhost, with Netlify's 404 pages."""

from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class SiteHandler(SimpleHTTPRequestHandler):
    def send_error(self, code, message=None, explain=None):
        if code == 404:
            parts = self.path.strip("/").split("/")
            candidates = [Path(self.directory, *parts[:2], "404.html")]
            candidates.append(Path(self.directory, *parts[:1], "404.html"))
            for page in candidates:
                if page.is_file():
                    body = page.read_bytes()
                    self.send_response(404)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
        super().send_error(code, message, explain)

    def log_message(self, format, *args):  # quieter than the default
        pass


def serve_forever(dist: Path, host: str, port: int) -> int:
    if not dist.is_dir():
        print(f"{dist} does not exist: run `vetrina build` first.")
        return 2
    handler = functools.partial(SiteHandler, directory=str(dist))
    server = ThreadingHTTPServer((host, port), handler)
    sites = sorted(p.name for p in dist.iterdir() if p.is_dir() and p.name[0] != ".")
    for slug in sites:
        print(f"  http://{host}:{port}/{slug}/")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
