"""Turning any failure of a background task into words for the officer."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from privacy_desk.errors import UserError

log = logging.getLogger(__name__)


def describe_error(exc: BaseException) -> tuple[str, str]:
    """A message and a hint for the person, never a traceback."""
    if isinstance(exc, UserError):
        return exc.message, exc.hint
    log.error("Unexpected error in a background task", exc_info=exc)
    return (
        QCoreApplication.translate(
            "MainWindow", "Something unexpected went wrong ({name})."
        ).format(name=type(exc).__name__),
        QCoreApplication.translate(
            "MainWindow", "Nothing was changed. The details are in the log file."
        ),
    )


def error_text(exc: BaseException) -> str:
    """:func:`describe_error` as one line, for a status label."""
    message, hint = describe_error(exc)
    return f"{message} {hint}".strip()
