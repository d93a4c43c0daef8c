"""The portal, from the staff's side: its settings (contacts, licence, thematic plans
shown), what it says about each zone, and a preview of every page it has."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kcn.accounts.permissions import board_member, current_user, editor
from kcn.audit.selectors import record_history
from kcn.publishing import selectors, services
from kcn.publishing.models import Article, ArticleStatus, ZoneListing
from kcn.web.entry import entry_page, run_service
from kcn.web.publishing.forms import PortalSettingsForm, ZoneListingForm
from kcn.zones.models import Zone

SETTINGS_FIELDS = ("address", "phone", "email", "office_hours", "about", "licence", "licence_url")


@board_member
def portal_settings(request: HttpRequest) -> HttpResponse:
    """The settings, editable by leaders and specialists, read-only for viewers."""
    user = current_user(request)
    current = selectors.portal_settings()
    initial: dict[str, Any] = {name: getattr(current, name) for name in SETTINGS_FIELDS}
    initial["plans"] = [plan.pk for plan in selectors.shown_plans()]
    if request.method == "POST":
        if not user.can_edit_records:
            raise PermissionDenied
        form = PortalSettingsForm(request.POST, initial=initial)
        if form.is_valid():
            data = form.cleaned_data
            saved = run_service(
                form,
                lambda: services.portal_settings_update(
                    values={name: data[name] for name in SETTINGS_FIELDS},
                    plans=data["plans"],
                    actor=user,
                ),
            )
            if saved is not None:
                messages.success(request, _("Saved."))
                return redirect("portal_settings")
    else:
        form = PortalSettingsForm(initial=initial)
    if not user.can_edit_records:
        for field in form.fields.values():
            field.disabled = True
    return render(
        request,
        "web/publishing/settings.html",
        {
            "form": form,
            "can_edit": user.can_edit_records,
            "zones": selectors.zone_listing_rows(),
            "history": record_history(current),
            "held": selectors.held_comment_count(),
        },
        status=400 if form.errors else 200,
    )


@editor
def portal_zone_edit(request: HttpRequest, code: str) -> HttpResponse:
    """What the portal says about a zone to investors, and whether it shows the zone."""
    zone = get_object_or_404(Zone, code=code)
    listing = ZoneListing.objects.filter(zone=zone).first()
    initial = {
        "shown": listing.shown if listing else True,
        "contact": listing.contact if listing else "",
        "description": listing.description if listing else "",
        "description_en": listing.description_en if listing else "",
    }

    def save(data: dict[str, Any]) -> ZoneListing:
        return services.zone_listing_update(
            zone=zone,
            shown=data["shown"],
            contact=data["contact"],
            description=data["description"],
            description_en=data["description_en"],
            actor=current_user(request),
        )

    return entry_page(
        request,
        ZoneListingForm(request.POST or None, initial=initial),
        save,
        title=_("%(zone)s on the portal") % {"zone": zone.name},
        submit=_("Save"),
        cancel=reverse("portal_settings"),
        success=lambda _listing: _("Saved."),
        next_url=lambda _listing: reverse("portal_settings"),
        intro=_(
            "The portal computes the zone's land, occupancy and projects from the records; "
            "write here what investors should also read."
        ),
    )


@board_member
def portal_preview(request: HttpRequest) -> HttpResponse:
    """Every page of the portal, to open as a visitor sees it, and the drafts' previews."""
    return render(
        request,
        "web/publishing/preview.html",
        {
            "reports": selectors.published_versions(),
            "articles": selectors.published_articles(),
            "drafts": Article.objects.filter(status=ArticleStatus.DRAFT).order_by("-updated_at"),
            "zones": selectors.zone_listing_rows(),
            "held": selectors.held_comment_count(),
        },
    )
