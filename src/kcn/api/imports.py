"""The workbook import as a job: upload the file, get 202 and the job's address; the job
says where it stands, then what it imported or the problems that stopped it."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from kcn.api.common import valid
from kcn.api.idempotency import idempotent
from kcn.api.permissions import EDITOR_ROLES, api_user
from kcn.api.serializers import JobSerializer
from kcn.jobs import services
from kcn.jobs.models import Job, JobKind
from kcn.jobs.selectors import visible_jobs


class ImportInput(serializers.Serializer[Any]):
    file = serializers.FileField(help_text="The exchange workbook (.xlsx).")

    def validate_file(self, upload: Any) -> Any:
        problem = services.upload_problem(upload.name, upload.size, upload)
        if problem is not None:
            raise serializers.ValidationError(problem)
        return upload


class ImportViewSet(viewsets.ReadOnlyModelViewSet[Job]):
    """Imports of the exchange workbook, run by the worker one after the other. A specialist
    sees the imports it started, a leader every one."""

    queryset = Job.objects.none()  # for the schema; get_queryset filters
    serializer_class = JobSerializer
    parser_classes = [MultiPartParser]
    filter_backends: list[Any] = []
    read_roles = EDITOR_ROLES
    write_roles = EDITOR_ROLES

    def get_queryset(self) -> QuerySet[Job]:
        return visible_jobs(api_user(self.request), JobKind.IMPORT)

    @extend_schema(request={"multipart/form-data": ImportInput}, responses={202: JobSerializer})
    @idempotent
    def create(self, request: Request) -> Response:
        """Queue an import: 202 Accepted, with the job's address in ``Location``."""
        upload = valid(ImportInput, request)["file"]
        job = services.import_submit(
            chunks=upload.chunks(), file_name=upload.name, actor=api_user(request)
        )
        body = JobSerializer(job, context={"request": request}).data
        return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": body["url"]})

    @extend_schema(request=None, responses={202: JobSerializer})
    @action(detail=True, methods=["post"])
    def cancel(self, request: Request, pk: str) -> Response:
        """Stop the job: a waiting one never starts, a running import writes nothing."""
        job = self.get_object()
        services.job_cancel(job)
        body = JobSerializer(job, context={"request": request}).data
        return Response(body, status=status.HTTP_202_ACCEPTED)
