"""The one-stop shop for the public: the procedures with their time limits in working days,
and the status of a dossier by its receipt number.

The lookup shows the status only (received; in progress with its due date; resolved early,
on time or late), never the applicant. It is rate-limited per address (ten lookups in ten
minutes), so receipt numbers cannot be tried one after another.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from kcn.portal.forms import LookupForm
from kcn.portal.site import latest_items, page, sender_of
from kcn.publishing.rules import LOOKUP_LIMIT
from kcn.publishing.selectors import dossier_status, procedure_list
from kcn.publishing.visitors import attempt_allowed


@require_safe
def procedures(request: HttpRequest) -> HttpResponse:
    form = LookupForm(request.GET if "ma" in request.GET else None)
    status, looked_up, limited = None, False, False
    if form.is_bound and form.is_valid():
        now = timezone.now()
        sender = sender_of(request, now)
        if attempt_allowed(kind="lookup", sender=sender, limit=LOOKUP_LIMIT, now=now):
            status = dossier_status(form.cleaned_data["ma"], today=timezone.localdate(now))
            looked_up = True
        else:
            limited = True
    return page(
        request,
        "portal/procedures.html",
        {
            "section": "procedures",
            "form": form,
            "status": status,
            "looked_up": looked_up,
            "limited": limited,
            "procedures": procedure_list(),
            "latest": latest_items(),
        },
        status=429 if limited else 400 if form.is_bound and form.errors else 200,
    )
