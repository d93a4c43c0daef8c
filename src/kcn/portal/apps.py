from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "kcn.portal"
    label = "portal"
