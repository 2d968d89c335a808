"""Editors work in Italian: the CMS's own labels come from a complete catalog."""

from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.urls import reverse

CATALOG = Path(settings.LOCALE_PATHS[0]) / "it" / "LC_MESSAGES"


def read_catalog(name, reader):
    with (CATALOG / name).open("rb") as f:
        return reader(f)


def translations(catalog):
    return {
        frozen(message.id): frozen(message.string) for message in catalog if message.id
    }


def frozen(value):
    """Babel's read_mo gives plural forms as lists, read_po as tuples."""
    return tuple(value) if isinstance(value, list | tuple) else value


def test_every_cms_string_has_an_italian_translation():
    catalog = read_catalog("django.po", read_po)
    assert catalog.locale and str(catalog.locale) == "it"
    fuzzy = [message.id for message in catalog if message.id and message.fuzzy]
    untranslated = [
        message.id
        for message in catalog
        if message.id
        and not (all(message.string) if message.pluralizable else message.string)
    ]
    assert not fuzzy, f"fuzzy in django.po, check and unflag them: {fuzzy}"
    assert not untranslated, f"untranslated in django.po: {untranslated}"


def test_compiled_catalog_matches_the_po():
    po = read_catalog("django.po", read_po)
    mo = read_catalog("django.mo", read_mo)
    expected = translations(message for message in po if not message.fuzzy)
    assert translations(mo) == expected, "django.mo is stale: run `make cms-messages`"


@pytest.mark.django_db
def test_editor_sees_the_place_form_in_italian(territory, client, django_user_model):
    editor = django_user_model.objects.create_superuser(
        "redazione", "redazione@example.org", "x"
    )
    client.force_login(editor)
    places = territory.sections["places"]
    url = reverse("wagtailadmin_pages:add", args=["places", "placepage", places.pk])

    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Sommario" in html
    assert "Una o due frasi, mostrate negli elenchi e nei link condivisi." in html
    assert "Immagine di copertina" in html
    assert "Orari di apertura" in html
    assert "One or two sentences, shown in lists and shared links." not in html
    assert "Opening hours" not in html
