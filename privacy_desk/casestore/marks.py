"""What the queue marks on a case: a decision needed, an approval needed.

The queue shows 100,000 cases; asking the allowance rule case by case would be 100,000
queries. So the marks are read in bulk: one query pairs each open, undecided access
request with the person's earlier access requests, one lists the plans waiting for a
second officer, and the allowance rule
(:func:`privacy_desk.domain.allowance.is_free`, the one the case's own check uses) applied
in memory, matching requests as :func:`privacy_desk.casestore.persons.history_in_session`
does (any shared person identifier).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import aliased

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
_CHUNK = 500


@dataclass(frozen=True)
class QueueMarks:
    """Case ids that need an allowance decision, and those whose plan awaits approval."""

    decision_needed: frozenset[int] = frozenset()
    approval_needed: frozenset[int] = frozenset()


def queue_marks(store: CaseStore, period: AllowancePeriod | None = None) -> QueueMarks:
    """The marks of every open case, read in a few queries.

    Only open access requests without a decision can need one; the first query finds
    those cases' earlier access requests by the person (a self-join of the identifiers on
    their (kind, value) index), so the work grows with the open requests, not the store.
    """
    period = period or store.allowance_period
    access = RequestType.ACCESS.value
    mine, theirs = aliased(CaseIdentifier), aliased(CaseIdentifier)
    me, other = aliased(Case), aliased(Case)
    decided_other = aliased(AllowanceDecisionRecord)
    undecided = (
        select(Case.id).outerjoin(AllowanceDecisionRecord,
                                  AllowanceDecisionRecord.case_id == Case.id)
        .where(Case.request_type == access, Case.status.in_(sorted(_OPEN)),
               AllowanceDecisionRecord.id.is_(None)))
    with store.engine.connect() as conn:
        asking = list(conn.scalars(undecided).all())
        pairs: list[Any] = []
        # Driven from the few open requests (in chunks: bound parameters are limited),
        # not from every identifier in the store.
        for start in range(0, len(asking), _CHUNK):
            chunk = asking[start:start + _CHUNK]
            pairs += conn.execute(
                select(me.id, me.received_on, other.id, other.received_on, other.status,
                       decided_other.kind, mine.kind)
                .select_from(me)
                .join(mine, mine.case_id == me.id)
                .join(theirs, and_(theirs.kind == mine.kind, theirs.value == mine.value,
                                   theirs.case_id != me.id))
                .join(other, and_(other.id == theirs.case_id, other.request_type == access))
                .outerjoin(decided_other, decided_other.case_id == other.id)
                # mine.case_id (indexed) selects the chunk; the kinds are filtered below,
                # as a kind filter here leads SQLite to scan every identifier.
                .where(mine.case_id.in_(chunk), other.received_on <= me.received_on)).all()
        drafts = frozenset(conn.scalars(
            select(ErasurePlanRecord.case_id).distinct()
            .join(Case, Case.id == ErasurePlanRecord.case_id)
            .where(ErasurePlanRecord.state == PLAN_AWAITING_APPROVAL,
                   Case.status.in_(sorted(_OPEN)))).all())
    earlier: dict[int, dict[int, date]] = defaultdict(dict)
    received_of: dict[int, date] = {}
    for cid, received, oid, o_received, o_status, o_kind, key_kind in pairs:
        if key_kind not in PERSON_KINDS:
            continue  # a phone number is shared by a household: it joins no cases
        received_of[cid] = received
        if o_status in _NOT_AN_EXTRACT or o_kind == DecisionKind.REFUSED.value:
            continue  # in the history, but not an extract
        if (o_received, oid) < (received, cid):
            earlier[cid][oid] = o_received  # one entry per case, however many keys match
    needed = frozenset(cid for cid, found in earlier.items()
                       if not is_free(list(found.values()), received_of[cid], period))
    return QueueMarks(needed, drafts)


def plan_awaits_approval(store: CaseStore, case_id: int) -> bool:
    """Whether the case has a plan waiting for a second officer."""
    with store.engine.connect() as conn:
        return conn.scalar(
            select(ErasurePlanRecord.id).where(
                ErasurePlanRecord.case_id == case_id,
                ErasurePlanRecord.state == PLAN_AWAITING_APPROVAL).limit(1)) is not None
