"""`vetrina serve` shows the site as Netlify would, 404 pages included."""

import functools
import threading
import urllib.error
import urllib.request
from http.server import ThreadingHTTPServer

import pytest

from publisher.serve import SiteHandler


@pytest.fixture
def site(tmp_path):
    (tmp_path / "it").mkdir()
    (tmp_path / "it/index.html").write_text("<h1>Benvenuti</h1>")
    (tmp_path / "it/404.html").write_text("<h1>Pagina non trovata</h1>")
    handler = functools.partial(SiteHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_pages_and_language_404s(site):
    with urllib.request.urlopen(f"{site}/it/") as response:
        assert "Benvenuti" in response.read().decode()
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(f"{site}/it/non-esiste/")
    assert caught.value.code == 404
    assert "Pagina non trovata" in caught.value.read().decode()
