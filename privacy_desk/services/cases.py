"""Registering cases and moving them along: the queue's changes to a case.

Every change records who made it and bumps the case's ``version``; an edit made
against an older version than the stored one is refused (:class:`StaleCase`) instead
of silently overwriting a colleague's work.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from privacy_desk.casestore.audit import record_audit
from privacy_desk.casestore.models import OFFICER_LEN, Case, CaseEvent
from privacy_desk.casestore.persons import (
    allowance_in_session,
    normalise_identifiers,
    portal_identifiers,
    store_identifiers,
)
from privacy_desk.casestore.queries import (
    CaseDetail,
    CaseNotFound,
    detail_of,
    fresh_detail,
    get_case,
)
from privacy_desk.casestore.store import CaseStore
from privacy_desk.casestore.writing import new_case_number, run_retrying, short_label
from privacy_desk.clock import STOCKHOLM, stockholm_today, utcnow
from privacy_desk.domain.allowance import DecisionKind
from privacy_desk.domain.deadlines import (
    DeadlineError,
    check_extension,
    deadline_start,
    due_date,
    extended_due_date,
)
from privacy_desk.domain.lifecycle import (
    CaseStatus,
    InvalidTransition,
    check_transition,
    status_word,
)
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.errors import UserError
from privacy_desk.messages import msg
from privacy_desk.services.attachments import AttachmentFile, add_attachments, media_type_of
from privacy_desk.services.roles import WRITERS, check_role

log = logging.getLogger(__name__)


class StaleCase(UserError):
    """Someone else changed the case after it was opened; the edit was not saved."""


def register_case(
    store: CaseStore,
    *,
    request_type: RequestType,
    channel: Channel,
    received_on: date,
    person_label: str,
    subject_identifiers: Mapping[str, Any] | None = None,
    received_at: datetime | None = None,
    actor: str | None = None,
    note: str | None = None,
    identifiers: Sequence[tuple[str | None, str]] = (),
    attachments: Sequence[AttachmentFile] = (),
    today: date | None = None,
    taken_by: str | None = None,
) -> CaseDetail:
    """Open a case for a request that arrived by paper, e-mail, phone, in person (or portal).

    ``received_on`` is the day the request reached the company (postmark, e-mail date),
    not today; the case starts as 'received' with the one-month deadline from it.
    ``identifiers`` are ``(kind or None, text)`` as typed; each is validated and stored
    normalised, so the person's other requests are found. ``attachments`` (scans) are
    checked for type and size first. A request by phone or in person names who took it
    (``taken_by``: it leaves no document behind). Any invalid input refuses the whole
    registration.
    """
    if not person_label.strip():
        raise UserError(msg("A case needs a name to show in the queue."),
                        msg("Enter the person's name or e-mail address."))
    today = today or stockholm_today()
    if received_on > today:
        raise DeadlineError(
            msg("The receipt date {received_on} is in the future.",
                received_on=received_on.isoformat()),
            msg("Give the day the request reached the company (postmark or e-mail date)."),
        )
    who = actor or store.actor
    request_type, channel = RequestType(request_type), Channel(channel)
    taker = _taker(channel, taken_by)
    typed = normalise_identifiers(identifiers)
    pairs = list(dict.fromkeys([*typed, *portal_identifiers(dict(subject_identifiers or {}))]))
    subject = dict(subject_identifiers or {})
    for kind, value in typed:
        subject.setdefault(kind, value)
    files = list(attachments)
    for f in files:  # refuse a bad file before any number is taken
        media_type_of(f.filename, f.content)

    def work(session: Session) -> int:
        check_role(session, who, *WRITERS, action="register cases")
        now = utcnow()
        case = Case(
            case_number=new_case_number(session, received_on.year),
            request_type=request_type.value, status=CaseStatus.RECEIVED.value,
            channel=channel.value, taken_by=taker, received_on=received_on,
            received_at=received_at,
            due_on=due_date(received_on), person_label=short_label(person_label),
            subject_identifiers=subject, created_at=now,
            updated_at=now, updated_by=who,
        )
        case.events.append(CaseEvent(at=now, actor=who, kind="registered",
                                     to_status=CaseStatus.RECEIVED.value, note=note,
                                     message=msg("Request registered.").to_json()))
        session.add(case)
        session.flush()
        store_identifiers(session, case.id, pairs)
        add_attachments(session, case.id, files, who, now)
        record_audit(session, actor=who, action="case_registered", case_id=case.id,
              details={"channel": channel.value, "identifiers": len(pairs),
                       "attachments": len(files)})
        return case.id

    return fresh_detail(store, run_retrying(store, work))


def _taker(channel: Channel, taken_by: str | None) -> str | None:
    """Who took a spoken request: required for phone and in person, kept for nothing else."""
    name = " ".join((taken_by or "").split())
    if not channel.is_oral:
        return None
    if not name:
        raise UserError(msg("A request by phone or in person must name who took it."),
                        msg("Give the name of the employee who took the call or the visit."))
    if len(name) > OFFICER_LEN:
        raise UserError(msg("The name of who took the request is longer than {n} characters.",
                            n=OFFICER_LEN),
                        msg("Use the employee's user name or a shorter form."))
    return name


def _stale(case_number: str, updated_by: str, updated_at: datetime) -> StaleCase:
    local = updated_at.replace(tzinfo=UTC).astimezone(STOCKHOLM)
    return StaleCase(
        msg("Case {case_number} was changed by {updated_by} at {local} after you opened it; "
            "your change was not saved.",
            case_number=case_number, updated_by=updated_by, local=format(local, "%Y-%m-%d %H:%M")),
        msg("Reload the case to see their change, then try again."),
    )


def _stale_from_db(store: CaseStore, case_id: int) -> StaleCase | CaseNotFound:
    with store.sessions() as session:
        row = session.execute(
            select(Case.case_number, Case.updated_by, Case.updated_at).where(Case.id == case_id)
        ).first()
    if row is None:
        return CaseNotFound(msg("Case {case_id} was removed after you opened it.", case_id=case_id),
                            msg("Refresh the queue."))
    return _stale(*row)


def _load_for_edit(session: Session, case_id: int, expected_version: int) -> Case:
    case = get_case(session, case_id)
    if case.version != expected_version:
        raise _stale(case.case_number, case.updated_by, case.updated_at)
    return case


def _edit(store: CaseStore, case_id: int, work: Callable[[Session], CaseDetail]) -> CaseDetail:
    """Run an edit; a concurrent commit caught by the versioned UPDATE becomes StaleCase."""
    try:
        return run_retrying(store, work)
    except StaleDataError:
        raise _stale_from_db(store, case_id) from None


def assign_case(store: CaseStore, case_id: int, assignee: str | None, *, actor: str,
                expected_version: int) -> CaseDetail:
    """Give the case to an officer (``None``: nobody), recorded as an 'assigned' event."""
    who = (assignee or "").strip() or None

    def work(session: Session) -> CaseDetail:
        check_role(session, actor, *WRITERS, action="assign cases")
        case = _load_for_edit(session, case_id, expected_version)
        now = utcnow()
        case.assignee, case.updated_at, case.updated_by = who, now, actor
        said = msg("Assigned to {officer}.", officer=who) if who else msg("Unassigned.")
        case.events.append(CaseEvent(at=now, actor=actor, kind="assigned",
                                     message=said.to_json()))
        session.flush()
        return detail_of(case, case.events, session)

    return _edit(store, case_id, work)


def counted_from(store: CaseStore, case: Case) -> date:
    """The day the case's deadlines run from under the store's identity-wait policy."""
    return deadline_start(case.received_on, case.identity_verified_on,
                          clock_stops_for_identity=store.clock_stops_for_identity)


def transition_case(
    store: CaseStore,
    case_id: int,
    target: CaseStatus,
    *,
    actor: str,
    reason: str | None,
    expected_version: int,
    today: date | None = None,
    told_on: date | None = None,
    told_how: str | None = None,
) -> CaseDetail:
    """Move a case to ``target``, recording who, when and why as a 'status' event.

    ``expected_version`` is the version the officer saw; if the case changed since,
    :class:`StaleCase` names who changed it. The move is checked by the domain's
    lifecycle, including identity: no work on (or answer with) a person's data before
    their identity is verified. Going back to 'awaiting_identity' withdraws the
    verification. Answering an extract beyond the yearly allowance needs a recorded
    decision (and is refused if the decision was to refuse). Extending sets the
    three-month deadline and records ``told_on``, the day the person was told (default
    ``today``, the Stockholm date), which must fall within the first month. A day before
    today needs ``told_how`` (how and where the telling is documented): an extension cannot
    be back-dated on the officer's word alone; the extension notice letter is the telling.
    """
    target = CaseStatus(target)
    note = (reason or "").strip() or None
    day = today or stockholm_today()

    def work(session: Session) -> CaseDetail:
        check_role(session, actor, *WRITERS, action="change a case's status")
        case = _load_for_edit(session, case_id, expected_version)
        current = CaseStatus(case.status)
        check_transition(current, target, reason=note,
                         identity_verified=case.identity_verified_on is not None)
        now = utcnow()
        event_note = note
        if target is CaseStatus.EXTENDED:
            told = told_on or day
            if told > day:
                raise DeadlineError(
                    msg("The day the person was told ({told}) is in the future.",
                        told=told.isoformat()),
                    msg("Record the extension once the person has been told."),
                )
            start = counted_from(store, case)
            check_extension(start, told)
            how = (told_how or "").strip()
            if told < day and not how:
                raise DeadlineError(
                    msg("The person was told on {told}, before today; an extension is not "
                        "back-dated without saying how they were told.", told=told.isoformat()),
                    msg("Say how and where it is documented (e.g. the e-mail sent that day), "
                        "or send the extension notice letter, which tells them today."))
            event_note = f"{note} ({how})" if how else note
            case.extended_due_on = extended_due_date(start)
            case.extension_told_on, case.extension_reason = told, (reason or "").strip() or None
        if target is CaseStatus.ANSWERED:
            status = allowance_in_session(session, case, store.allowance_period)
            if status.needs_decision:
                raise InvalidTransition(
                    msg("Case {case_number} asks for an extract beyond the yearly allowance "
                        "({extracts_in_period} already in the period); it cannot be answered "
                        "before a decision is recorded.",
                        case_number=case.case_number, extracts_in_period=status.extracts_in_period),
                    msg("Record the allowance decision: free anyway, a fee, or refusal."),
                )
            if status.decision is not None and status.decision.kind is DecisionKind.REFUSED:
                raise InvalidTransition(
                    msg("The request in case {case_number} was refused as manifestly unfounded "
                        "or excessive; it cannot be answered with an extract.",
                        case_number=case.case_number),
                    msg("Move the case to 'rejected', giving the refusal's reasons."),
                )
        if target is CaseStatus.AWAITING_IDENTITY:
            case.identity_verified_on = None
        case.status = target.value
        case.updated_at, case.updated_by = now, actor
        event = CaseEvent(at=now, actor=actor, kind="status", from_status=current.value,
                          to_status=target.value,
                          note=event_note,
                          message=msg("From '{old}' to '{new}'.", old=status_word(current),
                                      new=status_word(target)).to_json())
        case.events.append(event)
        session.flush()  # the UPDATE ... WHERE version = expected: StaleDataError if lost
        record_audit(session, actor=actor, action="status_changed", case_id=case.id,
              details={"from": current.value, "to": target.value})
        if target is CaseStatus.EXTENDED:
            assert case.extended_due_on is not None and case.extension_told_on is not None
            record_audit(session, actor=actor, action="deadline_extended", case_id=case.id,
                         details={"due_on": case.extended_due_on.isoformat(),
                                  "told_on": case.extension_told_on.isoformat()})
        return detail_of(case, case.events, session)

    return _edit(store, case_id, work)
