"""The proposer hears back, in the language of the site they wrote from: when
their event is published, and when it is declined (a moderator asks for
changes, which a proposer without an account cannot make, or deletes it)."""

from django.core.mail import EmailMultiAlternatives
from django.db.models.signals import pre_delete
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, WorkflowState
from wagtail.signals import page_published, workflow_rejected

from cms.events.models import EventPage

from .models import EventProposal


def public_address(page: EventPage, language: str) -> str:
    """The event on its site, in the proposer's language when translated."""
    locale = Locale.objects.filter(language_code=language).first()
    translated = page.get_translation_or_none(locale) if locale else None
    shown = translated if translated is not None and translated.live else page
    return shown.full_url or ""


def tell(proposal: EventProposal, template: str, **context) -> None:
    with translation.override(proposal.language):
        context = {
            "name": proposal.name,
            "title": proposal.page.title if proposal.page else "",
            "territory": proposal.territory.site_name,
            **context,
        }
        subject = {
            "published": _("Your event “%(title)s” is published"),
            "declined": _("Your event “%(title)s” was not published"),
        }[template] % context
        text = render_to_string(f"proposals/email/{template}.txt", context)
        html = render_to_string(f"proposals/email/{template}.html", context)
    message = EmailMultiAlternatives(subject, text, to=[proposal.email])
    message.attach_alternative(html, "text/html")
    message.extra_headers["Content-Language"] = proposal.language
    message.send()


def pending(page) -> EventProposal | None:
    return EventProposal.objects.filter(
        page_id=page.pk, status=EventProposal.Status.PENDING
    ).first()


def decide(proposal: EventProposal, status: str) -> None:
    proposal.status = status
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["status", "decided_at"])


def event_published(sender, instance, **kwargs) -> None:
    proposal = pending(instance)
    if proposal is None:
        return
    decide(proposal, EventProposal.Status.PUBLISHED)
    tell(proposal, "published", url=public_address(instance, proposal.language))


def event_rejected(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    page = instance.content_object.specific  # a Page: the workflow's object
    proposal = pending(page) if isinstance(page, EventPage) else None
    if proposal is None:
        return
    task_state = instance.current_task_state
    decide(proposal, EventProposal.Status.DECLINED)
    tell(proposal, "declined", comment=(task_state.comment if task_state else ""))


def event_deleted(sender, instance, **kwargs) -> None:
    proposal = pending(instance)
    if proposal is not None:
        decide(proposal, EventProposal.Status.DECLINED)
        tell(proposal, "declined", comment="")


def register() -> None:
    page_published.connect(event_published, sender=EventPage)
    workflow_rejected.connect(event_rejected)
    pre_delete.connect(event_deleted, sender=EventPage)
