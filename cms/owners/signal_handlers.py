"""Keep roles in step with territories and business owners."""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_save
from wagtail.admin.localization import get_available_admin_languages
from wagtail.models import Site
from wagtail.signals import page_published
from wagtail.users.models import UserProfile

from cms.events.models import EventsIndexPage
from cms.offers.models import BusinessesIndexPage, BusinessPage
from cms.territories.models import TerritoryHomePage, TerritorySettings

from .roles import ensure_roles, sync_business


def territory_saved(sender, instance: TerritorySettings, **kwargs) -> None:
    ensure_roles(instance.site)


def territory_page_created(sender, instance, created: bool, raw=False, **kwargs):
    """A home, businesses or events index in a new language needs the same
    rights."""
    if not created or raw:
        return
    key = instance.translation_key
    if isinstance(instance, BusinessesIndexPage | EventsIndexPage):
        key = instance.get_parent().translation_key
    for site in Site.objects.filter(root_page__translation_key=key):
        ensure_roles(site)


def owners_changed(sender, instance, action: str, reverse: bool, **kwargs) -> None:
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if reverse:  # user.businesses.add(...): the instance is the user
        for business in BusinessPage.objects.filter(pk__in=kwargs["pk_set"] or []):
            sync_business(business)
            if action == "post_add":
                speak_the_territorys_language([instance.pk], business)
    else:
        sync_business(instance)
        if action == "post_add":
            speak_the_territorys_language(kwargs["pk_set"] or [], instance)


def speak_the_territorys_language(user_ids, business: BusinessPage) -> None:
    """A new owner's admin speaks their territory's language, not their
    browser's: an Italian shop on an English phone would otherwise get English
    words and US dates. A language the owner chose is kept."""
    site = business.get_site()
    settings = TerritorySettings.for_site(site) if site else None
    locale = settings.default_language if settings else business.locale
    language = locale.language_code if locale else ""
    if language not in dict(get_available_admin_languages()):
        return
    for user in get_user_model().objects.filter(pk__in=user_ids):
        profile = UserProfile.get_for_user(user)
        if not profile.preferred_language:
            profile.preferred_language = language
            profile.save(update_fields=["preferred_language"])


def business_published(sender, instance, **kwargs) -> None:
    sync_business(instance)


def register() -> None:
    post_save.connect(territory_saved, sender=TerritorySettings)
    post_save.connect(territory_page_created, sender=TerritoryHomePage)
    post_save.connect(territory_page_created, sender=BusinessesIndexPage)
    post_save.connect(territory_page_created, sender=EventsIndexPage)
    m2m_changed.connect(owners_changed, sender=BusinessPage.owners.through)
    page_published.connect(business_published, sender=BusinessPage)
