"""The admin's password-reset form, limited: so many requests per client
address and per e-mail address an hour (VETRINA_PASSWORD_RESET_RATE).

Over a limit the form answers as always ("if an account exists, a link is on
its way") and sends nothing: the page must not tell a stranger which
addresses have accounts, nor let one fill somebody's inbox.
"""

import logging

from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from .limits import client_address, password_reset_limits

logger = logging.getLogger(__name__)


class PasswordResetForm(WagtailPasswordResetForm):
    def save(self, *args, request=None, **kwargs):
        per_address, per_email = password_reset_limits()
        email = self.cleaned_data["email"].strip().casefold()
        if not per_address.take(client_address(request)) or not per_email.take(email):
            logger.warning("Password reset not sent: a limit is reached")
            return None
        return super().save(*args, request=request, **kwargs)
