"""`vetrina serve`: the built sites on localhost, with Netlify's 404 pages."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class SiteHandler(SimpleHTTPRequestHandler):
    def send_error(self, code, message=None, explain=None):
        if code == 404:
            language = self.path.strip("/").split("/")[0]
            for page in (Path(self.directory, language, "404.html"),):
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
    """Serve each territory at the root of its own port, as Netlify would."""
    if not dist.is_dir():
        print(f"{dist} does not exist: run `vetrina build` first.")
        return 2
    sites = sorted(p for p in dist.iterdir() if p.is_dir() and p.name[0] != ".")
    servers = []
    for offset, site in enumerate(sites):
        handler = functools.partial(SiteHandler, directory=str(site))
        server = ThreadingHTTPServer((host, port + offset), handler)
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        print(f"  {site.name:<20} http://{host}:{port + offset}/")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
    return 0
