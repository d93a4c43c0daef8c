from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "kcn.indicators"
    label = "indicators"
