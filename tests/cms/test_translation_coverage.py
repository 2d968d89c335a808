"""The translation coverage report: which pages lack which language."""

import copy

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import GroupPagePermission, Locale
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import translate_object

from cms.places.models import PlacePage
from cms.reports.translation_coverage import (
    TranslationState,
    source_pages,
    target_locales,
    translation_coverage,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def territory(lecce_once):
    """Lecce made once for the module (tests/conftest.py), a copy per test."""
    return copy.deepcopy(lecce_once)


REPORT_URL = "/admin/reports/translation-coverage/"


def add_place(territory, title):
    page = PlacePage(title=title, slug=slugify(title), kind="museum")
    territory.sections["places"].add_child(instance=page)
    page.save_revision().publish()
    return page


def translate_places_section(territory, locale):
    """The English home and places index, published: the usual starting point."""
    for page in (territory.home, territory.sections["places"]):
        page.copy_for_translation(locale).save_revision().publish()


def translate_with_localize(page, locale, on_commit):
    """Submit `page` to wagtail-localize and publish its translation."""
    translate_object(page, [locale])
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )
    # wagtail-localize publishes the translation once the transaction commits.
    with on_commit(execute=True):
        translation.save_target(publish=True)
    return translation


def add_places(territory, locale, on_commit, count, start=0):
    """Places in every state: missing, alias, draft, live, out of date."""
    for index in range(start, start + count):
        place = add_place(territory, f"Luogo {index}")
        match index % 5:
            case 1:
                place.copy_for_translation(locale, alias=True)
            case 2:
                place.copy_for_translation(locale)
            case 3:
                translate_with_localize(place, locale, on_commit)
            case 4:
                translate_with_localize(place, locale, on_commit)
                place.save_revision().publish()


def states(rows):
    return {
        row.page.title: {
            cell.locale.language_code: cell.state for cell in row.languages
        }
        for row in rows
    }


@pytest.fixture
def english(territory):
    return Locale.objects.get(language_code="en")


@pytest.mark.database
def test_reports_missing_alias_draft_and_live(territory, english):
    translate_places_section(territory, english)
    add_place(territory, "Museo Castromediano")
    add_place(territory, "Anfiteatro romano").copy_for_translation(english, alias=True)
    add_place(territory, "Teatro Paisiello").copy_for_translation(english)
    add_place(territory, "Chiesa di Santa Croce").copy_for_translation(
        english
    ).save_revision().publish()

    rows = translation_coverage(territory.settings)

    assert states(rows) == {
        "Lecce": {"en": TranslationState.LIVE},
        "Luoghi": {"en": TranslationState.LIVE},
        "Museo Castromediano": {"en": TranslationState.MISSING},
        "Anfiteatro romano": {"en": TranslationState.ALIAS},
        "Teatro Paisiello": {"en": TranslationState.DRAFT},
        "Chiesa di Santa Croce": {"en": TranslationState.LIVE},
        "Storie": {"en": TranslationState.MISSING},
        "Eventi": {"en": TranslationState.MISSING},
        "Itinerari": {"en": TranslationState.MISSING},
        "Attività e offerte": {"en": TranslationState.MISSING},
    }
    assert [row.page.title for row in rows][:3] == [
        "Lecce",
        "Luoghi",
        "Museo Castromediano",
    ]
    assert all(
        row.page.locale_id == territory.settings.default_language_id for row in rows
    )
    alias = next(row for row in rows if row.page.title == "Anfiteatro romano")
    assert alias.untranslated[0].page_id is not None


def test_lists_only_live_source_pages(territory):
    add_place(territory, "Museo Faggiano").unpublish()

    titles = [row.page.title for row in translation_coverage(territory.settings)]

    assert "Museo Faggiano" not in titles


@pytest.mark.database
def test_a_translation_goes_out_of_date_when_the_source_is_published_again(
    territory, english, django_capture_on_commit_callbacks
):
    translate_places_section(territory, english)
    place = add_place(territory, "Museo Castromediano")
    translation = translate_with_localize(
        place, english, django_capture_on_commit_callbacks
    )

    assert states(translation_coverage(territory.settings))["Museo Castromediano"] == {
        "en": TranslationState.LIVE
    }

    place.summary = "Il museo più antico della Puglia."
    place.save_revision().publish()
    [cell] = next(
        row.languages
        for row in translation_coverage(territory.settings)
        if row.page.pk == place.pk
    )

    assert cell.state == TranslationState.OUT_OF_DATE
    assert cell.translation_source_id == translation.source_id
    assert cell.is_translated

    TranslationSource.objects.get(pk=translation.source_id).update_from_db()

    assert states(translation_coverage(territory.settings))["Museo Castromediano"] == {
        "en": TranslationState.LIVE
    }


@pytest.mark.database
def test_filter_on_pages_missing_a_language(territory, english):
    translate_places_section(territory, english)
    add_place(territory, "Museo Castromediano")
    add_place(territory, "Anfiteatro romano").copy_for_translation(english, alias=True)
    add_place(territory, "Teatro Paisiello").copy_for_translation(english)

    missing = translation_coverage(territory.settings, untranslated=True)
    complete = translation_coverage(territory.settings, untranslated=False)

    assert {row.page.title for row in missing} == {
        "Museo Castromediano",
        "Anfiteatro romano",
        "Storie",
        "Eventi",
        "Itinerari",
        "Attività e offerte",
    }
    assert all(row.untranslated for row in missing)
    assert {row.page.title for row in complete} == {
        "Lecce",
        "Luoghi",
        "Teatro Paisiello",
    }


def test_languages_and_pages_are_the_territorys_own(territory, other_territory):
    add_place(territory, "Museo Castromediano")

    locales = target_locales(other_territory.settings)
    rows = translation_coverage(other_territory.settings)

    assert [locale.language_code for locale in locales] == ["en", "ar"]
    assert {row.page.title for row in rows} == {
        "Grecìa Salentina",
        "Luoghi",
        "Storie",
        "Eventi",
        "Itinerari",
        "Attività e offerte",
    }
    assert all(
        [cell.locale.language_code for cell in row.languages] == ["en", "ar"]
        for row in rows
    )


def test_editors_see_the_pages_they_may_edit(territory, django_user_model):
    add_place(territory, "Museo Castromediano")
    editors = Group.objects.create(name="Redazione luoghi")
    GroupPagePermission.objects.create(
        group=editors,
        page=territory.sections["places"],
        permission=Permission.objects.get(codename="change_page"),
    )
    editor = django_user_model.objects.create_user("editor", password="x")
    editor.groups.add(editors)
    stranger = django_user_model.objects.create_user("stranger", password="x")

    assert {page.title for page in source_pages(territory.settings, user=editor)} == {
        "Luoghi",
        "Museo Castromediano",
    }
    assert not source_pages(territory.settings, user=stranger).exists()


@pytest.mark.database
def test_query_count_does_not_grow_with_the_pages(
    territory, english, django_capture_on_commit_callbacks
):
    translate_places_section(territory, english)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            rows = translation_coverage(territory.settings)
        return {row.languages[0].state for row in rows}, len(rows), len(queries)

    # Five: one page in each state, one translated with wagtail-localize.
    add_places(territory, english, django_capture_on_commit_callbacks, 5)
    seen, few_rows, few_queries = count_queries()
    add_places(territory, english, django_capture_on_commit_callbacks, 10, start=5)
    _, many_rows, many_queries = count_queries()

    assert seen == set(TranslationState)
    assert many_rows == few_rows + 10
    assert many_queries == few_queries


@pytest.mark.database
def test_the_report_costs_the_same_queries_for_5_and_15_pages(
    territory, english, admin_client, django_capture_on_commit_callbacks
):
    translate_places_section(territory, english)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.get(REPORT_URL)
        assert response.status_code == 200
        return len(queries)

    add_places(territory, english, django_capture_on_commit_callbacks, 5)
    few = count_queries()
    add_places(territory, english, django_capture_on_commit_callbacks, 10, start=5)

    assert count_queries() == few


def test_the_report_shows_missing_pages_with_a_link_to_translate(
    territory, english, admin_client
):
    translate_places_section(territory, english)
    place = add_place(territory, "Museo Castromediano")

    response = admin_client.get(REPORT_URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Museo Castromediano" in html
    translate_url = reverse("wagtail_localize:submit_page_translation", args=[place.pk])
    assert f"{translate_url}?select_locale=en" in html


def test_the_report_links_a_stale_translation_to_sync(
    territory, english, admin_client, django_capture_on_commit_callbacks
):
    translate_places_section(territory, english)
    place = add_place(territory, "Museo Castromediano")
    translation = translate_with_localize(
        place, english, django_capture_on_commit_callbacks
    )
    place.save_revision().publish()

    html = admin_client.get(REPORT_URL).content.decode()

    sync_url = reverse(
        "wagtail_localize:update_translations", args=[translation.source_id]
    )
    assert f"{sync_url}?next=" in html


def test_the_report_filters_by_territory_and_missing_language(
    territory, other_territory, english, admin_client
):
    translate_places_section(territory, english)
    add_place(territory, "Museo Castromediano")

    complete = admin_client.get(
        REPORT_URL, {"territory": "lecce", "untranslated": "false"}
    )
    other = admin_client.get(REPORT_URL, {"territory": "grecia-salentina"})
    results = admin_client.get(
        reverse("reports:translation_coverage_results"),
        {"territory": "lecce", "untranslated": "true"},
    )

    assert complete.status_code == other.status_code == results.status_code == 200
    assert "Museo Castromediano" not in complete.content.decode()
    assert "Luoghi" in complete.content.decode()
    assert "العربية" in other.content.decode()  # a column per language offered
    assert "Museo Castromediano" not in other.content.decode()
    assert "Museo Castromediano" in results.content.decode()


def test_the_report_is_in_the_reports_menu(territory, admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))

    assert REPORT_URL in response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(territory, client):
    response = client.get(REPORT_URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


def test_admin_users_without_page_permissions_are_turned_away(
    territory, client, django_user_model
):
    user = django_user_model.objects.create_user("reader", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    response = client.get(REPORT_URL)

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


@pytest.mark.database
def test_the_report_counts_the_texts_left_to_translate(
    territory, english, admin_client, django_capture_on_commit_callbacks
):
    """A translation made with wagtail-localize counts every text it asks for,
    an inline row's and an image's alt text included; the report says how
    many are left."""
    from cms.places.models import OpeningException, TicketPrice
    from tests.cms.factories import ImageFactory

    translate_places_section(territory, english)
    place = PlacePage(
        title="Museo",
        slug="museo",
        kind="museum",
        hero_image=ImageFactory(alt_text="Una sala del museo"),
        opening_exceptions=[
            OpeningException(start_date="2026-12-25", note="Chiuso per Natale")
        ],
        ticket_prices=[TicketPrice(label="Intero", price=5)],
    )
    territory.sections["places"].add_child(instance=place)
    place.save_revision().publish()
    translation = translate_with_localize(
        place, english, django_capture_on_commit_callbacks
    )
    source = translation.source
    texts = {s.string.data for s in source.stringsegment_set.all()}
    assert {"Museo", "Una sala del museo", "Chiuso per Natale", "Intero"} <= texts

    (cell,) = next(
        row.languages
        for row in translation_coverage(territory.settings)
        if row.page.pk == place.pk
    )
    assert cell.texts == (0, len(texts))
    response = admin_client.get(REPORT_URL)
    n = len(texts)
    assert f"{n} testi su {n} da tradurre" in response.text  # the admin is Italian
