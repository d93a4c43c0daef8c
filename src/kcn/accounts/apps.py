from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "kcn.accounts"
    label = "accounts"
