"""The leader's page of API tokens: who has one, since when, last used; create one (shown
once, on the answer to the request that created it) or revoke one."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kcn.accounts.models import User
from kcn.accounts.permissions import current_user, leader
from kcn.tokens import selectors, services
from kcn.web.listing import page_of


@leader
def token_list(request: HttpRequest) -> HttpResponse:
    return _page(request)


@require_POST
@leader
def token_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = get_object_or_404(User, pk=pk, is_active=True)
    token = services.token_create(user=user, actor=current_user(request))
    response = _page(request, created=(user, token))
    response["Cache-Control"] = "no-store"  # the token is shown once, and never kept
    return response


@require_POST
@leader
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    user = get_object_or_404(User, pk=pk)
    if services.token_revoke(user=user, actor=current_user(request)):
        messages.success(request, _("The API token of %(name)s was revoked.") % {"name": user})
    return redirect("token_list")


def _page(request: HttpRequest, created: tuple[User, str] | None = None) -> HttpResponse:
    return render(
        request,
        "web/tokens/list.html",
        {"page": page_of(request, selectors.users_with_tokens()), "created": created},
    )
