"""Keep roles in step with territories and business owners."""

from django.db.models.signals import m2m_changed, post_save
from wagtail.models import Site
from wagtail.signals import page_published

from cms.offers.models import BusinessesIndexPage, BusinessPage
from cms.territories.models import TerritoryHomePage, TerritorySettings

from .roles import ensure_roles, sync_business


def territory_saved(sender, instance: TerritorySettings, **kwargs) -> None:
    ensure_roles(instance.site)


def territory_page_created(sender, instance, created: bool, raw=False, **kwargs):
    """A home or businesses index in a new language needs the same rights."""
    if not created or raw:
        return
    key = instance.translation_key
    if isinstance(instance, BusinessesIndexPage):
        key = instance.get_parent().translation_key
    for site in Site.objects.filter(root_page__translation_key=key):
        ensure_roles(site)


def owners_changed(sender, instance, action: str, reverse: bool, **kwargs) -> None:
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if reverse:  # user.businesses.add(...): the instance is the user
        for business in BusinessPage.objects.filter(pk__in=kwargs["pk_set"] or []):
            sync_business(business)
    else:
        sync_business(instance)


def business_published(sender, instance, **kwargs) -> None:
    sync_business(instance)


def register() -> None:
    post_save.connect(territory_saved, sender=TerritorySettings)
    post_save.connect(territory_page_created, sender=TerritoryHomePage)
    post_save.connect(territory_page_created, sender=BusinessesIndexPage)
    m2m_changed.connect(owners_changed, sender=BusinessPage.owners.through)
    page_published.connect(business_published, sender=BusinessPage)
