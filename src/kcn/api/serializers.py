"""What the API reads out: each record with its codes (a zone's, an investor's, a project's)
rather than database ids, money as exact decimal strings, dates as ISO 8601."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kcn.documents.models import Document
from kcn.dossiers.models import Dossier
from kcn.enterprise_reports.models import LaborFiling, ProjectReport
from kcn.enterprise_reports.services import LABOR_FIGURES, REPORT_FIGURES
from kcn.indicators.models import Target
from kcn.investors.models import Investor
from kcn.jobs import selectors as jobs
from kcn.jobs.models import Job
from kcn.projects.models import Inspection, LaborReport, Project, ProjectEvent
from kcn.reports.models import PublishedReport
from kcn.zones.models import Zone, ZoneEvent


def code_of(field: str, *, nullable: bool = False) -> serializers.SlugRelatedField[Any]:
    """A related record shown by its code (or another unique text); null when it has none."""
    return serializers.SlugRelatedField(slug_field=field, read_only=True, allow_null=nullable)


class ZoneEventSerializer(serializers.ModelSerializer[ZoneEvent]):
    class Meta:
        model = ZoneEvent
        fields = ["date", "event", "area_ha", "document"]


class ZoneSerializer(serializers.ModelSerializer[Zone]):
    parent = code_of("code", nullable=True)  # type: ignore[assignment]  # not Field.parent
    developer = code_of("code", nullable=True)
    events = ZoneEventSerializer(many=True, read_only=True)

    class Meta:
        model = Zone
        fields = [
            "code",
            "name",
            "province",
            "district",
            "area_ha",
            "industrial_land_ha",
            "parent",
            "developer",
            "events",
        ]


class InvestorSerializer(serializers.ModelSerializer[Investor]):
    class Meta:
        model = Investor
        fields = ["code", "name", "country"]


class ProjectEventSerializer(serializers.ModelSerializer[ProjectEvent]):
    class Meta:
        model = ProjectEvent
        fields = ["id", "date", "event", "capital", "currency", "certificate_no", "note"]


class ProjectSerializer(serializers.ModelSerializer[Project]):
    zone = code_of("code")
    investor = code_of("code")
    events = ProjectEventSerializer(many=True, read_only=True)

    class Meta:
        model = Project
        fields = [
            "code",
            "name",
            "zone",
            "investor",
            "kind",
            "origin",
            "sector",
            "land_ha",
            "events",
        ]


class LaborReportSerializer(serializers.ModelSerializer[LaborReport]):
    project = code_of("code")

    class Meta:
        model = LaborReport
        fields = ["id", "project", "period_end", "employees", "foreign_employees", "new_jobs"]


class InspectionSerializer(serializers.ModelSerializer[Inspection]):
    project = code_of("code")

    class Meta:
        model = Inspection
        fields = ["id", "project", "date", "kind", "violation", "note"]


class DossierSerializer(serializers.ModelSerializer[Dossier]):
    procedure = code_of("code")
    due_status = serializers.CharField(
        read_only=True,
        help_text="pending, due_soon, overdue; resolved early, on_time or late (today).",
    )

    class Meta:
        model = Dossier
        fields = [
            "code",
            "procedure",
            "applicant",
            "received_on",
            "due_on",
            "resolved_on",
            "channel",
            "result",
            "due_status",
        ]


class DocumentSerializer(serializers.ModelSerializer[Document]):
    parent = code_of("symbol", nullable=True)  # type: ignore[assignment]  # not Field.parent

    class Meta:
        model = Document
        fields = [
            "id",
            "symbol",
            "date",
            "type",
            "title",
            "issuer",
            "direction",
            "secret",
            "digitized",
            "electronic",
            "parent",
        ]


class TargetSerializer(serializers.ModelSerializer[Target]):
    assigned_by = code_of("symbol", nullable=True)

    class Meta:
        model = Target
        fields = ["id", "year", "indicator", "target", "target_max", "assigned_by", "description"]


FILING_FIELDS = [
    "id",
    "project",
    "period",
    "period_end",
    "status",
    "submitted_on",
    "note",
    "return_reason",
    "reviewed_at",
]


class ProjectReportSerializer(serializers.ModelSerializer[ProjectReport]):
    project = code_of("code")

    class Meta:
        model = ProjectReport
        fields = [*FILING_FIELDS, *REPORT_FIGURES]


class LaborFilingSerializer(serializers.ModelSerializer[LaborFiling]):
    project = code_of("code")

    class Meta:
        model = LaborFiling
        fields = [*FILING_FIELDS, *LABOR_FIGURES]


class PublishedReportSerializer(serializers.ModelSerializer[PublishedReport]):
    class Meta:
        model = PublishedReport
        fields = ["id", "period", "version", "number", "issued_on", "published_at"]


class PublishedReportDetailSerializer(PublishedReportSerializer):
    dataset = serializers.JSONField(
        read_only=True,
        help_text="Everything the report says, frozen when it was published: figures, "
        "targets, narratives, priorities.",
    )

    class Meta(PublishedReportSerializer.Meta):
        fields = [*PublishedReportSerializer.Meta.fields, "dataset"]


class ProgressSerializer(serializers.Serializer[Any]):
    rows = serializers.IntegerField(help_text="Rows read so far.")
    sheet = serializers.CharField(help_text="The sheet being read.")


class JobSerializer(serializers.ModelSerializer[Job]):
    url = serializers.SerializerMethodField()
    progress = serializers.SerializerMethodField()
    cancel_requested = serializers.SerializerMethodField()
    problems = serializers.SerializerMethodField()
    warnings = serializers.SerializerMethodField()

    class Meta:
        model = Job
        fields = [
            "id",
            "url",
            "kind",
            "status",
            "file_name",
            "created_at",
            "started_at",
            "finished_at",
            "progress",
            "cancel_requested",
            "summary",
            "problems",
            "problems_total",
            "warnings",
            "error",
        ]

    def get_url(self, job: Job) -> str:
        path = reverse("api:import-detail", args=[job.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path

    @extend_schema_field(ProgressSerializer)
    def get_progress(self, job: Job) -> dict[str, Any]:
        progress = jobs.job_progress(job)
        return {"rows": progress.rows, "sheet": progress.sheet}

    def get_cancel_requested(self, job: Job) -> bool:
        return jobs.cancel_requested(job)

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_problems(self, job: Job) -> list[str]:
        """Each problem as ``sheet!cell: message``."""
        return [f"{p['sheet']}!{p['cell']}: {p['message']}" for p in job.problems]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_warnings(self, job: Job) -> list[str]:
        """Each row imported but unlikely, as ``sheet!cell: message``."""
        return [f"{w['sheet']}!{w['cell']}: {w['message']}" for w in job.warnings]


# Answers whose shape is not a model's, for the schema.
IndicatorsSchema = OpenApiTypes.OBJECT
