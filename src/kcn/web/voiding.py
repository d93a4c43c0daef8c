"""Corrections (issue 12): a leader voids a wrong record from its page, saying why.

One page for every kind of record: what is voided, a required reason, and the service that
voids it (``project_event_void``, ``labor_report_void``, ``zone_event_void``,
``document_void``, ``dossier_void``); their refusals come back to the form. The record
stays, marked voided with its reason, who and when, where it is listed, and counts in no
figure; the right record can then be entered through the usual form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kcn.web.entry import EntryForm, entry_page


class VoidForm(EntryForm):
    reason = forms.CharField(
        label=gettext_lazy("reason for voiding"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Why the record is wrong, e.g. “the date was typed 2027 instead of 2022”."
        ),
    )


def void_page(
    request: HttpRequest,
    *,
    record: str,
    void: Callable[[str], Any],
    back: str,
) -> HttpResponse:
    """Ask for the reason; on a valid POST void the record and go ``back`` to its page."""
    return entry_page(
        request,
        VoidForm(request.POST or None),
        lambda data: void(data["reason"]),
        title=_("Void %(record)s") % {"record": record},
        intro=_(
            "The record stays, marked voided with the reason, who voided it and when, but it "
            "counts in no figure. The right record can then be entered through the usual form."
        ),
        submit=_("Void the record"),
        cancel=back,
        cancel_label=_("Keep it"),
        success=lambda _record: _("Voided: %(record)s.") % {"record": record},
        next_url=lambda _record: back,
    )
