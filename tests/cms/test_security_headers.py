"""The Content-Security-Policy of each kind of response, and an admin that names
no third party. Chromium's side of it is tests/browser/test_csp.py."""

import pytest
from django.test import override_settings
from django.urls import reverse

from cms.core import security
from tests.cms.factories import PlacePageFactory
from tests.cms.test_preview import preview_url

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parsed = {}
    for directive in filter(None, (d.strip() for d in policy.split(";"))):
        name, *sources = directive.split()
        parsed[name] = sources
    return parsed


def test_the_admin_loads_scripts_only_from_the_cms(admin_client):
    policy = directives(admin_client.get("/admin/"))
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]  # no eval
    assert policy["connect-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    login = directives(admin_client.get(reverse("wagtailadmin_login")))
    assert login["script-src"] == ["'self'", "'unsafe-inline'"]


@pytest.mark.parametrize(
    "path", ["/", "/owners/signup/?territory=lecce", "/api/v2/pages/", "/nowhere/"]
)
def test_public_pages_and_the_api_run_no_script(client, territory, path):
    policy = directives(client.get(path))
    assert policy["default-src"] == ["'none'"]
    assert "script-src" not in policy
    assert policy["frame-ancestors"] == ["'none'"]


def test_the_preview_is_sandboxed_away_from_the_admin(territory, admin_client):
    place = PlacePageFactory(parent=territory.sections["places"], title="Duomo")
    response = admin_client.get(preview_url(admin_client, place, title="Bozza"))
    assert response.status_code == 200 and "Bozza" in response.content.decode()
    policy = directives(response)
    assert "allow-scripts" in policy["sandbox"]
    assert "allow-same-origin" not in policy["sandbox"]
    assert "allow-top-navigation" not in " ".join(policy["sandbox"])
    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]  # the preview panel
    refused = admin_client.get("/preview/?content_type=places.placepage&token=x")
    assert "allow-same-origin" not in directives(refused)["sandbox"]


def test_media_on_object_storage_may_be_shown_in_the_admin_and_preview(
    admin_client,
):
    s3 = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "vetrina",
            "custom_domain": "media.example.org",
            "querystring_auth": False,
        },
    }
    static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    security.media_origin.cache_clear()
    try:
        with override_settings(STORAGES={"default": s3, "staticfiles": static}):
            policy = directives(admin_client.get("/admin/"))
            preview = security.header(security.PREVIEW)
    finally:
        security.media_origin.cache_clear()
    assert policy["img-src"][-1] == "https://media.example.org"
    assert "img-src 'self' data: https://media.example.org" in preview
    assert "media.example.org" not in security.header(security.ADMIN)


def test_no_admin_page_names_gravatar(admin_client, admin_user, territory):
    place = PlacePageFactory(parent=territory.sections["places"], owner=admin_user)
    place.save_revision(user=admin_user).publish(user=admin_user)
    for path in (
        "/admin/",
        "/admin/account/",
        "/admin/users/",
        reverse("wagtailusers_users:edit", args=[admin_user.pk]),
        f"/admin/pages/{territory.sections['places'].pk}/",
        f"/admin/pages/{place.pk}/edit/",
        f"/admin/pages/{place.pk}/history/",
    ):
        response = admin_client.get(path)
        assert response.status_code == 200, path
        assert "gravatar" not in response.content.decode().lower(), path
