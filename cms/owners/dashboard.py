"""The partner's admin home: a card per business (its offers, one button to
add one) and per institution (its place page, and the events and stories it
proposed), each once whatever the number of its languages."""

from collections import defaultdict
from dataclasses import dataclass, field
from uuid import UUID

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, WorkflowState

from cms.offers.models import BusinessPage, OfferPage
from cms.places.models import PlacePage

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
    """True for a partner (a business owner or an institution's staff) who
    holds no other role."""
    if not user.is_authenticated or user.is_superuser:
        return False
    groups = user.groups.exclude(name=OWNERS_GROUP).filter(business_access__isnull=True)
    partner = user.businesses.exists() or user.institutions.exists()
    return partner and not groups.exists()


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
    # The offer in each language the owner may edit, this one first.
    versions: list[OfferPage] = field(default_factory=list)

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


def page_status(page: Page) -> str:
    """Where a proposed event or story stands, as its partner thinks of it."""
    if page.workflow_in_progress:
        return "in_review"
    if reviewer_comment(page) is not None:
        return "changes_requested"
    return "live" if page.live else "draft"


@dataclass
class ContributionRow:
    """An event or a story an institution proposed."""

    page: Page
    status: str

    @property
    def kind(self) -> Promise:
        return self.page.specific_class._meta.verbose_name

    @property
    def status_label(self) -> Promise:
        return STATUS_LABELS[self.status]

    @property
    def comment(self) -> str | None:
        return reviewer_comment(self.page) or None

    @property
    def withdraw_label(self) -> Promise | None:
        return WITHDRAW_LABELS.get(self.status)


@dataclass
class PartnerBlock:
    """One business or institution, whatever the number of its languages: the
    version in the territory's language (or the first there is), its other
    versions as badges."""

    page: Page
    versions: list[Page] = field(default_factory=list)
    kind = ""  # "business" or "institution"

    @property
    def panel_id(self) -> str:
        return f"{self.kind}-{self.page.pk}"

    @property
    def review(self) -> str | None:
        """Where the latest edit of the partner's page itself stands, if anywhere."""
        if self.page.workflow_in_progress:
            return str(STATUS_LABELS["in_review"])
        if reviewer_comment(self.page) is not None:
            return str(STATUS_LABELS["changes_requested"])
        return None

    @property
    def comment(self) -> str | None:
        return reviewer_comment(self.page) or None


@dataclass
class BusinessBlock(PartnerBlock):
    """A business and the offers of all its versions, each once."""

    offers: list[OfferRow] = field(default_factory=list)
    kind = "business"

    @property
    def add_offer_url(self) -> str:
        return reverse(
            "wagtailadmin_pages:add", args=("offers", "offerpage", self.page.pk)
        )


@dataclass
class InstitutionBlock(PartnerBlock):
    """An institution's place, and the events and stories it proposed."""

    contributions: list[ContributionRow] = field(default_factory=list)
    kind = "institution"

    @property
    def propose_event_url(self) -> str:
        return reverse("partners:event", args=[self.page.pk])

    @property
    def propose_story_url(self) -> str:
        return reverse("partners:story", args=[self.page.pk])


def contributions_of(access: BusinessAccess) -> list[ContributionRow]:
    """What the institution proposed: the pages its group was given one by
    one, beside its place; newest first."""
    pages = (
        Page.objects.filter(group_permissions__group=access.group)
        .exclude(translation_key=access.translation_key)
        .distinct()
        .order_by("-pk")
        .specific()
    )
    return [ContributionRow(page, page_status(page)) for page in pages]


def _versions_by_key(model, user) -> list[list[Page]]:
    keys = BusinessAccess.objects.filter(group__user=user).values("translation_key")
    pages = (
        model.objects.filter(Q(owners=user) | Q(translation_key__in=keys))
        .distinct()
        .select_related("locale")
        .order_by("title", "locale__language_code")
    )
    partners: dict[UUID, list[Page]] = defaultdict(list)
    for page in pages:
        partners[page.translation_key].append(page)
    return [main_first(versions) for versions in partners.values()]


def owner_partners(user) -> list[PartnerBlock]:
    """The businesses and institutions of a user, one block each, by name."""
    blocks: list[PartnerBlock] = [
        BusinessBlock(versions[0], versions, offers_of(versions))
        for versions in _versions_by_key(BusinessPage, user)
    ]
    accesses = {
        access.translation_key: access
        for access in BusinessAccess.objects.filter(group__user=user)
    }
    for versions in _versions_by_key(PlacePage, user):
        access = accesses.get(versions[0].translation_key)
        contributions = contributions_of(access) if access else []
        blocks.append(InstitutionBlock(versions[0], versions, contributions))
    return sorted(blocks, key=lambda block: block.page.title.casefold())


def main_first(versions: list[Page]) -> list[Page]:
    """The versions of a page, the one in the default language first (their
    locales are loaded with them: no query per card or offer)."""
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return sorted(versions, key=lambda page: page.locale.language_code != default)


def offers_of(businesses: list[BusinessPage]) -> list[OfferRow]:
    """The offers under any version of a business, one row per offer (its
    translations are versions of it), newest first."""
    under_any = Q(pk__in=[])
    for business in businesses:
        under_any |= Q(path__startswith=business.path, depth=business.depth + 1)
    offers: dict[UUID, list[OfferPage]] = defaultdict(list)
    for offer in OfferPage.objects.filter(under_any).select_related("locale"):
        offers[offer.translation_key].append(offer)
    rows = [
        OfferRow(versions[0], offer_status(versions[0]), versions)
        for versions in map(main_first, offers.values())
    ]
    return sorted(rows, key=lambda r: (-r.page.valid_from.toordinal(), r.page.title))


class OwnerDashboardPanel(Component):
    name = "owner_dashboard"
    order = 10
    template_name = "owners/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        context["partners"] = owner_partners(parent_context["request"].user)
        return context
