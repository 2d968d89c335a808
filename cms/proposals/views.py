"""The public pages to propose an event: the form and its thanks.

They speak the language of the site the visitor came from (its link says
?lang=), among every language a territory may publish in, right to left for
Arabic; no account, no JavaScript, no external asset; a 360 px screen.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from cms.core import visitors
from cms.owners.access import territories
from cms.throttle.limits import proposal_limit, refusal

from .forms import ProposalForm
from .submit import places_of, propose

# Every language a site may be in: the form answers the site's link.
in_site_language = visitors.in_visitor_language(settings.LANGUAGES, "en")


def language_links(request: HttpRequest) -> list[dict]:
    return visitors.language_links(request, settings.LANGUAGES, request.LANGUAGE_CODE)


def chosen_territory(value: str):
    """The territory a link names by slug, or the form sends by id."""
    if not value:
        return None
    query = Q(territorysettings__slug=value)
    if value.isdigit():
        query |= Q(pk=int(value))
    return territories().filter(query).first()


@never_cache
@in_site_language
def propose_event(request: HttpRequest) -> HttpResponse:
    language = request.LANGUAGE_CODE
    if request.method == "POST":
        site = chosen_territory(request.POST.get("territory", ""))
        form = ProposalForm(
            request.POST, territories=territories(), places=places_of(site)
        )
        if form.is_bot or form.is_valid():
            # Before anything is stored: a parallel burst stores at most the limit.
            refused = refusal(
                request,
                proposal_limit(),
                "proposals/limited.html",
                {"languages": language_links(request)},
            )
            if refused is not None:
                return refused
            thanks = reverse("proposals:thanks") + "?" + urlencode({"lang": language})
            if not form.is_bot:  # a bot is thanked, and nothing is stored
                propose(form.cleaned_data, language)
            return redirect(thanks)
    else:
        site = chosen_territory(request.GET.get("territory", ""))
        form = ProposalForm(
            initial={"territory": site},
            territories=territories(),
            places=places_of(site),
        )
    return render(
        request,
        "proposals/propose.html",
        {"form": form, "languages": language_links(request)},
    )


@in_site_language
def thanks(request: HttpRequest) -> HttpResponse:
    return render(
        request, "proposals/thanks.html", {"languages": language_links(request)}
    )
