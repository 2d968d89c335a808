"""The scheduler process makes go-live and expiry dates happen."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.cms.factories import PlacePageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.database]


def test_scheduled_page_goes_live_and_expired_page_goes_away(territory, client):
    soon = PlacePageFactory(
        parent=territory.sections["places"], title="Presto", live=False
    )
    soon.go_live_at = timezone.now() - dt.timedelta(minutes=1)
    soon.save_revision(approved_go_live_at=soon.go_live_at)
    gone = PlacePageFactory(
        parent=territory.sections["places"],
        title="Finito",
        expire_at=timezone.now() - dt.timedelta(minutes=1),
    )

    call_command("run_scheduler", "--once")

    soon.refresh_from_db()
    gone.refresh_from_db()
    assert soon.live
    assert not gone.live and gone.expired
