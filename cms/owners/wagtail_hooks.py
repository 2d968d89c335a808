"""What a business owner sees of the admin (their dashboard and their images),
and where editors invite owners and answer sign-up requests."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.widgets import Button

from .access import can_invite_to, can_manage_owners
from .admin_scope import hide_convert_to_alias, scope_page_chooser
from .dashboard import OwnerDashboardPanel, is_owner_only
from .roles import is_partner_page

OWNER_MENU_ITEMS = {"images"}


@hooks.register("construct_main_menu")
def hide_menu_items_from_owners(request, menu_items) -> None:
    if is_owner_only(request.user):
        menu_items[:] = [item for item in menu_items if item.name in OWNER_MENU_ITEMS]


@hooks.register("construct_homepage_panels")
def owner_dashboard(request, panels) -> None:
    if is_owner_only(request.user):
        panels[:] = [OwnerDashboardPanel()]


# After Wagtail's own hooks, which add the page count ("126 Pages") an owner
# cannot open.
@hooks.register("construct_homepage_summary_items", order=1000)
def hide_summary_from_owners(request, summary_items) -> None:
    if is_owner_only(request.user):
        summary_items[:] = []


hooks.register("construct_page_chooser_queryset", scope_page_chooser)
hooks.register("construct_page_action_menu", hide_convert_to_alias)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def owners_return_to_their_dashboard(request, page):
    """After sending something for review, an owner is back where they started.

    Wagtail would show the page explorer, which owners otherwise never see.
    """
    if "action-submit" in request.POST and is_owner_only(request.user):
        return redirect("wagtailadmin_home")
    return None


@hooks.register("before_delete_page")
def owners_delete_only_their_own_drafts(request, page):
    """Wagtail lets editors of a subtree delete any draft in it; owners may not."""
    if is_owner_only(request.user) and page.owner_id != request.user.pk:
        raise PermissionDenied


@hooks.register("register_admin_urls")
def register_owners_admin_urls():
    from django.urls import include, path

    from . import admin_views

    return [path("owners/", include(admin_views, namespace="owners_admin"))]


class ManagersMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_manage_owners(request.user)


@hooks.register("register_admin_menu_item")
def owners_menu() -> SubmenuMenuItem:
    return SubmenuMenuItem(
        _("Partners"),
        Menu(
            items=[
                ManagersMenuItem(
                    _("Sign-up requests"),
                    reverse_lazy("owners_admin:signup_list"),
                    name="signup-requests",
                    icon_name="mail",
                    order=100,
                ),
                ManagersMenuItem(
                    _("Invite a partner"),
                    reverse_lazy("owners_admin:invite"),
                    name="invite-owner",
                    icon_name="user",
                    order=200,
                ),
            ]
        ),
        name="business-owners",
        icon_name="group",
        order=450,
    )


@hooks.register("register_page_header_buttons")
def invite_owner_button(page, user, view_name, next_url=None):
    if is_partner_page(page) and can_invite_to(user, page):
        from .admin_views import invite_url

        yield Button(
            _("Invite a partner"), invite_url(page), icon_name="user", priority=90
        )
