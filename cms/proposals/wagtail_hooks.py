"""Where partner institutions propose events and stories in the admin."""

from django.urls import include, path
from wagtail import hooks


@hooks.register("register_admin_urls")
def register_partner_urls():
    from . import partners

    return [path("partners/", include(partners, namespace="partners"))]
