"""Admin additions of the core app: the stylesheet and script of phone fixes;
who may open a document."""

from django.http import Http404
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.permissions import policy_registry

from .visibility import used_by_public_pages


@hooks.register("insert_global_admin_css")
def admin_css() -> str:
    return format_html('<link rel="stylesheet" href="{}">', static("core/admin.css"))


@hooks.register("insert_global_admin_js")
def admin_js() -> str:
    return format_html('<script src="{}" defer></script>', static("core/admin.js"))


@hooks.register("before_serve_document")
def serve_documents_only_once_public(document, request) -> None:
    """`/documents/<id>/<name>` serves a document to visitors only while a live,
    public page links to it; before, only to the people who may choose or edit
    it. An upload is not published by being guessed."""
    user = request.user
    if user.is_authenticated and policy_registry.get_by_type(
        type(document)
    ).user_has_any_permission_for_instance(user, ["choose", "change"], document):
        return
    published = used_by_public_pages(type(document))
    if not type(document).objects.filter(pk=document.pk, pk__in=published).exists():
        raise Http404
