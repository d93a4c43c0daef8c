from django.apps import AppConfig


class InvestorsConfig(AppConfig):
    name = "kcn.investors"
    label = "investors"
