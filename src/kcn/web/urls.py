"""URL map of the staff web application: one module per kind of record (``web/<kind>/urls.py``),
each with its list, detail, entry and download pages.

Every pattern is a full path and no two modules share a first path segment, except that
a project's inspections are recorded at ``projects/<code>/inspections/new/`` (a longer path
than any of ``web/projects``), so the order below does not matter.
"""

from __future__ import annotations

from django.urls import include, path

DOMAINS = (
    "dashboard",
    "accounts",
    "zones",
    "investors",
    "projects",
    "inspections",
    "dossiers",
    "documents",
    "targets",
    "reports",
    "exchange",
    "jobs",
    "enterprise",
    "enterprise_reports",
    "news",
    "comments",
    "publishing",
    "tokens",
)

urlpatterns = [path("", include(f"kcn.web.{domain}.urls")) for domain in DOMAINS]
