"""What a business owner's admin shows: the pages they may edit, and public ones.

Wagtail lets anyone with admin access browse the whole page tree in the page
chooser, name any page in a bulk action and read every report: an editor's job
needs that, but it showed owners the titles of others' drafts, private pages
and pages in moderation. Here owners see the pages they may explore (their
businesses and the way to them) and pages anyone can see on the sites (live,
not private, no pending change of title); reports and bulk actions on pages are
closed to them. Converting a translation to an alias publishes it, so it needs
the right to publish, for everyone.
"""

from collections.abc import Callable, Iterable

from django.db.models import F, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.chooser import page_models_from_string
from wagtail.admin.views.reports import ReportView
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permissions import page_permission_policy, policy_registry
from wagtail.query import PageQuerySet

from .dashboard import is_owner_only

CONVERT_TO_ALIAS = "wagtail_localize:convert_to_alias"
PAGE_CHOOSER = "wagtailadmin_choose_page"
PAGE_CHOOSER_CHILD = "wagtailadmin_choose_page_child"
PAGE_CHOOSER_CHOSEN = "wagtailadmin_choose_page_chosen_multiple"
BULK_ACTION = "wagtail_bulk_action"


def _outermost(paths: Iterable[str]) -> list[str]:
    """Tree paths without those under another of them."""
    kept: list[str] = []
    for path in sorted(paths):
        if not kept or not path.startswith(kept[-1]):
            kept.append(path)
    return kept


def visible_pages(user) -> PageQuerySet:
    """Pages whose titles `user` may see: explorable ones, and public ones.

    A page is public when it and every ancestor are live, unrestricted and
    carry no unpublished title (a live page's draft title is its title in
    moderation). Only hidden pages with children need a path test.
    """
    explorable = page_permission_policy.explorable_instances(user).values("pk")
    hidden = Page.objects.filter(
        Q(live=False) | ~Q(draft_title=F("title")) | Q(view_restrictions__isnull=False)
    ).exclude(pk__in=explorable)
    public = ~Q(pk__in=hidden.values("pk"))
    branches = hidden.filter(numchild__gt=0).values_list("path", flat=True)
    for path in _outermost(branches):
        public &= ~Q(path__startswith=path)
    return Page.objects.filter(Q(pk__in=explorable) | public)


def scope_page_chooser(pages: PageQuerySet, request: HttpRequest) -> PageQuerySet:
    """The page chooser's listing and search, for a `construct_page_chooser_queryset`
    hook."""
    if is_owner_only(request.user):
        return pages.filter(pk__in=visible_pages(request.user).values("pk"))
    return pages


def hide_convert_to_alias(menu_items: list, request: HttpRequest, context) -> None:
    """No "Convert to alias page" for who may not publish the page (it would)."""
    page = context.get("page")
    if page is not None and not page.permissions_for_user(request.user).can_publish():
        menu_items[:] = [i for i in menu_items if i.name != "localize-convert-to-alias"]


def _convert_to_alias(request: HttpRequest, page_id: int, **kwargs):
    page = Page.objects.filter(pk=page_id).first()
    if page is not None and not page.permissions_for_user(request.user).can_publish():
        return permission_denied(request)
    return None


def _chooser_parent(request: HttpRequest, parent_page_id: int | None = None, **kw):
    """The chooser shows its parent page's title: it must be one the owner sees."""
    visible = visible_pages(request.user)
    if parent_page_id is not None:
        if not visible.filter(pk=parent_page_id).exists():
            raise Http404
        return None
    try:
        models = page_models_from_string(request.GET.get("page_type") or "")
    except (ValueError, LookupError):
        return None  # Wagtail answers 404 itself
    if models == (Page,):
        return None  # the root
    try:
        ancestor = Page.objects.type(*models).first_common_ancestor()
    except Page.DoesNotExist:
        return None  # no page of the types: Wagtail's to answer
    if visible.filter(pk=ancestor.pk).exists():
        return None
    # Start from the root instead of a page the owner may not see.
    url = reverse(PAGE_CHOOSER_CHILD, args=[Page.get_first_root_node().pk])
    return redirect(f"{url}?{request.GET.urlencode()}")


def _named_ids(request: HttpRequest) -> set[int]:
    """The objects a request names by `?id=`; an id that is no number names none."""
    try:
        return {int(value) for value in request.GET.getlist("id")}
    except ValueError:
        raise Http404 from None


def _chosen_pages(request: HttpRequest, **kwargs) -> None:
    ids = _named_ids(request)
    if visible_pages(request.user).filter(pk__in=ids).count() != len(ids):
        raise Http404


def _bulk_action(request: HttpRequest, app_label: str, model_name: str, **kw):
    """Owners act in bulk on their images only; never on pages or anything else."""
    model = get_image_model()
    if (app_label, model_name) != (model._meta.app_label, model._meta.model_name):
        return permission_denied(request)
    if "all" in request.GET.getlist("id"):
        return None  # Wagtail lists only images the user may change
    ids = _named_ids(request)
    policy = policy_registry.get_by_type(model)
    mine = policy.instances_user_has_any_permission_for(request.user, ["choose"])
    if mine.filter(pk__in=ids).count() != len(ids):
        raise Http404
    return None


OWNER_GUARDS: dict[str, Callable[..., HttpResponse | None]] = {
    PAGE_CHOOSER: _chooser_parent,
    PAGE_CHOOSER_CHILD: _chooser_parent,
    PAGE_CHOOSER_CHOSEN: _chosen_pages,
    BULK_ACTION: _bulk_action,
}


class OwnerScopeMiddleware:
    """Checks where Wagtail and wagtail-localize have no hook to ask.

    Before the views run: the page chooser's parent page and chosen pages, bulk
    actions' confirmation pages, reports (any `ReportView`: Wagtail's,
    wagtail-localize's translations, ours) and wagtail-localize's convert to
    alias, which checks only `can_edit` and publishes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # The view first, so that other requests never load the user.
        view_name = request.resolver_match.view_name
        guard = OWNER_GUARDS.get(view_name)
        is_report = issubclass(getattr(view_func, "view_class", object), ReportView)
        if view_name == CONVERT_TO_ALIAS and request.user.is_authenticated:
            return _convert_to_alias(request, **view_kwargs)
        if (guard is None and not is_report) or not is_owner_only(request.user):
            return None
        if is_report:
            return permission_denied(request)
        return guard(request, **view_kwargs)
