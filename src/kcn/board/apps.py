from django.apps import AppConfig


class BoardConfig(AppConfig):
    name = "kcn.board"
    label = "board"
