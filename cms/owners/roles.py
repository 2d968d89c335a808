"""Roles as Wagtail groups, per territory and per partner, created idempotently.

Every territory gets an editors group (its whole page tree, in every language,
and its image collection) and a moderators group (the businesses, events,
stories and places sections, and the "Offer moderation" workflow, which
everything partners and visitors send goes through). Every partner gets a
group that holds its accounts, and its own image collection:

- a business's owners add and edit under the business page (its offers);
- an institution's staff (a museum, library, archive, association or school,
  whose place page lists them) edit their place page, and the events and
  stories they proposed (`grant_contribution`), each under moderation.

Partners never publish. Wagtail's own permission checks then apply everywhere
in the admin: explorer, choosers, search, edit views; since partners hold no
right on a whole section, they never see others' drafts there.
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
from cms.places.models import PlacePage, PlacesIndexPage
from cms.stories.models import StoriesIndexPage

from .models import BusinessAccess

OWNERS_GROUP = "Business owners"
EDITOR_PAGE_PERMISSIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
MODERATOR_PAGE_PERMISSIONS = ("add", "change", "publish", "lock")
OWNER_PAGE_PERMISSIONS = ("add", "change")
INSTITUTION_PAGE_PERMISSIONS = ("change",)
EDITOR_MEDIA_PERMISSIONS = ("add", "change", "delete", "choose")
MODERATOR_MEDIA_PERMISSIONS = ("choose",)
OWNER_MEDIA_PERMISSIONS = ("add", "change", "choose")
MEDIA_APPS = (("wagtailimages", "image"), ("wagtaildocs", "document"))


def _permissions(app_label: str, codenames: list[str]) -> list[Permission]:
    """The permissions named, in one query; a missing one is an error."""
    found = {
        permission.codename: permission
        for permission in Permission.objects.filter(
            content_type__app_label=app_label, codename__in=codenames
        )
    }
    return [found[codename] for codename in codenames]


def _admin_group(name: str) -> Group:
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(*_permissions("wagtailadmin", ["access_admin"]))
    return group


def _grant_pages(group: Group, pages, actions: tuple[str, ...]) -> None:
    """Give `group` each of `actions` on each page, in one write: a right it
    holds already is skipped by the unique constraint (a territory's roles are
    made often, and two processes may grant the same at once)."""
    permissions = _permissions("wagtailcore", [f"{action}_page" for action in actions])
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group=group, page=page, permission=permission)
            for page in pages
            for permission in permissions
        ],
        ignore_conflicts=True,
    )


def _grant_collection(
    group: Group,
    collection: Collection,
    actions: tuple[str, ...],
    media: tuple[tuple[str, str], ...] = MEDIA_APPS,
) -> None:
    GroupCollectionPermission.objects.bulk_create(
        [
            GroupCollectionPermission(
                group=group, collection=collection, permission=permission
            )
            for app_label, model in media
            for permission in _permissions(
                app_label, [f"{action}_{model}" for action in actions]
            )
        ],
        ignore_conflicts=True,
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


def workflow_name(site: Site) -> str:
    return f"Offer moderation ({site.site_name})"


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
    editors.permissions.add(*_permissions("owners", ["change_businessaccess"]))

    moderators = _admin_group(f"{name} moderators")
    moderated = [
        index
        for home in homes
        for model in (EventsIndexPage, StoriesIndexPage, PlacesIndexPage)
        for index in model.objects.child_of(home)
    ]
    _grant_pages(moderators, [*indexes, *moderated], MODERATOR_PAGE_PERMISSIONS)
    _grant_collection(moderators, collection, MODERATOR_MEDIA_PERMISSIONS)

    owners_group()

    task, _ = GroupApprovalTask.objects.get_or_create(
        name=f"{name}: approval by moderators"
    )
    task.groups.add(moderators, editors)
    workflow, _ = Workflow.objects.get_or_create(name=workflow_name(site))
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    for index in indexes:
        WorkflowPage.objects.update_or_create(
            page=index, defaults={"workflow": workflow}
        )
    return {"editors": editors, "moderators": moderators}


# The pages partners own, and each one's name for the owners' side of the
# relation (`user.businesses`, `user.institutions`).
PARTNER_MODELS = {BusinessPage: "businesses", PlacePage: "institutions"}


def is_partner_page(page: Page) -> bool:
    return page.specific_class in PARTNER_MODELS


def partner_group_name(page: Page) -> str:
    kind = "Business" if page.specific_class is BusinessPage else "Institution"
    return f"{kind} {page.translation_key}"


def _owner_ids(model, translation_key) -> set[int]:
    through = model.owners.through
    column = f"{model._meta.model_name}__translation_key"
    return set(
        through.objects.filter(**{column: translation_key}).values_list(
            "user_id", flat=True
        )
    )


def owns_any_partner(user_ids) -> set[int]:
    """Those of `user_ids` who still own a business or an institution."""
    return {
        user_id
        for model in PARTNER_MODELS
        for user_id in model.owners.through.objects.filter(
            user_id__in=user_ids
        ).values_list("user_id", flat=True)
    }


def moderation_workflow(page: Page) -> Workflow | None:
    """The moderation workflow of the territory a page is in."""
    site = page.get_site()
    if site is None:
        return None
    return Workflow.objects.filter(name=workflow_name(site)).first()


def _moderate(pages, workflow: Workflow | None) -> None:
    """Partners' edits of these pages go to the territory's moderators; editors
    may still publish them directly."""
    if workflow is None:
        return
    for page in pages:
        WorkflowPage.objects.update_or_create(
            page=page, defaults={"workflow": workflow}
        )


@transaction.atomic
def sync_partner(page: Page) -> BusinessAccess | None:
    """Give the accounts of a business or an institution (in any language)
    exactly their rights. A place nobody owns gets nothing."""
    model = page.specific_class
    translations = model.objects.filter(translation_key=page.translation_key)
    owners = _owner_ids(model, page.translation_key)
    access = BusinessAccess.objects.filter(translation_key=page.translation_key).first()
    if access is None:
        if model is PlacePage and not owners:
            return None
        site = page.get_site()
        parent = territory_collection(site) if site else root_collection()
        access = BusinessAccess.objects.create(
            translation_key=page.translation_key,
            group=Group.objects.get_or_create(name=partner_group_name(page))[0],
            collection=_business_collection(parent, page.title),
        )
    if model is PlacePage:
        _grant_pages(access.group, translations, INSTITUTION_PAGE_PERMISSIONS)
        _moderate(translations, moderation_workflow(page))
    else:
        _grant_pages(access.group, translations, OWNER_PAGE_PERMISSIONS)
    _grant_collection(
        access.group,
        access.collection,
        OWNER_MEDIA_PERMISSIONS,
        media=(("wagtailimages", "image"),),
    )
    group = access.group
    current = set(group.user_set.values_list("pk", flat=True))
    group.user_set.remove(*(current - owners))
    group.user_set.add(*(owners - current))
    everyone = owners_group()
    everyone.user_set.add(*owners)
    former = current - owners
    everyone.user_set.remove(*(former - owns_any_partner(former)))
    return access


def grant_contribution(access: BusinessAccess, page: Page) -> None:
    """An institution's staff may edit, and resubmit, what they proposed: an
    event at their venue or a story about it. Only that page: a right on the
    whole section would show them others' drafts."""
    _grant_pages(access.group, [page], INSTITUTION_PAGE_PERMISSIONS)
    _moderate([page], moderation_workflow(page))


def setup_all() -> tuple[int, int]:
    """Roles of every territory and access of every partner; returns the counts."""
    sites = list(Site.objects.select_related("root_page"))
    for site in sites:
        ensure_roles(site)
    keys = set(BusinessPage.objects.values_list("translation_key", flat=True))
    keys |= set(
        PlacePage.objects.filter(owners__isnull=False).values_list(
            "translation_key", flat=True
        )
    )
    for key in keys:
        sync_partner(Page.objects.filter(translation_key=key).first())
    return len(sites), len(keys)
