"""Reading the case store: the queue and one case's detail, as plain frozen rows.

Rows are dataclasses, not ORM objects, so a worker thread can build them and the GUI
thread can hold them without a session (and without lazy loads behind its back).
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from privacy_desk.casestore.models import (
    AllowanceDecisionRecord,
    Case,
    CaseAttachment,
    CaseEvent,
    CaseIdentifier,
    IdentityVerificationRecord,
)
from privacy_desk.casestore.store import CaseStore
from privacy_desk.domain.allowance import DecisionKind
from privacy_desk.domain.identity import IdentityMethod
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.errors import UserError
from privacy_desk.messages import Message, msg, render

log = logging.getLogger(__name__)

# Plain dict lookups: much cheaper than Enum(value) when building 100,000 rows.
_REQUEST_TYPES = {m.value: m for m in RequestType}
_STATUSES = {m.value: m for m in CaseStatus}


def _request_type(value: str) -> RequestType:
    return _REQUEST_TYPES.get(value) or RequestType(value)


def _status(value: str) -> CaseStatus:
    return _STATUSES.get(value) or CaseStatus(value)


class CaseNotFound(UserError):
    """The case asked for is not in the case store (deleted, or a wrong id)."""


def get_case(session: Session, case_id: int) -> Case:
    """The case ``case_id``, or :class:`CaseNotFound` (refresh the queue)."""
    case = session.get(Case, case_id)
    if case is None:
        raise CaseNotFound(msg("Case {case_id} is not in the case store.", case_id=case_id),
                           msg("Refresh the queue; it may have been removed."))
    return case


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One line of the officer's queue. ``due_on`` is the effective (extended if set) date."""

    case_id: int
    case_number: str
    request_type: RequestType
    status: CaseStatus
    received_on: date
    due_on: date
    person_label: str
    assignee: str | None
    version: int


@dataclass(frozen=True, slots=True)
class CaseEventRow:
    """One entry of a case's audit trail."""

    id: int
    at: datetime
    actor: str
    kind: str
    from_status: CaseStatus | None
    to_status: CaseStatus | None
    #: The officer's own free text (and, in rows older than revision 0009, all of it).
    note: str | None
    #: What happened, rendered in the reader's language by :meth:`text`.
    message: Message | None = None

    def text(self, language: str | None = None) -> str:
        """The event as the history shows it: the message, then the officer's note."""
        said = render(self.message, language)
        if said and self.note:
            return f"{said} {self.note}" if said.endswith(":") else f"{said} — {self.note}"
        return said or self.note or ""


@dataclass(frozen=True, slots=True)
class VerificationRow:
    """One recorded identity check."""

    method: IdentityMethod
    evidence: str
    verified_on: date
    officer: str
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class DecisionRow:
    """The allowance decision recorded on a case."""

    kind: DecisionKind
    reason: str
    fee_sek: Decimal | None
    extracts_in_period: int
    decided_by: str
    decided_at: datetime


@dataclass(frozen=True, slots=True)
class AttachmentRow:
    """An attached scan's metadata (the content is read separately, on purpose)."""

    id: int
    filename: str
    media_type: str
    size_bytes: int
    sha256: str
    added_by: str
    added_at: datetime


@dataclass(frozen=True, slots=True)
class CaseDetail:
    """Everything about one case, with its events oldest first."""

    case_id: int
    case_number: str
    request_type: RequestType
    status: CaseStatus
    channel: Channel
    received_on: date
    received_at: datetime | None
    due_on: date
    extended_due_on: date | None
    person_label: str
    subject_identifiers: Mapping[str, Any]
    source_ref: str | None
    assignee: str | None
    created_at: datetime
    updated_at: datetime
    updated_by: str
    version: int
    events: tuple[CaseEventRow, ...]
    identity_verified_on: date | None = None
    extension_told_on: date | None = None
    extension_reason: str | None = None
    #: Normalised (kind, value) pairs, as matched across cases for the person's history.
    identifiers: tuple[tuple[str, str], ...] = ()
    verifications: tuple[VerificationRow, ...] = ()
    decision: DecisionRow | None = None
    attachments: tuple[AttachmentRow, ...] = ()
    #: Who took a request made by phone or in person.
    taken_by: str | None = None

    @property
    def identity_verified(self) -> bool:
        return self.identity_verified_on is not None

    @property
    def effective_due_on(self) -> date:
        return self.extended_due_on or self.due_on

    def as_queue_row(self) -> QueueRow:
        return QueueRow(self.case_id, self.case_number, self.request_type, self.status,
                        self.received_on, self.effective_due_on, self.person_label,
                        self.assignee, self.version)


def queue_rows(store: CaseStore, *,
               statuses: Collection[CaseStatus] | None = None) -> list[QueueRow]:
    """The queue, most urgent first: one query over only the columns the list shows.

    ``statuses`` narrows it (e.g. ``OPEN_STATUSES``); by default every case is listed.
    Who may read it is the service's rule (:func:`privacy_desk.services.queue.list_queue`).
    """
    effective_due = func.coalesce(Case.extended_due_on, Case.due_on)
    stmt = select(Case.id, Case.case_number, Case.request_type, Case.status, Case.received_on,
                  effective_due, Case.person_label, Case.assignee, Case.version)
    if statuses is not None:
        stmt = stmt.where(Case.status.in_([str(s) for s in statuses]))
    stmt = stmt.order_by(effective_due, Case.id)
    with store.engine.connect() as conn:
        rows = conn.execute(stmt).all()
    return [
        QueueRow(cid, number, _request_type(rtype), _status(status), received, due, label,
                 assignee, version)
        for cid, number, rtype, status, received, due, label, assignee, version in rows
    ]


def _event_row(ev: CaseEvent) -> CaseEventRow:
    return CaseEventRow(
        ev.id, ev.at, ev.actor, ev.kind,
        _status(ev.from_status) if ev.from_status else None,
        _status(ev.to_status) if ev.to_status else None,
        ev.note,
        _stored_message(ev.message),
    )


def _stored_message(text: str | None) -> Message | None:
    if not text:
        return None
    try:
        return Message.from_json(text)
    except (ValueError, KeyError, TypeError, AttributeError):
        # A damaged row must not hide the history; the note (if any) still shows.
        log.warning("A case event's message could not be read")
        return None


def detail_of(case: Case, events: Collection[CaseEvent],
              session: Session | None = None) -> CaseDetail:
    """A frozen snapshot of a loaded case (used inside a session by the write services).

    With ``session``, the case's identity checks, decision, identifiers and attachment
    metadata are read too.
    """
    extra: dict[str, Any] = {}
    if session is not None:
        extra = load_extras(session, case.id)
    return CaseDetail(
        case_id=case.id, case_number=case.case_number,
        request_type=_request_type(case.request_type), status=_status(case.status),
        channel=Channel(case.channel), received_on=case.received_on,
        received_at=case.received_at, due_on=case.due_on,
        extended_due_on=case.extended_due_on, person_label=case.person_label,
        subject_identifiers=MappingProxyType(dict(case.subject_identifiers or {})),
        source_ref=case.source_ref, assignee=case.assignee, created_at=case.created_at,
        updated_at=case.updated_at, updated_by=case.updated_by, version=case.version,
        events=tuple(_event_row(ev) for ev in events),
        identity_verified_on=case.identity_verified_on,
        extension_told_on=case.extension_told_on, extension_reason=case.extension_reason,
        taken_by=case.taken_by, **extra,
    )


def load_extras(session: Session, case_id: int) -> dict[str, Any]:
    ver = session.scalars(
        select(IdentityVerificationRecord).where(IdentityVerificationRecord.case_id == case_id)
        .order_by(IdentityVerificationRecord.recorded_at, IdentityVerificationRecord.id)
    ).all()
    dec = session.scalar(
        select(AllowanceDecisionRecord).where(AllowanceDecisionRecord.case_id == case_id)
    )
    ids = session.execute(
        select(CaseIdentifier.kind, CaseIdentifier.value).where(CaseIdentifier.case_id == case_id)
        .order_by(CaseIdentifier.kind, CaseIdentifier.value)
    ).all()
    att = session.execute(
        select(CaseAttachment.id, CaseAttachment.filename, CaseAttachment.media_type,
               CaseAttachment.size_bytes, CaseAttachment.sha256, CaseAttachment.added_by,
               CaseAttachment.added_at)
        .where(CaseAttachment.case_id == case_id).order_by(CaseAttachment.id)
    ).all()
    return {
        "verifications": tuple(
            VerificationRow(IdentityMethod(v.method), v.evidence, v.verified_on, v.officer,
                            v.recorded_at) for v in ver),
        "decision": None if dec is None else DecisionRow(
            DecisionKind(dec.kind), dec.reason,
            None if dec.fee_sek is None else Decimal(dec.fee_sek), dec.extracts_in_period,
            dec.decided_by, dec.decided_at),
        "identifiers": tuple((k, v) for k, v in ids),
        "attachments": tuple(AttachmentRow(*a) for a in att),
    }


def case_id_by_number(store: CaseStore, case_number: str) -> int:
    """The id of the case numbered ``case_number`` (e.g. PD-2026-00001), case-insensitively."""
    number = case_number.strip().upper()
    with store.engine.connect() as conn:
        found = conn.scalar(select(Case.id).where(Case.case_number == number))
    if found is None:
        raise CaseNotFound(msg("There is no case {number} in the case store.", number=number),
                           msg("Check the number (e.g. PD-2026-00001); 'case list' shows them "
                               "all."))
    return int(found)


def fresh_detail(store: CaseStore, case_id: int) -> CaseDetail:
    """The case as just written by a service that checked the role itself."""
    with store.sessions() as session:
        return detail_in_session(session, case_id)


def detail_in_session(session: Session, case_id: int) -> CaseDetail:
    """One case and its events, read in ``session`` (the role check is the caller's)."""
    case = get_case(session, case_id)
    events = session.scalars(
        select(CaseEvent).where(CaseEvent.case_id == case_id)
        .order_by(CaseEvent.at, CaseEvent.id)
    ).all()
    return detail_of(case, events, session)
