"""What editors see of publishing: each territory's builds and the queue state.

`BuildState` is one row per territory that serialises its rebuilds: a change
marks it pending; one worker at a time claims it with a single conditional
UPDATE (atomic on SQLite and PostgreSQL alike), so a burst of edits during a
build costs exactly one more build, not one each.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from publisher.redirects import is_web_address


class BuildState(models.Model):
    site = models.OneToOneField(
        Site, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    pending = models.BooleanField(default=False)
    running_since = models.DateTimeField(null=True, blank=True)
    last_daily = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("build queue")
        verbose_name_plural = _("build queues")

    def __str__(self) -> str:
        return f"{self.site}: pending={self.pending} running={self.running_since}"


class Build(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", _("Building")
        DEPLOYING = "deploying", _("Deploying")
        SUCCEEDED = "succeeded", _("Live")
        FAILED = "failed", _("Failed")

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.RUNNING
    )
    backend = models.CharField(_("backend"), max_length=100)
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    pages = models.PositiveIntegerField(_("pages written"), null=True, blank=True)
    message = models.TextField(_("message"), blank=True)
    deploy_id = models.CharField(max_length=64, blank=True, db_index=True)
    deploy_url = models.URLField(blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("build")
        verbose_name_plural = _("builds")

    def __str__(self) -> str:
        return f"{self.site} {self.started_at:%Y-%m-%d %H:%M} {self.status}"

    def save(self, *args, **kwargs) -> None:
        # The address comes from Netlify's answers and notifications and
        # becomes a link in the admin: an http(s) one or none.
        if not is_web_address(self.deploy_url):
            self.deploy_url = ""
        super().save(*args, **kwargs)

    @property
    def deploy_link(self) -> str:
        """The deploy's address if it is safe to link to (a row may predate
        the check in save(), or have been written around it)."""
        return self.deploy_url if is_web_address(self.deploy_url) else ""

    @property
    def duration(self) -> float | None:
        if self.finished_at is None:
            return None
        return (self.finished_at - self.started_at).total_seconds()
