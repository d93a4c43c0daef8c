"""The error type every layer raises for a problem a user must fix."""

from __future__ import annotations


class KcnError(Exception):
    """A problem stated in one line that names the record and the field.

    The command line prints the message alone (no traceback); the web app
    shows it next to the form. Messages are translatable strings.
    """


class RecordError(KcnError):
    """A problem with one field of one record.

    ``field`` is the model field the problem is about ("" for the record as a
    whole), so that a form can show the message next to that field.
    """

    def __init__(self, message: str, *, record: str = "", field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.record = record
        self.field = field
