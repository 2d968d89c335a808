"""What a business owner sees of the admin: their dashboard and their images."""

from django.core.exceptions import PermissionDenied
from wagtail import hooks

from .dashboard import OwnerDashboardPanel, is_owner_only

OWNER_MENU_ITEMS = {"images"}


@hooks.register("construct_main_menu")
def hide_menu_items_from_owners(request, menu_items) -> None:
    if is_owner_only(request.user):
        menu_items[:] = [item for item in menu_items if item.name in OWNER_MENU_ITEMS]


@hooks.register("construct_homepage_panels")
def owner_dashboard(request, panels) -> None:
    if is_owner_only(request.user):
        panels[:] = [OwnerDashboardPanel()]


@hooks.register("construct_homepage_summary_items")
def hide_summary_from_owners(request, summary_items) -> None:
    if is_owner_only(request.user):
        summary_items[:] = []


@hooks.register("before_delete_page")
def owners_delete_only_their_own_drafts(request, page):
    """Wagtail lets editors of a subtree delete any draft in it; owners may not."""
    if is_owner_only(request.user) and page.owner_id != request.user.pk:
        raise PermissionDenied
