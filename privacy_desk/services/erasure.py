"""Erasure requests (art. 17): plan, decide, approve, execute atomically, record, explain.

The same functions serve the GUI (:mod:`privacy_desk.ui.erasure_panel`) and the CLI
(``privacy-desk case erasure ...``). The flow:

1. :func:`create_plan` collects the person (from the case's identifiers) and stores a
   plan (:mod:`privacy_desk.portal.erasure`): per row delete, anonymise fields, or keep
   under a legal hold until its end date.
2. :func:`decide_category` lets an officer retain (or erase again) a category with a
   reason; the plan is rebuilt and any approval dropped.
3. :func:`dry_run` lists exactly the rows and fields that would change.
4. :func:`approve_plan`: an approver who is neither the author nor a decider approves the
   plan's SHA-256. On a SQLite case store officer names are not tied to logins, so the
   app says plainly that four-eyes is not enforced (:func:`four_eyes_notice`).
5. :func:`execute` re-collects, rebuilds the plan (it must hash to what was approved),
   checks write rights, marks the execution ``started`` in the case store, runs ONE portal
   transaction, verifies with a new lookup and records outcome counts and holds. Before
   the transaction starts, the plan's whole expected after-state (keyed hashes of every
   planned row's values before and after) is stored with the execution. If the process
   dies, or the connection breaks at COMMIT (recorded as ``unknown``, never as "nothing
   changed"), :func:`reconcile` compares the portal with that after-state and records
   ``committed``, ``not executed`` or ``changed`` (someone else changed the data: look,
   with the differences). Holds are recorded, and the letter allowed, only on
   ``committed``.
6. :func:`holds_ending` lists retained rows whose hold has ended; :func:`plan_hold_release`
   plans their erasure through the same path.

Every step checks the role (:func:`privacy_desk.services.roles.require_role`) and writes to the
audit trail with counts and table names only.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import socket
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, object_session

from privacy_desk.casestore.audit import record_audit
from privacy_desk.casestore.erasure_models import (
    ErasureDecisionRecord,
    ErasureExecutionRecord,
    ErasureHoldRecord,
    ErasureOutcomeRecord,
    ErasurePlanRecord,
    PseudonymKey,
)
from privacy_desk.casestore.guard import approve_on_server, session_login
from privacy_desk.casestore.letters_models import CaseLetter
from privacy_desk.casestore.models import Case, CaseEvent
from privacy_desk.casestore.queries import get_case as _case
from privacy_desk.casestore.rights_models import RightsDecisionRecord
from privacy_desk.casestore.store import CaseStore
from privacy_desk.casestore.writing import run_retrying
from privacy_desk.clock import stockholm_today, utcnow
from privacy_desk.datamap.model import DataMap
from privacy_desk.domain.lifecycle import CaseStatus, status_word
from privacy_desk.domain.requests import RequestType
from privacy_desk.errors import UserError
from privacy_desk.identifiers import CUSTOMER_NUMBER, Identifier
from privacy_desk.messages import Message, msg
from privacy_desk.organisation import Organisation
from privacy_desk.portal.erasure import (
    CHANGED_OUTCOME,
    COMMITTED_OUTCOME,
    NOT_COMMITTED_OUTCOME,
    Action,
    CategoryDecision,
    CommitUnknown,
    Comparison,
    Decision,
    DryRunLine,
    ErasureFailed,
    ErasurePlan,
    PlanOutdated,
    RowExpectation,
    Verification,
    build_plan,
    candidate_from_json,
    check_write_access,
    compare_with_portal,
    execute_plan,
    expected_state,
    plan_from_json,
    verify_erasure,
)
from privacy_desk.portal.erasure import dry_run as portal_dry_run
from privacy_desk.portal.lookup import Candidate, LookupResult, PersonData, collect
from privacy_desk.reports.atomic import staged_files
from privacy_desk.reports.letterhead import DEMO_LETTERHEAD, Letterhead
from privacy_desk.reports.templating import check_template
from privacy_desk.reports.texts import check_language
from privacy_desk.services.case_rules import execute_refusal
from privacy_desk.services.case_subject import find_case_subject
from privacy_desk.services.letters import LetterResult, record_letter
from privacy_desk.services.roles import Role, check_role, require_role

__all__ = [
    "MAX_REASON_LEN",
    "PLANNABLE",
    "SHARED_LOGIN_NOTICE",
    "SQLITE_NOTICE",
    "STALE_AFTER",
    "Action",
    "DryRunLine",
    "ErasurePlan",
    "ErasureRefused",
    "ExecuteResult",
    "ExecutionView",
    "HoldEnding",
    "LetterResult",
    "PlanView",
    "approve_plan",
    "create_plan",
    "db_login",
    "decide_category",
    "dry_run",
    "erasure_subject",
    "execute",
    "four_eyes_notice",
    "holds_ending",
    "latest_plan",
    "load_plan",
    "plan_hold_release",
    "plan_state_counts",
    "pseudonym_key",
    "reconcile",
    "reconcile_pending",
    "subject_of",
    "write_letter",
]

log = logging.getLogger(__name__)

#: Statuses in which a plan may be made (answered/closed: releasing holds that ended).
PLANNABLE = frozenset({CaseStatus.IN_PROGRESS, CaseStatus.EXTENDED, CaseStatus.ANSWERED,
                       CaseStatus.CLOSED})
#: A 'started' execution older than this is taken as dead even on another computer.
STALE_AFTER = timedelta(hours=1)
MAX_REASON_LEN = 2000

DRAFT, APPROVED, STARTED, COMMITTED, NOT_EXECUTED, SUPERSEDED = (
    "draft", "approved", "started", "committed", "not executed", "superseded")
#: The connection broke at COMMIT: whether the portal changed is not known (yet).
UNKNOWN = "unknown"
#: The portal shows neither the plan's before- nor its after-state: someone else changed
#: the data; an officer must look (the execution's note lists the differences).
CHANGED = "changed"
#: States that say the outcome is not settled: reconcile settles them.
UNSETTLED = (STARTED, UNKNOWN)

SQLITE_NOTICE = ("Four-eyes approval is not enforced on this embedded SQLite case store: "
                 "officer names are not tied to database logins, so anyone with the file "
                 "could approve under another name. Use a PostgreSQL or MariaDB case store "
                 "with one login per officer to enforce it.")
SHARED_LOGIN_NOTICE = ("Author and approver used the same database login, so the store "
                       "cannot prove two people took part: four-eyes is not enforced for "
                       "this approval.")


class ErasureRefused(UserError):
    """The step is not allowed now (wrong case, not approved, own plan, ...)."""


@dataclass(frozen=True)
class PlanView:
    """A stored plan as the panel and the CLI show it."""

    id: int
    case_id: int
    case_number: str
    kind: str
    state: str
    plan: ErasurePlan
    sha256: str
    created_by: str
    created_at: datetime
    approved_by: str | None
    approved_at: datetime | None
    four_eyes_enforced: bool | None
    four_eyes_notice: str | None
    deciders: tuple[str, ...]
    decisions: tuple[tuple[str, str, str, str], ...]  # category, decision, reason, by
    executions: tuple[ExecutionView, ...]


@dataclass(frozen=True)
class ExecutionView:
    id: int
    state: str
    executed_by: str
    started_at: datetime
    finished_at: datetime | None
    verified: bool | None
    note: str | None
    counts: Mapping[str, Mapping[str, int]]  # table -> deleted/updated/retained
    holds: tuple[tuple[str, str, date], ...]  # table, law, ends on (per held row)


@dataclass(frozen=True)
class HoldEnding:
    """A retained row whose legal hold has ended: it may now be erased."""

    case_id: int
    case_number: str
    table: str
    row_key: str
    law: str
    ends_on: date


# --------------------------------------------------------------------------- helpers


def db_login(session: Session) -> str | None:
    """The database login of this connection (None on SQLite, which has none)."""
    bind = session.get_bind()
    name = bind.dialect.name
    if name == "sqlite":
        return None
    return session_login(session)


def four_eyes_notice(store: CaseStore) -> str | None:
    """What the UI and CLI must say about approvals on this store (None: enforced)."""
    return SQLITE_NOTICE if store.backend == "sqlite" else None


def pseudonym_key(store: CaseStore) -> bytes:
    """The desk's keyed-hash secret, created once per case store."""
    def work(session: Session) -> bytes:
        row = session.get(PseudonymKey, 1)
        if row is None:
            row = PseudonymKey(id=1, key_hex=secrets.token_hex(32), created_at=utcnow())
            session.add(row)
            session.flush()
        return bytes.fromhex(row.key_hex)

    return run_retrying(store, work)


_KIND_TYPES = {"erasure": {RequestType.ERASURE.value},
               "consent_withdrawal": {RequestType.CONSENT_WITHDRAWAL.value,
                                      RequestType.OBJECTION.value}}


def _objection_upheld_for_erasure(case: Case) -> bool:
    """An objection case whose latest balancing decision (art. 21(1)) is 'stop, then
    erasure' (:mod:`privacy_desk.services.objection`) is planned as an erasure."""
    session = object_session(case)
    if case.request_type != RequestType.OBJECTION.value or session is None:
        return False
    rec = session.scalars(select(RightsDecisionRecord).where(
        RightsDecisionRecord.case_id == case.id, RightsDecisionRecord.kind == "balancing")
        .order_by(RightsDecisionRecord.id.desc()).limit(1)).first()
    return rec is not None and rec.outcome == "stop" \
        and json.loads(rec.details).get("follow_up") == "erasure"


def _check_case(case: Case, kind: str) -> None:
    if case.request_type not in _KIND_TYPES[kind] and not (
            kind == "erasure" and _objection_upheld_for_erasure(case)):
        what = msg("an erasure request") if kind == "erasure" else \
            msg("a consent withdrawal or objection")
        raise ErasureRefused(msg("Case {case_number} is not {what}.",
                                 case_number=case.case_number, what=what),
                             msg("Open the person's request of that kind instead."))
    if case.identity_verified_on is None:
        raise ErasureRefused(msg("The person's identity is not verified in case {case_number}.",
                                 case_number=case.case_number),
                             msg("Verify the identity first; no data is changed before that."))
    if CaseStatus(case.status) not in PLANNABLE:
        raise ErasureRefused(msg("Case {case_number} is '{status}'.",
                                 case_number=case.case_number,
                                 status=status_word(CaseStatus(case.status))),
                             msg("Move the case to 'in progress' first."))


def _plan_record(session: Session, plan_id: int) -> ErasurePlanRecord:
    rec = session.get(ErasurePlanRecord, plan_id)
    if rec is None:
        raise ErasureRefused(msg("Plan {plan_id} does not exist.", plan_id=plan_id),
                             msg("Reload the case."))
    return rec


def _decisions(session: Session, plan_id: int) -> list[ErasureDecisionRecord]:
    return list(session.scalars(select(ErasureDecisionRecord)
                                .where(ErasureDecisionRecord.plan_id == plan_id)
                                .order_by(ErasureDecisionRecord.id)))


def _effective(decisions: list[ErasureDecisionRecord]) -> tuple[CategoryDecision, ...]:
    latest: dict[str, CategoryDecision] = {}
    for d in decisions:
        latest[d.category] = CategoryDecision(d.category, Decision(d.decision), d.reason)
    return tuple(v for v in latest.values() if v.decision is Decision.RETAIN)


def _plan_from(rec: ErasurePlanRecord) -> ErasurePlan:
    return plan_from_json(json.loads(rec.plan_json))


def _candidate(rec: ErasurePlanRecord) -> Candidate:
    return candidate_from_json(json.loads(rec.subject), Identifier("stored", ""))


def _clean_reason(reason: str) -> str:
    why = " ".join(reason.split())
    if not why:
        raise ErasureRefused(msg("A decision needs a reason."),
                             msg("Say why, e.g. 'needed for a dispute (art. 17(3)(e))'."))
    if len(why) > MAX_REASON_LEN:
        raise ErasureRefused(msg("The reason is longer than {max_reason_len} characters.",
                                 max_reason_len=MAX_REASON_LEN),
                             msg("Shorten it."))
    return why


def _view(session: Session, store: CaseStore, rec: ErasurePlanRecord) -> PlanView:
    case = _case(session, rec.case_id)
    decs = _decisions(session, rec.id)
    execs = []
    for e in session.scalars(select(ErasureExecutionRecord)
                             .where(ErasureExecutionRecord.plan_id == rec.id)
                             .order_by(ErasureExecutionRecord.id)):
        counts = {o.table_name: {"deleted": o.rows_deleted, "updated": o.rows_updated,
                                 "retained": o.rows_retained}
                  for o in session.scalars(select(ErasureOutcomeRecord).where(
                      ErasureOutcomeRecord.execution_id == e.id))}
        holds = tuple((h.table_name, h.law, h.ends_on) for h in session.scalars(
            select(ErasureHoldRecord).where(ErasureHoldRecord.execution_id == e.id)
            .order_by(ErasureHoldRecord.id)))
        execs.append(ExecutionView(e.id, e.state, e.executed_by, e.started_at, e.finished_at,
                                   e.verified, e.note, counts, holds))
    notice = four_eyes_notice(store)
    if notice is None and rec.four_eyes_enforced is False:
        notice = SHARED_LOGIN_NOTICE
    return PlanView(rec.id, rec.case_id, case.case_number, rec.kind, rec.state, _plan_from(rec),
                    rec.plan_sha256, rec.created_by, rec.created_at, rec.approved_by,
                    rec.approved_at, rec.four_eyes_enforced, notice,
                    tuple(sorted({d.decided_by for d in decs})),
                    tuple((d.category, d.decision, d.reason, d.decided_by) for d in decs),
                    tuple(execs))


def _counts(plan: ErasurePlan) -> dict[str, str | int]:
    rows = plan.rows
    return {"deleted": sum(r.action is Action.DELETE for r in rows),
            "updated": sum(r.action is Action.UPDATE for r in rows),
            "held": sum(r.hold is not None for r in rows),
            "tables": ",".join(sorted({r.table for r in rows}))[:200]}


# --------------------------------------------------------------------------- finding


def erasure_subject(store: CaseStore, portal: Engine, datamap: DataMap,
                    case_id: int) -> LookupResult:
    """The portal candidates for the case's person, from the identifiers the request gave."""
    with store.sessions() as session:
        case = _case(session, case_id)
        if case.identity_verified_on is None:
            raise ErasureRefused(msg("The person's identity is not verified in case "
                                     "{case_number}.",
                                     case_number=case.case_number),
                                 msg("Verify the identity first; no data is shown before that."))
    return find_case_subject(store, portal, datamap, case_id)


# --------------------------------------------------------------------------- planning


def create_plan(store: CaseStore, portal: Engine, datamap: DataMap, case_id: int,
                candidate: Candidate, *, actor: str | None = None, today: date | None = None,
                kind: str = "erasure") -> PlanView:
    """Collect the person and store a new draft plan (earlier open plans are superseded)."""
    who = actor or store.actor
    require_role(store, who, Role.OFFICER, action="plan an erasure")
    day = today or stockholm_today()
    with store.sessions() as session:
        _check_case(_case(session, case_id), kind)
        unsettled = list(session.scalars(select(ErasurePlanRecord.id).where(
            ErasurePlanRecord.case_id == case_id, ErasurePlanRecord.state.in_(UNSETTLED))))
    for pid in unsettled:  # an earlier execution's outcome first: it decides what is left
        try:
            reconcile(store, portal, datamap, pid)
        except (UserError, SQLAlchemyError) as exc:  # refused just below, saying why
            log.warning("Plan %d not reconciled: %s", pid, type(exc).__name__)
    with store.sessions() as session:
        _refuse_unsettled(session, case_id)
    person = collect(portal, datamap, candidate)
    if not person.rows:
        raise ErasureRefused(msg("The portal holds nothing for this person any more."),
                             msg("Search again: the data may already have been erased."))
    only = ("consent",) if kind == "consent_withdrawal" else ()
    plan = build_plan(portal, person, today=day, kind=kind, only_categories=only)
    # The confirmation is written after the erasure, when the portal no longer holds
    # the name and address it goes to: keep them with the plan (migration 0012).
    letter_address = _letter_address(person, candidate)

    def work(session: Session) -> PlanView:
        check_role(session, who, Role.OFFICER, action="plan an erasure")
        _check_case(_case(session, case_id), kind)
        _refuse_unsettled(session, case_id)
        session.execute(update(ErasurePlanRecord)
                        .where(ErasurePlanRecord.case_id == case_id,
                               ErasurePlanRecord.state.in_([DRAFT, APPROVED, NOT_EXECUTED,
                                                            CHANGED]))
                        .values(state=SUPERSEDED)
                        .execution_options(synchronize_session=False))
        rec = ErasurePlanRecord(case_id=case_id, kind=kind, state=DRAFT,
                                subject=json.dumps(plan.subject, sort_keys=True),
                                as_of=day, plan_json=plan.canonical(),
                                plan_sha256=plan.sha256(), created_by=who,
                                created_at=utcnow(), created_db_login=db_login(session),
                                letter_address=letter_address)
        session.add(rec)
        session.flush()
        c = _counts(plan)
        said = msg("{kind} plan {plan}: {deleted} row(s) to delete, {updated} to anonymise, "
                   "{held} held.", kind=kind, plan=rec.id, deleted=c["deleted"],
                   updated=c["updated"], held=c["held"])
        session.add(CaseEvent(case_id=case_id, at=utcnow(), actor=who, kind="erasure_planned",
                              message=said.to_json()))
        session.flush()
        record_audit(session, actor=who, action="erasure_planned", case_id=case_id,
                     details={"plan": rec.id, **c})
        return _view(session, store, rec)

    return run_retrying(store, work)


def _letter_address(person: PersonData, candidate: Candidate) -> str | None:
    """The person's name, postal address and customer number as the portal holds them, as
    JSON (None when it holds neither address nor number): what the confirmation letter is
    addressed to, and how a notice to recipients names the person (art. 19) afterwards."""
    from privacy_desk.reports.extract import person_postal_address

    name, address = person_postal_address(person)
    reference = next((str(v) for k, v in candidate.details if k == CUSTOMER_NUMBER and v), "")
    if not address and not reference:
        return None
    return json.dumps({"name": name, "address": list(address), "reference": reference},
                      ensure_ascii=False)


def load_plan(store: CaseStore, plan_id: int) -> PlanView:
    with store.sessions() as session:
        return _view(session, store, _plan_record(session, plan_id))


def latest_plan(store: CaseStore, case_id: int) -> PlanView | None:
    """The case's newest plan that is not superseded (None when there is none)."""
    with store.sessions() as session:
        rec = session.scalars(select(ErasurePlanRecord)
                              .where(ErasurePlanRecord.case_id == case_id,
                                     ErasurePlanRecord.state != SUPERSEDED)
                              .order_by(ErasurePlanRecord.id.desc()).limit(1)).first()
        return None if rec is None else _view(session, store, rec)


def decide_category(store: CaseStore, portal: Engine, datamap: DataMap, plan_id: int, *,
                    category: str, decision: Decision | str, reason: str,
                    actor: str | None = None, today: date | None = None) -> PlanView:
    """Record the officer's decision for a category and rebuild the plan (approval dropped)."""
    who = actor or store.actor
    require_role(store, who, Role.OFFICER, action="change an erasure decision")
    why = _clean_reason(reason)
    try:
        chosen = Decision(decision)
    except ValueError:
        raise ErasureRefused(msg("Unknown decision {decision}.", decision=repr(decision)),
                             msg("Use erase or retain.")) from None
    if category not in datamap.categories:
        raise ErasureRefused(msg("The data map has no category {category}.",
                                 category=repr(category)),
                             msg("Choose one of: {choices}.",
                                 choices=", ".join(sorted(datamap.categories))))
    with store.sessions() as session:
        rec = _plan_record(session, plan_id)
        if rec.state not in (DRAFT, APPROVED, NOT_EXECUTED):
            raise ErasureRefused(msg("Plan {plan_id} is '{state}' and can no longer change.",
                                     plan_id=plan_id, state=rec.state),
                                 msg("Make a new plan."))
        decs = _effective(_decisions(session, plan_id))
        candidate, kind = _candidate(rec), rec.kind
    others = [d for d in decs if d.category != category]
    if chosen is Decision.RETAIN:
        others.append(CategoryDecision(category, chosen, why))
    person = collect(portal, datamap, candidate)
    only = ("consent",) if kind == "consent_withdrawal" else ()
    plan = build_plan(portal, person, today=today or stockholm_today(), decisions=others,
                      kind=kind, only_categories=only)

    def work(session: Session) -> PlanView:
        check_role(session, who, Role.OFFICER, action="change an erasure decision")
        rec = _plan_record(session, plan_id)
        now = utcnow()
        session.add(ErasureDecisionRecord(plan_id=plan_id, category=category,
                                          decision=chosen.value, reason=why, decided_by=who,
                                          decided_at=now))
        rec.plan_json, rec.plan_sha256, rec.as_of = plan.canonical(), plan.sha256(), plan.as_of
        rec.state = DRAFT
        rec.approved_by = rec.approved_at = rec.approved_sha256 = None
        rec.approved_db_login = None
        rec.four_eyes_enforced = None
        said = msg("Plan {plan}: {category} -> {decision}:", plan=plan_id, category=category,
                   decision=chosen.value)
        session.add(CaseEvent(case_id=rec.case_id, at=now, actor=who, kind="erasure_decision",
                              note=why, message=said.to_json()))
        session.flush()
        record_audit(session, actor=who, action="erasure_decided", case_id=rec.case_id,
                     details={"plan": plan_id, "category": category,
                              "decision": chosen.value})
        return _view(session, store, rec)

    return run_retrying(store, work)


def dry_run(store: CaseStore, portal: Engine, datamap: DataMap, plan_id: int, *,
            actor: str | None = None) -> list[DryRunLine]:
    """Exactly which rows and fields the plan would change, with old and new values."""
    who = actor or store.actor
    require_role(store, who, Role.OFFICER, Role.APPROVER, action="see a dry run")
    with store.sessions() as session:
        rec = _plan_record(session, plan_id)
        plan, candidate, case_id = _plan_from(rec), _candidate(rec), rec.case_id
    person = collect(portal, datamap, candidate)
    lines = portal_dry_run(plan, person, pseudonym_key(store))

    def work(session: Session) -> None:
        record_audit(session, actor=who, action="erasure_dry_run", case_id=case_id,
                     details={"plan": plan_id, "lines": len(lines)})

    run_retrying(store, work)
    return lines


# --------------------------------------------------------------------------- approving


def approve_plan(store: CaseStore, plan_id: int, *, expected_sha256: str,
                 actor: str | None = None) -> PlanView:
    """Approve exactly the plan the approver saw (its SHA-256); never one's own plan."""
    who = actor or store.actor

    def work(session: Session) -> PlanView:
        check_role(session, who, Role.APPROVER, action="approve an erasure plan")
        rec = _plan_record(session, plan_id)
        if rec.state != DRAFT:
            raise ErasureRefused(msg("Plan {plan_id} is '{state}'; only a draft is approved.",
                                     plan_id=plan_id, state=rec.state),
                                 msg("Reload the case."))
        if rec.plan_sha256 != expected_sha256:
            raise ErasureRefused(msg("The plan changed since you opened it; it was not approved."),
                                 msg("Reload the plan, check it, and approve again."))
        deciders = {d.decided_by for d in _decisions(session, plan_id)}
        if who == rec.created_by or who in deciders:
            raise ErasureRefused(msg("Nobody approves their own erasure plan."),
                                 msg("Ask another approver to review and approve it."))
        now = utcnow()
        if session.get_bind().dialect.name != "sqlite":
            # The server approves as the session's login and checks four-eyes itself; a
            # direct UPDATE of the approval is refused (migration 0007).
            enforced = approve_on_server(session, actor=who, plan_id=plan_id,
                                         sha256=expected_sha256)
            session.refresh(rec)
        else:
            login = db_login(session)
            enforced = (login is not None and rec.created_db_login is not None
                        and login != rec.created_db_login)
            rec.state, rec.approved_by, rec.approved_at = APPROVED, who, now
            rec.approved_sha256, rec.approved_db_login = rec.plan_sha256, login
            rec.four_eyes_enforced = enforced
        said = (msg("Plan {plan} approved by {officer}", plan=plan_id, officer=who) if enforced
                else msg("Plan {plan} approved by {officer} (four-eyes not enforced by the "
                         "store)", plan=plan_id, officer=who))
        session.add(CaseEvent(case_id=rec.case_id, at=now, actor=who, kind="erasure_approved",
                              message=said.to_json()))
        session.flush()
        if session.get_bind().dialect.name == "sqlite":  # else the server recorded it
            record_audit(session, actor=who, action="erasure_approved", case_id=rec.case_id,
                         details={"plan": plan_id, "four_eyes_enforced": int(enforced)})
        return _view(session, store, rec)

    return run_retrying(store, work)


# --------------------------------------------------------------------------- executing


def _process_alive(host: str, pid: int, started_at: datetime) -> bool:
    if host != socket.gethostname():
        return utcnow() - started_at < STALE_AFTER
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return utcnow() - started_at < STALE_AFTER


def _refuse_unsettled(session: Session, case_id: int) -> None:
    """No new plan while an earlier execution's outcome is not known."""
    pid = session.scalars(select(ErasurePlanRecord.id).where(
        ErasurePlanRecord.case_id == case_id, ErasurePlanRecord.state.in_(UNSETTLED))
        .limit(1)).first()
    if pid is not None:
        raise ErasureRefused(
            msg("The outcome of plan {plan} is not known yet; no new plan was made.",
                plan=pid),
            msg("Connect to the portal and open the case (or run 'privacy-desk store "
                "check' with the portal): the desk compares the portal with the plan first."))


def _expected(ex: ErasureExecutionRecord) -> tuple[RowExpectation, ...] | None:
    if not ex.expected:
        return None
    return tuple(RowExpectation.from_json(r) for r in json.loads(ex.expected))


def reconcile(store: CaseStore, portal: Engine, datamap: DataMap, plan_id: int) -> PlanView:
    """Settle an execution whose outcome is not known: left 'started' by a process that
    died, or 'unknown' because the connection broke at COMMIT.

    The portal is compared with the plan's whole expected after-state (deletions, updates
    with their pseudonyms, kept rows, and no rows of the person outside the plan):
    ``committed`` (the outcome and holds are recorded), ``not executed`` (every planned row
    as it was: the plan may be executed again) or ``changed`` (neither: someone else
    changed the data; the differences are noted and an officer must look). The portal not
    reachable: the execution stays as it is.
    """
    with store.sessions() as session:
        rec = _plan_record(session, plan_id)
        stuck = [(e.id, _expected(e)) for e in session.scalars(
            select(ErasureExecutionRecord).where(
                ErasureExecutionRecord.plan_id == plan_id,
                ErasureExecutionRecord.state.in_(UNSETTLED)))
            if e.state == UNKNOWN or not _process_alive(e.host, e.pid, e.started_at)]
        plan = _plan_from(rec)
    if not stuck:
        return load_plan(store, plan_id)
    key = pseudonym_key(store)
    found: dict[int, Comparison | None] = {
        ex_id: None if exp is None else compare_with_portal(portal, datamap, plan, exp, key)
        for ex_id, exp in stuck}

    def work(session: Session) -> PlanView:
        rec = _plan_record(session, plan_id)
        now = utcnow()
        for ex_id, comparison in found.items():
            ex = session.get(ErasureExecutionRecord, ex_id)
            if ex is None or ex.state not in UNSETTLED:
                continue
            was = ex.state
            ex.finished_at = now
            said: Message
            if comparison is not None and comparison.outcome == COMMITTED_OUTCOME:
                ex.state, ex.verified = COMMITTED, True
                said = msg("Recovered: the portal shows the plan's whole after-state ({rows} "
                           "row(s) compared); the transaction committed.", rows=comparison.rows)
                ex.note = said.render("en")
                _record_outcome(session, rec, ex, plan)
                rec.state = COMMITTED
            elif comparison is not None and comparison.outcome == NOT_COMMITTED_OUTCOME:
                ex.state = NOT_EXECUTED
                said = msg("The portal shows every planned row as it was ({rows} row(s) "
                           "compared): the transaction did not commit; nothing was changed in "
                           "the portal.", rows=comparison.rows)
                ex.note = said.render("en")
                rec.state = APPROVED if rec.kind == "erasure" else NOT_EXECUTED
            else:
                ex.state, ex.verified = CHANGED, False
                if comparison is None:
                    said = msg("Changed by someone else? No expected state was recorded for "
                               "this execution, so the desk cannot tell; look at the portal.")
                else:
                    assert comparison.outcome == CHANGED_OUTCOME
                    said = msg("Changed by someone else — look: {planned} of {rows} planned "
                               "row(s) as the plan leaves them, {before} as they were. "
                               "Differences: {differences}", planned=comparison.as_planned,
                               rows=comparison.rows, before=comparison.as_before,
                               differences="; ".join(comparison.differences)[:3500])
                ex.note = said.render("en")[:4000]
                rec.state = CHANGED
            session.add(CaseEvent(case_id=rec.case_id, at=now, actor=store.actor,
                                  kind={COMMITTED: "erasure_committed",
                                        NOT_EXECUTED: "erasure_not_executed",
                                        CHANGED: "erasure_changed"}[ex.state],
                                  message=msg("Plan {plan}: {what}", plan=plan_id,
                                              what=said).to_json()))
            session.flush()
            record_audit(session, actor=store.actor, action="erasure_reconciled",
                         case_id=rec.case_id,
                         details={"plan": plan_id, "state": ex.state, "was": was,
                                  "differences": 0 if comparison is None
                                  else len(comparison.differences)})
        return _view(session, store, rec)

    return run_retrying(store, work)


def reconcile_pending(store: CaseStore, portal: Engine, datamap: DataMap
                      ) -> list[PlanView]:
    """Settle every execution whose outcome is not known (run at start): the plans as
    they are afterwards. A plan whose portal cannot be read now stays unsettled."""
    with store.sessions() as session:
        ids = list(session.scalars(select(ErasurePlanRecord.id).where(
            ErasurePlanRecord.state.in_(UNSETTLED)).order_by(ErasurePlanRecord.id)))
    out = []
    for pid in ids:
        try:
            out.append(reconcile(store, portal, datamap, pid))
        except (UserError, SQLAlchemyError) as exc:
            log.warning("Plan %d not reconciled: %s", pid, type(exc).__name__)
    return out


def _record_outcome(session: Session, rec: ErasurePlanRecord, ex: ErasureExecutionRecord,
                    plan: ErasurePlan) -> None:
    for table, c in sorted(plan.table_counts().items()):
        session.add(ErasureOutcomeRecord(execution_id=ex.id, table_name=table,
                                         rows_deleted=c["deleted"], rows_updated=c["updated"],
                                         rows_retained=c["retained"]))
    for r in plan.held:
        assert r.hold is not None
        session.add(ErasureHoldRecord(case_id=rec.case_id, execution_id=ex.id,
                                      table_name=r.table, row_key=r.key_json(),
                                      rule=r.hold.rule, law=r.hold.law,
                                      ends_on=r.hold.ends_on))
    deleted = [(r.table, r.key_json()) for r in plan.rows if r.action is Action.DELETE]
    for table, kj in deleted:  # holds released by this erasure
        session.execute(update(ErasureHoldRecord)
                        .where(ErasureHoldRecord.table_name == table,
                               ErasureHoldRecord.row_key == kj,
                               ErasureHoldRecord.released_by_plan.is_(None))
                        .values(released_by_plan=rec.id)
                        .execution_options(synchronize_session=False))


@dataclass(frozen=True)
class ExecuteResult:
    view: PlanView
    verification: Verification


def execute(store: CaseStore, portal: Engine, datamap: DataMap, plan_id: int, *,
            actor: str | None = None, today: date | None = None) -> ExecuteResult:
    """Carry out an approved plan in one portal transaction, verify, record the outcome."""
    who = actor or store.actor
    require_role(store, who, Role.OFFICER, action="execute an erasure")
    reconcile(store, portal, datamap, plan_id)
    with store.sessions() as session:
        rec = _plan_record(session, plan_id)
        _check_case(_case(session, rec.case_id), rec.kind)
        # The desk's rule (it greys out "Execute" with the same words).
        why = execute_refusal(plan_id, rec.kind, rec.state,
                              approved_as_planned=rec.approved_sha256 == rec.plan_sha256)
        if why is not None:
            raise ErasureRefused(why.message, why.hint)
        decisions = _effective(_decisions(session, plan_id))
        candidate, kind, case_id = _candidate(rec), rec.kind, rec.case_id
        approved = rec.plan_sha256
    person = collect(portal, datamap, candidate)
    only = ("consent",) if kind == "consent_withdrawal" else ()
    plan = build_plan(portal, person, today=today or stockholm_today(), decisions=decisions,
                      kind=kind, only_categories=only)
    if plan.sha256() != approved:
        raise PlanOutdated(msg("The person's data (or a hold) changed since the plan was "
                               "approved; nothing was changed."),
                           msg("Make a new plan and have it approved again."))
    check_write_access(portal, datamap, plan)
    key = pseudonym_key(store)
    expected = json.dumps([r.to_json() for r in expected_state(plan, person, key)],
                          sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    def start(session: Session) -> int:
        check_role(session, who, Role.OFFICER, action="execute an erasure")
        claimed = session.execute(
            update(ErasurePlanRecord)
            .where(ErasurePlanRecord.id == plan_id,
                   ErasurePlanRecord.state.in_([APPROVED, DRAFT]))
            .values(state=STARTED).execution_options(synchronize_session=False))
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            raise ErasureRefused(msg("Plan {plan_id} is being executed or was executed already.",
                                     plan_id=plan_id),
                                 msg("Reload the case."))
        ex = ErasureExecutionRecord(plan_id=plan_id, case_id=case_id, state=STARTED,
                                    executed_by=who, started_at=utcnow(),
                                    host=socket.gethostname()[:255], pid=os.getpid(),
                                    expected=expected)
        session.add(ex)
        session.flush()
        record_audit(session, actor=who, action="erasure_started", case_id=case_id,
                     details={"plan": plan_id, **_counts(plan)})
        return ex.id

    ex_id = run_retrying(store, start)
    try:
        execute_plan(portal, plan, person, key)
    except CommitUnknown as exc:
        return _commit_unknown(store, portal, datamap, plan_id, ex_id=ex_id, case_id=case_id,
                               who=who, exc=exc)
    except UserError as exc:
        error = exc

        def failed(session: Session) -> None:
            rec = _plan_record(session, plan_id)
            ex = session.get(ErasureExecutionRecord, ex_id)
            assert ex is not None
            ex.state, ex.finished_at, ex.note = NOT_EXECUTED, utcnow(), error.message
            rec.state = APPROVED if kind == "erasure" else NOT_EXECUTED
            session.add(CaseEvent(case_id=case_id, at=utcnow(), actor=who,
                                  kind="erasure_not_executed",
                                  message=msg("Plan {plan} not executed: {reason}",
                                              plan=plan_id,
                                              reason=error.raw_message).to_json()))
            session.flush()
            record_audit(session, actor=who, action="erasure_not_executed", case_id=case_id,
                         details={"plan": plan_id, "error": type(error).__name__})

        run_retrying(store, failed)
        raise
    after = collect(portal, datamap, candidate)
    verification = verify_erasure(plan, person, after, key)

    def done(session: Session) -> PlanView:
        rec = _plan_record(session, plan_id)
        ex = session.get(ErasureExecutionRecord, ex_id)
        assert ex is not None
        now = utcnow()
        ex.state, ex.finished_at, ex.verified = COMMITTED, now, verification.ok
        ex.note = None if verification.ok else "; ".join(verification.problems)[:2000]
        rec.state = COMMITTED
        _record_outcome(session, rec, ex, plan)
        c = _counts(plan)
        session.add(CaseEvent(
            case_id=case_id, at=now, actor=who, kind="erasure_committed",
            message=(msg("Plan {plan} executed: {deleted} row(s) deleted, {updated} anonymised, "
                         "{held} kept under a hold; verification found only the retained data.",
                         plan=plan_id, deleted=c["deleted"], updated=c["updated"],
                         held=c["held"]) if verification.ok else
                     msg("Plan {plan} executed: {deleted} row(s) deleted, {updated} anonymised, "
                         "{held} kept under a hold; verification found problems.",
                         plan=plan_id, deleted=c["deleted"], updated=c["updated"],
                         held=c["held"])).to_json()))
        session.flush()
        record_audit(session, actor=who, action="erasure_executed", case_id=case_id,
                     details={"plan": plan_id, "verified": int(verification.ok), **c})
        return _view(session, store, rec)

    view = run_retrying(store, done)
    return ExecuteResult(view, verification)


def _commit_unknown(store: CaseStore, portal: Engine, datamap: DataMap, plan_id: int, *,
                    ex_id: int, case_id: int, who: str, exc: CommitUnknown) -> ExecuteResult:
    """Record 'unknown' (never "nothing changed"), then try to settle it at once."""
    def unknown(session: Session) -> None:
        rec = _plan_record(session, plan_id)
        ex = session.get(ErasureExecutionRecord, ex_id)
        assert ex is not None
        said = msg("The connection to the portal broke while it committed: whether the "
                   "erasure took effect is unknown until the portal is compared with the plan.")
        ex.state, ex.note = UNKNOWN, said.render("en")
        rec.state = UNKNOWN
        session.add(CaseEvent(case_id=case_id, at=utcnow(), actor=who, kind="erasure_unknown",
                              message=msg("Plan {plan}: {what}", plan=plan_id,
                                          what=said).to_json()))
        session.flush()
        record_audit(session, actor=who, action="erasure_outcome_unknown", case_id=case_id,
                     details={"plan": plan_id})

    run_retrying(store, unknown)
    try:
        view = reconcile(store, portal, datamap, plan_id)
    except (UserError, SQLAlchemyError) as again:
        log.warning("Plan %d: the portal could not be compared yet (%s)", plan_id,
                    type(again).__name__)
        raise exc from None
    last = view.executions[-1]
    if last.state == COMMITTED:
        return ExecuteResult(view, Verification(True, 0, ()))
    if last.state == NOT_EXECUTED:
        raise ErasureFailed(
            msg("The connection broke at COMMIT, and the portal shows every planned row as "
                "it was: the erasure did not take effect; nothing was changed."),
            msg("Execute the plan again."))
    raise ErasureRefused(
        msg("The portal shows neither the data before the erasure nor after it: someone "
            "else changed it. Plan {plan} is recorded as 'changed'.", plan=plan_id),
        msg("Look at the differences listed on the case (privacy-desk case erasure show), "
            "then make a new plan for what is left."))


# --------------------------------------------------------------------------- holds


def holds_ending(store: CaseStore, *, today: date | None = None,
                 actor: str | None = None) -> list[HoldEnding]:
    """Retained rows whose hold has ended (not yet erased), oldest end date first."""
    who = actor or store.actor
    require_role(store, who, Role.OFFICER, Role.APPROVER, action="list holds that end")
    day = today or stockholm_today()
    with store.sessions() as session:
        rows = session.execute(
            select(ErasureHoldRecord, Case.case_number)
            .join(Case, Case.id == ErasureHoldRecord.case_id)
            .join(ErasureExecutionRecord,
                  ErasureExecutionRecord.id == ErasureHoldRecord.execution_id)
            .where(ErasureHoldRecord.ends_on <= day,
                   ErasureHoldRecord.released_by_plan.is_(None),
                   ErasureExecutionRecord.state == COMMITTED)
            .order_by(ErasureHoldRecord.ends_on, ErasureHoldRecord.id)).all()
        return [HoldEnding(h.case_id, number, h.table_name, h.row_key, h.law, h.ends_on)
                for h, number in rows]


def plan_hold_release(store: CaseStore, portal: Engine, datamap: DataMap, case_id: int, *,
                      actor: str | None = None, today: date | None = None) -> PlanView:
    """A new plan for the person of the case's last executed erasure (holds now ended)."""
    with store.sessions() as session:
        rec = session.scalars(select(ErasurePlanRecord)
                              .where(ErasurePlanRecord.case_id == case_id,
                                     ErasurePlanRecord.state == COMMITTED,
                                     ErasurePlanRecord.kind == "erasure")
                              .order_by(ErasurePlanRecord.id.desc()).limit(1)).first()
        if rec is None:
            raise ErasureRefused(msg("The case has no executed erasure whose holds could end."),
                                 msg("Plan the erasure from the person's identifiers instead."))
        candidate = _candidate(rec)
    return create_plan(store, portal, datamap, case_id, candidate, actor=actor, today=today)


def plan_state_counts(store: CaseStore) -> dict[str, int]:
    """How many plans are in each state (for a status line)."""
    with store.sessions() as session:
        return {s: int(n) for s, n in session.execute(
            select(ErasurePlanRecord.state, func.count()).group_by(ErasurePlanRecord.state))}


def subject_of(view: PlanView) -> Mapping[str, Any]:
    return view.plan.subject


# --------------------------------------------------------------------------- letter


def write_letter(store: CaseStore, datamap: DataMap, plan_id: int, *, out_dir: Path | str,
                 lang: str = "sv", letterhead: Letterhead = DEMO_LETTERHEAD,
                 organisation: Organisation | None = None,
                 actor: str | None = None, today: date | None = None,
                 name: str | None = None, address: Sequence[str] = (),
                 config_dir: Path | None = None) -> LetterResult:
    """Write the confirmation letter of an executed plan into ``out_dir`` (atomically),
    in ``organisation``'s name (the demo company's only when none is given, as in tests).

    ``name`` and ``address`` are the person's, for the address block and the greeting; by
    default those the plan kept when it was made (the portal no longer holds them after
    the erasure), else the case's label with no address."""
    from privacy_desk.reports.erasure_letter import build_erasure_letter

    if organisation is not None:
        letterhead = Letterhead.of(organisation)

    who = actor or store.actor
    require_role(store, who, Role.OFFICER, action="write an erasure letter")
    check_language(lang)
    with store.sessions() as session:
        rec = _plan_record(session, plan_id)
        if rec.state != COMMITTED:
            raise ErasureRefused(msg("Plan {plan_id} is '{state}'; a confirmation letter is "
                                     "written after the erasure was executed.",
                                     plan_id=plan_id, state=rec.state),
                                 msg("Execute the approved plan first."))
        last = session.scalars(select(ErasureExecutionRecord)
                               .where(ErasureExecutionRecord.plan_id == plan_id,
                                      ErasureExecutionRecord.state == COMMITTED)
                               .order_by(ErasureExecutionRecord.id.desc()).limit(1)).first()
        if last is None or last.verified is False:
            raise ErasureRefused(
                msg("The portal did not show what plan {plan} should have left, so no "
                    "letter confirms it.", plan=plan_id),
                msg("Look at the problems noted on the execution, then make a new plan for "
                    "what is left and confirm that one."))
        case = _case(session, rec.case_id)
        number, label, case_id = case.case_number, case.person_label, case.id
        plan = _plan_from(rec)
        kept_name, kept_address, _reference = rec.kept_recipient()
        # art. 19: who was told, from the notices recorded on the case (services.letters)
        told = [(r.recipient_name, r.letter_date) for r in session.scalars(
            select(CaseLetter).where(CaseLetter.case_id == case_id,
                                     CaseLetter.kind == "recipient_notice")
            .order_by(CaseLetter.letter_date, CaseLetter.id))]
    day = today or stockholm_today()
    to_whom = (name or "").strip() or kept_name or label
    pdf = build_erasure_letter(plan, datamap, case_number=number,
                               person_label=to_whom,
                               address=[a for a in (address or kept_address) if a.strip()],
                               letterhead=letterhead, produced_on=day, lang=lang, told=told,
                               organisation=organisation, config_dir=config_dir)
    stem = "raderingsbekraftelse" if lang == "sv" else "erasure-confirmation"
    if plan.kind == "consent_withdrawal":
        stem = "samtycke-aterkallat" if lang == "sv" else "consent-withdrawn"
    name = f"{stem}-{number}-{utcnow().strftime('%Y%m%d-%H%M%S')}.pdf"
    with staged_files(Path(out_dir).expanduser(), [(name, pdf)]) as publish:
        def work(session: Session) -> LetterResult:
            written = publish()[0]
            record_letter(session, case_id=case_id, kind="erasure_confirmation", lang=lang,
                          written=written, template=check_template(
                              "erasure_confirmation", lang, config_dir),
                          actor=who, letter_date=day, recipient_name=to_whom)
            session.add(CaseEvent(case_id=case_id, at=utcnow(), actor=who,
                                  kind="erasure_letter",
                                  message=msg("Confirmation letter ({lang}): {file} sha256 "
                                              "{sha256}", lang=lang, file=written.name,
                                              sha256=written.sha256).to_json()))
            session.flush()
            record_audit(session, actor=who, action="erasure_letter_written", case_id=case_id,
                         details={"plan": plan_id, "lang": lang})
            return LetterResult(written.path, written.sha256, written.size_bytes)

        with store.sessions() as session, session.begin():
            return work(session)
