"""A headless CMS: it serves no pages, and a page's URL is on the static site."""

import json
import re

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from cms.territories.models import Fallback, TerritorySettings
from cms.territories.setup import get_locale
from tests.cms.factories import PlacePageFactory
from tests.cms.test_settings import run_manage
from tests.conftest import publish_home_and_sections_in

pytestmark = pytest.mark.django_db

SITE = "https://lecce.example.org"


def static_url(item: dict) -> str:
    """The address the publisher gives a page (publisher/sitemodel.py)."""
    return f"{SITE}/{item['meta']['locale']}{item['meta']['path']}"


def api_item(client, page) -> dict:
    site = page.get_site()
    response = client.get(f"/api/v2/pages/{page.pk}/?site={site.hostname}:{site.port}")
    assert response.status_code == 200, response.content
    return response.json()


def fresh(page):
    """A new instance: a page keeps the addresses it read (as Wagtail's sites)."""
    return type(page).objects.get(pk=page.pk)


def translate(page, code: str):
    translation = page.copy_for_translation(get_locale(code))
    translation.save_revision().publish()
    return translation


@pytest.fixture
def place(territory):
    return PlacePageFactory(
        parent=territory.sections["places"], title="Duomo", slug="duomo"
    )


@pytest.fixture
def english_place(territory, place):
    publish_home_and_sections_in(territory, "en")
    return translate(place, "en")


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("capo", "capo@example.org", "x")
    client.force_login(user)
    return user


def view_live_links(client, page) -> set[str]:
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    return set(re.findall(r'href="(https://lecce\.example\.org[^"]*)"', html))


# The front door


def test_front_door_lists_each_territory_its_site_and_api(
    territory, other_territory, client
):
    response = client.get("/")

    assert response.status_code == 200
    assert response["Content-Language"] == "it"
    html = response.content.decode()
    assert "Territori" in html  # Italian first
    assert f'href="{SITE}/"' in html
    assert f'href="{SITE}/it/" lang="it" hreflang="it">Italiano</a>' in html
    assert f'href="{SITE}/en/" lang="en" hreflang="en">English</a>' in html
    for t in (territory, other_territory):
        assert f"http://testserver/api/v2/territories/{t.site.pk}/" in html
        assert f"/owners/signup/?territory={t.settings.slug}" in html
    assert "/api/v2/pages/?site=grecia.test:80" in html
    # Grecìa Salentina has no public address yet: no link to a site.
    assert '<h3 id="territory-grecia-salentina">Grecìa Salentina</h3>' in html
    assert '<span lang="ar">العربية</span>' in html
    assert 'href="/admin/"' in html
    assert "<script" not in html


def test_front_door_speaks_english_when_asked(territory, client):
    html = client.get("/?lang=en").content.decode()
    assert "Territories" in html
    assert '<html lang="en" dir="ltr">' in html
    browser = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert browser["Content-Language"] == "en"


# No page routes


@pytest.mark.parametrize("debug", [False, True])
def test_unknown_paths_are_404(territory, client, settings, debug):
    settings.DEBUG = debug
    response = client.get("/nowhere/")
    assert response.status_code == 404


PRODUCTION_REQUESTS = """
import json
from django.test import Client
client = Client(HTTP_HOST="cms.example.org")
answers = {}
for path in ("/", "/nowhere/", "/it/luoghi/duomo/"):
    response = client.get(path, secure=True)
    answers[path] = [response.status_code, response.content.decode()]
print(json.dumps(answers))
"""


def test_the_front_door_and_404_render_with_production_settings(database_url):
    result = run_manage(
        "shell",
        "-c",
        PRODUCTION_REQUESTS,
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="cms.example.org",
        WAGTAILADMIN_BASE_URL="https://cms.example.org",
        DATABASE_URL=database_url,
    )
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout.strip().splitlines()[-1])
    assert answers["/"][0] == 200
    for path in ("/nowhere/", "/it/luoghi/duomo/"):
        status, html = answers[path]
        assert status == 404
        assert "Pagina non trovata" in html


def test_a_page_old_cms_path_is_404_not_the_page(territory, place, client, settings):
    settings.DEBUG = False
    for path in ("/luoghi/duomo/", "/it/luoghi/duomo/", "/lecce/luoghi/duomo/"):
        response = client.get(path, HTTP_HOST="lecce.test")
        assert response.status_code == 404, path
        html = response.content.decode()
        assert "Pagina non trovata" in html
        assert "Duomo" not in html
        assert 'href="/"' in html


def test_the_password_form_of_a_private_page_is_gone(place, client, settings):
    settings.DEBUG = False
    restriction = PageViewRestriction.objects.create(
        page=place, restriction_type="password", password="segreto"
    )
    form = f"/_util/authenticate_with_password/{restriction.pk}/{place.pk}/"
    assert client.get("/luoghi/duomo/", HTTP_HOST="lecce.test").status_code == 404
    assert client.post(form, {"password": "x"}).status_code == 404


# A page's URL is its static address


def test_a_live_page_url_is_its_address_on_the_static_site(place, client):
    item = api_item(client, place)
    expected = f"{SITE}/it/luoghi/duomo/"

    assert static_url(item) == expected
    assert item["meta"]["html_url"] == expected
    assert place.full_url == expected
    assert place.url == expected  # absolute: the CMS is on another host
    assert place.get_url(request=None) == expected
    assert place.get_site().pk == place.get_url_parts()[0]


def test_a_translated_page_has_its_address_in_its_language(english_place, client):
    item = api_item(client, english_place)
    expected = f"{SITE}/en/luoghi/duomo/"

    assert item["meta"]["locale"] == "en"
    assert static_url(item) == expected
    assert item["meta"]["html_url"] == expected
    assert english_place.full_url == expected


def test_the_home_page_is_the_language_root(territory, client):
    publish_home_and_sections_in(territory, "en")
    english_home = territory.home.get_translation(get_locale("en"))

    assert territory.home.full_url == f"{SITE}/it/"
    assert english_home.full_url == f"{SITE}/en/"
    assert api_item(client, territory.home)["meta"]["html_url"] == f"{SITE}/it/"
    assert static_url(api_item(client, english_home)) == f"{SITE}/en/"


def test_listing_html_urls_are_static_addresses(english_place, client):
    response = client.get(
        "/api/v2/pages/?type=places.PlacePage&site=lecce.test:80&fields=*"
    )
    items = response.json()["items"]
    assert len(items) == 2
    for item in items:
        assert item["meta"]["html_url"] == static_url(item)


def test_view_live_in_the_admin_leads_to_the_static_site(
    place, english_place, editor, client
):
    assert f"{SITE}/it/luoghi/duomo/" in view_live_links(client, place)
    assert f"{SITE}/en/luoghi/duomo/" in view_live_links(client, english_place)
    explorer = client.get(
        reverse("wagtailadmin_explore", args=[place.get_parent().pk])
    ).content.decode()
    assert f'href="{SITE}/it/luoghi/duomo/"' in explorer


def test_no_public_address_no_live_url(other_territory, editor, client):
    place = PlacePageFactory(
        parent=other_territory.sections["places"], title="Chiesa", slug="chiesa"
    )

    assert place.full_url is None
    assert place.url is None
    assert place.get_site() == other_territory.site  # still in its territory
    assert api_item(client, place)["meta"]["html_url"] is None
    html = client.get(
        reverse("wagtailadmin_pages:edit", args=[place.pk])
    ).content.decode()
    assert "Visit the live page" not in html


def test_a_language_the_territory_does_not_offer_has_no_address(
    territory, english_place
):
    assert english_place.full_url == f"{SITE}/en/luoghi/duomo/"
    territory.settings.languages.set([get_locale("it")])
    assert fresh(english_place).full_url is None


def test_an_alias_has_an_address_only_where_the_build_falls_back(territory, place):
    alias = place.copy_for_translation(get_locale("en"), copy_parents=True, alias=True)
    assert alias.full_url == f"{SITE}/en/luoghi/duomo/"

    territory.settings.fallback = Fallback.OMIT
    territory.settings.save()
    assert fresh(alias).full_url is None


def test_the_demo_served_locally_leads_view_live_to_the_local_sites(
    territory, other_territory
):
    """`vetrina demo` serves the sites from port 8080 on, in slug order, and
    tells load_demo so: View live and the CMS's home then open them."""
    from io import StringIO

    from cms.demo.management.commands.load_demo import Command

    other_territory.settings.public_base_url = "https://grecia.example.org"
    other_territory.settings.save()
    out = StringIO()
    command = Command(stdout=out)
    command.serve_locally("http://127.0.0.1:8080")
    assert "grecia-salentina is served at http://127.0.0.1:8080/" in out.getvalue()
    home = territory.home.specific
    home.refresh_from_db()
    assert home.full_url == "http://127.0.0.1:8081/it/"


def test_an_operator_creates_a_territory_with_a_command(db):
    """The first territory of a new installation, with its roles."""
    from io import StringIO

    from django.contrib.auth.models import Group
    from django.core.management import call_command

    out = StringIO()
    call_command(
        "create_territory", "otranto", "Otranto",
        "--public-url", "https://otranto.example.org/", "--languages", "it,en,de",
        stdout=out,
    )  # fmt: skip
    assert "Otranto (otranto): it, en, de" in out.getvalue()
    settings = TerritorySettings.objects.get(slug="otranto")
    assert settings.public_base_url == "https://otranto.example.org"
    assert settings.language_codes() == ["it", "en", "de"]
    assert Group.objects.filter(name="Otranto editors").exists()
    home = settings.site.root_page.specific
    assert home.full_url == "https://otranto.example.org/it/"
