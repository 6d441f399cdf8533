"""Reading enum values that a person typed, with an answer that lists the valid choices."""

from __future__ import annotations

import enum
from typing import TypeVar

from privacy_desk.errors import UserError
from privacy_desk.messages import msg

E = TypeVar("E", bound=enum.StrEnum)


def parse_member(cls: type[E], text: str, what: str) -> E:
    """Look up a member by value or name, case-insensitively, or explain the choices.

    Spaces and hyphens count as underscores so "consent withdrawal" finds CONSENT_WITHDRAWAL.
    """
    key = text.strip().lower().replace("-", "_").replace(" ", "_")
    for member in cls:
        if key in (member.value, member.name.lower()):
            return member
    choices = ", ".join(m.value for m in cls)
    raise UserError(msg("{text} is not a known {what}.", text=repr(text), what=what),
                    msg("Use one of: {choices}.", choices=choices))
