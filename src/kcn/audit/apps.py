from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "kcn.audit"
    label = "audit"
