"""What enterprises report: the quarterly project reports (form A.III.1) and the half-year
labor filings. An enterprise saves a draft or submits for its own projects; staff accept a
submitted one, or return it with the reason. The services are the web forms' own."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from kcn.accounts.models import User
from kcn.api.common import created, valid
from kcn.api.idempotency import idempotent
from kcn.api.permissions import ALL_ROLES, EDITOR_ROLES, ENTERPRISE_ROLES, api_user
from kcn.api.serializers import LaborFilingSerializer, ProjectReportSerializer
from kcn.core.errors import KcnError
from kcn.enterprise_reports import rules, services
from kcn.enterprise_reports.models import LaborFiling, ProjectReport, ReportStatus
from kcn.projects.models import Project, ProjectKind
from kcn.projects.selectors import visible_projects


def _money(help_text: str = "") -> serializers.DecimalField:
    return serializers.DecimalField(
        max_digits=20,
        decimal_places=2,
        min_value=0,
        required=False,
        allow_null=True,
        default=None,
        help_text=help_text,
    )


def _count() -> serializers.IntegerField:
    return serializers.IntegerField(min_value=0, required=False, allow_null=True, default=None)


class FilingInput(serializers.Serializer[Any]):
    project = serializers.CharField(max_length=32, help_text="The project's code.")
    note = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Difficulties and requests."
    )
    submit = serializers.BooleanField(
        default=False, help_text="Send it to the board; without it, a draft is saved."
    )


class ProjectReportInput(FilingInput):
    period = serializers.CharField(max_length=8, help_text="A quarter: 2022-Q1.")
    confirm = serializers.BooleanField(
        default=False, help_text="Save despite the warnings of a previous answer."
    )
    capital_realized = _money("In the certificate's currency.")
    capital_contributed = _money()
    capital_loans = _money()
    capital_reinvested = _money()
    revenue = _money("Net revenue, in the certificate's currency.")
    exports_usd = _money()
    imports_usd = _money()
    budget_paid_vnd = _money()
    employees = _count()
    foreign_employees = _count()
    land_used_m2 = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        min_value=0,
        required=False,
        allow_null=True,
        default=None,
    )

    def validate_period(self, value: str) -> str:
        return _span_code(rules.quarter_span, value)


class LaborFilingInput(FilingInput):
    period = serializers.CharField(max_length=8, help_text="A labor half-year: 2022-H1.")
    employees = _count()
    foreign_employees = _count()
    new_jobs = _count()

    def validate_period(self, value: str) -> str:
        return _span_code(rules.half_span, value)


def _span_code(parse: Any, value: str) -> str:
    try:
        return str(parse(value).code)
    except KcnError as error:
        raise serializers.ValidationError(str(error)) from None


class Review(serializers.Serializer[Any]):
    reason = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Why it is returned."
    )


class ReturnInput(serializers.Serializer[Any]):
    reason = serializers.CharField(help_text="What the enterprise must correct.")


class FilingFilter(django_filters.FilterSet):
    project = django_filters.CharFilter(field_name="project__code", label="project's code")
    period = django_filters.CharFilter()
    status = django_filters.ChoiceFilter(choices=ReportStatus.choices)


class ProjectReportFilter(FilingFilter):
    class Meta:
        model = ProjectReport
        fields = ["project", "period", "status"]


class LaborFilingFilter(FilingFilter):
    class Meta:
        model = LaborFiling
        fields = ["project", "period", "status"]


class FilingViewSet(viewsets.ReadOnlyModelViewSet[Any]):
    """Staff see every report sent (a draft is the enterprise's own until it is sent); an
    enterprise user sees its own projects' reports, drafts included."""

    model: type[ProjectReport] | type[LaborFiling]
    input_class: type[FilingInput]
    figures: tuple[str, ...]
    ordering_fields = ["period_end", "project__code", "submitted_on"]
    ordering = ["-period_end", "project__code"]
    read_roles = ALL_ROLES
    write_roles = ENTERPRISE_ROLES
    action_roles = {"accept": EDITOR_ROLES, "send_back": EDITOR_ROLES}
    field_aliases = {"return_reason": "reason"}

    def get_queryset(self) -> QuerySet[Any]:
        user = api_user(self.request)
        reports = self.model._default_manager.select_related("project")
        if user.is_board_member:
            return reports.exclude(status=ReportStatus.DRAFT)
        return reports.filter(project__in=visible_projects(user))

    def _own_project(self, user: User, code: str) -> Project:
        """The enterprise's project with ``code``; another investor's is not found."""
        project = (
            visible_projects(user).filter(kind=ProjectKind.SECONDARY, code=code.strip()).first()
        )
        if project is None:
            raise Http404
        return project

    def _save(self, request: Request) -> Response:
        user = api_user(request)
        data = valid(self.input_class, request)
        project = self._own_project(user, data["project"])
        figures = {name: data.get(name) for name in self.figures}
        common = {
            "project": project,
            "period": data["period"],
            "figures": figures,
            "note": data["note"],
            "submit": data["submit"],
            "actor": user,
        }
        if self.model is ProjectReport:
            saved: Any = services.project_report_save(**common, confirmed=data["confirm"])
        else:
            saved = services.labor_filing_save(**common)
        return created(self.get_serializer_class(), saved)

    def _review(self, request: Request, pk: str, *, accept: bool) -> Response:
        report = self.get_object()
        data = valid(Review if accept else ReturnInput, request)
        if self.model is ProjectReport:
            reviewed: Any = services.project_report_review(
                report_id=report.pk, accept=accept, reason=data["reason"], actor=api_user(request)
            )
        else:
            reviewed = services.labor_filing_review(
                filing_id=report.pk, accept=accept, reason=data["reason"], actor=api_user(request)
            )
        return Response(self.get_serializer_class()(reviewed).data)


class ProjectReportViewSet(FilingViewSet):
    """Quarterly project reports (form A.III.1)."""

    model = ProjectReport
    queryset = ProjectReport.objects.none()  # for the schema; get_queryset filters
    serializer_class = ProjectReportSerializer
    filterset_class = ProjectReportFilter
    input_class = ProjectReportInput
    figures = services.REPORT_FIGURES

    @extend_schema(request=ProjectReportInput, responses={201: ProjectReportSerializer})
    @idempotent
    def create(self, request: Request) -> Response:
        """An enterprise saves its project's report for a quarter as a draft, or submits it
        (``"submit": true``). Saving again changes the draft, or a returned report."""
        return self._save(request)

    @extend_schema(request=Review, responses={200: ProjectReportSerializer})
    @action(detail=True, methods=["post"])
    @idempotent
    def accept(self, request: Request, pk: str) -> Response:
        """Staff accept a submitted report: it counts in the figures."""
        return self._review(request, pk, accept=True)

    @extend_schema(request=ReturnInput, responses={200: ProjectReportSerializer})
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    @idempotent
    def send_back(self, request: Request, pk: str) -> Response:
        """Staff return a submitted report to the enterprise, with the reason."""
        return self._review(request, pk, accept=False)


class LaborFilingViewSet(FilingViewSet):
    """Half-year labor filings; accepted, one becomes the project's labor report."""

    model = LaborFiling
    queryset = LaborFiling.objects.none()
    serializer_class = LaborFilingSerializer
    filterset_class = LaborFilingFilter
    input_class = LaborFilingInput
    figures = services.LABOR_FIGURES

    @extend_schema(request=LaborFilingInput, responses={201: LaborFilingSerializer})
    @idempotent
    def create(self, request: Request) -> Response:
        """An enterprise saves its project's labor filing for a half-year, or submits it."""
        return self._save(request)

    @extend_schema(request=Review, responses={200: LaborFilingSerializer})
    @action(detail=True, methods=["post"])
    @idempotent
    def accept(self, request: Request, pk: str) -> Response:
        """Staff accept a submitted filing: it becomes the project's labor report."""
        return self._review(request, pk, accept=True)

    @extend_schema(request=ReturnInput, responses={200: LaborFilingSerializer})
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    @idempotent
    def send_back(self, request: Request, pk: str) -> Response:
        """Staff return a submitted filing to the enterprise, with the reason."""
        return self._review(request, pk, accept=False)
