"""Keep roles in step with territories and partners' accounts."""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_save
from wagtail.admin.localization import get_available_admin_languages
from wagtail.models import Site
from wagtail.signals import page_published
from wagtail.users.models import UserProfile

from cms.events.models import EventsIndexPage
from cms.offers.models import BusinessesIndexPage, BusinessPage
from cms.places.models import PlacePage, PlacesIndexPage
from cms.stories.models import StoriesIndexPage
from cms.territories.models import TerritoryHomePage, TerritorySettings

from .roles import ensure_roles, sync_partner

SECTIONS = (BusinessesIndexPage, EventsIndexPage, StoriesIndexPage, PlacesIndexPage)


def territory_saved(sender, instance: TerritorySettings, **kwargs) -> None:
    ensure_roles(instance.site)


def territory_page_created(sender, instance, created: bool, raw=False, **kwargs):
    """A home or a moderated section in a new language needs the same rights."""
    if not created or raw:
        return
    key = instance.translation_key
    if isinstance(instance, SECTIONS):
        key = instance.get_parent().translation_key
    for site in Site.objects.filter(root_page__translation_key=key):
        ensure_roles(site)


def owners_changed(sender, instance, action: str, reverse: bool, **kwargs) -> None:
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if reverse:  # user.businesses.add(...): the instance is the user
        model = kwargs["model"]
        for page in model.objects.filter(pk__in=kwargs["pk_set"] or []):
            sync_partner(page)
            if action == "post_add":
                speak_the_territorys_language([instance.pk], page)
    else:
        sync_partner(instance)
        if action == "post_add":
            speak_the_territorys_language(kwargs["pk_set"] or [], instance)


def speak_the_territorys_language(user_ids, partner) -> None:
    """A new partner's admin speaks their territory's language, not their
    browser's: an Italian shop on an English phone would otherwise get English
    words and US dates. A language the owner chose is kept."""
    site = partner.get_site()
    settings = TerritorySettings.for_site(site) if site else None
    locale = settings.default_language if settings else partner.locale
    language = locale.language_code if locale else ""
    if language not in dict(get_available_admin_languages()):
        return
    for user in get_user_model().objects.filter(pk__in=user_ids):
        profile = UserProfile.get_for_user(user)
        if not profile.preferred_language:
            profile.preferred_language = language
            profile.save(update_fields=["preferred_language"])


def partner_published(sender, instance, **kwargs) -> None:
    sync_partner(instance)


def register() -> None:
    post_save.connect(territory_saved, sender=TerritorySettings)
    post_save.connect(territory_page_created, sender=TerritoryHomePage)
    for section in SECTIONS:
        post_save.connect(territory_page_created, sender=section)
    for model in (BusinessPage, PlacePage):
        m2m_changed.connect(owners_changed, sender=model.owners.through)
        page_published.connect(partner_published, sender=model)
