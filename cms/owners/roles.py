"""Roles as Wagtail groups, per territory and per business, created idempotently.

Every territory gets an editors group (its whole page tree, in every language,
and its image collection) and a moderators group (the businesses and events
sections, and the "Offer moderation" workflow, which offers and the events
visitors propose go through). Every business gets a group that holds its
owners: add and edit under the business page, never publish, images only in
the business's own collection. Wagtail's own permission checks then apply
everywhere in the admin: explorer, choosers, search, edit views.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms.events.models import EventsIndexPage
from cms.offers.models import BusinessesIndexPage, BusinessPage

from .models import BusinessAccess

OWNERS_GROUP = "Business owners"
EDITOR_PAGE_PERMISSIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
MODERATOR_PAGE_PERMISSIONS = ("add", "change", "publish", "lock")
OWNER_PAGE_PERMISSIONS = ("add", "change")
EDITOR_MEDIA_PERMISSIONS = ("add", "change", "delete", "choose")
MODERATOR_MEDIA_PERMISSIONS = ("choose",)
OWNER_MEDIA_PERMISSIONS = ("add", "change", "choose")
MEDIA_APPS = (("wagtailimages", "image"), ("wagtaildocs", "document"))


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _admin_group(name: str) -> Group:
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    return group


def _grant_pages(group: Group, pages, actions: tuple[str, ...]) -> None:
    permissions = [_permission("wagtailcore", f"{action}_page") for action in actions]
    for page in pages:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=permission
            )


def _grant_collection(
    group: Group,
    collection: Collection,
    actions: tuple[str, ...],
    media: tuple[tuple[str, str], ...] = MEDIA_APPS,
) -> None:
    for app_label, model in media:
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=_permission(app_label, f"{action}_{model}"),
            )


def _child_collection(parent: Collection, name: str) -> Collection:
    existing = parent.get_children().filter(name=name).first()
    return existing or parent.add_child(instance=Collection(name=name))


def _business_collection(parent: Collection, title: str) -> Collection:
    """The business's own collection: two businesses may have the same name."""
    name, n = title, 1
    while True:
        existing = parent.get_children().filter(name=name).first()
        if existing is None:
            return parent.add_child(instance=Collection(name=name))
        if not BusinessAccess.objects.filter(collection=existing).exists():
            return existing
        n += 1
        name = f"{title[:240]} ({n})"


def root_collection() -> Collection:
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def territory_collection(site: Site) -> Collection:
    return _child_collection(root_collection(), site.site_name)


def owners_group() -> Group:
    return _admin_group(OWNERS_GROUP)


@transaction.atomic
def ensure_roles(site: Site) -> dict[str, Group]:
    """Create or complete the groups, collection and workflow of a territory."""
    name = site.site_name
    homes = Page.objects.filter(translation_key=site.root_page.translation_key)
    indexes = [
        index for home in homes for index in BusinessesIndexPage.objects.child_of(home)
    ]
    collection = territory_collection(site)

    editors = _admin_group(f"{name} editors")
    _grant_pages(editors, homes, EDITOR_PAGE_PERMISSIONS)
    _grant_collection(editors, collection, EDITOR_MEDIA_PERMISSIONS)
    # Only editors may see and change who owns a business.
    editors.permissions.add(_permission("owners", "change_businessaccess"))

    moderators = _admin_group(f"{name} moderators")
    events = [
        index for home in homes for index in EventsIndexPage.objects.child_of(home)
    ]
    _grant_pages(moderators, [*indexes, *events], MODERATOR_PAGE_PERMISSIONS)
    _grant_collection(moderators, collection, MODERATOR_MEDIA_PERMISSIONS)

    owners_group()

    task, _ = GroupApprovalTask.objects.get_or_create(
        name=f"{name}: approval by moderators"
    )
    task.groups.add(moderators, editors)
    workflow, _ = Workflow.objects.get_or_create(name=f"Offer moderation ({name})")
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    for index in indexes:
        WorkflowPage.objects.update_or_create(
            page=index, defaults={"workflow": workflow}
        )
    return {"editors": editors, "moderators": moderators}


@transaction.atomic
def sync_business(business: BusinessPage) -> BusinessAccess:
    """Give the owners of a business (in any language) exactly their rights."""
    translations = BusinessPage.objects.filter(translation_key=business.translation_key)
    access = BusinessAccess.objects.filter(
        translation_key=business.translation_key
    ).first()
    if access is None:
        site = business.get_site()
        parent = territory_collection(site) if site else root_collection()
        access = BusinessAccess.objects.create(
            translation_key=business.translation_key,
            group=Group.objects.get_or_create(
                name=f"Business {business.translation_key}"
            )[0],
            collection=_business_collection(parent, business.title),
        )
    _grant_pages(access.group, translations, OWNER_PAGE_PERMISSIONS)
    _grant_collection(
        access.group,
        access.collection,
        OWNER_MEDIA_PERMISSIONS,
        media=(("wagtailimages", "image"),),
    )
    owners = set(
        BusinessPage.owners.through.objects.filter(
            businesspage__translation_key=business.translation_key
        ).values_list("user_id", flat=True)
    )
    group = access.group
    current = set(group.user_set.values_list("pk", flat=True))
    group.user_set.remove(*(current - owners))
    group.user_set.add(*(owners - current))
    everyone = owners_group()
    everyone.user_set.add(*owners)
    former = current - owners
    still_owning = set(
        BusinessPage.owners.through.objects.filter(user_id__in=former).values_list(
            "user_id", flat=True
        )
    )
    everyone.user_set.remove(*(former - still_owning))
    return access


def setup_all() -> tuple[int, int]:
    """Roles of every territory and access of every business; returns the counts."""
    sites = list(Site.objects.select_related("root_page"))
    for site in sites:
        ensure_roles(site)
    keys = set(BusinessPage.objects.values_list("translation_key", flat=True))
    for key in keys:
        sync_business(BusinessPage.objects.filter(translation_key=key).first())
    return len(sites), len(keys)
