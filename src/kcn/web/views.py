"""Views of the staff web application (a first page until the web-app issue lands)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kcn.investors.models import Investor
from kcn.projects.models import Project
from kcn.zones.models import Zone


@login_required
def home(request: HttpRequest) -> HttpResponse:
    counts = {
        "zones": Zone.objects.count(),
        "investors": Investor.objects.count(),
        "projects": Project.objects.count(),
    }
    return render(request, "web/home.html", {"counts": counts})
