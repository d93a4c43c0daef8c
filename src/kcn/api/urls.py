"""The API's addresses, under /api/v1/."""

from __future__ import annotations

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.permissions import AllowAny
from rest_framework.routers import DefaultRouter

from kcn.api import figures, filings, imports, records
from kcn.api.docs import ApiDocsView

app_name = "api"

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("zones", records.ZoneViewSet, basename="zone")
router.register("investors", records.InvestorViewSet, basename="investor")
router.register("projects", records.ProjectViewSet, basename="project")
router.register("labor-reports", records.LaborReportViewSet, basename="labor-report")
router.register("inspections", records.InspectionViewSet, basename="inspection")
router.register("dossiers", records.DossierViewSet, basename="dossier")
router.register("documents", records.DocumentViewSet, basename="document")
router.register("targets", records.TargetViewSet, basename="target")
router.register("project-reports", filings.ProjectReportViewSet, basename="project-report")
router.register("labor-filings", filings.LaborFilingViewSet, basename="labor-filing")
router.register("published-reports", figures.PublishedReportViewSet, basename="published-report")
router.register("imports", imports.ImportViewSet, basename="import")

urlpatterns = [
    path(
        "schema/",
        SpectacularAPIView.as_view(permission_classes=[AllowAny]),
        name="schema",
    ),
    path("docs/", ApiDocsView.as_view(url_name="api:schema"), name="docs"),
    path("indicators/", figures.IndicatorsView.as_view(), name="indicators"),
    path(
        "indicators/<str:code>/records/",
        figures.IndicatorRecordsView.as_view(),
        name="indicator-records",
    ),
    path("projects/<str:code>/events/", records.ProjectEventList.as_view(), name="project-events"),
    path("", include(router.urls)),
]
