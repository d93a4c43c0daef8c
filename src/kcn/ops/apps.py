from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "kcn.ops"
    label = "ops"

    def ready(self) -> None:
        from kcn.ops import checks  # noqa: F401 - registers kcn's deployment checks
