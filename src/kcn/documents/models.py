"""The register of official documents, incoming and outgoing, and plans.

A plan is a document of type ``KH``; a thematic plan names its parent plan
("Kế hoạch số 166/KH-BQL … 22 kế hoạch chuyên đề").
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kcn.audit.models import Voidable


class Direction(models.TextChoices):
    IN = "in", _("incoming")
    OUT = "out", _("outgoing")
    INTERNAL = "internal", _("internal")


class Document(Voidable):
    symbol = models.CharField(_("number and symbol"), max_length=64, unique=True)
    date = models.DateField(_("date"))
    type = models.CharField(_("type"), max_length=8, blank=True)  # KH, CTr, QĐ, NQ, CV …
    title = models.TextField(_("title"), blank=True)
    issuer = models.CharField(_("issuer"), max_length=255, blank=True)
    direction = models.CharField(_("direction"), max_length=8, choices=Direction.choices)
    secret = models.BooleanField(_("secret"), default=False)
    digitized = models.BooleanField(_("digitized"), default=False)
    electronic = models.BooleanField(_("sent or received electronically"), default=False)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent plan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Parsed from the symbol, for search and ordering.
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    symbol_year = models.PositiveSmallIntegerField(_("year in symbol"), null=True, blank=True)
    issuer_code = models.CharField(_("issuer code"), max_length=32, blank=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-date", "symbol"]
        indexes = [models.Index(fields=["date", "direction"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(direction__in=Direction.values), name="document_direction_known"
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")), name="document_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.symbol
