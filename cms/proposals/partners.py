"""Partner institutions propose, from their dashboard, events held at their
venue and stories about it.

A museum's staff hold no right on the events or stories sections: that would
show them everyone's drafts. Each proposal is written here as a draft owned by
the partner, sent to the territory's moderation, and its page alone is given to
the institution's group (`grant_contribution`), so they can mend and resubmit
it in Wagtail's editor when the moderators ask for changes.
"""

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale, Page

from cms.events.models import EventPage, EventsIndexPage
from cms.owners.models import BusinessAccess
from cms.owners.roles import grant_contribution, moderation_workflow
from cms.places.models import PlacePage
from cms.stories.models import StoriesIndexPage, StoryPage, StoryPlace

from .forms import EventFields, StoryFields
from .submit import draft_event, unique_slug

app_name = "partners"


def partner_place(user, pk: int) -> tuple[PlacePage, BusinessAccess]:
    """The place `pk` names, in the default language where it has one, if
    `user` is among its institution's accounts; otherwise not found."""
    place = PlacePage.objects.filter(pk=pk).first()
    access = (
        BusinessAccess.objects.filter(
            translation_key=place.translation_key, group__user=user
        ).first()
        if place is not None and user.is_active
        else None
    )
    if access is None:
        raise Http404
    default = place.get_translation_or_none(Locale.get_default())
    return (default or place), access


def section(place: PlacePage, model: type[Page]) -> Page:
    """The events or stories section beside the place's, in its language."""
    home = place.get_parent().get_parent()
    index = model.objects.child_of(home).first()
    if index is None:
        raise Http404
    return index


def _send(page: Page, access: BusinessAccess, user) -> None:
    grant_contribution(access, page)
    workflow = moderation_workflow(page)
    if workflow is not None:
        workflow.start(page, user)


@transaction.atomic
def propose_event(place: PlacePage, access, data: dict, user) -> EventPage:
    """A draft event at the place, sent to moderation, the partner's to mend."""
    index = section(place, EventsIndexPage)
    page = draft_event(index, {**data, "venue": place}, owner=user)
    _send(page, access, user)
    return page


def paragraphs(text: str) -> list[dict]:
    """Plain text, split at empty lines, as the body's paragraph blocks."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return [
        {"type": "paragraph", "value": "<p>" + escape(block) + "</p>"}
        for block in blocks
        if block
    ]


@transaction.atomic
def propose_story(place: PlacePage, access, data: dict, user) -> StoryPage:
    """A draft story about the place, sent to moderation."""
    index = section(place, StoriesIndexPage)
    page = StoryPage(
        title=data["title"],
        slug=unique_slug(index, data["title"]),
        summary=data["summary"],
        body=paragraphs(data["text"]),
        author=data.get("author") or user.get_full_name(),
        live=False,
        owner=user,
    )
    page.related_places = [StoryPlace(place=place)]
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    _send(page, access, user)
    return page


PROPOSALS = {
    "event": (EventFields, propose_event, gettext_lazy("Propose an event")),
    "story": (StoryFields, propose_story, gettext_lazy("Propose a story")),
}


def propose(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    place, access = partner_place(request.user, pk)
    form_class, submit, heading = PROPOSALS[kind]
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        page = submit(place, access, form.cleaned_data, request.user)
        waiting = _("“%(title)s” is waiting for the editors' review.")
        messages.success(request, waiting % {"title": page.title})
        return redirect("wagtailadmin_home")
    return TemplateResponse(
        request,
        "proposals/admin/partner_propose.html",
        {
            "form": form,
            "place": place,
            "kind": kind,
            "page_title": heading,
            "page_subtitle": place.title,
            "header_icon": "calendar" if kind == "event" else "doc-full",
        },
    )


urlpatterns = [
    path("<int:pk>/event/", propose, {"kind": "event"}, name="event"),
    path("<int:pk>/story/", propose, {"kind": "story"}, name="story"),
]
