from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "kcn.dossiers"
    label = "dossiers"
