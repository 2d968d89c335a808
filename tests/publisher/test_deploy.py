"""Netlify deploys by file digest, against a local Netlify speaking the protocol."""

import pytest

from publisher.deploy import DeployFailed, deploy
from tests.fakes.netlify import TOKEN, FakeNetlify, running


@pytest.fixture
def site(tmp_path):
    site = tmp_path / "lecce"
    (site / "it/luoghi/duomo").mkdir(parents=True)
    (site / "it/index.html").write_text("<h1>Lecce</h1>")
    (site / "it/luoghi/duomo/index.html").write_text("<h1>Duomo</h1>")
    (site / "static").mkdir()
    (site / "static/site.abc.css").write_text("body{}")
    (site / "static/copy.css").write_text("body{}")  # same bytes, one upload
    (site / ".vetrina.json").write_text("{}")  # build bookkeeping stays home
    return site


def test_first_deploy_uploads_each_distinct_file_once_and_goes_live(site):
    with running(FakeNetlify()) as netlify:
        result = deploy(site, "lecce-site", TOKEN, api=f"{netlify.url}/api/v1")
    assert result.files == 4 and result.uploaded == 3
    assert netlify.live_file("lecce-site", "/it/luoghi/duomo/index.html") == (
        b"<h1>Duomo</h1>"
    )
    assert "/.vetrina.json" not in netlify.live["lecce-site"]


def test_after_one_edit_only_the_changed_file_is_uploaded(site):
    with running(FakeNetlify()) as netlify:
        api = f"{netlify.url}/api/v1"
        deploy(site, "lecce-site", TOKEN, api=api)
        netlify.uploads.clear()
        (site / "it/luoghi/duomo/index.html").write_text("<h1>Duomo di Lecce</h1>")
        result = deploy(site, "lecce-site", TOKEN, api=api)
        assert netlify.uploads == ["/it/luoghi/duomo/index.html"]
        assert result.uploaded == 1
        assert netlify.live_file("lecce-site", "/it/luoghi/duomo/index.html") == (
            b"<h1>Duomo di Lecce</h1>"
        )


def test_refusals_and_missing_settings_say_what_to_do(site):
    with running(FakeNetlify()) as netlify, pytest.raises(DeployFailed, match="401"):
        deploy(site, "lecce-site", "wrong-token", api=f"{netlify.url}/api/v1")
    with pytest.raises(DeployFailed, match="NETLIFY_AUTH_TOKEN"):
        deploy(site, "lecce-site", "", api="http://127.0.0.1:9")
    with pytest.raises(DeployFailed, match="unreachable"):
        deploy(site, "lecce-site", TOKEN, api="http://127.0.0.1:9/api/v1", timeout=2)
