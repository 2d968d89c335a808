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


# What each admin view shows a role of others' pages in moderation (business
# B's and the other territory's): their "titles", "clean" of them, "open" (it
# answers, whatever it lists), "refused" (back to the dashboard, or not found)
# or "login". Editors and moderators keep what Wagtail gives them; owners see
# only what they may edit, and wagtail-localize's convert to alias, which
# publishes, needs the right to publish.
VIEW_MATRIX = """
view              administrator editor  moderator owner   anonymous
chooser_search    titles        titles  titles    clean   login
chooser_children  titles        titles  titles    clean   login
chooser_parent    titles        titles  titles    refused login
chooser_chosen    titles        titles  titles    refused login
bulk_actions      titles        titles  titles    refused login
page_types        titles        titles  titles    refused login
site_history      titles        titles  titles    refused login
workflows         titles        titles  titles    refused login
aging_pages       open          open    open      refused login
locked_pages      open          open    refused   refused login
coverage          open          open    open      refused login
localize_report   titles        titles  titles    refused login
convert_to_alias  open          open    open      refused login
"""


@dataclass
class TranslatedWorld(World):
    own_translation: Page  # the English translation of the owner's live offer


@pytest.fixture
def translated_world(world, territory, django_capture_on_commit_callbacks):
    """The world with wagtail-localize translations into English: the owner's
    business and offer (published), and the pages in moderation (listed by
    wagtail-localize's report whether or not their parents are translated)."""
    from wagtail.models import Locale
    from wagtail_localize.operations import translate_object

    from tests.conftest import publish_home_and_sections_in

    english = Locale.objects.get(language_code="en")
    publish_home_and_sections_in(territory, "en")
    own = world.objects["own"]
    with django_capture_on_commit_callbacks(execute=True):
        for page in (own.page, own.offer):
            translate_object(page, [english])
        for business in world.objects.values():
            translate_object(business.in_review, [english])
    return TranslatedWorld(
        world.users, world.objects, own.offer.get_translation(english)
    )


def admin_view_urls(world: TranslatedWorld) -> dict[str, list[str]]:
    others = [world.objects["other"], world.objects["territory"]]
    ids = "&".join(f"id={business.in_review.pk}" for business in others)
    return {
        "chooser_search": [reverse("wagtailadmin_choose_page_search") + "?q=Offerta"],
        "chooser_children": [
            reverse("wagtailadmin_choose_page_child", args=[business.page.pk])
            for business in others
        ],
        "chooser_parent": [
            reverse("wagtailadmin_choose_page_child", args=[business.in_review.pk])
            for business in others
        ],
        "chooser_chosen": [
            reverse("wagtailadmin_choose_page_chosen_multiple") + "?" + ids
        ],
        "bulk_actions": [
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
            + "?"
            + ids
            for action in ("publish", "unpublish", "move", "delete")
        ],
        "page_types": [reverse("wagtailadmin_reports:page_types_usage")],
        "site_history": [reverse("wagtailadmin_reports:site_history")],
        "workflows": [
            reverse("wagtailadmin_reports:workflow"),
            reverse("wagtailadmin_reports:workflow_tasks"),
        ],
        "aging_pages": [reverse("wagtailadmin_reports:aging_pages")],
        "locked_pages": [reverse("wagtailadmin_reports:locked_pages")],
        "coverage": [reverse("reports:translation_coverage")],
        "localize_report": [reverse("wagtail_localize:translations_report")],
        "convert_to_alias": [
            reverse(
                "wagtail_localize:convert_to_alias", args=[world.own_translation.pk]
            )
        ],
    }


def parse_view_matrix(text: str) -> dict[tuple[str, str], str]:
    header, *rows = (line.split() for line in text.strip().splitlines())
    roles = header[1:]
    return {
        (role, row[0]): cell
        for row in rows
        for role, cell in zip(roles, row[1:], strict=True)
    }


def outcome(response, secrets: list[str]) -> str:
    """One word for what a user would notice of a response."""
    if response.status_code == 302:
        login = reverse("wagtailadmin_login")
        return "login" if response["Location"].startswith(login) else "refused"
    if response.status_code in {403, 404}:
        return "refused"
    assert response.status_code == 200, response.status_code
    body = response.content.decode()
    return "titles" if any(secret in body for secret in secrets) else "clean"


@pytest.mark.parametrize("role", ROLES)
def test_admin_views_show_each_role_what_the_matrix_says(
    translated_world, client, role
):
    user = translated_world.users[role]
    if user.is_authenticated:
        client.force_login(user)
    secrets = [
        translated_world.objects[obj].in_review.title for obj in ("other", "territory")
    ]
    expected = parse_view_matrix(VIEW_MATRIX)
    actual = {}
    for view, urls in admin_view_urls(translated_world).items():
        outcomes = {outcome(client.get(url), secrets) for url in urls}
        want = expected[role, view]
        if want == "open":  # any answer but a refusal
            outcomes = {"open" if o in {"titles", "clean"} else o for o in outcomes}
        if want == "titles" and outcomes == {"titles", "clean"}:
            outcomes = {"titles"}  # one view of the group lists them
        actual[view] = outcomes.pop() if len(outcomes) == 1 else sorted(outcomes)
    assert actual == {view: expected[role, view] for view in actual}
