"""Errors that carry a message meant for the person at the keyboard.

Every failure a user can cause or fix (bad URL, unreachable server, wrong password,
a case store from a newer version, ...) is raised as a :class:`UserError` whose text
says what went wrong and what to do. The CLI prints it and exits non-zero; the GUI
shows it in a dialog. Neither ever shows a traceback.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can understand and act on.

    ``message`` says what went wrong, ``hint`` what to do about it.
    """

    exit_code = 2

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class ConnectionFailed(UserError):
    """A database could not be reached or refused the credentials."""

    exit_code = 3


class TargetNotEmpty(UserError):
    """A database we were asked to create already holds tables; nothing was touched."""


class SchemaTooNew(UserError):
    """The case store was migrated by a newer Privacy Desk than this one."""
