"""An officer's work on a case: claiming it, verifying identity, extending, deciding fees.

Each function is one transaction that records an event; the GUI and the CLI call these
same functions. Edits take the version the officer saw and are refused
(:class:`~privacy_desk.services.cases.StaleCase`) when someone changed the case since.
Claiming is different on purpose: it takes no version, because two officers clicking
"claim" at the same moment must not both win, whatever they saw; a single conditional
UPDATE decides that in the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from privacy_desk.casestore.audit import record_audit
from privacy_desk.casestore.models import (
    OFFICER_LEN,
    AllowanceDecisionRecord,
    Case,
    CaseEvent,
    IdentityVerificationRecord,
)
from privacy_desk.casestore.persons import allowance_in_session
from privacy_desk.casestore.queries import CaseDetail, CaseNotFound, detail_of, fresh_detail
from privacy_desk.casestore.store import CaseStore
from privacy_desk.casestore.writing import run_retrying
from privacy_desk.clock import stockholm_today, utcnow
from privacy_desk.domain.allowance import (
    AllowanceDecision,
    DecisionKind,
    InvalidDecision,
    check_fee_limit,
    decision_words,
)
from privacy_desk.domain.deadlines import due_date
from privacy_desk.domain.identity import IdentityMethod, IdentityVerification
from privacy_desk.domain.lifecycle import (
    TERMINAL_STATUSES,
    CaseStatus,
    InvalidTransition,
    check_transition,
    status_word,
)
from privacy_desk.errors import UserError
from privacy_desk.messages import msg
from privacy_desk.services.case_rules import WAITING_STATUSES, closed_refusal, refuse
from privacy_desk.services.cases import _edit, _load_for_edit, counted_from, transition_case
from privacy_desk.services.roles import WRITERS, check_role


class CaseAlreadyClaimed(UserError):
    """Another officer holds the case; it was not taken from them."""


@dataclass(frozen=True)
class ClaimResult:
    """The case after a successful claim (``already_yours``: nothing had to change)."""

    detail: CaseDetail
    already_yours: bool


def _officer(name: str) -> str:
    who = " ".join(name.split())
    if not who:
        raise UserError(msg("A case must be claimed by a named officer."),
                        msg("Give the officer's user name."))
    if len(who) > OFFICER_LEN:
        raise UserError(msg("The officer name is longer than {officer_len} characters.",
                            officer_len=OFFICER_LEN),
                        msg("Use the officer's user name."))
    return who


def _check_writers(store: CaseStore, holder: str, action: str) -> None:
    """Both the person acting and the officer who is to hold the case may change cases.

    Checked in a session of its own: a read before the claim's UPDATE would fix
    MariaDB's snapshot too early, and the loser of a race would not see the winner.
    """
    with store.sessions() as session:
        check_role(session, store.actor, *WRITERS, action=action)
        if holder != store.actor:
            check_role(session, holder, *WRITERS, action="hold cases")


def _start_work(session: Session, case: Case, who: str, now: datetime) -> None:
    """A claimed case whose person is verified is being worked on: move it to in progress.

    Called in the claim's or the verification's own transaction, so the queue never shows
    a case someone holds and may work on as still "received" (the desk would then refuse
    withholding or planning with a confusing reason).
    """
    current = CaseStatus(case.status)
    if (current not in WAITING_STATUSES or case.assignee is None
            or case.identity_verified_on is None):
        return
    target = CaseStatus.IN_PROGRESS
    check_transition(current, target, identity_verified=True)
    case.status = target.value
    case.updated_at, case.updated_by = now, who
    session.add(CaseEvent(case_id=case.id, at=now, actor=who, kind="status",
                          from_status=current.value, to_status=target.value,
                          message=msg("From '{old}' to '{new}': the case is claimed and the "
                                      "person's identity verified.", old=status_word(current),
                                      new=status_word(target)).to_json()))
    session.flush()
    record_audit(session, actor=who, action="status_changed", case_id=case.id,
                 details={"from": current.value, "to": target.value, "by": "claim and identity"})


def claim_case(store: CaseStore, case_id: int, *, officer: str | None = None) -> ClaimResult:
    """Take an unassigned case for ``officer`` (default: the store's actor).

    One ``UPDATE ... WHERE assignee IS NULL``: on PostgreSQL and MariaDB the second of two
    racing officers waits for the first's row lock, re-reads the row, matches nothing and
    gets :class:`CaseAlreadyClaimed` naming the winner. A case already yours is a no-op.
    Claiming a case whose person is already verified moves it to 'in progress'.
    """
    who = _officer(officer or store.actor)
    _check_writers(store, who, "claim cases")

    def work(session: Session) -> tuple[str | None, str, bool]:
        now = utcnow()
        result = session.execute(
            update(Case).where(Case.id == case_id, Case.assignee.is_(None))
            .values(assignee=who, updated_at=now, updated_by=who, version=Case.version + 1)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount == 1:  # type: ignore[attr-defined]
            session.add(CaseEvent(case_id=case_id, at=now, actor=who, kind="claimed",
                                  message=msg("Claimed by {officer}.", officer=who).to_json()))
            session.flush()
            record_audit(session, actor=who, action="case_claimed", case_id=case_id)
            case = session.get(Case, case_id)
            if case is not None:
                session.refresh(case)
                _start_work(session, case, who, now)
            return who, "", True
        row = session.execute(
            select(Case.assignee, Case.case_number).where(Case.id == case_id)).first()
        if row is None:
            raise CaseNotFound(msg("Case {case_id} is not in the case store.", case_id=case_id),
                               msg("Refresh the queue; it may have been removed."))
        return row[0], row[1], False

    holder, number, claimed = run_retrying(store, work)
    if not claimed and holder != who:
        raise CaseAlreadyClaimed(
            msg("Case {case} is already claimed by {holder}; it was not taken from them.",
                case=number, holder=holder),
            msg("Pick another case, or ask them (or a lead) to reassign it."),
        )
    return ClaimResult(fresh_detail(store, case_id), already_yours=not claimed)


def release_case(store: CaseStore, case_id: int, *, officer: str | None = None) -> CaseDetail:
    """Give back a case you hold (conditional on still holding it, like claiming)."""
    who = _officer(officer or store.actor)
    _check_writers(store, who, "release cases")

    def work(session: Session) -> str | None:
        now = utcnow()
        result = session.execute(
            update(Case).where(Case.id == case_id, Case.assignee == who)
            .values(assignee=None, updated_at=now, updated_by=who, version=Case.version + 1)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount == 1:  # type: ignore[attr-defined]
            session.add(CaseEvent(case_id=case_id, at=now, actor=who, kind="released",
                                  message=msg("Released by {officer}.", officer=who).to_json()))
            session.flush()
            record_audit(session, actor=who, action="case_released", case_id=case_id)
            return None
        return session.scalar(select(Case.case_number).where(Case.id == case_id)) or ""

    number = run_retrying(store, work)
    if number is not None:
        if not number:
            raise CaseNotFound(msg("Case {case_id} is not in the case store.", case_id=case_id),
                               msg("Refresh the queue; it may have been removed."))
        raise CaseAlreadyClaimed(
            msg("Case {case} is not held by {officer}; nothing was changed.",
                case=number, officer=who),
            msg("Refresh the queue to see who holds it."))
    return fresh_detail(store, case_id)


def verify_identity(
    store: CaseStore,
    case_id: int,
    *,
    method: IdentityMethod | str,
    evidence: str,
    verified_on: date | None = None,
    actor: str | None = None,
    expected_version: int,
    today: date | None = None,
) -> CaseDetail:
    """Record how the person's identity was verified; this unlocks work on their data.

    A case still 'received' or 'awaiting identity' that an officer holds moves to 'in
    progress' in the same transaction (the work can start); an unclaimed one stays, and
    moves on when it is claimed. A closed case cannot be verified any more.
    """
    who = actor or store.actor
    day = today or stockholm_today()
    check = IdentityVerification(IdentityMethod(method) if isinstance(method, IdentityMethod)
                                 else IdentityMethod.parse(method),
                                 evidence, verified_on or day, who)

    def work(session: Session) -> CaseDetail:
        check_role(session, who, *WRITERS, action="record identity checks")
        case = _load_for_edit(session, case_id, expected_version)
        if CaseStatus(case.status) in TERMINAL_STATUSES:
            raise InvalidTransition(
                msg("Case {case_number} is '{status}'; identity can no longer be recorded on it.",
                    case_number=case.case_number, status=status_word(CaseStatus(case.status))),
                msg("Register a new case for a new request."))
        check.check_dates(case.received_on, day)
        now = utcnow()
        session.add(IdentityVerificationRecord(
            case_id=case.id, method=check.method.value, evidence=check.evidence,
            verified_on=check.verified_on, officer=check.officer, recorded_at=now))
        case.identity_verified_on = check.verified_on
        if store.clock_stops_for_identity and case.extended_due_on is None:
            # Policy: the month runs from the day the person could be identified.
            case.due_on = due_date(counted_from(store, case))
        case.updated_at, case.updated_by = now, who
        case.events.append(CaseEvent(
            at=now, actor=who, kind="identity_verified", note=check.evidence,
            message=msg("{method} ({date}):", method=check.method.words,
                        date=check.verified_on).to_json()))
        session.flush()
        record_audit(session, actor=who, action="identity_verified", case_id=case.id,
              details={"method": check.method.value})
        if case.assignee is not None:
            _start_work(session, case, who, now)
        return detail_of(case, case.events, session)

    return _edit(store, case_id, work)


def extend_case(
    store: CaseStore,
    case_id: int,
    *,
    reason: str,
    told_on: date,
    told_how: str | None = None,
    actor: str | None = None,
    expected_version: int,
    today: date | None = None,
) -> CaseDetail:
    """Extend the deadline by two further months (art. 12(3)).

    ``told_on`` is the day the person was told, with ``reason``; it must fall within the
    first month (:class:`~privacy_desk.domain.deadlines.ExtensionTooLate` otherwise). A
    day before today needs ``told_how``: where the telling is documented.
    """
    return transition_case(store, case_id, CaseStatus.EXTENDED, actor=actor or store.actor,
                           reason=reason, expected_version=expected_version, today=today,
                           told_on=told_on, told_how=told_how)


def record_allowance_decision(
    store: CaseStore,
    case_id: int,
    decision: AllowanceDecision,
    *,
    actor: str | None = None,
    expected_version: int,
) -> CaseDetail:
    """Record the decision on an extract beyond the yearly allowance (one per case).

    Refused for a request that is within the allowance (there is nothing to decide) or
    that is not an access request, and when a decision already exists.
    """
    who = actor or store.actor

    def work(session: Session) -> CaseDetail:
        check_role(session, who, *WRITERS, action="record allowance decisions")
        check_fee_limit(decision, store.max_fee_sek)
        case = _load_for_edit(session, case_id, expected_version)
        refuse(closed_refusal(CaseStatus(case.status), case.case_number))
        status = allowance_in_session(session, case, store.allowance_period)
        if not status.applies:
            raise InvalidDecision(
                msg("Case {case_number} is not an access request; only extracts count against "
                    "the yearly allowance.", case_number=case.case_number),
                msg("No decision is needed for this case."))
        if status.decision is not None:
            raise InvalidDecision(
                msg("Case {case_number} already has an allowance decision ({value}, by "
                    "{decided_by}).",
                    case_number=case.case_number, value=status.decision.kind.value,
                    decided_by=status.decision.decided_by),
                msg("A decision is not changed afterwards; it stays as the record."))
        if status.free:
            raise InvalidDecision(
                msg("The extract in case {case_number} is within the yearly allowance (free); "
                    "there is nothing to decide.",
                    case_number=case.case_number), msg("Answer the request as usual."))
        now = utcnow()
        session.add(AllowanceDecisionRecord(
            case_id=case.id, kind=decision.kind.value, reason=decision.reason,
            fee_sek=decision.fee_sek, extracts_in_period=status.extracts_in_period,
            decided_by=who, decided_at=now))
        case.updated_at, case.updated_by = now, who
        said = (msg("{decision} ({fee} kr):", decision=decision_words(decision.kind),
                    fee=decision.fee_sek)
                if decision.kind is DecisionKind.FEE
                else msg("{decision}:", decision=decision_words(decision.kind)))
        case.events.append(CaseEvent(
            at=now, actor=who, kind="allowance_decision", note=decision.reason,
            message=said.to_json()))
        session.flush()
        record_audit(session, actor=who, action="allowance_decision", case_id=case.id,
              details={"kind": decision.kind.value,
                       "extracts_in_period": status.extracts_in_period})
        return detail_of(case, case.events, session)

    return _edit(store, case_id, work)
