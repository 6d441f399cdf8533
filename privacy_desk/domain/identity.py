"""How a person's identity was verified before any of their data is worked on or sent.

The policy asks for a written, signed request; officers record which check they made and
keep the evidence with the case (DOMAIN.md, "Identity"). The method values are stored in
the case store: never rename them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from typing import Self

from privacy_desk.domain._parsing import parse_member
from privacy_desk.errors import UserError
from privacy_desk.messages import Message, msg


class IdentityMethod(enum.StrEnum):
    """The checks the desk accepts as proof of identity."""

    SIGNED_LETTER = "signed_letter"
    ID_DOCUMENT = "id_document"
    E_ID = "e_id"
    MIN_SIDA_LOGIN = "min_sida_login"

    @property
    def label(self) -> str:
        """A short English name for lists and logs (the UI translates it)."""
        return _LABELS[self]

    @property
    def words(self) -> Message:
        """The same name for messages to people (a case event, a refusal)."""
        return _WORDS[self]

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read a method typed by a user; UserError if unknown."""
        return parse_member(cls, text, "identity verification method")


_LABELS: dict[IdentityMethod, str] = {
    IdentityMethod.SIGNED_LETTER: "Signed letter checked against the customer record",
    IdentityMethod.ID_DOCUMENT: "ID document seen",
    IdentityMethod.E_ID: "Swedish e-ID (BankID)",
    IdentityMethod.MIN_SIDA_LOGIN: "Logged in to Min sida",
}
_WORDS: dict[IdentityMethod, Message] = {
    IdentityMethod.SIGNED_LETTER: msg("Signed letter checked against the customer record"),
    IdentityMethod.ID_DOCUMENT: msg("ID document seen"),
    IdentityMethod.E_ID: msg("Swedish e-ID (BankID)"),
    IdentityMethod.MIN_SIDA_LOGIN: msg("Logged in to Min sida"),
}


class InvalidVerification(UserError):
    """An identity verification that cannot be recorded as given."""


@dataclass(frozen=True)
class IdentityVerification:
    """One recorded check of identity, validated on construction.

    The evidence note says what was checked (never a copy of the ID number itself), so a
    verification without one could not be defended later; the date cannot precede receipt
    nor lie in the future.
    """

    method: IdentityMethod
    evidence: str
    verified_on: date
    officer: str

    def check_dates(self, received_on: date, today: date) -> None:
        if self.verified_on < received_on:
            raise InvalidVerification(
                msg("Identity cannot be verified ({verified_on}) before the request was "
                    "received ({received_on}).",
                    verified_on=self.verified_on.isoformat(),
                    received_on=received_on.isoformat()),
                msg("Check the verification date."),
            )
        if self.verified_on > today:
            raise InvalidVerification(
                msg("The verification date {verified_on} is in the future.",
                    verified_on=self.verified_on.isoformat()),
                msg("Record a verification on the day it was made, or earlier."),
            )

    def __post_init__(self) -> None:
        try:
            method = IdentityMethod(self.method)
        except ValueError:
            raise InvalidVerification(
                msg("{method} is not a known verification method.", method=repr(self.method)),
                msg("Use one of: {choices}.", choices=', '.join(m.value for m in IdentityMethod)),
            ) from None
        evidence = (self.evidence or "").strip()
        if not evidence:
            raise InvalidVerification(
                msg("A verification needs a note on the evidence."),
                msg("Say what was checked, e.g. 'signature matches the customer record'."),
            )
        if not self.officer.strip():
            raise InvalidVerification(msg("A verification must name the officer who made it."),
                                      msg("Give the officer's user name."))
        object.__setattr__(self, "method", method)
        object.__setattr__(self, "evidence", evidence)
        object.__setattr__(self, "officer", self.officer.strip())
