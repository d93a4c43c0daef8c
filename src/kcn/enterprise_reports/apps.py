from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class EnterpriseReportsConfig(AppConfig):
    name = "kcn.enterprise_reports"
    label = "enterprise_reports"

    def ready(self) -> None:
        # Reference data, like Django's content types: written after every migrate (and after
        # a test database is flushed), never by hand.
        post_migrate.connect(_ensure_reporting_periods, sender=self)


def _ensure_reporting_periods(**_kwargs: Any) -> None:
    from kcn.enterprise_reports.services import reporting_periods_ensure

    reporting_periods_ensure()
