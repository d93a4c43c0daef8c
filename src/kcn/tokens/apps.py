from django.apps import AppConfig


class TokensConfig(AppConfig):
    name = "kcn.tokens"
    label = "tokens"
