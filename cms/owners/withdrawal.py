"""An owner takes an offer back: out of moderation, off the schedule, off the site.

Owners cannot publish, but removing their own offer only makes less public, so
it needs no moderator: the unpublish goes through Wagtail (logged, signalled),
which records the change and rebuilds the territory like any other.
"""

from typing import Literal

from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Page

Outcome = Literal["review", "scheduled", "live", "nothing"]


def withdraw(page: Page, user) -> Outcome:
    """Do the one thing that takes the page back, and say which it was.

    The caller checks that `user` may edit the page.
    """
    state = page.current_workflow_state
    if state is not None and state.status == state.STATUS_IN_PROGRESS:
        state.cancel(user=user)
        return "review"
    scheduled = page.revisions.filter(approved_go_live_at__isnull=False)
    if not page.live and scheduled.exists():
        scheduled.update(approved_go_live_at=None)
        page.go_live_at = None
        page.save(update_fields=["go_live_at"], clean=False)
        return "scheduled"
    if page.live:
        # Owners hold no unpublish permission (Wagtail ties it to publishing);
        # the caller has checked they may edit the page.
        UnpublishPageAction(page, user=user, log_action=True).execute(
            skip_permission_checks=True
        )
        return "live"
    return "nothing"
