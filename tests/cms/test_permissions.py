"""Who may do what: every role × action × object, through Wagtail's own checks.

Objects: the owner's business A and its offer ("own"), business B in the same
territory ("other"), business C in another territory ("territory").
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permissions import page_permission_policy, policy_registry

from cms.owners.models import BusinessAccess
from tests.cms.factories import BusinessPageFactory, OfferPageFactory

pytestmark = pytest.mark.django_db

ACTIONS = ("view", "create", "edit", "publish", "delete", "upload", "approve")
OBJECTS = ("own", "other", "territory")

# One row per role and object; "x" allows, "." denies.
MATRIX = """
role            object     view create edit publish delete upload approve
administrator   own        x    x      x    x       x      x      x
administrator   other      x    x      x    x       x      x      x
administrator   territory  x    x      x    x       x      x      x
editor          own        x    x      x    x       x      x      x
editor          other      x    x      x    x       x      x      x
editor          territory  .    .      .    .       .      .      .
moderator       own        x    x      x    x       x      .      x
moderator       other      x    x      x    x       x      .      x
moderator       territory  .    .      .    .       .      .      .
owner           own        x    x      x    .       .      x      .
owner           other      .    .      .    .       .      .      .
owner           territory  .    .      .    .       .      .      .
anonymous       own        .    .      .    .       .      .      .
anonymous       other      .    .      .    .       .      .      .
anonymous       territory  .    .      .    .       .      .      .
"""


def parse_matrix(text: str) -> list[tuple[str, str, dict[str, bool]]]:
    header, *rows = (line.split() for line in text.strip().splitlines())
    assert tuple(header[2:]) == ACTIONS
    return [
        (r[0], r[1], dict(zip(ACTIONS, (c == "x" for c in r[2:]), strict=True)))
        for r in rows
    ]


@dataclass
class Business:
    page: Page
    offer: Page  # live
    in_review: Page  # submitted for moderation
    collection_id: int


@dataclass
class World:
    users: dict
    objects: dict[str, Business]


def make_business(section, owner_user=None, submitter=None) -> Business:
    page = BusinessPageFactory(parent=section)
    if owner_user is not None:
        page.owners.add(owner_user)
    page.save_revision().publish()
    offer = OfferPageFactory(parent=page)
    offer.save_revision().publish()
    in_review = OfferPageFactory(parent=page, live=False, owner=submitter)
    in_review.save_revision(user=submitter)
    in_review.get_workflow().start(in_review, submitter)
    access = BusinessAccess.objects.get(translation_key=page.translation_key)
    return Business(page, offer, in_review, access.collection_id)


def build_world(territory, other_territory) -> World:
    users = get_user_model().objects
    owner = users.create_user("owner", password="pw")
    editor = users.create_user("editor", password="pw")
    editor.groups.add(Group.objects.get(name="Lecce editors"))
    moderator = users.create_user("moderator", password="pw")
    moderator.groups.add(Group.objects.get(name="Lecce moderators"))
    admin = users.create_superuser("root", "root@example.org", "pw")
    lecce = territory.sections["businesses"]
    grecia = other_territory.sections["businesses"]
    return World(
        users={
            "administrator": admin,
            "editor": editor,
            "moderator": moderator,
            "owner": owner,
            "anonymous": AnonymousUser(),
        },
        objects={
            "own": make_business(lecce, owner, submitter=owner),
            "other": make_business(lecce, submitter=editor),
            "territory": make_business(grecia, submitter=admin),
        },
    )


def allowed(user, action: str, business: Business) -> bool:
    if not user.is_authenticated:
        return False
    page, offer = business.page, business.offer
    if action == "view":
        return (
            page_permission_policy.explorable_instances(user)
            .filter(pk=page.pk)
            .exists()
        )
    if action == "create":
        return page.permissions_for_user(user).can_add_subpage()
    if action == "edit":
        on_business = page.permissions_for_user(user).can_edit()
        assert offer.permissions_for_user(user).can_edit() == on_business
        return on_business
    if action == "publish":
        return offer.permissions_for_user(user).can_publish()
    if action == "delete":
        return offer.permissions_for_user(user).can_delete()
    if action == "upload":
        return (
            policy_registry.get_by_type(get_image_model())
            .collections_user_has_permission_for(user, "add")
            .filter(pk=business.collection_id)
            .exists()
        )
    if action == "approve":
        state = business.in_review.current_workflow_task_state
        actions = state.task.specific.get_actions(business.in_review, user)
        return "approve" in {name for name, *_ in actions}
    raise AssertionError(action)


@pytest.fixture
def world(territory, other_territory) -> World:
    return build_world(territory, other_territory)


ROLES = sorted({role for role, _, _ in parse_matrix(MATRIX)})


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(world, role):
    expected = {
        (obj, action): allow
        for row_role, obj, cells in parse_matrix(MATRIX)
        if row_role == role
        for action, allow in cells.items()
    }
    user = world.users[role]
    actual = {
        (obj, action): allowed(user, action, world.objects[obj])
        for obj, action in expected
    }
    assert actual == expected


@pytest.mark.parametrize("role", ROLES)
def test_admin_views_follow_the_matrix(world, client, role):
    """A sample through real requests: the edit and add-offer views."""
    user = world.users[role]
    if user.is_authenticated:
        client.force_login(user)
    rows = {(r, o): cells for r, o, cells in parse_matrix(MATRIX)}
    for obj, business in world.objects.items():
        cells = rows[role, obj]
        views = {
            "edit": reverse("wagtailadmin_pages:edit", args=[business.page.pk]),
            "create": reverse(
                "wagtailadmin_pages:add",
                args=["offers", "offerpage", business.page.pk],
            ),
        }
        for action, url in views.items():
            status = client.get(url).status_code
            if cells[action]:
                assert status == 200, (obj, action)
            else:
                assert status in {302, 403}, (obj, action, status)
