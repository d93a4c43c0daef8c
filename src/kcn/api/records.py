"""The registers: zones, investors, projects with their ledger, labor reports, inspections,
dossiers, documents, targets — to read; and the writes staff make on them, through the
same services (so the same rules and the same audit) as the web pages and the import."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from kcn.api.common import CODE, by_code, created, valid
from kcn.api.idempotency import idempotent
from kcn.api.permissions import ALL_ROLES, BOARD_ROLES, EDITOR_ROLES, api_user
from kcn.api.serializers import (
    DocumentSerializer,
    DossierSerializer,
    InspectionSerializer,
    InvestorSerializer,
    LaborReportSerializer,
    ProjectEventSerializer,
    ProjectSerializer,
    TargetSerializer,
    ZoneSerializer,
)
from kcn.documents.models import Direction, Document
from kcn.dossiers import services as dossiers
from kcn.dossiers.calendar import board_calendar
from kcn.dossiers.models import Channel, Dossier, Procedure, Result
from kcn.dossiers.selectors import DueStatus, due_conditions, with_due_status
from kcn.indicators.models import Target
from kcn.investors.models import Investor
from kcn.projects import services as projects
from kcn.projects.models import (
    Inspection,
    InspectionKind,
    LaborReport,
    Origin,
    Project,
    ProjectEvent,
    ProjectEventKind,
    ProjectKind,
)
from kcn.projects.selectors import visible_projects
from kcn.zones.models import Zone

# -- zones and investors ----------------------------------------------------------------------


class ZoneFilter(django_filters.FilterSet):
    province = django_filters.CharFilter()
    parent = django_filters.CharFilter(field_name="parent__code", label="parent zone's code")

    class Meta:
        model = Zone
        fields = ["province", "parent"]


class ZoneViewSet(viewsets.ReadOnlyModelViewSet[Zone]):
    """Industrial zones with their milestones (planned, established, land cleared, …)."""

    queryset = Zone.objects.select_related("parent", "developer").prefetch_related("events")
    serializer_class = ZoneSerializer
    lookup_field = "code"
    lookup_value_regex = CODE
    filterset_class = ZoneFilter
    ordering_fields = ["code", "name", "area_ha", "industrial_land_ha"]
    ordering = ["code"]
    read_roles = BOARD_ROLES


class InvestorFilter(django_filters.FilterSet):
    country = django_filters.CharFilter(label="ISO 3166-1 code, e.g. JP")
    name = django_filters.CharFilter(lookup_expr="icontains", label="part of the name")

    class Meta:
        model = Investor
        fields = ["country", "name"]


class InvestorViewSet(viewsets.ReadOnlyModelViewSet[Investor]):
    queryset = Investor.objects.all()
    serializer_class = InvestorSerializer
    lookup_field = "code"
    lookup_value_regex = CODE
    filterset_class = InvestorFilter
    ordering_fields = ["code", "name", "country"]
    ordering = ["code"]
    read_roles = BOARD_ROLES


# -- projects and their ledger ----------------------------------------------------------------


class ProjectFilter(django_filters.FilterSet):
    zone = django_filters.CharFilter(field_name="zone__code", label="zone's code")
    investor = django_filters.CharFilter(field_name="investor__code", label="investor's code")
    origin = django_filters.ChoiceFilter(choices=Origin.choices)
    kind = django_filters.ChoiceFilter(choices=ProjectKind.choices)

    class Meta:
        model = Project
        fields = ["zone", "investor", "origin", "kind"]


class ProjectRegistration(serializers.Serializer[Any]):
    """A new project and its investment registration certificate (its ``issued`` event)."""

    code = serializers.CharField(max_length=32)
    name = serializers.CharField(max_length=255)
    zone = by_code(Zone)
    investor = by_code(Investor)
    origin = serializers.ChoiceField(choices=Origin.choices)
    kind = serializers.ChoiceField(choices=ProjectKind.choices, default=ProjectKind.SECONDARY)
    sector = serializers.CharField(max_length=16, required=False, allow_blank=True, default="")
    land_ha = serializers.DecimalField(
        max_digits=12, decimal_places=4, required=False, allow_null=True, default=None
    )
    date = serializers.DateField(help_text="The day the certificate was issued.")
    capital = serializers.DecimalField(max_digits=22, decimal_places=2)
    currency = serializers.CharField(max_length=3)
    certificate_no = serializers.CharField(
        max_length=64, required=False, allow_blank=True, default=""
    )


def ordered_events() -> Prefetch[Any]:
    return Prefetch("events", queryset=ProjectEvent.objects.order_by("date", "id"))


class ProjectViewSet(viewsets.ReadOnlyModelViewSet[Project]):
    """Projects with their ledger of events; an enterprise user sees its investor's only.
    Staff register a new project with its certificate."""

    queryset = Project.objects.none()  # for the schema; get_queryset filters
    serializer_class = ProjectSerializer
    lookup_field = "code"
    lookup_value_regex = CODE
    filterset_class = ProjectFilter
    ordering_fields = ["code", "name"]
    ordering = ["code"]
    read_roles = ALL_ROLES
    write_roles = EDITOR_ROLES

    def get_queryset(self) -> QuerySet[Project]:
        return (
            visible_projects(api_user(self.request))
            .select_related("zone", "investor")
            .prefetch_related(ordered_events())
        )

    @extend_schema(request=ProjectRegistration, responses={201: ProjectSerializer})
    @idempotent
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = valid(ProjectRegistration, request)
        project = projects.project_register(**data, actor=api_user(request))
        return created(ProjectSerializer, self.get_queryset().get(pk=project.pk))


class LedgerEventInput(serializers.Serializer[Any]):
    event = serializers.ChoiceField(
        choices=[
            (kind.value, kind.label) for kind in ProjectEventKind if kind != ProjectEventKind.ISSUED
        ],
        help_text="The certificate (issued) comes with the project: POST /api/v1/projects/.",
    )
    date = serializers.DateField()
    capital_change = serializers.DecimalField(
        max_digits=22,
        decimal_places=2,
        required=False,
        allow_null=True,
        default=None,
        help_text="adjusted: the change of registered capital (+ or −), in currency.",
    )
    currency = serializers.CharField(max_length=3, required=False, allow_blank=True, default="")
    certificate_no = serializers.CharField(
        max_length=64, required=False, allow_blank=True, default=""
    )
    note = serializers.CharField(required=False, allow_blank=True, default="")
    resumed_on = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        help_text="suspended: the day it resumed, for a past suspension.",
    )


class ProjectEventList(generics.ListAPIView[ProjectEvent]):
    """A project's ledger, in the order it is read; staff add an event to it."""

    queryset = ProjectEvent.objects.none()  # for the schema; get_queryset filters
    serializer_class = ProjectEventSerializer
    read_roles = ALL_ROLES
    write_roles = EDITOR_ROLES
    field_aliases = {"capital": "capital_change"}
    filter_backends: list[Any] = []

    def project(self) -> Project:
        return get_object_or_404(visible_projects(api_user(self.request)), code=self.kwargs["code"])

    def get_queryset(self) -> QuerySet[ProjectEvent]:
        return self.project().events.order_by("date", "id")

    @extend_schema(request=LedgerEventInput, responses={201: ProjectEventSerializer})
    @idempotent
    def post(self, request: Request, code: str) -> Response:
        project = self.project()
        data = valid(LedgerEventInput, request)
        common = {
            "project": project,
            "date": data["date"],
            "note": data["note"],
            "actor": api_user(request),
        }
        kind = data["event"]
        event: ProjectEvent
        if kind == ProjectEventKind.ADJUSTED:
            event = projects.certificate_amend(
                **common,
                capital_change=data["capital_change"],
                currency=data["currency"],
                certificate_no=data["certificate_no"],
            )
        elif kind == ProjectEventKind.SUSPENDED:
            event = projects.project_suspend(**common, resumed_on=data["resumed_on"])
        else:
            event = LEDGER_SERVICES[kind](**common)
        return created(ProjectEventSerializer, event)


LEDGER_SERVICES = {
    ProjectEventKind.OPERATIONAL: projects.project_mark_operational,
    ProjectEventKind.RESUMED: projects.project_resume,
    ProjectEventKind.TERMINATED: projects.project_terminate,
}


# -- labor reports and inspections ------------------------------------------------------------


class LaborReportFilter(django_filters.FilterSet):
    project = django_filters.CharFilter(field_name="project__code", label="project's code")
    period_end_after = django_filters.DateFilter(field_name="period_end", lookup_expr="gte")
    period_end_before = django_filters.DateFilter(field_name="period_end", lookup_expr="lte")

    class Meta:
        model = LaborReport
        fields = ["project", "period_end"]


class LaborReportInput(serializers.Serializer[Any]):
    project = by_code(Project)
    period_end = serializers.DateField()
    employees = serializers.IntegerField(min_value=0)
    foreign_employees = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    new_jobs = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    replace = serializers.BooleanField(
        default=False, help_text="Replace the report already recorded to this date."
    )


class LaborReportViewSet(viewsets.ReadOnlyModelViewSet[LaborReport]):
    """The workforce of each project at a date (an accepted labor filing becomes one); staff
    record one, or replace one with ``replace``."""

    queryset = LaborReport.objects.none()  # for the schema; get_queryset filters
    serializer_class = LaborReportSerializer
    filterset_class = LaborReportFilter
    ordering_fields = ["period_end", "project__code", "employees"]
    ordering = ["project__code", "period_end"]
    read_roles = ALL_ROLES
    write_roles = EDITOR_ROLES

    def get_queryset(self) -> QuerySet[LaborReport]:
        return LaborReport.objects.select_related("project").filter(
            project__in=visible_projects(api_user(self.request))
        )

    @extend_schema(request=LaborReportInput, responses={201: LaborReportSerializer})
    @idempotent
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = valid(LaborReportInput, request)
        report = projects.labor_report_record(
            project=data["project"],
            period_end=data["period_end"],
            employees=data["employees"],
            foreign_employees=data.get("foreign_employees"),
            new_jobs=data.get("new_jobs"),
            replace=data["replace"],
            actor=api_user(request),
        )
        return created(LaborReportSerializer, report)


class InspectionFilter(django_filters.FilterSet):
    project = django_filters.CharFilter(field_name="project__code", label="project's code")
    kind = django_filters.ChoiceFilter(choices=InspectionKind.choices)
    violation = django_filters.BooleanFilter()
    date_after = django_filters.DateFilter(field_name="date", lookup_expr="gte")
    date_before = django_filters.DateFilter(field_name="date", lookup_expr="lte")

    class Meta:
        model = Inspection
        fields = ["project", "kind", "violation"]


class InspectionViewSet(viewsets.ReadOnlyModelViewSet[Inspection]):
    queryset = Inspection.objects.none()  # for the schema; get_queryset filters
    serializer_class = InspectionSerializer
    filterset_class = InspectionFilter
    ordering_fields = ["date", "project__code"]
    ordering = ["-date", "-id"]
    read_roles = ALL_ROLES

    def get_queryset(self) -> QuerySet[Inspection]:
        return Inspection.objects.select_related("project").filter(
            project__in=visible_projects(api_user(self.request))
        )


# -- dossiers of the one-stop shop ------------------------------------------------------------


class DossierFilter(django_filters.FilterSet):
    procedure = django_filters.CharFilter(field_name="procedure__code", label="procedure's code")
    received_after = django_filters.DateFilter(field_name="received_on", lookup_expr="gte")
    received_before = django_filters.DateFilter(field_name="received_on", lookup_expr="lte")
    due_status = django_filters.ChoiceFilter(choices=DueStatus.choices, method="by_due_status")

    class Meta:
        model = Dossier
        fields = ["procedure", "channel", "result"]

    def by_due_status(self, queryset: QuerySet[Dossier], name: str, value: str) -> Any:
        return queryset.filter(due_conditions(timezone.localdate(), board_calendar())[value])


class DossierReceipt(serializers.Serializer[Any]):
    code = serializers.CharField(max_length=40, help_text="The receipt number.")
    procedure = by_code(Procedure)
    received_on = serializers.DateField()
    applicant = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    due_on = serializers.DateField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Computed in working days from the procedure's time limit when left out.",
    )
    channel = serializers.ChoiceField(
        choices=Channel.choices, required=False, allow_blank=True, default=""
    )


class DossierResolution(serializers.Serializer[Any]):
    resolved_on = serializers.DateField()
    result = serializers.ChoiceField(choices=Result.choices)
    correction = serializers.BooleanField(
        default=False, help_text="Correct a resolution already recorded."
    )


class DossierViewSet(viewsets.ReadOnlyModelViewSet[Dossier]):
    """Dossiers with their due status as of today; a one-stop-shop system pushes each dossier
    it receives and each result it returns."""

    serializer_class = DossierSerializer
    lookup_field = "code"
    lookup_value_regex = CODE
    filterset_class = DossierFilter
    ordering_fields = ["code", "received_on", "due_on", "resolved_on"]
    ordering = ["-received_on", "-id"]
    read_roles = BOARD_ROLES
    write_roles = EDITOR_ROLES

    def get_queryset(self) -> QuerySet[Dossier]:
        return with_due_status(
            Dossier.objects.select_related("procedure"), timezone.localdate(), board_calendar()
        )

    @extend_schema(request=DossierReceipt, responses={201: DossierSerializer})
    @idempotent
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = valid(DossierReceipt, request)
        dossier = dossiers.dossier_receive(**data, actor=api_user(request))
        return created(DossierSerializer, self.get_queryset().get(pk=dossier.pk))

    @extend_schema(request=DossierResolution, responses={200: DossierSerializer})
    @action(detail=True, methods=["post"])
    @idempotent
    def resolve(self, request: Request, code: str) -> Response:
        """Record the day the result was returned, and the result."""
        dossier = self.get_object()
        data = valid(DossierResolution, request)
        dossiers.dossier_resolve(dossier=dossier, **data, actor=api_user(request))
        return Response(DossierSerializer(self.get_queryset().get(pk=dossier.pk)).data)


# -- documents and targets --------------------------------------------------------------------


class DocumentFilter(django_filters.FilterSet):
    direction = django_filters.ChoiceFilter(choices=Direction.choices)
    type = django_filters.CharFilter(label="KH, QĐ, CV, …")
    date_after = django_filters.DateFilter(field_name="date", lookup_expr="gte")
    date_before = django_filters.DateFilter(field_name="date", lookup_expr="lte")
    parent = django_filters.CharFilter(field_name="parent__symbol", label="parent plan's symbol")

    class Meta:
        model = Document
        fields = ["direction", "type", "parent"]


class DocumentViewSet(viewsets.ReadOnlyModelViewSet[Document]):
    queryset = Document.objects.select_related("parent")
    serializer_class = DocumentSerializer
    filterset_class = DocumentFilter
    ordering_fields = ["date", "symbol"]
    ordering = ["-date", "symbol"]
    read_roles = BOARD_ROLES


class TargetFilter(django_filters.FilterSet):
    class Meta:
        model = Target
        fields = ["year", "indicator"]


class TargetViewSet(viewsets.ReadOnlyModelViewSet[Target]):
    """The province's targets for the board, by year and indicator code."""

    queryset = Target.objects.select_related("assigned_by")
    serializer_class = TargetSerializer
    filterset_class = TargetFilter
    ordering_fields = ["year", "indicator"]
    ordering = ["-year", "indicator"]
    read_roles = BOARD_ROLES
