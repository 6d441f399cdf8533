"""What a data subject can ask for, and how the request reached the company.

The values are stable strings because they are stored in the case store and written in
exports; the article numbers are what letters cite.
"""

from __future__ import annotations

import enum
from typing import Self

from privacy_desk.domain._parsing import parse_member


class RequestType(enum.StrEnum):
    """The rights of GDPR chapter III that the desk handles."""

    ACCESS = "access"
    RECTIFICATION = "rectification"
    ERASURE = "erasure"
    RESTRICTION = "restriction"
    PORTABILITY = "portability"
    OBJECTION = "objection"
    CONSENT_WITHDRAWAL = "consent_withdrawal"

    @property
    def article(self) -> str:
        """The GDPR article the request rests on, as cited in letters ("15", "7(3)")."""
        return _ARTICLES[self]

    @property
    def label(self) -> str:
        """A short English name for lists and logs (the UI translates it)."""
        return _LABELS[self]

    @property
    def discloses_data(self) -> bool:
        """Whether answering sends the person a copy of their data (access, portability)."""
        return self in (RequestType.ACCESS, RequestType.PORTABILITY)

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read a request type typed by a user or found in an import; UserError if unknown."""
        return parse_member(cls, text, "request type")


_ARTICLES: dict[RequestType, str] = {
    RequestType.ACCESS: "15",
    RequestType.RECTIFICATION: "16",
    RequestType.ERASURE: "17",
    RequestType.RESTRICTION: "18",
    RequestType.PORTABILITY: "20",
    RequestType.OBJECTION: "21",
    RequestType.CONSENT_WITHDRAWAL: "7(3)",
}

_LABELS: dict[RequestType, str] = {
    RequestType.ACCESS: "Access (extract)",
    RequestType.RECTIFICATION: "Rectification",
    RequestType.ERASURE: "Erasure",
    RequestType.RESTRICTION: "Restriction",
    RequestType.PORTABILITY: "Data portability",
    RequestType.OBJECTION: "Objection",
    RequestType.CONSENT_WITHDRAWAL: "Consent withdrawal",
}


class Channel(enum.StrEnum):
    """How the request reached the company; it decides what counts as the receipt day.

    The GDPR asks for no particular form: a request by phone or in person counts as much
    as a letter. Those two leave no document behind, so the case records who took it.
    """

    PORTAL = "portal"
    PAPER = "paper"
    EMAIL = "email"
    PHONE = "phone"
    IN_PERSON = "in_person"

    @property
    def is_oral(self) -> bool:
        """Whether the request was spoken (phone, in person): who took it must be named."""
        return self in (Channel.PHONE, Channel.IN_PERSON)

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read a channel typed by a user; UserError if unknown."""
        return parse_member(cls, text, "channel")
