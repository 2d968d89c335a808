"""What changed in each territory, and the public paths pages have left behind."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    PAGE = "page", _("One page")
    TERRITORY = "territory", _("The whole territory")
    # An editor's redirect (Settings → Redirects): no page changed, so the feed
    # sends nothing, but the redirects endpoint's validator and the build move.
    REDIRECTS = "redirects", _("The territory's redirects")


class Change(models.Model):
    """One page (or a whole territory) changed: a row of the change feed.

    The id is the feed's cursor. Page details are copied, not linked, so a
    deleted page still yields a tombstone with its type, locale and key.
    """

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    site = models.ForeignKey(
        "wagtailcore.Site", on_delete=models.CASCADE, related_name="+"
    )
    scope = models.CharField(max_length=16, choices=Scope.choices, default=Scope.PAGE)
    page_id = models.PositiveIntegerField(null=True, blank=True)
    page_type = models.CharField(max_length=255, blank=True)
    locale = models.CharField(max_length=100, blank=True)
    translation_key = models.UUIDField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["site", "id"], name="changes_site_id")]
        verbose_name = _("change")
        verbose_name_plural = _("changes")

    def __str__(self) -> str:
        what = f"page {self.page_id}" if self.scope == Scope.PAGE else self.scope
        return f"#{self.pk} {what} (site {self.site_id})"


class OldPath(models.Model):
    """A public path a page used to have, to be redirected to where it is now.

    `old_path` is in the API's `path` form: relative to the language's home.
    The target is a bare page id so the row survives whatever the page does;
    the redirects endpoint only serves rows whose page is public.
    """

    site = models.ForeignKey(
        "wagtailcore.Site", on_delete=models.CASCADE, related_name="+"
    )
    locale = models.CharField(max_length=100)
    old_path = models.CharField(max_length=1024)
    page_id = models.PositiveIntegerField(db_index=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["site", "locale", "old_path"], name="changes_unique_old_path"
            )
        ]
        verbose_name = _("old path")
        verbose_name_plural = _("old paths")

    def __str__(self) -> str:
        return f"{self.locale}{self.old_path} → page {self.page_id}"
