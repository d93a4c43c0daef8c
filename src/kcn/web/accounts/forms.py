"""Forms of user management."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from kcn.accounts.models import Role
from kcn.investors.models import Investor


class UserForm(forms.Form):
    full_name = forms.CharField(label=gettext_lazy("Full name"), max_length=150, required=False)
    # Viewer first: the least a new account may do, never a leader by accident.
    role = forms.ChoiceField(label=gettext_lazy("Role"), choices=Role.choices, initial=Role.VIEWER)
    # A code box rather than a list: a province has thousands of investors.
    investor = forms.ModelChoiceField(
        label=gettext_lazy("Investor code (enterprise users only)"),
        queryset=Investor.objects.all(),
        to_field_name="code",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        required=False,
        help_text=gettext_lazy(
            "The investor's tax code; an enterprise user sees only this investor's projects."
        ),
        error_messages={"invalid_choice": gettext_lazy("No investor has this code.")},
    )


class UserCreateForm(UserForm):
    username = forms.CharField(label=gettext_lazy("User name"), max_length=150)
    password = forms.CharField(
        label=gettext_lazy("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    field_order = ["username", "full_name", "role", "investor", "password"]


class UserEditForm(UserForm):
    is_active = forms.BooleanField(
        label=gettext_lazy("Active (may sign in)"), required=False, initial=True
    )
