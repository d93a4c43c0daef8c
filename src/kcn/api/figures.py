"""The figures: every indicator of a period as ``kcn report --format json`` prints it, the
records behind one figure, and the published reports with their frozen datasets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import django_filters
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kcn.api.pagination import Pagination
from kcn.api.permissions import ALL_ROLES, BOARD_ROLES
from kcn.api.serializers import PublishedReportDetailSerializer, PublishedReportSerializer
from kcn.core.errors import KcnError
from kcn.core.periods import Period, parse_period
from kcn.indicators.drilldown import drilldown
from kcn.indicators.registry import INDICATORS, Kind
from kcn.reports.json import dataset_json
from kcn.reports.models import PublishedReport
from kcn.reports.selectors import report_dataset

PERIOD = OpenApiParameter(
    "period",
    OpenApiTypes.STR,
    required=True,
    description="2022, 2022-H1, 2022-Q1, 2022-03, 2022-9M or 2022-01-10..2022-02-20.",
)


def requested_period(request: Request) -> Period:
    """The ``?period=``; a missing or bad one is a 400 that names it."""
    code = request.query_params.get("period", "")
    if not code.strip():
        raise KcnError(_("Say which period: ?period=2022-Q1 (or 2022, 2022-H1, 2022-03, 2022-9M)."))
    return parse_period(code)


class IndicatorsView(APIView):
    """Every indicator of a period with its year to date and target: exactly what
    ``kcn report --period P --format json`` prints (the published figures of a published
    report, unless ``live=1``). Numbers are exact."""

    read_roles = BOARD_ROLES

    @extend_schema(
        parameters=[
            PERIOD,
            OpenApiParameter(
                "live",
                OpenApiTypes.BOOL,
                description="The records as they are now, even if "
                "the period's report was published.",
            ),
        ],
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request: Request) -> HttpResponse:
        period = requested_period(request)
        live = request.query_params.get("live", "").lower() in ("1", "true")
        text = dataset_json(report_dataset(period, live=live)) + "\n"  # as the command ends it
        return HttpResponse(text, content_type="application/json; charset=utf-8")


class IndicatorRecordsView(APIView):
    """The records behind one indicator's figure for a period (``ytd=1``: its year to
    date), with the source's columns; a percentage's rows say which ones it counts."""

    read_roles = BOARD_ROLES

    @extend_schema(
        parameters=[
            PERIOD,
            OpenApiParameter("ytd", OpenApiTypes.BOOL, description="The year to date."),
            OpenApiParameter("page", OpenApiTypes.INT),
            OpenApiParameter("page_size", OpenApiTypes.INT),
        ],
        responses={
            200: inline_serializer(
                "IndicatorRecords",
                {
                    "count": serializers.IntegerField(),
                    "next": serializers.URLField(allow_null=True),
                    "previous": serializers.URLField(allow_null=True),
                    "indicator": serializers.CharField(),
                    "period": serializers.CharField(),
                    "columns": serializers.ListField(child=serializers.DictField()),
                    "results": serializers.ListField(child=serializers.DictField()),
                },
            )
        },
    )
    def get(self, request: Request, code: str) -> Response:
        indicator = INDICATORS.get(code)
        if indicator is None:
            raise Http404
        period = requested_period(request)
        ytd = request.query_params.get("ytd", "").lower() in ("1", "true")
        found = drilldown(period, code, ytd=ytd and indicator.kind is Kind.FLOW)
        paginator = Pagination()
        page = paginator.paginate_queryset(found.rows, request, view=self) or []
        keys = [key for key, _label in found.columns]
        response = paginator.get_paginated_response(
            [{key: _plain(row[key]) for key in keys} for row in page]
        )
        response.data["indicator"] = code
        response.data["period"] = period.code
        response.data["columns"] = [
            {"key": key, "label": str(label)} for key, label in found.columns
        ]
        return response


def _plain(value: Any) -> Any:
    """A value as JSON writes it exactly: decimals as strings, dates in ISO 8601."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class PublishedReportFilter(django_filters.FilterSet):
    class Meta:
        model = PublishedReport
        fields = ["period"]


class PublishedReportViewSet(viewsets.ReadOnlyModelViewSet[PublishedReport]):
    """Reports as the board published them; each version keeps its dataset (the figures,
    targets, narratives and priorities as they were). Published reports are public: every
    role reads them."""

    queryset = PublishedReport.objects.all()
    filterset_class = PublishedReportFilter
    ordering_fields = ["period", "version", "issued_on"]
    ordering = ["-issued_on", "period", "-version"]
    read_roles = ALL_ROLES

    def get_serializer_class(self) -> Any:
        if self.action == "retrieve":
            return PublishedReportDetailSerializer
        return PublishedReportSerializer
