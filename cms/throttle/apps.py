from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThrottleConfig(AppConfig):
    """How often a visitor may try: logins, sign-ups and password resets."""

    name = "cms.throttle"
    label = "throttle"
    verbose_name = _("Login and request limits")

    def ready(self) -> None:
        from . import logins  # noqa: F401  (connects the login signals)
