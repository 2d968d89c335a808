"""Netlify's deploy notifications, attacked with correctly signed bodies.

The JWS proves Netlify sent a body, not which territory it is for nor when:
one secret signs every site's notifications, and a body can be sent again.
"""

import json
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from cms.publishing.models import Build
from tests.fakes.netlify import netlify_time, sign

pytestmark = pytest.mark.django_db

SECRET = "jws-secret"


@pytest.fixture
def sites(territory, other_territory):
    """Each territory knows its Netlify site, as the settings panel asks."""
    for found, site_id in ((territory, "lecce-site"), (other_territory, "grecia-site")):
        found.settings.netlify_site_id = site_id
        found.settings.save()
    return territory, other_territory


def notification(
    site_id="lecce-site", deploy_id="d1", state="ready", age=timedelta(0), **extra
) -> bytes:
    """A deploy object as Netlify posts it (its fields that matter here)."""
    at = netlify_time(timezone.now() - age)
    return json.dumps(
        {
            "id": deploy_id,
            "site_id": site_id,
            "state": state,
            "name": site_id,
            "created_at": at,
            "updated_at": at,
            "deploy_ssl_url": f"https://{deploy_id}--{site_id}.netlify.app",
            **extra,
        }
    ).encode()


def post(client, slug: str, body: bytes):
    with override_settings(VETRINA_NETLIFY_WEBHOOK_SECRET=SECRET):
        return client.post(
            reverse("publishing:netlify_notification", args=[slug]),
            body,
            content_type="application/json",
            HTTP_X_WEBHOOK_SIGNATURE=sign(body, SECRET),
        )


def test_a_notification_counts_only_for_the_territory_whose_site_sent_it(sites, client):
    lecce, grecia = sites
    greek_failure = notification("grecia-site", state="error", error_message="boom")
    assert post(client, "lecce", greek_failure).status_code == 403
    assert not Build.objects.filter(site=lecce.site).exists()

    assert post(client, "grecia-salentina", greek_failure).status_code == 200
    [build] = Build.objects.all()
    assert build.site == grecia.site and build.status == Build.Status.FAILED


def test_a_territory_without_its_netlify_site_id_takes_no_notification(
    territory, client
):
    assert territory.settings.netlify_site_id == ""
    assert post(client, "lecce", notification(site_id="")).status_code == 403
    assert post(client, "lecce", notification()).status_code == 403
    assert not Build.objects.exists()


@pytest.mark.database
def test_a_replayed_notification_changes_nothing(sites, client):
    building = notification(state="building")
    assert post(client, "lecce", building).status_code == 200
    assert post(client, "lecce", notification(state="ready")).status_code == 200
    build = Build.objects.get()
    assert build.status == Build.Status.SUCCEEDED
    finished = build.finished_at

    # The earlier body again: the finished deploy does not go back to deploying.
    assert post(client, "lecce", building).status_code == 200
    # The same outcome again: nothing new is recorded.
    assert post(client, "lecce", notification(state="ready")).status_code == 200
    build = Build.objects.get()
    assert build.status == Build.Status.SUCCEEDED and build.finished_at == finished


@pytest.mark.database
def test_an_old_notification_is_refused(sites, client):
    stale = notification(deploy_id="d9", state="error", age=timedelta(hours=2))
    assert post(client, "lecce", stale).status_code == 403
    undated = json.loads(notification(deploy_id="d9"))
    del undated["created_at"], undated["updated_at"]
    assert post(client, "lecce", json.dumps(undated).encode()).status_code == 400
    assert not Build.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
    ],
)
def test_a_deploy_address_that_is_not_a_web_address_is_never_a_link(
    sites, client, admin_client, url
):
    assert post(client, "lecce", notification(deploy_ssl_url=url)).status_code == 200
    build = Build.objects.get()
    assert build.status == Build.Status.SUCCEEDED and build.deploy_url == ""

    # Written past the model (an older row, a raw update): not linked either.
    Build.objects.filter(pk=build.pk).update(deploy_url=url)
    page = admin_client.get(reverse("publishing_admin:status")).content.decode()
    assert 'data-status="succeeded"' in page
    assert "alert(" not in page and "<script>alert" not in page


def test_a_deploy_web_address_is_linked(sites, client, admin_client):
    assert post(client, "lecce", notification()).status_code == 200
    page = admin_client.get(reverse("publishing_admin:status")).content.decode()
    assert '<a href="https://d1--lecce-site.netlify.app">' in page


def test_only_those_who_publish_see_the_publishing_screen(
    territory, business, owner, moderator, client
):
    status = reverse("publishing_admin:status")
    menu_entry = f'"{status}"'  # the sidebar's menu is JSON the admin's JS draws
    editor = get_user_model().objects.create_user("redattrice", password="pw")
    editor.groups.add(Group.objects.get(name="Lecce editors"))
    for user in (editor, moderator):
        client.force_login(user)
        assert client.get(status).status_code == 200
        assert menu_entry in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(owner)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200  # in the admin
    assert client.get(status).status_code in (302, 403)
    assert menu_entry not in client.get(reverse("wagtailadmin_home")).content.decode()
