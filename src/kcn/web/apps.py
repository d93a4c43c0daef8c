from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "kcn.web"
    label = "web"
