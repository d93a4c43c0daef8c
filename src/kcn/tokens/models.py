"""A user's API token, as its SHA-256 digest: the token itself is shown once and never kept.

A token is 256 random bits, so a fast digest is enough (no password hashing needed): whoever
reads the database cannot recover a token from its digest. Its first characters are kept to
tell tokens apart in lists.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="api_token",
    )
    digest = models.CharField(_("digest"), max_length=64, unique=True)  # SHA-256, hex
    prefix = models.CharField(_("begins with"), max_length=12)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_on = models.DateField(_("last used on"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}…"
