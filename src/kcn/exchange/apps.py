from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "kcn.exchange"
    label = "exchange"
