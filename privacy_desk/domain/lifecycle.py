"""The case lifecycle: a small state machine every status change must pass through.

Keeping the allowed moves in one table means the UI (which buttons to enable), the CLI and
the case store (which refuses a bad event) all agree, and the audit trail can only record
moves that make sense. Moves that the company must be able to justify later (rejecting,
extending the deadline, recording a withdrawal) need a written reason.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Self

from privacy_desk.domain._parsing import parse_member
from privacy_desk.errors import UserError
from privacy_desk.messages import Message, msg


class CaseStatus(enum.StrEnum):
    """Where a case stands. Values are stored in the case store: never rename them."""

    RECEIVED = "received"
    AWAITING_IDENTITY = "awaiting_identity"
    IN_PROGRESS = "in_progress"
    EXTENDED = "extended"
    ANSWERED = "answered"
    CLOSED = "closed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        """A short English name for lists and logs (the UI translates it)."""
        return self.value.replace("_", " ").capitalize()

    @property
    def is_open(self) -> bool:
        """Whether the company still owes the person an answer (the deadline runs)."""
        return self in OPEN_STATUSES

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read a status typed by a user; UserError if unknown."""
        return parse_member(cls, text, "case status")


S = CaseStatus

#: Statuses in which an answer is still owed, so the deadline matters. ANSWERED is not open:
#: the answer went out, only the paperwork (closing) remains.
OPEN_STATUSES: frozenset[CaseStatus] = frozenset(
    {S.RECEIVED, S.AWAITING_IDENTITY, S.IN_PROGRESS, S.EXTENDED}
)

#: Statuses nothing can leave. A rejected or withdrawn request stays in the person's
#: history as it is; a new request is a new case.
TERMINAL_STATUSES: frozenset[CaseStatus] = frozenset({S.CLOSED, S.REJECTED, S.WITHDRAWN})

#: Moves that must be justified in writing: a rejection must give the person its reasons
#: (art. 12(4)), an extension must be explained within the first month (art. 12(3)), and a
#: withdrawal must say how the person withdrew.
REASON_REQUIRED: frozenset[CaseStatus] = frozenset({S.REJECTED, S.EXTENDED, S.WITHDRAWN})

_TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    S.RECEIVED: frozenset({S.AWAITING_IDENTITY, S.IN_PROGRESS, S.REJECTED, S.WITHDRAWN}),
    S.AWAITING_IDENTITY: frozenset({S.IN_PROGRESS, S.REJECTED, S.WITHDRAWN}),
    # Back to AWAITING_IDENTITY: the officer finds the proof was not enough after all.
    S.IN_PROGRESS: frozenset(
        {S.AWAITING_IDENTITY, S.EXTENDED, S.ANSWERED, S.REJECTED, S.WITHDRAWN}
    ),
    # An extension is granted once: the law allows two further months, not more.
    S.EXTENDED: frozenset({S.ANSWERED, S.REJECTED, S.WITHDRAWN}),
    S.ANSWERED: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
    S.REJECTED: frozenset(),
    S.WITHDRAWN: frozenset(),
}

#: Statuses in which the officer works on (and may disclose) the person's data, so the
#: person's identity must have been verified first.
_NEEDS_IDENTITY: frozenset[CaseStatus] = frozenset({S.IN_PROGRESS, S.EXTENDED, S.ANSWERED})


class InvalidTransition(UserError):
    """A status change the lifecycle does not allow, or one lacking what it needs."""


def _status(value: CaseStatus | str) -> CaseStatus:
    """Accept a stored string too, but turn an unknown one into a clear error."""
    try:
        return CaseStatus(value)
    except ValueError:
        raise InvalidTransition(
            msg("{value} is not a known case status.", value=repr(value)),
            # The values themselves: this answers someone who typed one (the CLI).
            msg("Use one of: {choices}.", choices=", ".join(f"'{s.value}'" for s in CaseStatus)),
        ) from None


def allowed_transitions(status: CaseStatus) -> frozenset[CaseStatus]:
    """The statuses a case in ``status`` may move to (empty for terminal statuses)."""
    return _TRANSITIONS[_status(status)]


def requires_reason(target: CaseStatus) -> bool:
    """Whether moving to ``target`` must be justified with a written reason."""
    return target in REASON_REQUIRED


def requires_verified_identity(target: CaseStatus) -> bool:
    """Whether a case may enter ``target`` only once the person's identity is verified.

    Data is never disclosed, or worked on, for someone whose identity is unproven.
    """
    return target in _NEEDS_IDENTITY


def _describe(statuses: frozenset[CaseStatus]) -> Message:
    """The statuses as a quoted list whose words render in the reader's language."""
    ordered = [s for s in CaseStatus if s in statuses]
    # A template of placeholders only needs no catalogue entry: it reads the same in every
    # language, and each status word inside it is translated.
    template = ", ".join(f"'{{s{i}}}'" for i in range(len(ordered)))
    return Message(template, {f"s{i}": status_word(s) for i, s in enumerate(ordered)})


def status_word(status: CaseStatus) -> Message:
    """The status as refusals name it: its stored value in English, a word in Swedish."""
    return _STATUS_WORDS[status]


_STATUS_WORDS: dict[CaseStatus, Message] = {
    CaseStatus.RECEIVED: msg("received"),
    CaseStatus.AWAITING_IDENTITY: msg("awaiting_identity"),
    CaseStatus.IN_PROGRESS: msg("in_progress"),
    CaseStatus.EXTENDED: msg("extended"),
    CaseStatus.ANSWERED: msg("answered"),
    CaseStatus.CLOSED: msg("closed"),
    CaseStatus.REJECTED: msg("rejected"),
    CaseStatus.WITHDRAWN: msg("withdrawn"),
}


def check_transition(
    current: CaseStatus,
    target: CaseStatus,
    *,
    reason: str | None = None,
    identity_verified: bool | None = None,
) -> None:
    """Raise :class:`InvalidTransition` unless ``current`` -> ``target`` is allowed.

    ``reason`` is required (non-blank) for rejecting, extending and withdrawing.
    ``identity_verified`` is checked only when given, so callers that do not track it yet
    still get the state-machine checks.
    """
    current, target = _status(current), _status(target)
    allowed = _TRANSITIONS[current]
    if target not in allowed:
        if not allowed:
            hint = msg("A case that is '{current}' is final; register a new case instead.",
                       current=status_word(current))
        else:
            hint = msg("From '{current}' a case can move to: {choices}.",
                       current=status_word(current), choices=_describe(allowed))
        raise InvalidTransition(
            msg("A case cannot move from '{current}' to '{target}'.",
                current=status_word(current), target=status_word(target)), hint
        )
    if requires_reason(target) and not (reason or "").strip():
        raise InvalidTransition(
            msg("Moving a case from '{current}' to '{target}' needs a reason.",
                current=status_word(current), target=status_word(target)),
            msg("Write down why; the reason is kept with the case and may be shown to the "
                "person."),
        )
    if identity_verified is False and requires_verified_identity(target):
        raise InvalidTransition(
            msg("A case cannot move from '{current}' to '{target}' before the person's identity "
                "is verified.", current=status_word(current), target=status_word(target)),
            msg("Record how the identity was verified (signed letter, ID document, BankID, Min "
                "sida login) first, or move the case to 'awaiting_identity'."),
        )


@dataclass(frozen=True)
class Transition:
    """One status change of a case, as the audit trail records it.

    Constructing it checks the move, so an invalid event cannot exist. ``at`` should be
    timezone-aware; the reason is stored stripped, and ``None`` when blank.
    """

    from_status: CaseStatus
    to_status: CaseStatus
    actor: str
    at: datetime
    reason: str | None = None

    def __post_init__(self) -> None:
        if not self.actor.strip():
            raise InvalidTransition(
                msg("A status change must name who made it."),
                msg("Give the officer's user name."),
            )
        check_transition(self.from_status, self.to_status, reason=self.reason)
        object.__setattr__(self, "from_status", _status(self.from_status))
        object.__setattr__(self, "to_status", _status(self.to_status))
        object.__setattr__(self, "reason", (self.reason or "").strip() or None)
