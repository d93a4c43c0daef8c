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


class RecordWarnings(KcnError):
    """Values that are possible but unlikely (docs/reference/workbook.md, "Warnings").

    Raised by a service called without ``confirmed=True``: the form shows
    each warning beside its field and asks the user to confirm; the call
    made again with the confirmation saves. ``warnings`` are ``(field,
    message)`` pairs.
    """

    def __init__(self, warnings: list[tuple[str, str]], *, record: str = "") -> None:
        super().__init__("; ".join(f"{record}, {message}" for _field, message in warnings))
        self.warnings = warnings
        self.record = record
