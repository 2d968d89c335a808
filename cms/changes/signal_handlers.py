"""Record every event that changes what a territory publishes.

Publishing, unpublishing (scheduled expiry included: `publish_scheduled` calls
unpublish, go-live calls publish), deleting, moving and renaming pages, and
adding or removing a view restriction record page changes; territory settings,
their Site, topics, and images and documents in use (and the renditions the API
serves) record a territory-wide change, since they show on many pages. An
editor's redirect (Settings → Redirects) records a redirects change in its
territory, or in every one for a redirect of all sites.
"""

from __future__ import annotations

import contextlib
import threading
import weakref
from dataclasses import dataclass, field
from typing import Any

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from .recording import (
    PageRow,
    home_path,
    page_rows,
    record_pages,
    record_path_change,
    record_redirects,
    record_territories,
    sites_using,
    territory_sites,
)


def on_page_changed(sender, instance: Page, **kwargs: Any) -> None:
    """page_published, page_unpublished: the page's own representation changed."""
    if _being_deleted(instance.pk):
        return  # Wagtail unpublishes live pages it deletes: the deletion records it
    record_pages(page_rows(Page.objects.filter(pk=instance.pk)))


def on_slug_changed(sender, instance: Page, instance_before: Page, **kwargs) -> None:
    record_path_change(instance, instance_before.url_path, home_path(instance.path))


def on_page_moved(
    sender,
    instance: Page,
    parent_page_before: Page,
    url_path_before: str,
    url_path_after: str,
    **kwargs: Any,
) -> None:
    if url_path_before == url_path_after:
        return  # a reorder among siblings: no URL changed
    record_path_change(instance, url_path_before, home_path(parent_page_before.path))


@dataclass(eq=False)
class _Deletion:
    """Pages one delete() removes, gathered before the rows go, saved once after.

    Django sends pre_delete for every page before deleting any, then post_delete
    for each: the batch is keyed by the deletion's `origin`, so deleting a
    subtree of any size costs one INSERT.
    """

    sites: dict[str, int]
    locales: dict[int, str]
    rows: list[PageRow] = field(default_factory=list)
    ids: set[int] = field(default_factory=set)

    def add(self, page: Page) -> None:
        self.ids.add(page.pk)
        self.rows.append(
            PageRow(
                id=page.pk,
                path=page.path,
                url_path=page.url_path,
                content_type_id=page.content_type_id,
                locale=self.locales.get(page.locale_id, ""),
                translation_key=page.translation_key,
                live=page.live,
            )
        )

    def save(self) -> None:
        # A deleted territory home takes its Site with it: nothing to record there.
        existing = set(
            Site.objects.filter(pk__in=set(self.sites.values())).values_list(
                "pk", flat=True
            )
        )
        sites = {path: pk for path, pk in self.sites.items() if pk in existing}
        record_pages(self.rows, sites)


_DELETION = "_vetrina_changes_deletion"
_ongoing = threading.local()


def _deletions() -> weakref.WeakSet[_Deletion]:
    """Deletions under way in this thread; one that failed goes with its origin."""
    if not hasattr(_ongoing, "deletions"):
        _ongoing.deletions = weakref.WeakSet()
    return _ongoing.deletions


def _being_deleted(page_id: int) -> bool:
    return any(page_id in deletion.ids for deletion in _deletions())


def _new_deletion() -> _Deletion:
    deletion = _Deletion(
        sites=territory_sites(),
        locales=dict(Locale.objects.values_list("pk", "language_code")),
    )
    _deletions().add(deletion)
    return deletion


def on_page_pre_delete(sender, instance: Page, origin=None, **kwargs: Any) -> None:
    deletion = getattr(origin, _DELETION, None)
    if deletion is None:
        deletion = _new_deletion()
        try:
            setattr(origin, _DELETION, deletion)
        except AttributeError:  # no origin to gather on: record this page alone
            _deletions().discard(deletion)
            deletion.add(instance)
            deletion.save()
            return
    deletion.add(instance)


def on_page_post_delete(sender, instance: Page, origin=None, **kwargs: Any) -> None:
    deletion = getattr(origin, _DELETION, None)
    if deletion is not None:
        delattr(origin, _DELETION)
        _deletions().discard(deletion)
        deletion.save()


def on_view_restriction_changed(
    sender, instance: PageViewRestriction, raw: bool = False, **kwargs: Any
) -> None:
    """A page made private, or public again: it and its live descendants leave
    or join the API without being published."""
    if raw or _being_deleted(instance.page_id):
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        record_pages(page_rows(Page.objects.descendant_of(page, inclusive=True).live()))


def on_site_saved(sender, instance: Site, raw: bool = False, **kwargs: Any) -> None:
    """Host, port and name show in the territory and in every page's html_url."""
    if not raw:
        record_territories([instance.pk])


def on_territory_settings_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:
        record_territories([instance.site_id])


def on_topic_changed(sender, instance, raw: bool = False, **kwargs: Any) -> None:
    """Topic names show on stories of every territory, in every language."""
    if not raw:
        record_territories(Site.objects.values_list("pk", flat=True))


def on_media_saved(
    sender, instance, created: bool = False, raw: bool = False, **kwargs: Any
) -> None:
    """An image or document edited: its title, alt text, credit or file show on
    every page that uses it. A new upload is used by nothing yet."""
    if not (raw or created):
        record_territories(sites_using(instance))


def on_media_deleted(sender, instance, **kwargs: Any) -> None:
    # pre_delete: Wagtail forgets the references once the object is gone.
    record_territories(sites_using(instance))


def on_rendition_deleted(sender, instance, **kwargs: Any) -> None:
    """A rendition the API serves is gone (a purge, a new focal point): made
    again, it may get another file name."""
    from cms.core.models import rendition_specs

    if instance.filter_spec not in rendition_specs():
        return
    image = get_image_model().objects.filter(pk=instance.image_id).first()
    if image is not None:
        record_territories(sites_using(image))


_SITES_BEFORE = "_vetrina_sites_before"


def on_redirect_pre_save(sender, instance, raw: bool = False, **kwargs: Any) -> None:
    """Remember the site an edited redirect had: the territory it leaves changes
    too. A list, since no site (None) means every site."""
    if not raw and instance.pk is not None:
        before = sender.objects.filter(pk=instance.pk).values_list("site_id", flat=True)
        setattr(instance, _SITES_BEFORE, list(before))


def on_redirect_saved(sender, instance, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        record_redirects({instance.site_id, *getattr(instance, _SITES_BEFORE, [])})
        with contextlib.suppress(AttributeError):
            delattr(instance, _SITES_BEFORE)


def on_redirect_deleted(sender, instance, origin=None, **kwargs: Any) -> None:
    """A redirect deleted itself (an editor, a script), not taken along by a page
    or a Site: a page's deletion records its own change, and a change recorded
    for a Site being deleted would make its deletion fail."""
    if isinstance(origin, sender) or getattr(origin, "model", None) is sender:
        record_redirects([instance.site_id])


def register() -> None:
    from wagtail.contrib.redirects.models import Redirect

    from cms.core.models import Topic
    from cms.territories.models import TerritorySettings

    uid = "vetrina_changes_"
    page_published.connect(on_page_changed, dispatch_uid=uid + "published")
    page_unpublished.connect(on_page_changed, dispatch_uid=uid + "unpublished")
    page_slug_changed.connect(on_slug_changed, dispatch_uid=uid + "slug")
    post_page_move.connect(on_page_moved, dispatch_uid=uid + "move")
    pre_delete.connect(on_page_pre_delete, sender=Page, dispatch_uid=uid + "pre_del")
    post_delete.connect(on_page_post_delete, sender=Page, dispatch_uid=uid + "del")
    for signal, name in ((post_save, "restriction"), (post_delete, "restriction_del")):
        signal.connect(
            on_view_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=uid + name,
        )
    post_save.connect(on_site_saved, sender=Site, dispatch_uid=uid + "site")
    post_save.connect(
        on_territory_settings_saved, sender=TerritorySettings, dispatch_uid=uid + "ts"
    )
    post_save.connect(on_topic_changed, sender=Topic, dispatch_uid=uid + "topic")
    post_delete.connect(on_topic_changed, sender=Topic, dispatch_uid=uid + "topic_del")
    post_delete.connect(
        on_rendition_deleted,
        sender=get_image_model().get_rendition_model(),
        dispatch_uid=uid + "rendition_del",
    )
    for signal, receiver, name in (
        (pre_save, on_redirect_pre_save, "redirect_pre"),
        (post_save, on_redirect_saved, "redirect"),
        (post_delete, on_redirect_deleted, "redirect_del"),
    ):
        signal.connect(receiver, sender=Redirect, dispatch_uid=uid + name)
    for model in (get_image_model(), get_document_model()):
        label = model._meta.label_lower
        post_save.connect(on_media_saved, sender=model, dispatch_uid=uid + label)
        pre_delete.connect(
            on_media_deleted, sender=model, dispatch_uid=uid + label + "_del"
        )
