"""Readers' comments from the portal: the moderation queue, approving and rejecting."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kcn.accounts.permissions import board_member, current_user, editor
from kcn.publishing import selectors, services
from kcn.publishing.models import Comment, CommentStatus
from kcn.web.listing import page_of, requested_search


@board_member
def comment_list(request: HttpRequest) -> HttpResponse:
    """The queue: comments awaiting moderation first (``?status=`` for the others)."""
    status = request.GET.get("status", CommentStatus.HELD)
    found = selectors.comment_list(
        status="" if status == "all" else status, search=requested_search(request)
    )
    return render(
        request,
        "web/comments/list.html",
        {
            "page": page_of(request, found),
            "status": status,
            "statuses": CommentStatus.choices,
            "held": selectors.held_comment_count(),
        },
    )


def _moderate(request: HttpRequest, pk: int, *, approve: bool) -> HttpResponse:
    comment = get_object_or_404(Comment, pk=pk)
    services.comment_moderate(comment=comment, approve=approve, actor=current_user(request))
    if approve:
        messages.success(request, _("Approved: the comment is on the portal."))
    else:
        messages.success(request, _("Rejected: the comment will not be shown."))
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("comment_list")
    return redirect(back)


@require_POST
@editor
def comment_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _moderate(request, pk, approve=True)


@require_POST
@editor
def comment_reject(request: HttpRequest, pk: int) -> HttpResponse:
    return _moderate(request, pk, approve=False)
