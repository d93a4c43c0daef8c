from django.apps import AppConfig


class ZonesConfig(AppConfig):
    name = "kcn.zones"
    label = "zones"
