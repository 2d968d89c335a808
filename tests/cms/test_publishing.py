"""Publish to live: debounced rebuilds per territory, backends, status, Netlify."""

import json
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

import publisher.api
from cms.changes.signals import content_changed
from cms.publishing import queue
from cms.publishing.backends import (
    LocalBuilder,
    NetlifyBuildHook,
    NetlifyDeploy,
    NoopBackend,
    PublishBackend,
    PublishFailed,
    get_backend,
)
from cms.publishing.models import Build, BuildState
from tests.conftest import publish_home_and_sections_in
from tests.fakes.netlify import TOKEN, FakeNetlify, netlify_time, running, sign

SECRET = "jws-secret"


def backend(path: str, **options):
    return override_settings(
        VETRINA_PUBLISH_BACKEND={"BACKEND": path, "OPTIONS": options}
    )


class EditorsKeepPublishing(PublishBackend):
    """While the first build runs, editors publish five more times."""

    calls = 0

    def publish(self, territory, build):
        type(self).calls += 1
        if type(self).calls == 1:
            for _ in range(5):
                queue.request_build(territory.site_id, "another edit")
        build.status = build.Status.SUCCEEDED


class Broken(PublishBackend):
    def publish(self, territory, build):
        raise PublishFailed("places.PlacePage 12, field 'latitude': out of range")


@pytest.mark.database
@pytest.mark.django_db
def test_a_change_builds_its_territory_at_once_and_only_it(
    territory, other_territory, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        content_changed.send(sender=None, site_id=territory.site.pk)
    [build] = Build.objects.all()
    assert build.site == territory.site and build.status == Build.Status.SUCCEEDED
    assert build.backend == "NoopBackend" and build.finished_at is not None
    assert BuildState.objects.get(pk=territory.site.pk).running_since is None


@pytest.mark.database
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_edits_during_a_build_cause_one_more_build_not_one_each(territory):
    """Outside a test transaction, as in the worker, requests act at once."""
    Build.objects.all().delete()  # the fixture's own publishing built already
    EditorsKeepPublishing.calls = 0
    with backend(f"{__name__}.EditorsKeepPublishing"):
        queue.request_build(territory.site.pk, "first edit")
    reasons = list(Build.objects.order_by("pk").values_list("reason", flat=True))
    assert reasons == ["first edit", str(queue.AGAIN)]


@pytest.mark.database
@pytest.mark.django_db
def test_a_request_while_building_waits_and_a_dead_worker_is_taken_over(
    territory, django_capture_on_commit_callbacks
):
    site = territory.site.pk
    BuildState.objects.create(site_id=site, running_since=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        queue.request_build(site, "edit")
    assert not Build.objects.exists()  # the running build will take it
    assert BuildState.objects.get(pk=site).pending

    BuildState.objects.filter(pk=site).update(
        running_since=timezone.now() - timedelta(hours=2)
    )
    with django_capture_on_commit_callbacks(execute=True):
        queue.request_build(site, "edit")
    assert Build.objects.count() == 1


def test_backends_are_chosen_in_settings():
    for cls in (LocalBuilder, NetlifyBuildHook, NetlifyDeploy, NoopBackend):
        with backend(f"{cls.__module__}.{cls.__name__}", JOBS=1):
            chosen = get_backend()
        assert type(chosen) is cls
    with backend("cms.publishing.backends.LocalBuilder", OUT="/srv/www"):
        assert str(get_backend().output_dir()) == "/srv/www"


@pytest.mark.django_db
def test_a_failed_build_is_reported_in_words_and_in_the_admin(
    territory, admin_client, django_capture_on_commit_callbacks
):
    with (
        backend(f"{__name__}.Broken"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        queue.request_build(territory.site.pk, "edit")
    build = Build.objects.get()
    assert build.status == Build.Status.FAILED
    assert "field 'latitude'" in build.message
    page = admin_client.get(reverse("publishing_admin:status")).content.decode()
    assert "field &#x27;latitude&#x27;: out of range" in page
    assert 'data-status="failed"' in page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_local_builder_cannot_reach_the_api_keeps_the_site_and_says_why(
    territory, tmp_path, monkeypatch
):
    # The client's retries without their 7.5 s of waits (the waits are
    # tests/publisher/test_api_client.py's business).
    monkeypatch.setattr(publisher.api, "time", SimpleNamespace(sleep=lambda s: None))
    (tmp_path / "dist/lecce").mkdir(parents=True)
    (tmp_path / "dist/lecce/index.html").write_text("previous site")
    with backend(
        "cms.publishing.backends.LocalBuilder",
        API_URL="http://127.0.0.1:9",
        OUT=str(tmp_path / "dist"),
        CONTENT=str(tmp_path / "content"),
    ):
        build = queue.publish_once(territory.site.pk, "edit")
    assert build.status == Build.Status.FAILED
    assert "127.0.0.1:9" in build.message
    assert (tmp_path / "dist/lecce/index.html").read_text() == "previous site"


@pytest.mark.django_db
def test_editors_can_rebuild_by_hand_and_others_cannot(
    territory,
    admin_client,
    client,
    django_user_model,
    django_capture_on_commit_callbacks,
):
    url = reverse("publishing_admin:rebuild", args=["lecce"])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url)
    assert response.status_code == 302
    assert "admin" in Build.objects.get().reason  # who asked, in their language

    user = django_user_model.objects.create_user("visitor", password="pw")
    client.force_login(user)
    assert client.post(url).status_code in (302, 403)  # no admin access at all
    assert Build.objects.count() == 1


@pytest.mark.database
@pytest.mark.django_db
def test_the_daily_rebuild_runs_once_a_day_after_its_hour(
    territory, other_territory, django_capture_on_commit_callbacks
):
    with (
        override_settings(VETRINA_DAILY_REBUILD_AT="00:00"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert queue.daily_rebuilds() == 2
        assert queue.daily_rebuilds() == 0
    assert Build.objects.filter(reason=str(queue.DAILY)).count() == 2
    with override_settings(VETRINA_DAILY_REBUILD_AT="23:59"):
        BuildState.objects.update(last_daily=None)
        if timezone.localtime().strftime("%H:%M") < "23:59":
            assert queue.daily_rebuilds() == 0


@pytest.mark.django_db
def test_build_hook_then_netlify_reports_the_outcome(territory, client):
    with running(FakeNetlify()) as netlify:
        territory.settings.build_hook_url = f"{netlify.url}/build_hooks/abc123"
        territory.settings.netlify_site_id = "lecce-site"
        territory.settings.save()
        with backend("cms.publishing.backends.NetlifyBuildHook"):
            build = queue.publish_once(territory.site.pk, "edit")
        assert netlify.hooks == ["abc123"]
    assert build.status == Build.Status.DEPLOYING

    url = reverse("publishing:netlify_notification", args=["lecce"])
    failure = "Build script returned non-zero exit code"
    body = json.dumps(
        {
            "id": "n1",
            "site_id": "lecce-site",
            "state": "error",
            "error_message": failure,
            "updated_at": netlify_time(),
        }
    )
    body = body.encode()
    with override_settings(VETRINA_NETLIFY_WEBHOOK_SECRET=SECRET):
        forged = client.post(url, body, content_type="application/json",
                             HTTP_X_WEBHOOK_SIGNATURE=sign(body, "guess"))  # fmt: skip
        assert forged.status_code == 403
        unsigned = client.post(url, body, content_type="application/json")
        assert unsigned.status_code == 403
        signed = client.post(url, body, content_type="application/json",
                             HTTP_X_WEBHOOK_SIGNATURE=sign(body, SECRET))  # fmt: skip
    assert signed.status_code == 200
    build.refresh_from_db()
    assert build.status == Build.Status.FAILED and build.deploy_id == "n1"
    assert "non-zero exit code" in build.message


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_netlify_deploy_uploads_the_build_and_its_notification_comes_back(
    territory, live_server, tmp_path
):
    publish_home_and_sections_in(territory, "en")
    territory.settings.netlify_site_id = "lecce-site"
    territory.settings.save()
    notify = live_server.url + reverse(
        "publishing:netlify_notification", args=["lecce"]
    )
    with (
        running(FakeNetlify(notify_url=notify, secret=SECRET)) as netlify,
        override_settings(VETRINA_NETLIFY_WEBHOOK_SECRET=SECRET),
        backend(
            "cms.publishing.backends.NetlifyDeploy",
            API_URL=live_server.url,
            OUT=str(tmp_path / "dist"),
            CONTENT=str(tmp_path / "content"),
            TOKEN=TOKEN,
            NETLIFY_API=f"{netlify.url}/api/v1",
            JOBS=1,
        ),
    ):
        build = queue.publish_once(territory.site.pk, "edit")
        assert "/it/index.html" in netlify.live["lecce-site"]
    build.refresh_from_db()
    assert build.status == Build.Status.SUCCEEDED, build.message
    assert build.pages and build.deploy_id == "d1"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publishing_only_queues_and_the_real_worker_builds(territory):
    """Publishing writes a queue row and nothing more; `db_worker` builds."""
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    from tests.cms.factories import PlacePageFactory

    place = PlacePageFactory(parent=territory.sections["places"], title="Duomo")
    Build.objects.all().delete()
    DBTaskResult.objects.all().delete()
    BuildState.objects.all().delete()
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    ):
        place.title = "Duomo di Lecce"
        place.save_revision().publish()
        assert not Build.objects.exists()  # nothing built by the publisher
        queued = DBTaskResult.objects.filter(
            task_path="cms.publishing.queue.run_builds"
        )
        assert queued.count() == 1
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    [build] = Build.objects.all()
    assert build.status == Build.Status.SUCCEEDED and build.site == territory.site
