from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "kcn.jobs"
    label = "jobs"
