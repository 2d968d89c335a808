"""Who may invite owners and handle sign-up requests, and for which territories.

Two conditions, both needed: the model permission editors hold
(owners.change_businessaccess, so owners and moderators are out), and edit
rights on the territory's pages (so an editor of one territory cannot act on
another's businesses).
"""

from django.db.models import Q, QuerySet
from wagtail.models import Page, Site

from cms.offers.models import BusinessPage
from cms.places.models import PlacePage

MANAGE_OWNERS = "owners.change_businessaccess"


def can_manage_owners(user) -> bool:
    return bool(user.is_active and user.has_perm(MANAGE_OWNERS))


def territories() -> QuerySet[Site]:
    """Wagtail sites that are territories: they have settings with a slug."""
    return (
        Site.objects.filter(territorysettings__slug__isnull=False)
        .select_related("root_page", "territorysettings")
        .order_by("site_name")
    )


def can_edit_territory(user, site: Site) -> bool:
    if not can_manage_owners(user):
        return False
    return site.root_page.permissions_for_user(user).can_edit()


def editable_territories(user) -> list[Site]:
    return [site for site in territories() if can_edit_territory(user, site)]


def _homes(sites: list[Site]) -> QuerySet[Page]:
    """The territories' home pages in every language (each locale has its tree)."""
    keys = [site.root_page.translation_key for site in sites]
    return Page.objects.filter(translation_key__in=keys)


def territory_partners(sites: list[Site], models=(BusinessPage, PlacePage)):
    """One page per business and institution (the first created, not its
    translations): the pages partners may be given."""
    if not sites:
        return Page.objects.none()
    under = Q()
    for home in _homes(sites):
        under |= Q(path__startswith=home.path)
    pages = Page.objects.type(*models).filter(under, alias_of__isnull=True)
    firsts: dict = {}
    for pk, key in pages.order_by("pk").values_list("pk", "translation_key"):
        firsts.setdefault(key, pk)
    return Page.objects.filter(pk__in=firsts.values()).order_by("title").specific()


def editable_partners(user):
    return territory_partners(editable_territories(user))


def can_invite_to(user, page: Page) -> bool:
    """Editors of the partner's territory, never its owners or moderators."""
    return can_manage_owners(user) and page.permissions_for_user(user).can_edit()
