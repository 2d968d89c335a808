"""Admin additions of the core app: the stylesheet and script of phone fixes."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_css")
def admin_css() -> str:
    return format_html('<link rel="stylesheet" href="{}">', static("core/admin.css"))


@hooks.register("insert_global_admin_js")
def admin_js() -> str:
    return format_html('<script src="{}" defer></script>', static("core/admin.js"))
