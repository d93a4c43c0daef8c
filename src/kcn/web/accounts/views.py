"""Signing in is Django's (django-axes counting the failures); here: the page of a locked-out
login, changing one's password, and the leader's user management."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.forms import PasswordChangeForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kcn.accounts import selectors, services
from kcn.accounts.models import User
from kcn.accounts.permissions import current_user, leader, signed_in
from kcn.audit.selectors import record_history
from kcn.core.errors import KcnError
from kcn.web.accounts.forms import UserCreateForm, UserEditForm
from kcn.web.listing import page_of


def locked_out(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    """The login page again, saying that this user name is locked out from this address
    (django-axes' AXES_LOCKOUT_CALLABLE): 429 Too Many Requests."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "registration/login.html",
        {"locked_out": True, "minutes": minutes, "next": request.POST.get("next", "")},
        status=429,
    )


@signed_in
def password_change(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    form = PasswordChangeForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_change_password(user=user, password=form.cleaned_data["new_password1"])
        except KcnError as error:
            form.add_error("new_password1", str(error))
        else:
            update_session_auth_hash(request, user)
            messages.success(request, _("Your password has been changed."))
            return redirect("home")
    return render(
        request,
        "web/form.html",
        {"form": form, "title": _("Change password"), "submit": _("Change password")},
    )


@leader
def user_list(request: HttpRequest) -> HttpResponse:
    users = selectors.user_list(search=request.GET.get("q", ""), role=request.GET.get("role", ""))
    return render(
        request,
        "web/accounts/user_list.html",
        {"page": page_of(request, users), "roles": User._meta.get_field("role").choices},
    )


@leader
def user_new(request: HttpRequest) -> HttpResponse:
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.user_create(
                actor=current_user(request),
                username=data["username"],
                role=data["role"],
                password=data["password"],
                investor=data["investor"],
                full_name=data["full_name"],
            )
        except KcnError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("User %(name)s created.") % {"name": created.username})
            return redirect("user_list")
    return render(
        request,
        "web/form.html",
        {"form": form, "title": _("New user"), "submit": _("Create"), "cancel": "/users/"},
    )


@leader
def user_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = get_object_or_404(User, pk=pk)
    initial = {
        "full_name": user.first_name,
        "role": user.role,
        "investor": user.investor.code if user.investor is not None else "",
        "is_active": user.is_active,
    }
    form = UserEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.user_update(
                actor=current_user(request),
                user=user,
                role=data["role"],
                investor=data["investor"],
                is_active=data["is_active"],
                full_name=data["full_name"],
            )
        except KcnError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("User %(name)s saved.") % {"name": user.username})
            return redirect("user_list")
    return render(
        request,
        "web/accounts/user_edit.html",
        {
            "form": form,
            "title": _("User %(name)s") % {"name": user.username},
            "submit": _("Save"),
            "cancel": "/users/",
            "history": record_history(user),
            "pk": user.pk,
            "lockouts": selectors.user_lockouts(user.username),
        },
    )


@require_POST
@leader
def user_unlock(request: HttpRequest, pk: int) -> HttpResponse:
    """Let a locked-out user sign in again at once (audited)."""
    user = get_object_or_404(User, pk=pk)
    if services.user_unlock(actor=current_user(request), username=user.username):
        messages.success(request, _("User %(name)s may sign in again.") % {"name": user.username})
    else:
        messages.info(request, _("User %(name)s was not locked out.") % {"name": user.username})
    return redirect("user_edit", pk=user.pk)
