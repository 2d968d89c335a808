"""Who may open which preview, and for how long.

wagtail-headless-preview signs one token per preview, naming the page
(`id=<pk>`) or, for a page not yet created, its parent and type
(`parent_id=<pk>;page_type=<label>`). It checks no age and keeps its rows for a
day or more: the age limit is enforced here, and expired rows are deleted.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.signing import BadSignature, SignatureExpired
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview


class PreviewRefused(Exception):
    """Why a preview cannot be shown, with the status to answer."""

    status = 403
    title = _("This preview cannot be shown")

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Incomplete(PreviewRefused):
    status = 400
    title = _("This preview link is incomplete")


class NotFound(PreviewRefused):
    status = 404
    title = _("This preview does not exist")


class Expired(PreviewRefused):
    status = 410
    title = _("This preview has expired")


def again(message: str = "") -> str:
    return f"{message} {gettext('Open the preview again from the page editor.')}"


@dataclass
class Preview:
    """A page with its unsaved edits, and where it sits in the tree."""

    page: Page
    saved: Page | None  # None for a page not created yet
    parent: Page


def max_age() -> int:
    return getattr(settings, "VETRINA_PREVIEW_MAX_AGE", 3600)


def _is_fresh(token: str) -> bool:
    try:
        HeadlessPreviewMixin.get_preview_signer().unsign(token, max_age=max_age())
    except BadSignature:  # SignatureExpired included
        return False
    return True


def prune() -> None:
    """Delete the preview data of expired tokens.

    `created_at` is only a date: rows from before yesterday go without looking,
    the others by the age signed into their token.
    """
    yesterday = dt.date.today() - dt.timedelta(days=1)
    PagePreview.objects.filter(created_at__lt=yesterday).delete()
    expired = [
        pk
        for pk, token in PagePreview.objects.values_list("pk", "token")
        if not _is_fresh(token)
    ]
    PagePreview.objects.filter(pk__in=expired).delete()


def open_preview(token: str, content_type: str, user) -> Preview:
    """The preview a token grants `user`, or PreviewRefused saying why not."""
    prune()
    if not token or not content_type:
        raise Incomplete(again())
    signer = HeadlessPreviewMixin.get_preview_signer()
    try:
        scope = signer.unsign(token, max_age=max_age())
    except SignatureExpired:
        limit = gettext("Previews last %(minutes)d minutes.")
        raise Expired(again(limit % {"minutes": max_age() // 60})) from None
    except BadSignature:
        raise PreviewRefused(
            again(gettext("This preview link is not valid."))
        ) from None

    row = PagePreview.objects.select_related("content_type").filter(token=token).first()
    if row is None:
        raise Expired(again(gettext("The data of this preview is gone.")))
    if content_type != f"{row.content_type.app_label}.{row.content_type.model}":
        raise NotFound(gettext("This preview link names another page type."))

    page = row.as_page()
    fields = dict(part.partition("=")[::2] for part in scope.split(";"))
    if "id" in fields:
        saved = Page.objects.filter(pk=_number(fields["id"])).first()
        if saved is None:
            raise NotFound(gettext("The page of this preview has been deleted."))
        if page.pk != saved.pk:
            raise PreviewRefused(gettext("This preview link belongs to another page."))
        if not saved.permissions_for_user(user).can_edit():
            raise PreviewRefused(
                gettext("You may not edit this page, so you may not preview it.")
            )
        return Preview(page, saved, saved.get_parent())

    parent = Page.objects.filter(pk=_number(fields.get("parent_id"))).first()
    if page.pk is not None or fields.get("page_type") != page._meta.label:
        raise PreviewRefused(gettext("This preview link belongs to another page."))
    if parent is None:
        raise NotFound(gettext("The parent of this new page has been deleted."))
    if not parent.permissions_for_user(user).can_add_subpage():
        raise PreviewRefused(
            gettext("You may not add pages here, so you may not preview one.")
        )
    return Preview(page, None, parent)


def _number(text: str | None) -> int:
    return int(text) if text and text.isdigit() else -1
