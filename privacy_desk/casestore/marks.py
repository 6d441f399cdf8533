"""What the queue marks on a case: a decision needed, an approval needed.

The queue shows 100,000 cases; asking the allowance rule case by case would be 100,000
queries. So the marks are read in bulk: one query for the open access requests, one for
the identifiers that tie a person's requests together, one for the decisions, one for the
plans waiting for a second officer, and the allowance rule
(:func:`privacy_desk.domain.allowance.is_free`, the one the case's own check uses) applied
in memory, matching requests as :func:`privacy_desk.casestore.persons.history_in_session`
does (any shared person identifier).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from privacy_desk.casestore.erasure_models import ErasurePlanRecord
from privacy_desk.casestore.models import AllowanceDecisionRecord, Case, CaseIdentifier
from privacy_desk.casestore.persons import PERSON_KINDS
from privacy_desk.casestore.store import CaseStore
from privacy_desk.domain.allowance import AllowancePeriod, DecisionKind, is_free
from privacy_desk.domain.lifecycle import OPEN_STATUSES, CaseStatus
from privacy_desk.domain.requests import RequestType

#: A plan in this state waits for a second officer's approval.
PLAN_AWAITING_APPROVAL = "draft"

_NOT_AN_EXTRACT = frozenset({CaseStatus.REJECTED.value, CaseStatus.WITHDRAWN.value})
_OPEN = frozenset(s.value for s in OPEN_STATUSES)


@dataclass(frozen=True)
class QueueMarks:
    """Case ids that need an allowance decision, and those whose plan awaits approval."""

    decision_needed: frozenset[int] = frozenset()
    approval_needed: frozenset[int] = frozenset()


def queue_marks(store: CaseStore, period: AllowancePeriod | None = None) -> QueueMarks:
    """The marks of every open case, read in a handful of queries."""
    period = period or store.allowance_period
    access = RequestType.ACCESS.value
    with store.engine.connect() as conn:
        cases = {cid: (rtype, status, received) for cid, rtype, status, received in conn.execute(
            select(Case.id, Case.request_type, Case.status, Case.received_on))}
        decided = dict(conn.execute(
            select(AllowanceDecisionRecord.case_id, AllowanceDecisionRecord.kind)).all())
        ids = conn.execute(
            select(CaseIdentifier.case_id, CaseIdentifier.kind, CaseIdentifier.value)
            .where(CaseIdentifier.kind.in_(sorted(PERSON_KINDS)))).all()
        drafts = frozenset(conn.scalars(
            select(ErasurePlanRecord.case_id).distinct()
            .where(ErasurePlanRecord.state == PLAN_AWAITING_APPROVAL)).all())
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    keys_of: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for cid, kind, value in ids:
        by_key[(kind, value)].append(cid)
        keys_of[cid].append((kind, value))

    def counts(cid: int) -> bool:
        rtype, status, _ = cases[cid]
        return (rtype == access and status not in _NOT_AN_EXTRACT
                and decided.get(cid) != DecisionKind.REFUSED.value)

    needed: set[int] = set()
    for cid, (rtype, status, received) in cases.items():
        if rtype != access or status not in _OPEN or cid in decided:
            continue
        others = {o for key in keys_of.get(cid, ()) for o in by_key[key]} - {cid}
        earlier: list[date] = [cases[o][2] for o in others
                               if counts(o) and (cases[o][2], o) < (received, cid)]
        if earlier and not is_free(earlier, received, period):
            needed.add(cid)
    open_drafts = frozenset(c for c in drafts if c in cases and cases[c][1] in _OPEN)
    return QueueMarks(frozenset(needed), open_drafts)


def plan_awaits_approval(store: CaseStore, case_id: int) -> bool:
    """Whether the case has a plan waiting for a second officer."""
    with store.engine.connect() as conn:
        return conn.scalar(
            select(ErasurePlanRecord.id).where(
                ErasurePlanRecord.case_id == case_id,
                ErasurePlanRecord.state == PLAN_AWAITING_APPROVAL).limit(1)) is not None
