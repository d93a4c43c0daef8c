from typing import Any

from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "kcn.audit"
    label = "audit"

    def ready(self) -> Any:
        # The lowest app of kcn registers what every database connection needs: on SQLite,
        # the Vietnamese collation "vi" (kcn.core.collation; PostgreSQL has ICU's).
        from django.db.backends.signals import connection_created

        from kcn.core.collation import register

        connection_created.connect(register, dispatch_uid="kcn-vietnamese-collation")
