"""What the limits remember: how much of each allowance is used, and every login.

The counts live in the database, not the cache: production's cache is the
database cache, whose increment is a read and a write, so parallel requests
would each read the same count (issue 16). A conditional UPDATE is one
statement, atomic on PostgreSQL and SQLite alike.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Allowance(models.Model):
    """How many tries `subject` has used of one `scope`'s limit.

    The count starts afresh once no try has been counted for the scope's
    window: so a lock lasts the window from the last counted failure, and
    refused tries (which are not counted) do not extend it.
    """

    scope = models.CharField(_("scope"), max_length=30)
    subject = models.CharField(_("subject"), max_length=300)
    used = models.PositiveIntegerField(_("used"), default=0)
    last_used = models.DateTimeField(_("last used"))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "subject"], name="one_allowance_per_subject"
            )
        ]
        verbose_name = _("allowance")
        verbose_name_plural = _("allowances")

    def __str__(self) -> str:
        return f"{self.scope}: {self.subject} ({self.used})"


class LoginAttempt(models.Model):
    """One try at logging in, kept for the audit trail (never the password)."""

    class Outcome(models.TextChoices):
        SUCCEEDED = "succeeded", _("logged in")
        FAILED = "failed", _("wrong password")
        REFUSED = "refused", _("refused: too many wrong passwords")
        UNLOCKED = "unlocked", _("unlocked by an administrator")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    username = models.CharField(_("username"), max_length=150)
    address = models.CharField(_("address"), max_length=45, blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    by = models.CharField(
        _("by"),
        max_length=150,
        blank=True,
        help_text=_("Who unlocked, for an unlock."),
    )

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("login attempt")
        verbose_name_plural = _("login attempts")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.username} {self.outcome}"
