"""Give the demo's case store a past: requests answered before today.

The demo portal holds requests from the last two years. Imported as they are, every
one of them would be an open, long-overdue case — no office looks like that. On the
first demo start, cases whose deadline passed more than :data:`HISTORY_GRACE_DAYS`
ago are taken through the normal services (identity verified through Min sida, in
progress, an allowance decision where a repeated extract needs one, answered,
closed), so the queue shows a realistic mix and each person's request history and
yearly allowance have something to count. Only for the demo; a real case store is
never touched by this module.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from privacy_desk.casestore.cases import transition_case
from privacy_desk.casestore.persons import allowance_status
from privacy_desk.casestore.queries import list_queue
from privacy_desk.casestore.store import CaseStore
from privacy_desk.casestore.work import record_allowance_decision, verify_identity
from privacy_desk.domain.allowance import AllowanceDecision, DecisionKind
from privacy_desk.domain.lifecycle import CaseStatus

log = logging.getLogger(__name__)

#: Cases overdue by up to this many days stay open, so the demo shows some late ones.
HISTORY_GRACE_DAYS = 14


def close_demo_history(store: CaseStore, *, actor: str, today: date) -> int:
    """Answer and close the demo's old received cases; returns how many were closed."""
    cutoff = today - timedelta(days=HISTORY_GRACE_DAYS)
    old = [r for r in list_queue(store, statuses=[CaseStatus.RECEIVED])
           if r.due_on < cutoff]
    # Oldest first, so each repeated extract finds its predecessors already answered.
    old.sort(key=lambda r: (r.received_on, r.case_id))
    for row in old:
        d = verify_identity(store, row.case_id, method="min_sida_login",
                            evidence="Logged in to Min sida with BankID (demo history)",
                            verified_on=row.received_on, actor=actor,
                            expected_version=row.version, today=today)
        d = transition_case(store, row.case_id, CaseStatus.IN_PROGRESS, actor=actor,
                            reason=None, expected_version=d.version, today=today)
        status = allowance_status(store, row.case_id)
        if status.applies and not status.free and status.decision is None:
            d = record_allowance_decision(
                store, row.case_id,
                AllowanceDecision(DecisionKind.FREE_ANYWAY,
                                  "Goodwill: second extract sent free of charge (demo history)"),
                actor=actor, expected_version=d.version)
        d = transition_case(store, row.case_id, CaseStatus.ANSWERED, actor=actor,
                            reason="Answered (demo history)", expected_version=d.version,
                            today=today)
        transition_case(store, row.case_id, CaseStatus.CLOSED, actor=actor,
                        reason="Closed (demo history)", expected_version=d.version,
                        today=today)
    log.info("Demo history: %d old cases answered and closed", len(old))
    return len(old)


__all__ = ["HISTORY_GRACE_DAYS", "close_demo_history"]
