"""The demo: a synthetic portal to try the desk on, and a case store with a past.

:func:`create_demo_portal` fills an empty database with synthetic customers (the
generator is :mod:`privacy_desk.portal.demo`); :func:`ensure_demo_portal` does so once per
user for ``--demo``.

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
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy.engine import URL

from privacy_desk.casestore.store import CaseStore
from privacy_desk.dburl import parse_target
from privacy_desk.domain.allowance import AllowanceDecision, DecisionKind
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.organisation import ensure_demo_organisation
from privacy_desk.services.cases import transition_case
from privacy_desk.services.casework import record_allowance_decision, verify_identity
from privacy_desk.services.queue import allowance_status, list_queue

if TYPE_CHECKING:
    from privacy_desk.paths import AppPaths
    from privacy_desk.portal.demo.generator import DemoSummary

log = logging.getLogger(__name__)

#: The size and seed of the demo portal ``--demo`` creates.
DEMO_CUSTOMERS = 1000
DEMO_SEED = 1

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


def create_demo_portal(url: URL, *, customers: int = DEMO_CUSTOMERS, seed: int = DEMO_SEED,
                       as_of: date | None = None,
                       progress: Callable[[str, int], None] | None = None,
                       ) -> DemoSummary:
    """Fill the empty database at ``url`` with the synthetic demo portal (refuses one in use).

    The generator (and Faker) is imported only here: other commands start without it.
    """
    from privacy_desk.portal.demo.generator import generate_demo_portal

    return generate_demo_portal(url, customers=customers, seed=seed, as_of=as_of,
                                progress=progress)


def ensure_demo_portal(paths: AppPaths, *, customers: int = DEMO_CUSTOMERS,
                       seed: int = DEMO_SEED, as_of: date | None = None) -> URL:
    """The demo portal's URL, generating it first if this user has none yet."""
    target = paths.demo_portal_file
    url = parse_target(target)
    # The demo's letters are written for the demo company (a real one is kept).
    ensure_demo_organisation(paths)
    if not target.exists():
        paths.ensure()
        log.info("Creating the demo portal (%d synthetic customers)", customers)
        create_demo_portal(url, customers=customers, seed=seed, as_of=as_of)
    return url
