"""May I? The rules for what can be done to a case now, shared by the desk and the services.

The desk enables a button only when the service would accept the click, and shows the
reason as the button's tooltip when it would not ("Planen är inte godkänd"). So the
rules live here, once: :func:`case_permissions` answers for every action at once (for the
window), and the services raise the very same refusal (:func:`refuse`) when a caller
(the CLI, a stale window) asks anyway. The rules read only values the desk already holds
(the case, its allowance, who is asking), so asking costs no database call.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from privacy_desk.casestore.persons import AllowanceStatus
from privacy_desk.casestore.queries import CaseDetail
from privacy_desk.domain.allowance import DecisionKind
from privacy_desk.domain.deadlines import ANSWER_MONTHS, deadline_start, due_date
from privacy_desk.domain.lifecycle import (
    OPEN_STATUSES,
    TERMINAL_STATUSES,
    CaseStatus,
    allowed_transitions,
    requires_verified_identity,
)
from privacy_desk.domain.requests import RequestType
from privacy_desk.errors import UserError
from privacy_desk.messages import Message, msg

__all__ = [
    "ActionRefused",
    "CaseAction",
    "Permissions",
    "Refusal",
    "case_permissions",
    "next_status",
    "refuse",
    "status_refusal",
]

#: Request types whose work is done in the Erasure tab (erasure, consent, rectification).
PANEL_TYPES: frozenset[RequestType] = frozenset({
    RequestType.ERASURE, RequestType.CONSENT_WITHDRAWAL, RequestType.OBJECTION,
    RequestType.RECTIFICATION})

#: Statuses a claimed and verified case moves on from by itself, to "in progress".
WAITING_STATUSES: frozenset[CaseStatus] = frozenset(
    {CaseStatus.RECEIVED, CaseStatus.AWAITING_IDENTITY})


class CaseAction(enum.StrEnum):
    """What an officer can do to the selected case."""

    CLAIM = "claim"
    RELEASE = "release"
    VERIFY = "verify"
    STATUS = "status"
    EXTEND = "extend"
    DECIDE = "decide"
    ANSWER = "answer"
    PREVIEW = "preview"
    ERASURE = "erasure"


class ActionRefused(UserError):
    """The case does not allow this action now (the desk showed the same reason)."""


@dataclass(frozen=True)
class Refusal:
    """Why an action is not possible now, and what to do about it."""

    message: Message
    hint: Message

    def error(self) -> ActionRefused:
        return ActionRefused(self.message, self.hint)


def refuse(refusal: Refusal | None) -> None:
    """Raise the refusal, if there is one: the services' side of the desk's tooltips."""
    if refusal is not None:
        raise refusal.error()


def _r(message: Message, hint: Message) -> Refusal:
    return Refusal(message, hint)


# --- the rules, one per action (primitive arguments, so services can call them on rows) ----

def read_only_refusal(may_write: bool) -> Refusal | None:
    if may_write:
        return None
    return _r(msg("Your role may read cases but not change them."),
              msg("Ask an administrator for the officer role if you handle requests."))


def closed_refusal(status: CaseStatus, case_number: str) -> Refusal | None:
    if CaseStatus(status) not in TERMINAL_STATUSES:
        return None
    return _r(msg("Case {case} is closed.", case=case_number),
              msg("Register a new case for a new request."))


def claim_refusal(status: CaseStatus, case_number: str, assignee: str | None,
                  officer: str) -> Refusal | None:
    closed = closed_refusal(status, case_number)
    if closed is not None:
        return closed
    if assignee is not None and assignee != officer:
        return _r(msg("Case {case} is held by {holder}.", case=case_number, holder=assignee),
                  msg("Ask them (or a lead) to release or reassign it."))
    if assignee == officer:
        return _r(msg("You already hold case {case}.", case=case_number),
                  msg("Work on it, or release it for someone else."))
    return None


def release_refusal(case_number: str, assignee: str | None, officer: str) -> Refusal | None:
    if assignee == officer:
        return None
    return _r(msg("You do not hold case {case}.", case=case_number),
              msg("Only the officer holding a case can release it."))


def answer_refusal(status: CaseStatus, case_number: str, *, identity_verified: bool,
                   allowance: AllowanceStatus | None) -> Refusal | None:
    """Whether the case may be marked answered (the answer has gone out)."""
    if CaseStatus.ANSWERED not in allowed_transitions(status):
        closed = closed_refusal(status, case_number)
        if closed is not None:
            return closed
        if CaseStatus(status) is CaseStatus.ANSWERED:
            return _r(msg("Case {case} is already answered.", case=case_number),
                      msg("Close it once the paperwork is done."))
        return _r(msg("Case {case} is not in progress yet.", case=case_number),
                  msg("Verify the identity and move the case to in progress first."))
    if not identity_verified:
        return identity_refusal(case_number)
    if allowance is not None and allowance.needs_decision:
        return _r(msg("Case {case} asks for an extract beyond the yearly allowance; a "
                      "decision is needed first.", case=case_number),
                  msg("Record the allowance decision: free anyway, a fee, or refusal."))
    if (allowance is not None and allowance.decision is not None
            and allowance.decision.kind is DecisionKind.REFUSED):
        return _r(msg("The request in case {case} was refused by decision; it is not "
                      "answered with an extract.", case=case_number),
                  msg("Reject the case, giving the refusal's reasons."))
    return None


def identity_refusal(case_number: str) -> Refusal:
    return _r(msg("The person's identity is not verified in case {case}.", case=case_number),
              msg("Verify the identity first; no data is shown or changed before that."))


def status_refusal(status: CaseStatus, target: CaseStatus, case_number: str, *,
                   identity_verified: bool,
                   allowance: AllowanceStatus | None = None) -> Refusal | None:
    """Why the case cannot move to ``target`` now (the lifecycle's and the allowance's rules)."""
    status, target = CaseStatus(status), CaseStatus(target)
    if target is CaseStatus.ANSWERED:
        return answer_refusal(status, case_number, identity_verified=identity_verified,
                              allowance=allowance)
    if target not in allowed_transitions(status):
        closed = closed_refusal(status, case_number)
        if closed is not None:
            return closed
        return _r(msg("Case {case} cannot move to that status from where it stands.",
                      case=case_number),
                  msg("Choose one of the statuses offered."))
    if requires_verified_identity(target) and not identity_verified:
        return identity_refusal(case_number)
    return None


def extend_refusal(status: CaseStatus, case_number: str, *, identity_verified: bool,
                   received_on: date, identity_verified_on: date | None,
                   clock_stops_for_identity: bool, extended: bool, today: date) -> Refusal | None:
    """An extension is granted once, on a case in progress, told within the first month."""
    if extended or CaseStatus(status) is CaseStatus.EXTENDED:
        return _r(msg("Case {case} has already been extended.", case=case_number),
                  msg("The law allows two further months once, not more."))
    if CaseStatus.EXTENDED not in allowed_transitions(status):
        closed = closed_refusal(status, case_number)
        if closed is not None:
            return closed
        return _r(msg("Only a case in progress can be extended."),
                  msg("Verify the identity and move the case to in progress first."))
    if not identity_verified:
        return identity_refusal(case_number)
    start = deadline_start(received_on, identity_verified_on,
                           clock_stops_for_identity=clock_stops_for_identity)
    last_day = due_date(start, ANSWER_MONTHS)
    if today > last_day:
        return _r(msg("Too late to extend: the person had to be told by {day}.", day=last_day),
                  msg("Answer the request as soon as possible instead; the deadline has "
                      "passed."))
    return None


def decide_refusal(status: CaseStatus, case_number: str,
                   allowance: AllowanceStatus | None) -> Refusal | None:
    closed = closed_refusal(status, case_number)
    if closed is not None:
        return closed
    if allowance is None or not allowance.applies:
        return _r(msg("Case {case} is not an access request; only extracts count against "
                      "the yearly allowance.", case=case_number),
                  msg("No decision is needed for this case."))
    if allowance.decision is not None:
        return _r(msg("Case {case} already has an allowance decision.", case=case_number),
                  msg("A decision is not changed afterwards; it stays as the record."))
    if allowance.free:
        return _r(msg("The extract in case {case} is within the yearly allowance (free); "
                      "there is nothing to decide.", case=case_number),
                  msg("Answer the request as usual."))
    return None


def preview_refusal(request_type: RequestType, status: CaseStatus, case_number: str, *,
                    identity_verified: bool) -> Refusal | None:
    if not RequestType(request_type).discloses_data:
        return _r(msg("Case {case} is not an access or portability request.",
                      case=case_number),
                  msg("Open the person's access request instead."))
    if not identity_verified:
        return identity_refusal(case_number)
    return None


def erasure_refusal(request_type: RequestType, status: CaseStatus, case_number: str, *,
                    identity_verified: bool) -> Refusal | None:
    if RequestType(request_type) not in PANEL_TYPES:
        return _r(msg("Case {case} is not an erasure, rectification or consent-withdrawal "
                      "request.", case=case_number),
                  msg("Open such a case from the queue."))
    closed = closed_refusal(status, case_number)
    if closed is not None:
        return closed
    if not identity_verified:
        return identity_refusal(case_number)
    return None


def execute_refusal(plan_id: int, kind: str, state: str, *,
                    approved_as_planned: bool) -> Refusal | None:
    """Whether a plan may be executed: an erasure only once approved as it stands (four
    eyes), a consent withdrawal while it is a draft or approved."""
    if kind == "erasure":
        if state != "approved" or not approved_as_planned:
            return _r(msg("Plan {plan} is not approved; nothing was changed.", plan=plan_id),
                      msg("A second officer must approve it first."))
        return None
    if state not in ("draft", "approved"):
        return _r(msg("Plan {plan} can no longer be executed.", plan=plan_id),
                  msg("Make a new plan."))
    return None


# --- all at once, for the desk -------------------------------------------------------------

@dataclass(frozen=True)
class Permissions:
    """For each action: ``None`` if it may be done now, else the :class:`Refusal`."""

    refusals: Mapping[CaseAction, Refusal | None]
    #: The status the status dialog proposes (see :func:`next_status`).
    proposed: CaseStatus | None
    #: For each lifecycle target: why the case cannot move there now (None: it can).
    targets: Mapping[CaseStatus, Refusal | None]

    def allowed(self, action: CaseAction) -> bool:
        return self.refusals.get(action) is None

    def reason(self, action: CaseAction) -> Refusal | None:
        return self.refusals.get(action)


def case_permissions(detail: CaseDetail, allowance: AllowanceStatus | None, *,
                     officer: str, may_write: bool, today: date,
                     clock_stops_for_identity: bool = False) -> Permissions:
    """Every action's answer for ``officer`` looking at ``detail`` on ``today``."""
    d = detail
    verified = d.identity_verified
    write = read_only_refusal(may_write)

    def w(refusal: Refusal | None) -> Refusal | None:
        return write or refusal

    targets: dict[CaseStatus, Refusal | None] = {
        t: status_refusal(d.status, t, d.case_number, identity_verified=verified,
                          allowance=allowance)
        for t in allowed_transitions(d.status) if t is not CaseStatus.EXTENDED}
    movable: list[CaseStatus] = [t for t, why in targets.items() if why is None]
    status_why = None if movable else (
        closed_refusal(d.status, d.case_number)
        or next(iter(targets.values()), None)
        or _r(msg("Case {case} cannot move to another status now.", case=d.case_number),
              msg("Verify the identity first.")))
    refusals: dict[CaseAction, Refusal | None] = {
        CaseAction.CLAIM: w(claim_refusal(d.status, d.case_number, d.assignee, officer)),
        CaseAction.RELEASE: w(release_refusal(d.case_number, d.assignee, officer)),
        CaseAction.VERIFY: w(closed_refusal(d.status, d.case_number)),
        CaseAction.STATUS: w(status_why),
        CaseAction.EXTEND: w(extend_refusal(
            d.status, d.case_number, identity_verified=verified, received_on=d.received_on,
            identity_verified_on=d.identity_verified_on,
            clock_stops_for_identity=clock_stops_for_identity,
            extended=d.extended_due_on is not None, today=today)),
        CaseAction.DECIDE: w(decide_refusal(d.status, d.case_number, allowance)),
        CaseAction.ANSWER: w(answer_refusal(d.status, d.case_number,
                                            identity_verified=verified, allowance=allowance)),
        CaseAction.PREVIEW: preview_refusal(d.request_type, d.status, d.case_number,
                                            identity_verified=verified),
        CaseAction.ERASURE: erasure_refusal(d.request_type, d.status, d.case_number,
                                            identity_verified=verified),
    }
    return Permissions(refusals, next_status(d, allowance, movable), targets)


def next_status(detail: CaseDetail, allowance: AllowanceStatus | None,
                movable: Sequence[CaseStatus] | None = None) -> CaseStatus | None:
    """The status a status dialog should propose: where the work naturally goes next.

    Not verified yet: wait for identity. Verified: work on it. In progress or extended:
    answer it once sent (or as soon as nothing blocks that). Answered: close it.
    """
    if movable is None:
        movable = [t for t in allowed_transitions(detail.status)
                   if t is not CaseStatus.EXTENDED and status_refusal(
                       detail.status, t, detail.case_number,
                       identity_verified=detail.identity_verified, allowance=allowance) is None]
    s = CaseStatus(detail.status)
    if s in (CaseStatus.RECEIVED, CaseStatus.AWAITING_IDENTITY):
        order = [CaseStatus.IN_PROGRESS] if detail.identity_verified else [
            CaseStatus.AWAITING_IDENTITY]
    elif s in (CaseStatus.IN_PROGRESS, CaseStatus.EXTENDED):
        order = [CaseStatus.ANSWERED]
    elif s is CaseStatus.ANSWERED:
        order = [CaseStatus.CLOSED]
    else:
        order = []
    for target in order:
        if target in movable:
            return target
    return movable[0] if movable else None


def is_waiting_for_person(status: CaseStatus) -> bool:
    return CaseStatus(status) is CaseStatus.AWAITING_IDENTITY


def is_open(status: CaseStatus) -> bool:
    return CaseStatus(status) in OPEN_STATUSES
