"""A business owner's day: dashboard, a new offer, moderation, scheduling, limits."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from cms.offers.models import OfferPage
from cms.owners.dashboard import is_owner_only
from cms.owners.models import BusinessAccess
from tests.cms.factories import ImageFactory, OfferPageFactory

pytestmark = pytest.mark.django_db
ROME = ZoneInfo("Europe/Rome")


def offer_form(title: str, start: dt.date, end: dt.date, **extra) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "description": "Due caffè al prezzo di uno.",
            "valid_from": start.isoformat(),
            "valid_until": end.isoformat(),
            "conditions": "",
            "price": "",
            "discount_percent": "50",
            "linked_places": inline_formset([]),
            "linked_events": inline_formset([]),
            **extra,
        }
    )


def test_owner_has_the_owner_role_only(owner, business, moderator):
    assert is_owner_only(owner)
    assert not is_owner_only(moderator)
    assert owner.groups.filter(name="Business owners").exists()


def test_dashboard_lists_own_offers_with_their_status(
    client, owner, business, other_business
):
    today = timezone.localdate()
    live = OfferPageFactory(parent=business, title="Offerta viva")
    live.save_revision().publish()
    draft = OfferPageFactory(parent=business, title="Offerta bozza", live=False)
    draft.save_revision(user=owner)
    review = OfferPageFactory(parent=business, title="Offerta in revisione", live=False)
    review.save_revision(user=owner)
    review.get_workflow().start(review, owner)
    OfferPageFactory(
        parent=business,
        title="Offerta scaduta",
        valid_from=today - dt.timedelta(days=20),
        valid_until=today - dt.timedelta(days=1),
    )
    OfferPageFactory(parent=other_business, title="Offerta di altri")

    client.force_login(owner)
    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Mia" in html and "Altra" not in html and "Offerta di altri" not in html
    for title, status in [
        ("Offerta viva", "live"),
        ("Offerta bozza", "draft"),
        ("Offerta in revisione", "in_review"),
        ("Offerta scaduta", "expired"),
    ]:
        assert title in html
        item = html.split(title)[0].rsplit("<li", 1)[1]
        assert f'data-status="{status}"' in item, title
    add_url = reverse(
        "wagtailadmin_pages:add", args=["offers", "offerpage", business.pk]
    )
    assert add_url in html


def test_owner_submits_an_offer_and_a_moderator_approves_it(
    client, owner, moderator, business
):
    start = timezone.localdate() + dt.timedelta(days=3)
    end = start + dt.timedelta(days=10)
    client.force_login(owner)
    url = reverse("wagtailadmin_pages:add", args=["offers", "offerpage", business.pk])
    response = client.post(
        url, offer_form("Caffè sospeso", start, end, **{"action-submit": "Submit"})
    )
    assert response.status_code == 302, response.context["form"].errors
    offer = OfferPage.objects.get(title="Caffè sospeso")
    assert offer.workflow_in_progress and not offer.live

    client.force_login(moderator)
    state = offer.current_workflow_task_state
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action", args=[offer.pk, "approve", state.pk]
        )
    )
    assert response.status_code in {200, 302}

    offer.refresh_from_db()
    assert not offer.workflow_in_progress
    assert offer.go_live_at == dt.datetime.combine(start, dt.time(), ROME)
    expected_expiry = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), ROME)
    assert offer.expire_at == expected_expiry
    assert not offer.live  # it waits for its first day
    assert offer.revisions.filter(approved_go_live_at__isnull=False).exists()


def test_moderator_asks_for_changes_and_the_owner_reads_why(
    client, owner, moderator, business
):
    offer = OfferPageFactory(parent=business, title="Sconto vago", live=False)
    offer.save_revision(user=owner)
    offer.get_workflow().start(offer, owner)
    state = offer.current_workflow_task_state

    client.force_login(moderator)
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action", args=[offer.pk, "reject", state.pk]
        ),
        {"comment": "Indicate <b>per quante persone</b> vale lo sconto."},
    )
    assert response.status_code in {200, 302}

    client.force_login(owner)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    item = (
        html.split("Sconto vago")[0].rsplit("<li", 1)[1]
        + html.split("Sconto vago")[1].split("</li>")[0]
    )
    assert 'data-status="changes_requested"' in item and "Richieste modifiche" in item
    assert "Indicate &lt;b&gt;per quante persone&lt;/b&gt; vale lo sconto." in item

    offer.refresh_from_db()
    offer.save_revision(user=owner)
    offer.current_workflow_state.resume(owner)  # the owner resubmits
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "per quante persone" not in html
    assert 'data-status="in_review"' in html


def test_offer_already_running_goes_live_now_and_expires_on_time(business):
    today = timezone.localdate()
    offer = OfferPageFactory(parent=business, valid_from=today - dt.timedelta(days=1))
    offer.save_revision().publish()
    offer.refresh_from_db()
    assert offer.live and offer.go_live_at is None
    last_day = offer.valid_until + dt.timedelta(days=1)
    assert offer.expire_at == dt.datetime.combine(last_day, dt.time(), ROME)


def test_owner_cannot_publish(client, owner, business):
    client.force_login(owner)
    today = timezone.localdate()
    url = reverse("wagtailadmin_pages:add", args=["offers", "offerpage", business.pk])
    response = client.post(
        url, offer_form("Pubblicata?", today, today, **{"action-publish": "Publish"})
    )
    assert response.status_code == 302, response.context["form"].errors
    offer = OfferPage.objects.get(title="Pubblicata?")
    assert not offer.live and offer.live_revision is None


def test_owner_cannot_open_another_business(client, owner, business, other_business):
    client.force_login(owner)
    edit = reverse("wagtailadmin_pages:edit", args=[other_business.pk])
    assert client.get(edit).status_code in {302, 403}
    own = reverse("wagtailadmin_pages:edit", args=[business.pk])
    assert client.get(own).status_code == 200


def test_image_chooser_shows_only_the_business_collection(
    client, owner, business, other_business
):
    mine = ImageFactory(
        title="Foto mia",
        collection=BusinessAccess.objects.get(
            translation_key=business.translation_key
        ).collection,
    )
    theirs = ImageFactory(
        title="Foto altrui",
        collection=BusinessAccess.objects.get(
            translation_key=other_business.translation_key
        ).collection,
    )
    client.force_login(owner)
    html = client.get(reverse("wagtailimages_chooser:choose")).content.decode()
    assert mine.title in html
    assert theirs.title not in html


def test_removed_owner_loses_access(client, owner, business):
    business.owners.remove(owner)
    business.save_revision().publish()
    assert not owner.groups.exists()
    client.force_login(owner)
    edit = reverse("wagtailadmin_pages:edit", args=[business.pk])
    assert client.get(edit).status_code in {302, 403}


def test_the_dashboard_shows_each_business_once_with_its_languages(
    client, owner, business, territory
):
    """Bottega Barocca in three languages is one card, not three; its offers
    are listed once, with their languages."""
    from tests.conftest import publish_home_and_sections_in

    publish_home_and_sections_in(territory, "en")
    english = business.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    offer = OfferPageFactory(parent=business, title="Sconto")
    offer.save_revision().publish()
    offer.copy_for_translation(english.locale).save_revision().publish()

    client.force_login(owner)
    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert html.count('class="w-panel w-panel--dashboard owner-business"') == 1
    card = html[html.index("owner-business") :]
    for version in (business, english):
        assert reverse("wagtailadmin_pages:edit", args=[version.pk]) in card
    assert card.count('class="owner-offer"') == 1
    translated = offer.get_translation(english.locale)
    assert reverse("wagtailadmin_pages:edit", args=[translated.pk]) in card


def test_the_dashboard_shows_nothing_the_owner_cannot_open(client, owner, business):
    client.force_login(owner)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'class="w-summary' not in html  # no "126 Pages" of the whole site
    add = html[html.index("owner-actions") :]
    add = add[: add.index("</a>")]
    assert "button--icon" in add and "icon-wrapper" in add
    assert "offerta" in add.lower()  # a label, not an icon alone


def test_a_new_owner_gets_the_admin_in_the_territorys_language(
    client, territory, django_user_model
):
    """Whatever their phone's language; their own choice is kept."""
    from tests.cms.factories import BusinessPageFactory

    shop = BusinessPageFactory(parent=territory.sections["businesses"], title="Forno")
    owner = django_user_model.objects.create_user("forno", password="pw")
    chooser = django_user_model.objects.create_user("chooser", password="pw")
    profile = UserProfile.get_for_user(chooser)
    profile.preferred_language = "en"
    profile.save()
    shop.owners.add(owner, chooser)
    shop.save_revision().publish()

    client.force_login(owner)
    response = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en-US")
    assert response.content.decode().count('lang="it"') >= 1
    assert "Aggiungi un'offerta" in response.content.decode()
    assert UserProfile.get_for_user(chooser).preferred_language == "en"
