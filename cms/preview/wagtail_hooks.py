"""Wagtail's checks panel across the sandboxed preview.

The preview runs in an opaque origin (the PREVIEW policy in cms/core/security.py),
so the messages axe sends between the editor and the userbar inside the preview
(the accessibility checks and the content metrics) cannot name the preview's
origin. The editor's side posts to any origin; the preview's side talks only to
the CMS. Whatever the origin, axe takes requests only from its parent window
and answers only from its own frames.
"""

from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem

ANY_ORIGIN = "<unsafe_all_origins>"  # axe's name for "*"


class SandboxedPreviewChecks(ContentCheckerItem):
    def get_axe_spec(self, request):
        if self.in_editor:
            origins = [ANY_ORIGIN]
        else:
            origins = [request.build_absolute_uri("/").removesuffix("/")]
        return {**super().get_axe_spec(request), "allowedOrigins": origins}


@hooks.register("construct_wagtail_userbar")
def check_across_the_sandbox(request, items, page):
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(
            item, SandboxedPreviewChecks
        ):
            items[index] = SandboxedPreviewChecks(in_editor=item.in_editor)
