"""Who may do what: every role × action × object, through Wagtail's own checks.

Businesses (MATRIX): the owner's business A and its offer ("own"), business B in
the same territory ("other"), business C in another territory ("territory").

Institutions (INSTITUTION_MATRIX): the partner's place page, another place in
the same territory and one in the other territory, each kept by an institution
whose staff sent a change of it to moderation; the event the partner proposed
and an editor's event, both in moderation.
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.test import TestCase
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permissions import page_permission_policy, policy_registry
from wagtail.test.utils.form_data import querydict_from_html

from cms.owners.models import BusinessAccess
from cms.owners.roles import (
    grant_contribution,
    moderation_workflow,
    territory_collection,
)
from tests.cms.factories import (
    BusinessPageFactory,
    EventPageFactory,
    OfferPageFactory,
    PlacePageFactory,
)
from tests.conftest import (
    made_once,
    make_grecia,
    make_lecce,
    publish_home_and_sections_in,
)

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


def parse_matrix(
    text: str, actions: tuple[str, ...] = ACTIONS
) -> list[tuple[str, str, dict[str, bool]]]:
    header, *rows = (line.split() for line in text.strip().splitlines())
    assert tuple(header[2:]) == actions
    return [
        (r[0], r[1], dict(zip(actions, (c == "x" for c in r[2:]), strict=True)))
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


def make_users() -> dict:
    """One account per role, Lecce's for the editor and the moderator."""
    users = get_user_model().objects
    editor = users.create_user("editor", password="pw")
    editor.groups.add(Group.objects.get(name="Lecce editors"))
    moderator = users.create_user("moderator", password="pw")
    moderator.groups.add(Group.objects.get(name="Lecce moderators"))
    return {
        "administrator": users.create_superuser("root", "root@example.org", "pw"),
        "editor": editor,
        "moderator": moderator,
        "owner": users.create_user("owner", password="pw"),
        "anonymous": AnonymousUser(),
    }


def build_world(territory, other_territory) -> World:
    users = make_users()
    lecce = territory.sections["businesses"]
    grecia = other_territory.sections["businesses"]
    return World(
        users=users,
        objects={
            "own": make_business(lecce, users["owner"], submitter=users["owner"]),
            "other": make_business(lecce, submitter=users["editor"]),
            "territory": make_business(grecia, submitter=users["administrator"]),
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


ROLES = sorted({role for role, _, _ in parse_matrix(MATRIX)})


class TestTheBusinessMatrix:
    """Business A, its owner's; business B; business C, of the other territory."""

    @pytest.fixture(scope="class")
    @classmethod
    def world(cls, django_db_setup, django_db_blocker) -> World:
        with made_once(django_db_blocker):
            yield build_world(make_lecce(), make_grecia())

    @pytest.mark.parametrize("role", ROLES)
    def test_permission_matrix(self, world, role):
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
    def test_admin_views_follow_the_matrix(self, world, client, role):
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


# Institutions: "partner" is a museum's staff account, "owner" a business owner.
# Objects: the partner's place page ("own-place", live, their change of it in
# moderation); another institution's place in the same territory ("other-place")
# and one in the other territory ("territory-place"), likewise; the event the
# partner proposed ("proposed-event", a draft in moderation, given to them by
# grant_contribution) and an event an editor drafted ("other-event", in
# moderation). "upload" is adding images where the object's pictures go: a
# place's institution collection; for events, which have no collection of their
# own, the territory's. A partner may delete their proposal while it is a draft,
# as an owner a draft offer: Wagtail lets "change" without "publish" delete a
# page that is not live, and cms/owners/wagtail_hooks.py keeps partners to the
# pages they own (test_institution_admin_views_follow_the_matrix).
def translate(world: World, territory) -> TranslatedWorld:
    """The world with wagtail-localize translations into English: the owner's
    business and offer (published), and the pages in moderation (listed by
    wagtail-localize's report whether or not their parents are translated)."""
    from wagtail.models import Locale
    from wagtail_localize.operations import translate_object

    english = Locale.objects.get(language_code="en")
    publish_home_and_sections_in(territory, "en")
    own = world.objects["own"]
    with TestCase.captureOnCommitCallbacks(execute=True):
        for page in (own.page, own.offer):
            translate_object(page, [english])
        for business in world.objects.values():
            translate_object(business.in_review, [english])
    return TranslatedWorld(
        world.users, world.objects, own.offer.get_translation(english)
    )


class TestWhatAdminViewsShowOfOthersPages:
    @pytest.fixture(scope="class")
    @classmethod
    def translated_world(cls, django_db_setup, django_db_blocker) -> TranslatedWorld:
        with made_once(django_db_blocker):
            lecce = make_lecce()
            yield translate(build_world(lecce, make_grecia()), lecce)

    @pytest.mark.parametrize("role", ROLES)
    def test_admin_views_show_each_role_what_the_matrix_says(
        self, translated_world, client, role
    ):
        user = translated_world.users[role]
        if user.is_authenticated:
            client.force_login(user)
        secrets = [
            translated_world.objects[obj].in_review.title
            for obj in ("other", "territory")
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


INSTITUTION_ACTIONS = ("view", "edit", "publish", "delete", "upload", "approve")
INSTITUTION_MATRIX = """
role           object           view edit publish delete upload approve
administrator  own-place        x    x    x       x      x      x
administrator  other-place      x    x    x       x      x      x
administrator  territory-place  x    x    x       x      x      x
administrator  proposed-event   x    x    x       x      x      x
administrator  other-event      x    x    x       x      x      x
editor         own-place        x    x    x       x      x      x
editor         other-place      x    x    x       x      x      x
editor         territory-place  .    .    .       .      .      .
editor         proposed-event   x    x    x       x      x      x
editor         other-event      x    x    x       x      x      x
moderator      own-place        x    x    x       x      .      x
moderator      other-place      x    x    x       x      .      x
moderator      territory-place  .    .    .       .      .      .
moderator      proposed-event   x    x    x       x      .      x
moderator      other-event      x    x    x       x      .      x
owner          own-place        .    .    .       .      .      .
owner          other-place      .    .    .       .      .      .
owner          territory-place  .    .    .       .      .      .
owner          proposed-event   .    .    .       .      .      .
owner          other-event      .    .    .       .      .      .
partner        own-place        x    x    .       .      x      .
partner        other-place      .    .    .       .      .      .
partner        territory-place  .    .    .       .      .      .
partner        proposed-event   x    x    .       x      .      .
partner        other-event      .    .    .       .      .      .
anonymous      own-place        .    .    .       .      .      .
anonymous      other-place      .    .    .       .      .      .
anonymous      territory-place  .    .    .       .      .      .
anonymous      proposed-event   .    .    .       .      .      .
anonymous      other-event      .    .    .       .      .      .
"""


@dataclass
class Moderated:
    page: Page  # in moderation
    collection_id: int  # where its pictures go


@dataclass
class InstitutionWorld:
    users: dict
    objects: dict[str, Moderated]


def make_place(section, staff, *, submit=True) -> tuple[Page, BusinessAccess]:
    """A live place kept by `staff`, with their change of it sent to moderation
    if `submit`."""
    page = PlacePageFactory(parent=section)
    page.save_revision().publish()
    staff.institutions.add(page)
    page.refresh_from_db()
    if submit:
        page.save_revision(user=staff)
        page.get_workflow().start(page, staff)
    return page, BusinessAccess.objects.get(translation_key=page.translation_key)


def make_event(index, author, title: str, access=None) -> Page:
    """A draft event sent to moderation; a partner's proposal when `access`."""
    event = EventPageFactory(parent=index, title=title, live=False, owner=author)
    event.save_revision(user=author)
    if access is not None:
        grant_contribution(access, event)
    moderation_workflow(event).start(event, author)
    return event


def build_institution_world(territory, other_territory) -> InstitutionWorld:
    users = make_users()
    make_business(territory.sections["businesses"], users["owner"])
    accounts = get_user_model().objects
    partner = users["partner"] = accounts.create_user("museo", password="pw")
    others = [accounts.create_user(f"museo{n}", password="pw") for n in (2, 3)]
    lecce = territory.sections["places"]
    places = {
        "own-place": make_place(lecce, partner),
        "other-place": make_place(lecce, others[0]),
        "territory-place": make_place(other_territory.sections["places"], others[1]),
    }
    access = places["own-place"][1]
    events = territory.sections["events"]
    lecce_images = territory_collection(territory.site).pk
    proposed = make_event(events, partner, "Serata al museo", access)
    drafted = make_event(events, users["editor"], "Serata riservata")
    return InstitutionWorld(
        users=users,
        objects={
            **{
                name: Moderated(page, place_access.collection_id)
                for name, (page, place_access) in places.items()
            },
            "proposed-event": Moderated(proposed, lecce_images),
            "other-event": Moderated(drafted, lecce_images),
        },
    )


def allowed_on(user, action: str, moderated: Moderated) -> bool:
    if not user.is_authenticated:
        return False
    page = moderated.page
    permissions = page.permissions_for_user(user)
    if action == "view":
        explorable = page_permission_policy.explorable_instances(user)
        return explorable.filter(pk=page.pk).exists()
    if action == "edit":
        return permissions.can_edit()
    if action == "publish":
        return permissions.can_publish()
    if action == "delete":
        return permissions.can_delete()
    if action == "upload":
        return (
            policy_registry.get_by_type(get_image_model())
            .collections_user_has_permission_for(user, "add")
            .filter(pk=moderated.collection_id)
            .exists()
        )
    if action == "approve":
        state = page.current_workflow_task_state
        actions = state.task.specific.get_actions(page, user)
        return "approve" in {name for name, *_ in actions}
    raise AssertionError(action)


INSTITUTION_ROWS = parse_matrix(INSTITUTION_MATRIX, INSTITUTION_ACTIONS)
INSTITUTION_ROLES = sorted({role for role, _, _ in INSTITUTION_ROWS})


class TestTheInstitutionMatrix:
    @pytest.fixture(scope="class")
    @classmethod
    def institution_world(cls, django_db_setup, django_db_blocker) -> InstitutionWorld:
        with made_once(django_db_blocker):
            yield build_institution_world(make_lecce(), make_grecia())

    @pytest.mark.parametrize("role", INSTITUTION_ROLES)
    def test_institution_permission_matrix(self, institution_world, role):
        expected = {
            (obj, action): allow
            for row_role, obj, cells in INSTITUTION_ROWS
            if row_role == role
            for action, allow in cells.items()
        }
        user = institution_world.users[role]
        actual = {
            (obj, action): allowed_on(user, action, institution_world.objects[obj])
            for obj, action in expected
        }
        assert actual == expected

    @pytest.mark.parametrize("role", INSTITUTION_ROLES)
    def test_institution_admin_views_follow_the_matrix(
        self, institution_world, client, role
    ):
        """A sample through real requests: the edit and delete views."""
        user = institution_world.users[role]
        if user.is_authenticated:
            client.force_login(user)
        rows = {(r, o): cells for r, o, cells in INSTITUTION_ROWS}
        for obj, moderated in institution_world.objects.items():
            cells = rows[role, obj]
            for action in ("edit", "delete"):
                url = reverse(f"wagtailadmin_pages:{action}", args=[moderated.page.pk])
                status = client.get(url).status_code
                if cells[action]:
                    assert status == 200, (obj, action)
                else:
                    assert status in {302, 403}, (obj, action, status)

    def test_a_partner_sees_no_title_of_others_events(self, institution_world, client):
        """Their own proposal is listed, an editor's event in moderation is not:
        not in the explorer of the events section, nor in the page chooser."""
        proposed = institution_world.objects["proposed-event"].page
        drafted = institution_world.objects["other-event"].page
        urls = [
            reverse("wagtailadmin_explore", args=[proposed.get_parent().pk]),
            reverse("wagtailadmin_choose_page_search") + "?q=Serata",
        ]
        for role, sees_others in (("editor", True), ("partner", False)):
            client.force_login(institution_world.users[role])
            for url in urls:
                response = client.get(url)
                assert response.status_code == 200, (role, url)
                body = response.content.decode()
                assert proposed.title in body, (role, url)
                assert (drafted.title in body) == sees_others, (role, url)


def edit_form(client, page, **changes) -> dict:
    """The page's edit form as the browser posts it (StreamFields, drawn by
    JavaScript, empty), with `changes`."""
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content
    data = querydict_from_html(html.decode(), form_id="page-edit-form")
    for field in page.specific_class._meta.get_fields():
        if isinstance(field, StreamField):
            data.setdefault(f"{field.name}-count", "0")
    for name, value in changes.items():
        data[name] = value
    return data


def post_edit(client, page, action: str | None = None, **changes):
    """Save the edit form; "publish" or "submit" (for moderation) as its buttons."""
    if action is not None:
        changes[f"action-{action}"] = action
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, edit_form(client, page, **changes))


def test_an_editor_publishes_a_partners_place_and_the_partner_submits_it(
    territory, client
):
    users = make_users()
    partner = get_user_model().objects.create_user("museo", password="pw")
    place, _ = make_place(territory.sections["places"], partner, submit=False)

    client.force_login(users["editor"])
    response = post_edit(client, place, "publish", title="Museo civico")
    assert response.status_code == 302
    place.refresh_from_db()
    assert place.title == "Museo civico"
    assert place.current_workflow_state is None  # no moderation on the way

    client.force_login(partner)
    response = post_edit(client, place, title="Museo Sigismondo Castromediano")
    assert response.status_code == 302
    response = post_edit(client, place, "submit")
    assert response.status_code == 302
    place.refresh_from_db()
    assert place.title == "Museo civico"  # the site keeps the published one
    state = place.current_workflow_state
    assert state.status == state.STATUS_IN_PROGRESS
    assert state.requested_by == partner
    task = state.current_task_state.task.specific
    assert set(task.groups.values_list("name", flat=True)) == {
        "Lecce editors",
        "Lecce moderators",
    }

    client.force_login(users["editor"])  # publishing it ends the moderation
    response = post_edit(client, place, "publish")
    assert response.status_code == 302
    place.refresh_from_db()
    assert place.title == "Museo Sigismondo Castromediano"
    assert not place.workflow_in_progress
