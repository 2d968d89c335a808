"""Publishing in the admin menu: status per territory and a rebuild button,
for those who publish."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_publishing_urls():
    urls = [
        path("", views.PublishingStatusView.as_view(), name="status"),
        path("<slug:slug>/rebuild/", views.rebuild, name="rebuild"),
    ]
    return [
        path(
            "publishing/",
            include((urls, "publishing_admin"), namespace="publishing_admin"),
        )
    ]


class PublishingMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return views.can_follow_builds(request.user)


@hooks.register("register_admin_menu_item")
def register_publishing_menu_item():
    return PublishingMenuItem(
        _("Publishing"),
        reverse("publishing_admin:status"),
        name="publishing",
        icon_name="upload",
        order=850,
    )
