"""The business owner's admin home: their businesses, their offers, one button."""

from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState

from cms.offers.models import BusinessPage, OfferPage

from .models import BusinessAccess
from .roles import OWNERS_GROUP

STATUS_LABELS = {
    "draft": _("Draft"),
    "in_review": _("Waiting for review"),
    "changes_requested": _("Changes requested"),
    "scheduled": _("Approved, not yet live"),
    "live": _("Live"),
    "expired": _("Expired"),
}

WITHDRAW_LABELS = {
    "in_review": _("Withdraw from review"),
    "scheduled": _("Cancel going online"),
    "live": _("Take off the site"),
}


def is_owner_only(user) -> bool:
    """True for a business owner who holds no other role."""
    if not user.is_authenticated or user.is_superuser:
        return False
    groups = user.groups.exclude(name=OWNERS_GROUP).filter(business_access__isnull=True)
    return user.businesses.exists() and not groups.exists()


def offer_status(offer: OfferPage) -> str:
    """One word for where an offer stands, as an owner thinks of it."""
    if offer.expired or offer.valid_until < timezone.localdate():
        return "expired"
    if offer.workflow_in_progress:
        return "in_review"
    if reviewer_comment(offer) is not None:
        return "changes_requested"
    if offer.live:
        return "live"
    if offer.go_live_at and offer.revisions.filter(approved_go_live_at__isnull=False):
        return "scheduled"
    return "draft"


def reviewer_comment(page) -> str | None:
    """The moderator's words when they asked for changes, until the owner resubmits."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    task_state = state.current_task_state
    return (task_state.comment if task_state else "") or ""


@dataclass
class OfferRow:
    page: OfferPage
    status: str

    @property
    def comment(self) -> str | None:
        if self.status != "changes_requested":
            return None
        return reviewer_comment(self.page)

    @property
    def status_label(self) -> Promise:
        return STATUS_LABELS[self.status]

    @property
    def withdraw_label(self) -> Promise | None:
        """The button that takes the offer back, where there is something to undo."""
        return WITHDRAW_LABELS.get(self.status)


@dataclass
class BusinessBlock:
    page: BusinessPage
    offers: list[OfferRow]

    @property
    def review(self) -> str | None:
        """Where the latest edit of the business page itself stands, if anywhere."""
        if self.page.workflow_in_progress:
            return str(STATUS_LABELS["in_review"])
        if reviewer_comment(self.page) is not None:
            return str(STATUS_LABELS["changes_requested"])
        return None

    @property
    def comment(self) -> str | None:
        return reviewer_comment(self.page) or None

    @property
    def panel_id(self) -> str:
        return f"business-{self.page.pk}"

    @property
    def add_offer_url(self) -> str:
        return reverse(
            "wagtailadmin_pages:add", args=("offers", "offerpage", self.page.pk)
        )


def owner_businesses(user) -> list[BusinessBlock]:
    """The businesses a user owns, in the languages they may edit, with offers."""
    keys = BusinessAccess.objects.filter(group__user=user).values("translation_key")
    businesses = (
        BusinessPage.objects.filter(Q(owners=user) | Q(translation_key__in=keys))
        .distinct()
        .select_related("locale")
        .order_by("title", "locale__language_code")
    )
    return [
        BusinessBlock(
            business,
            [
                OfferRow(offer, offer_status(offer))
                for offer in OfferPage.objects.child_of(business).order_by(
                    "-valid_from", "title"
                )
            ],
        )
        for business in businesses
    ]


class OwnerDashboardPanel(Component):
    name = "owner_dashboard"
    order = 10
    template_name = "owners/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        context["businesses"] = owner_businesses(parent_context["request"].user)
        return context
