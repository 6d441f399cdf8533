"""Reading the queue and a case, with the role check every read needs.

Any active officer may read the queue, a case, a person's request history and the
allowance; reading a person's history as an officer (not as a rule checking it) is
itself written to the audit trail. The rows are the case store's frozen dataclasses,
re-exported here so windows and commands need nothing below the services.
"""

from __future__ import annotations

from collections.abc import Collection

from privacy_desk.casestore.audit import record_audit
from privacy_desk.casestore.marks import QueueMarks, plan_awaits_approval, queue_marks
from privacy_desk.casestore.persons import (
    AllowanceStatus,
    HistoryEntry,
    PersonHistory,
    allowance_in_session,
    history_in_session,
)
from privacy_desk.casestore.queries import (
    AttachmentRow,
    CaseDetail,
    CaseEventRow,
    CaseNotFound,
    DecisionRow,
    QueueRow,
    VerificationRow,
    case_id_by_number,
    detail_in_session,
    get_case,
    queue_rows,
)
from privacy_desk.casestore.store import CaseStore
from privacy_desk.domain.allowance import AllowancePeriod
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.services.roles import check_role, require_role

__all__ = [
    "AllowanceStatus",
    "AttachmentRow",
    "CaseDetail",
    "CaseEventRow",
    "CaseNotFound",
    "DecisionRow",
    "HistoryEntry",
    "PersonHistory",
    "QueueMarks",
    "QueueRow",
    "VerificationRow",
    "allowance_status",
    "awaits_approval",
    "case_detail",
    "case_id_by_number",
    "list_queue",
    "list_queue_marks",
    "person_history",
]


def list_queue(store: CaseStore, *,
               statuses: Collection[CaseStatus] | None = None,
               actor: str | None = None) -> list[QueueRow]:
    """The queue, most urgent first (:func:`~privacy_desk.casestore.queries.queue_rows`).

    ``statuses`` narrows it (e.g. ``OPEN_STATUSES``); by default every case is listed.
    Any active officer (``actor``, default the store's) may read it.
    """
    require_role(store, actor or store.actor, action="read the queue")
    return queue_rows(store, statuses=statuses)


def case_detail(store: CaseStore, case_id: int, *, actor: str | None = None) -> CaseDetail:
    """One case and its events in order; :class:`CaseNotFound` if it does not exist.

    Any active officer (``actor``, default the store's) may read it.
    """
    with store.sessions() as session:
        check_role(session, actor or store.actor, action="read cases")
        return detail_in_session(session, case_id)


def person_history(store: CaseStore, case_id: int, *,
                   actor: str | None = None) -> PersonHistory:
    """The person's requests across all cases (matched by normalised identifiers).

    With ``actor`` (an officer looking, not a rule checking) the view is written to the
    audit trail: a profile across cases is personal data.
    """
    if actor is None:
        with store.sessions() as session:
            check_role(session, store.actor, action="read a person's history")
            get_case(session, case_id)
            return history_in_session(session, case_id)
    with store.sessions.begin() as session:
        check_role(session, actor, action="read a person's history")
        get_case(session, case_id)
        history = history_in_session(session, case_id)
        record_audit(session, actor=actor, action="person_history_viewed", case_id=case_id,
                     details={"cases": len(history.entries)})
        return history


def allowance_status(store: CaseStore, case_id: int,
                     period: AllowancePeriod | None = None, *,
                     actor: str | None = None) -> AllowanceStatus:
    """Whether this request's extract is free, and how many came before it in the period.

    ``period`` defaults to the store's setting (calendar year unless configured).
    """
    with store.sessions() as session:
        check_role(session, actor or store.actor, action="read the allowance")
        case = get_case(session, case_id)
        return allowance_in_session(session, case, period or store.allowance_period)


def list_queue_marks(store: CaseStore, *, actor: str | None = None) -> QueueMarks:
    """Which open cases need an allowance decision and which a second officer's approval.

    Read in bulk (:func:`~privacy_desk.casestore.marks.queue_marks`) for the queue's
    markers and views; any active officer may read it.
    """
    require_role(store, actor or store.actor, action="read the queue")
    return queue_marks(store)


def awaits_approval(store: CaseStore, case_id: int, *, actor: str | None = None) -> bool:
    """Whether ``case_id`` has an erasure plan waiting for a second officer's approval."""
    require_role(store, actor or store.actor, action="read cases")
    return plan_awaits_approval(store, case_id)
