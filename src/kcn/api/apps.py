from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kcn.api"
    label = "api"
