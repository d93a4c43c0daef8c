from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "kcn.reports"
    label = "reports"
