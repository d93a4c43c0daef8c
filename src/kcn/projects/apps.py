from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "kcn.projects"
    label = "projects"
