"""The board that runs kcn: its letterhead, place, signer and recipients, and the province's
outline for the map (one row)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class BoardProfile(models.Model):
    """Who issues the report: the letterhead, the place, the signer (one row, ``pk=1``).

    Decree 30/2020/NĐ-CP, Appendix I: the issuing body under its parent body
    at the top left, the document symbol, the place and date, and the signature
    block with the signing authority ("KT." when a deputy signs for the head).
    """

    province = models.CharField(_("province"), max_length=100, blank=True)
    parent_body = models.CharField(
        _("parent body"), max_length=255, blank=True, help_text=_("e.g. UBND TỈNH HƯNG YÊN")
    )
    name = models.CharField(
        _("name in the letterhead"),
        max_length=255,
        default="BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP",
    )
    name_in_text = models.CharField(
        _("name in sentences"),
        max_length=255,
        default="Ban Quản lý các khu công nghiệp tỉnh",
    )
    abbreviation = models.CharField(
        _("abbreviation in document symbols"), max_length=32, default="BQL"
    )
    place = models.CharField(
        _("place in the date line"), max_length=100, blank=True, help_text=_("e.g. Hưng Yên")
    )
    signer_authority = models.CharField(
        _("signing authority"), max_length=16, blank=True, help_text=_("KT., TL., Q. or empty")
    )
    signer_title = models.CharField(_("signer's title"), max_length=100, default="TRƯỞNG BAN")
    signer_deputy_title = models.CharField(
        _("deputy's title"),
        max_length=100,
        blank=True,
        help_text=_("when a deputy signs for the head: PHÓ TRƯỞNG BAN"),
    )
    signer_name = models.CharField(_("signer's name"), max_length=100, blank=True)
    recipients = models.TextField(_("recipients"), blank=True, help_text=_("one per line"))
    # The same in English, for the English report; an empty field is marked there as missing.
    parent_body_en = models.CharField(
        _("parent body in English"),
        max_length=255,
        blank=True,
        help_text=_("e.g. HUNG YEN PROVINCIAL PEOPLE'S COMMITTEE"),
    )
    name_en = models.CharField(
        _("name in the letterhead in English"),
        max_length=255,
        blank=True,
        help_text=_("e.g. INDUSTRIAL ZONES MANAGEMENT BOARD"),
    )
    name_in_text_en = models.CharField(
        _("name in sentences in English"),
        max_length=255,
        blank=True,
        help_text=_("e.g. the Industrial Zones Management Board of Hưng Yên"),
    )
    place_en = models.CharField(_("place in the date line in English"), max_length=100, blank=True)
    signer_authority_en = models.CharField(
        _("signing authority in English"), max_length=32, blank=True, help_text=_("e.g. FOR THE")
    )
    signer_title_en = models.CharField(_("signer's title in English"), max_length=100, blank=True)
    signer_deputy_title_en = models.CharField(
        _("deputy's title in English"), max_length=100, blank=True
    )
    recipients_en = models.TextField(
        _("recipients in English"), blank=True, help_text=_("one per line")
    )
    # Four eyes on the report (kcn.reports.workflow.report_approve): by default another
    # leader approves what a leader submitted; a board with one leader allows this.
    self_approval = models.BooleanField(
        _("a leader may approve a report they submitted"), default=False
    )
    # The province's outline for the map, as the province supplies it (GeoJSON).
    outline = models.JSONField(_("province outline (GeoJSON)"), null=True, blank=True)

    class Meta:
        verbose_name = _("board profile")
        verbose_name_plural = _("board profile")

    def __str__(self) -> str:
        return self.name_in_text
