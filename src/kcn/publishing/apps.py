from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "kcn.publishing"
    label = "publishing"
