"""Errors that carry a message meant for the person at the keyboard.

Every failure a user can cause or fix (bad URL, unreachable server, wrong password,
a case store from a newer version, ...) is raised as a :class:`UserError` whose text
says what went wrong and what to do. The CLI prints it and exits non-zero; the GUI
shows it in a dialog. Neither ever shows a traceback.
"""

from __future__ import annotations

from privacy_desk.messages import Message, render


class UserError(Exception):
    """A problem the user can understand and act on.

    ``message`` says what went wrong, ``hint`` what to do about it. Either may be a
    :class:`~privacy_desk.messages.Message` (``msg(...)``): it is then rendered in the
    reader's language each time it is read, so the Swedish desk shows Swedish.
    """

    exit_code = 2

    def __init__(self, message: str | Message, hint: str | Message = "") -> None:
        super().__init__(render(message, "en"))
        self._message = message
        self._hint = hint

    @property
    def message(self) -> str:
        return render(self._message)

    @property
    def hint(self) -> str:
        return render(self._hint)

    @property
    def raw_message(self) -> str | Message:
        """The message as raised, for storing it in a case event untranslated."""
        return self._message

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class ConnectionFailed(UserError):
    """A database could not be reached or refused the credentials."""

    exit_code = 3


class TargetNotEmpty(UserError):
    """A database we were asked to create already holds tables; nothing was touched."""


class SchemaTooNew(UserError):
    """The case store was migrated by a newer Privacy Desk than this one."""
