from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "kcn.documents"
    label = "documents"
