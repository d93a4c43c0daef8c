from django.apps import AppConfig


class EnterpriseReportsConfig(AppConfig):
    name = "kcn.enterprise_reports"
    label = "enterprise_reports"
