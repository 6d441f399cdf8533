"""Restriction of processing (art. 18): plan, dry run, apply atomically, list, lift.

The same functions serve the GUI (:mod:`privacy_desk.ui.restriction_panel`) and the CLI
(``privacy-desk case restriction ...``). The flow:

1. :func:`plan_restriction` collects the case's person and stores a plan
   (:mod:`privacy_desk.portal.restriction`): which rows and fields, on which ground, marked
   how (flag or status column, the portal's restriction register, or recorded here with
   the systems to tell where the portal has no means).
2. :func:`restriction_dry_run` lists what applying would write.
3. :func:`apply_restriction` re-collects (the plan must be unchanged), marks the
   restriction ``started`` with this host and process, writes every marker in ONE portal
   transaction, reads them back and records it ``active``. A process killed mid-way leaves
   the portal unchanged; :func:`reconcile_restriction` then records ``not executed``.
4. :func:`active_restrictions` is the desk's list of restrictions in force, with the day
   each should be looked at again.
5. Lifting needs the person told first (art. 18(3)): :func:`write_lift_notice` writes and
   records the notice; only then :func:`lift` takes the markers away, in one transaction,
   and records who lifted it and why.

Every step checks the role and writes an audit entry with counts and table names only.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from privacy_desk.casestore.audit import record_audit
from privacy_desk.casestore.models import Case, CaseEvent
from privacy_desk.casestore.queries import get_case
from privacy_desk.casestore.rights_models import RestrictionRecord
from privacy_desk.casestore.store import CaseStore
from privacy_desk.casestore.writing import run_retrying
from privacy_desk.clock import stockholm_today, utcnow
from privacy_desk.datamap.model import DataMap, RestrictionMechanism
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import RequestType
from privacy_desk.errors import UserError
from privacy_desk.identifiers import Identifier
from privacy_desk.messages import msg
from privacy_desk.organisation import DEMO_ORGANISATION, Organisation
from privacy_desk.portal.erasure import PlanOutdated, candidate_from_json
from privacy_desk.portal.lookup import Candidate, collect
from privacy_desk.portal.restriction import (
    Ground,
    RestrictionLine,
    RestrictionPlan,
    build_restriction_plan,
    markers_present,
)
from privacy_desk.portal.restriction import apply_restriction as portal_apply
from privacy_desk.portal.restriction import dry_run as portal_dry_run
from privacy_desk.portal.restriction import lift_restriction as portal_lift
from privacy_desk.reports.atomic import WrittenFile, staged_files
from privacy_desk.reports.rights_letters import render_rights_letter, rights_letter_pdf, text
from privacy_desk.reports.texts import check_language
from privacy_desk.services.letters import LetterResult, address_of, record_letter
from privacy_desk.services.roles import Role, check_role, require_role

__all__ = [
    "ActiveRestriction",
    "Ground",
    "RestrictionLine",
    "RestrictionRefused",
    "RestrictionView",
    "active_restrictions",
    "apply_restriction",
    "case_restrictions",
    "lift",
    "plan_restriction",
    "reconcile_restriction",
    "restriction_dry_run",
    "write_confirmation",
    "write_lift_notice",
]

DRAFT, STARTED, ACTIVE, NOT_EXECUTED, LIFTED, SUPERSEDED = (
    "draft", "started", "active", "not executed", "lifted", "superseded")
#: Case types whose person may be restricted (an objection pending is ground (d)).
RESTRICTABLE = frozenset({RequestType.RESTRICTION.value, RequestType.OBJECTION.value})
WORKING = frozenset({CaseStatus.IN_PROGRESS, CaseStatus.EXTENDED})
STALE_AFTER = timedelta(hours=1)
MAX_REASON_LEN = 2000


class RestrictionRefused(UserError):
    """The step is not allowed now (wrong case, not verified, no notice, ...)."""


@dataclass(frozen=True)
class RestrictionView:
    """A stored restriction as the panel and the CLI show it."""

    id: int
    case_id: int
    case_number: str
    state: str
    ground: Ground
    reason: str
    plan: RestrictionPlan
    sha256: str
    created_by: str
    created_at: datetime
    applied_by: str | None
    applied_at: datetime | None
    verified: bool | None
    review_on: date | None
    note: str | None
    notice_file: str | None
    notice_at: datetime | None
    lifted_by: str | None
    lifted_at: datetime | None
    lift_reason: str | None


@dataclass(frozen=True)
class ActiveRestriction:
    """A restriction in force: for the desk's list (who, since when, look again when)."""

    id: int
    case_id: int
    case_number: str
    ground: Ground
    since: datetime
    review_on: date | None
    rows: int
    systems_to_tell: tuple[str, ...]
    notice_written: bool


def _check_case(case: Case) -> None:
    if case.request_type not in RESTRICTABLE:
        raise RestrictionRefused(msg("Case {case} is not a restriction request or an "
                                     "objection.", case=case.case_number),
                                 msg("Open the person's request of that kind instead."))
    if case.identity_verified_on is None:
        raise RestrictionRefused(msg("The person's identity is not verified in case {case}.",
                                     case=case.case_number),
                                 msg("Verify the identity first; no data is changed before "
                                     "that."))
    if CaseStatus(case.status) not in WORKING:
        raise RestrictionRefused(msg("Case {case} is '{status}'.", case=case.case_number,
                                     status=case.status),
                                 msg("Move the case to 'in progress' first."))


def _record(session: Session, restriction_id: int) -> RestrictionRecord:
    rec = session.get(RestrictionRecord, restriction_id)
    if rec is None:
        raise RestrictionRefused(msg("Restriction {id} does not exist.", id=restriction_id),
                                 msg("Reload the case."))
    return rec


def _plan(rec: RestrictionRecord) -> RestrictionPlan:
    return RestrictionPlan.from_json(json.loads(rec.plan_json))


def _candidate(rec: RestrictionRecord) -> Candidate:
    return candidate_from_json(json.loads(rec.subject), Identifier("stored", ""))


def _view(session: Session, rec: RestrictionRecord) -> RestrictionView:
    case = get_case(session, rec.case_id)
    return RestrictionView(rec.id, rec.case_id, case.case_number, rec.state, Ground(rec.ground),
                           rec.reason, _plan(rec), rec.plan_sha256, rec.created_by,
                           rec.created_at, rec.applied_by, rec.applied_at, rec.verified,
                           rec.review_on, rec.note, rec.notice_file, rec.notice_at,
                           rec.lifted_by, rec.lifted_at, rec.lift_reason)


def _clean(reason: str, notice: bool = False) -> str:
    why = " ".join(reason.split())
    if not why:
        raise RestrictionRefused(msg("A notice of lifting needs the reason it is lifted.")
                                 if notice else msg("A restriction needs a reason."),
                                 msg("Say why, in words the person will read."))
    if len(why) > MAX_REASON_LEN:
        raise RestrictionRefused(msg("The reason is longer than {n} characters.",
                                     n=MAX_REASON_LEN), msg("Shorten it."))
    return why


def _details(plan: RestrictionPlan) -> dict[str, str | int]:
    return {**plan.counts(), "ground": plan.ground.value,
            "tables": ",".join(sorted({r.table for r in plan.rows}))[:200]}


# --------------------------------------------------------------------------- planning


def plan_restriction(store: CaseStore, portal: Engine, datamap: DataMap, case_id: int,
                     candidate: Candidate, *, ground: Ground | str, reason: str,
                     categories: tuple[str, ...] = (), review_on: date | None = None,
                     actor: str | None = None) -> RestrictionView:
    """Collect the person and store a draft restriction (earlier drafts are superseded)."""
    who = actor or store.actor
    require_role(store, who, Role.OFFICER, action="plan a restriction")
    why = _clean(reason)
    try:
        chosen = Ground(ground)
    except ValueError:
        raise RestrictionRefused(msg("Unknown ground {ground}.", ground=str(ground)),
                                 msg("Use one of: {choices}.",
                                     choices=", ".join(g.value for g in Ground))) from None
    with store.sessions() as session:
        _check_case(get_case(session, case_id))
    person = collect(portal, datamap, candidate)
    plan = build_restriction_plan(person, ground=chosen, categories=categories)
    if not plan.rows:
        raise RestrictionRefused(msg("The portal holds nothing of those categories for this "
                                     "person."),
                                 msg("Search again, or choose other categories."))

    def work(session: Session) -> RestrictionView:
        check_role(session, who, Role.OFFICER, action="plan a restriction")
        _check_case(get_case(session, case_id))
        session.execute(update(RestrictionRecord)
                        .where(RestrictionRecord.case_id == case_id,
                               RestrictionRecord.state.in_([DRAFT, NOT_EXECUTED]))
                        .values(state=SUPERSEDED).execution_options(synchronize_session=False))
        now = utcnow()
        rec = RestrictionRecord(case_id=case_id, state=DRAFT, ground=chosen.value,
                                subject=json.dumps(plan.subject, sort_keys=True),
                                plan_json=plan.canonical(), plan_sha256=plan.sha256(),
                                reason=why, review_on=review_on, created_by=who,
                                created_at=now)
        session.add(rec)
        session.flush()
        c = plan.counts()
        said = msg("Restriction {id} (art. {article}): {rows} row(s): {flagged} flagged, "
                   "{register} in the register, {recorded} recorded only.", id=rec.id,
                   article=chosen.article, rows=len(plan.rows),
                   flagged=c["flag"] + c["status"], register=c["register"],
                   recorded=c["none"])
        session.add(CaseEvent(case_id=case_id, at=now, actor=who, kind="restriction_planned",
                              message=said.to_json()))
        session.flush()
        record_audit(session, actor=who, action="restriction_planned", case_id=case_id,
                     details={"restriction": rec.id, **_details(plan)})
        return _view(session, rec)

    return run_retrying(store, work)


def load_restriction(store: CaseStore, restriction_id: int) -> RestrictionView:
    with store.sessions() as session:
        return _view(session, _record(session, restriction_id))


def case_restrictions(store: CaseStore, case_id: int) -> list[RestrictionView]:
    """Every restriction of the case that is not superseded, newest first."""
    with store.sessions() as session:
        recs = session.scalars(select(RestrictionRecord)
                               .where(RestrictionRecord.case_id == case_id,
                                      RestrictionRecord.state != SUPERSEDED)
                               .order_by(RestrictionRecord.id.desc())).all()
        return [_view(session, r) for r in recs]


def restriction_dry_run(store: CaseStore, restriction_id: int, *,
                        actor: str | None = None) -> list[RestrictionLine]:
    """Exactly what applying the restriction writes in the portal (or records only)."""
    who = actor or store.actor
    require_role(store, who, Role.OFFICER, Role.APPROVER, action="see a dry run")

    def work(session: Session) -> list[RestrictionLine]:
        rec = _record(session, restriction_id)
        lines = portal_dry_run(_plan(rec))
        record_audit(session, actor=who, action="restriction_dry_run", case_id=rec.case_id,
                     details={"restriction": restriction_id, "lines": len(lines)})
        return lines

    return run_retrying(store, work)


# --------------------------------------------------------------------------- applying


def _process_alive(host: str | None, pid: int | None, started_at: datetime | None) -> bool:
    if started_at is None:
        return False
    if host != socket.gethostname()[:255] or pid is None:
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


def reconcile_restriction(store: CaseStore, portal: Engine, datamap: DataMap,
                          restriction_id: int) -> RestrictionView:
    """Settle a restriction left 'started' by a process that died (one transaction: the
    markers are all there, or none is)."""
    with store.sessions() as session:
        rec = _record(session, restriction_id)
        stuck = rec.state == STARTED and not _process_alive(rec.host, rec.pid, rec.started_at)
        plan = _plan(rec)
    if not stuck:
        return load_restriction(store, restriction_id)
    present, expected = markers_present(portal, datamap, plan)
    committed = expected > 0 and present == expected

    def work(session: Session) -> RestrictionView:
        rec = _record(session, restriction_id)
        if rec.state != STARTED:
            return _view(session, rec)
        now = utcnow()
        if committed:
            rec.state, rec.applied_at, rec.verified = ACTIVE, now, None
            what = msg("Recovered: the process stopped after the portal committed.")
        else:
            rec.state = NOT_EXECUTED
            what = msg("The process stopped before the portal committed; nothing was "
                       "changed in the portal.")
        rec.note = what.render("en")
        said = msg("Restriction {id}: {what}", id=restriction_id, what=what)
        session.add(CaseEvent(case_id=rec.case_id, at=now, actor=store.actor,
                              kind="restriction_active" if committed
                              else "restriction_not_executed",
                              message=said.to_json()))
        session.flush()
        record_audit(session, actor=store.actor, action="restriction_reconciled",
                     case_id=rec.case_id,
                     details={"restriction": restriction_id, "state": rec.state})
        return _view(session, rec)

    return run_retrying(store, work)


def apply_restriction(store: CaseStore, portal: Engine, datamap: DataMap,
                      restriction_id: int, *, actor: str | None = None) -> RestrictionView:
    """Write the restriction's markers in one portal transaction, verify, record it active."""
    who = actor or store.actor
    require_role(store, who, Role.OFFICER, action="apply a restriction")
    reconcile_restriction(store, portal, datamap, restriction_id)
    with store.sessions() as session:
        rec = _record(session, restriction_id)
        _check_case(get_case(session, rec.case_id))
        if rec.state not in (DRAFT, NOT_EXECUTED):
            raise RestrictionRefused(msg("Restriction {id} is '{state}'; nothing was changed.",
                                         id=restriction_id, state=rec.state),
                                     msg("Make a new restriction plan."))
        stored, candidate, case_id = _plan(rec), _candidate(rec), rec.case_id
        approved = rec.plan_sha256
    person = collect(portal, datamap, candidate)
    plan = build_restriction_plan(person, ground=stored.ground, categories=stored.categories)
    if plan.sha256() != approved:
        raise PlanOutdated(msg("The person's data changed since the restriction was planned; "
                               "nothing was changed."),
                           msg("Make a new restriction plan and apply it."))

    def start(session: Session) -> None:
        check_role(session, who, Role.OFFICER, action="apply a restriction")
        claimed = session.execute(
            update(RestrictionRecord)
            .where(RestrictionRecord.id == restriction_id,
                   RestrictionRecord.state.in_([DRAFT, NOT_EXECUTED]))
            .values(state=STARTED, applied_by=who, started_at=utcnow(),
                    host=socket.gethostname()[:255], pid=os.getpid())
            .execution_options(synchronize_session=False))
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            raise RestrictionRefused(msg("Restriction {id} is being applied or was applied "
                                         "already.", id=restriction_id), msg("Reload the case."))
        record_audit(session, actor=who, action="restriction_started", case_id=case_id,
                     details={"restriction": restriction_id, **_details(plan)})

    run_retrying(store, start)
    try:
        portal_apply(portal, datamap, plan, utcnow())
    except UserError as exc:
        error = exc

        def failed(session: Session) -> None:
            rec = _record(session, restriction_id)
            rec.state, rec.note = NOT_EXECUTED, error.message[:2000]
            session.add(CaseEvent(case_id=case_id, at=utcnow(), actor=who,
                                  kind="restriction_not_executed",
                                  message=msg("Restriction {id} not applied: {reason}",
                                              id=restriction_id,
                                              reason=error.raw_message).to_json()))
            session.flush()
            record_audit(session, actor=who, action="restriction_not_executed",
                         case_id=case_id, details={"restriction": restriction_id,
                                                   "error": type(error).__name__})

        run_retrying(store, failed)
        raise
    present, expected = markers_present(portal, datamap, plan)
    ok = present == expected

    def done(session: Session) -> RestrictionView:
        rec = _record(session, restriction_id)
        now = utcnow()
        rec.state, rec.applied_at, rec.verified = ACTIVE, now, ok
        rec.note = None if ok else f"Verification found {present} of {expected} markers."
        told = ", ".join(plan.systems_to_tell) or "-"
        only = len(plan.by_mechanism(RestrictionMechanism.NONE))
        said = msg("Restriction {id} applied (art. {article}): {present} of {expected} "
                   "marker(s) in the portal; {only} row(s) recorded only; tell: {told}.",
                   id=restriction_id, article=plan.ground.article, present=present,
                   expected=expected, only=only, told=told)
        session.add(CaseEvent(case_id=case_id, at=now, actor=who, kind="restriction_applied",
                              message=said.to_json()))
        session.flush()
        record_audit(session, actor=who, action="restriction_applied", case_id=case_id,
                     details={"restriction": restriction_id, "verified": int(ok),
                              **_details(plan)})
        return _view(session, rec)

    return run_retrying(store, done)


def active_restrictions(store: CaseStore, *, actor: str | None = None) -> list[ActiveRestriction]:
    """Every restriction in force, those to look at soonest first (art. 18 is temporary)."""
    who = actor or store.actor
    require_role(store, who, Role.OFFICER, Role.APPROVER, action="list restrictions")
    with store.sessions() as session:
        rows = session.execute(
            select(RestrictionRecord, Case.case_number)
            .join(Case, Case.id == RestrictionRecord.case_id)
            .where(RestrictionRecord.state == ACTIVE)
            .order_by(RestrictionRecord.id)).all()
    out = []
    for rec, number in rows:
        plan = _plan(rec)
        out.append(ActiveRestriction(rec.id, rec.case_id, number, Ground(rec.ground),
                                     rec.applied_at or rec.created_at, rec.review_on,
                                     len(plan.rows), plan.systems_to_tell,
                                     rec.notice_at is not None))
    return sorted(out, key=lambda a: (a.review_on is None, a.review_on or date.max, a.id))


# --------------------------------------------------------------------------- letters


def _letter_rows(plan: RestrictionPlan, datamap: DataMap, lang: str) -> tuple[str, ...]:
    counts: dict[str, int] = {}
    for r in plan.rows:
        counts[r.table] = counts.get(r.table, 0) + 1
    return tuple(text(lang, "restriction_row",
                      table=datamap.tables[t].title_in(lang) if t in datamap.tables else t,
                      count=n) for t, n in counts.items())


def _write(store: CaseStore, out_dir: Path | str, name: str, pdf: bytes,
           record: Callable[[Session, WrittenFile], None]) -> LetterResult:
    """Publish the letter and record it in one step: no file without its record."""
    with staged_files(Path(out_dir).expanduser(), [(name, pdf)]) as publish, \
            store.sessions() as session, session.begin():
        written = publish()[0]
        record(session, written)
        return LetterResult(written.path, written.sha256, written.size_bytes)


def write_confirmation(store: CaseStore, datamap: DataMap, restriction_id: int, *,
                       out_dir: Path | str, lang: str = "sv",
                       organisation: Organisation = DEMO_ORGANISATION,
                       config_dir: Path | None = None, actor: str | None = None,
                       today: date | None = None,
                       portal: Engine | None = None) -> LetterResult:
    """The letter that confirms an active restriction (what, on which ground, who told)."""
    who = actor or store.actor
    require_role(store, who, Role.OFFICER, action="write a restriction letter")
    check_language(lang)
    with store.sessions() as session:
        rec = _record(session, restriction_id)
        if rec.state != ACTIVE:
            raise RestrictionRefused(msg("Restriction {id} is '{state}'; the confirmation is "
                                         "written once it is applied.", id=restriction_id,
                                         state=rec.state),
                                     msg("Apply the restriction first."))
        case = get_case(session, rec.case_id)
        number, label, plan = case.case_number, case.person_label, _plan(rec)
        received = case.received_on
    day = today or stockholm_today()
    facts = {"what": list(_letter_rows(plan, datamap, lang)),
             "reason": text(lang, f"ground_{plan.ground.value}") + f" ({plan.ground.article})",
             "until": None, "recipients": list(plan.systems_to_tell)}
    letter = render_rights_letter("restriction", lang, org=organisation, case_number=number,
                                  received_on=received, person_label=label, facts=facts,
                                  day=day, config_dir=config_dir)
    pdf = rights_letter_pdf(letter, org=organisation, case_number=number, person_label=label,
                            day=day, address=address_of(store, portal, datamap, rec.case_id))
    stem = "begransning" if lang == "sv" else "restriction"
    name = f"{stem}-{number}-{utcnow().strftime('%Y%m%d-%H%M%S')}.pdf"

    def record(session: Session, written: WrittenFile) -> None:
        record_letter(session, case_id=rec.case_id, kind="restriction", lang=lang,
                      written=written, template=letter.template, actor=who, letter_date=day,
                      recipient_name=label)
        session.add(CaseEvent(case_id=rec.case_id, at=utcnow(), actor=who,
                              kind="restriction_letter",
                              message=msg("Restriction confirmation ({lang}): {file} sha256 "
                                          "{sha256}", lang=lang, file=written.name,
                                          sha256=written.sha256).to_json()))
        session.flush()
        record_audit(session, actor=who, action="restriction_letter_written",
                     case_id=rec.case_id, details={"restriction": restriction_id, "lang": lang})

    return _write(store, out_dir, name, pdf, record)


def write_lift_notice(store: CaseStore, datamap: DataMap, restriction_id: int, *,
                      reason: str, out_dir: Path | str, lang: str = "sv",
                      organisation: Organisation = DEMO_ORGANISATION,
                      config_dir: Path | None = None, actor: str | None = None,
                      today: date | None = None,
                      portal: Engine | None = None) -> LetterResult:
    """Write the notice that the restriction will be lifted (art. 18(3)) and record it:
    without it :func:`lift` refuses."""
    who = actor or store.actor
    require_role(store, who, Role.OFFICER, action="write a lifting notice")
    check_language(lang)
    why = _clean(reason, notice=True)
    with store.sessions() as session:
        rec = _record(session, restriction_id)
        if rec.state != ACTIVE:
            raise RestrictionRefused(msg("Restriction {id} is '{state}'; only an active "
                                         "restriction is lifted.", id=restriction_id,
                                         state=rec.state), msg("Reload the case."))
        case = get_case(session, rec.case_id)
        number, label, plan = case.case_number, case.person_label, _plan(rec)
        received = case.received_on
    day = today or stockholm_today()
    facts = {"what": list(_letter_rows(plan, datamap, lang)), "reason": why,
             "ground": text(lang, f"ground_{plan.ground.value}")}
    letter = render_rights_letter("restriction_lift", lang, org=organisation,
                                  case_number=number, received_on=received, person_label=label,
                                  facts=facts, day=day, config_dir=config_dir)
    pdf = rights_letter_pdf(letter, org=organisation, case_number=number, person_label=label,
                            day=day, address=address_of(store, portal, datamap, rec.case_id))
    stem = "havande-av-begransning" if lang == "sv" else "lifting-notice"
    name = f"{stem}-{number}-{utcnow().strftime('%Y%m%d-%H%M%S')}.pdf"

    def record(session: Session, written: WrittenFile) -> None:
        r = _record(session, restriction_id)
        now = utcnow()
        r.notice_file, r.notice_sha256 = written.name, written.sha256
        r.notice_at, r.notice_by, r.lift_reason = now, who, why
        record_letter(session, case_id=r.case_id, kind="restriction_lift", lang=lang,
                      written=written, template=letter.template, actor=who, letter_date=day,
                      recipient_name=label, at=now)
        session.add(CaseEvent(case_id=r.case_id, at=now, actor=who, kind="restriction_notice",
                              message=msg("Notice before lifting restriction {id} ({lang}): "
                                          "{file} sha256 {sha256}", id=restriction_id,
                                          lang=lang, file=written.name,
                                          sha256=written.sha256).to_json()))
        session.flush()
        record_audit(session, actor=who, action="restriction_notice_written",
                     case_id=r.case_id, details={"restriction": restriction_id, "lang": lang})

    return _write(store, out_dir, name, pdf, record)


def lift(store: CaseStore, portal: Engine, datamap: DataMap, restriction_id: int, *,
         actor: str | None = None) -> RestrictionView:
    """Take the restriction's markers away in one transaction, after the notice (18(3))."""
    who = actor or store.actor
    require_role(store, who, Role.OFFICER, action="lift a restriction")
    with store.sessions() as session:
        rec = _record(session, restriction_id)
        if rec.state != ACTIVE:
            raise RestrictionRefused(msg("Restriction {id} is '{state}'; only an active "
                                         "restriction is lifted.", id=restriction_id,
                                         state=rec.state), msg("Reload the case."))
        if rec.notice_at is None:
            raise RestrictionRefused(msg("The person has not been told that restriction {id} "
                                         "will be lifted; nothing was changed.",
                                         id=restriction_id),
                                     msg("Write the notice to the person first (art. 18(3))."))
        plan, case_id = _plan(rec), rec.case_id
    portal_lift(portal, datamap, plan)
    present, expected = markers_present(portal, datamap, plan)

    def work(session: Session) -> RestrictionView:
        check_role(session, who, Role.OFFICER, action="lift a restriction")
        rec = _record(session, restriction_id)
        now = utcnow()
        rec.state, rec.lifted_by, rec.lifted_at = LIFTED, who, now
        session.add(CaseEvent(case_id=case_id, at=now, actor=who, kind="restriction_lifted",
                              note=rec.lift_reason,
                              message=msg("Restriction {id} lifted after the notice {file}; "
                                          "{removed} of {expected} marker(s) removed:",
                                          id=restriction_id, file=rec.notice_file,
                                          removed=expected - present,
                                          expected=expected).to_json()))
        session.flush()
        record_audit(session, actor=who, action="restriction_lifted", case_id=case_id,
                     details={"restriction": restriction_id, "left": present})
        return _view(session, rec)

    return run_retrying(store, work)
