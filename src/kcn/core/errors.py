"""The error type every layer raises for a problem a user must fix."""

from __future__ import annotations


class KcnError(Exception):
    """A problem stated in one line that names the record and the field.

    The command line prints the message alone (no traceback); the web app
    shows it next to the form. Messages are translatable strings.
    """
