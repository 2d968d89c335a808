"""The hostile corpus as a business owner types it into an offer's description.

The description is Markdown: markup is kept as the owner typed it and shows as
text on the site; only invisible characters and absurd lengths are refused.
"""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.offers.models import OfferPage
from publisher.richtext import OWNER_TAGS, markdown_to_html
from tests.cms.test_owners import offer_form
from tests.hostile import HOSTILE

pytestmark = [pytest.mark.django_db, pytest.mark.database]

REFUSED = {
    "right-to-left override",
    "left-to-right embedding",
    "bidi isolate",
    "null byte",
    "escape sequence",
    "bell and backspace",
    "delete character",
    "c1 control",
    "10,000 characters",
    "zero-width space",
    "soft hyphen and word joiner",
    "byte order mark",
}


class Elements(HTMLParser):
    """Every tag and attribute the browser would build from the output."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(html)
    return parser.found


def test_every_hostile_description_is_refused_or_kept_and_rendered_inert(
    client, owner, business
):
    client.force_login(owner)
    url = reverse("wagtailadmin_pages:add", args=["offers", "offerpage", business.pk])
    today = timezone.localdate()
    failures = []
    for number, (name, value) in enumerate(HOSTILE):
        title = f"Offerta {number}"
        form = offer_form(title, today, today, description=value)
        response = client.post(url, form)
        if response.status_code == 200:
            errors = response.context["form"].errors
            if name not in REFUSED or list(errors) != ["description"]:
                failures.append(f"{name}: refused with {errors.as_data()}")
            continue
        if name in REFUSED:
            failures.append(f"{name}: stored")
            continue
        stored = OfferPage.objects.get(title=title).get_latest_revision_as_object()
        if stored.description != value:
            failures.append(f"{name}: stored as {stored.description!r}")
        for tag, attrs in elements(markdown_to_html(stored.description)):
            href = attrs.get("href") or ""
            if (
                tag not in OWNER_TAGS
                or set(attrs) - {"href", "rel"}
                or (href and not href.startswith(("https:", "http:", "mailto:")))
            ):
                failures.append(f"{name}: renders <{tag} {attrs}>")
    assert not failures, "\n".join(failures)
