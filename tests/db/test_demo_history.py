"""The demo's first start leaves a realistic queue: old requests answered, recent ones open."""

from __future__ import annotations

from datetime import timedelta

from privacy_desk.clock import stockholm_today
from privacy_desk.domain.lifecycle import OPEN_STATUSES, CaseStatus
from privacy_desk.paths import AppPaths
from privacy_desk.services.context import open_context
from privacy_desk.services.demo import HISTORY_GRACE_DAYS
from privacy_desk.services.queue import case_detail, list_queue


def test_old_demo_requests_are_answered_through_the_normal_lifecycle(
    app_paths: AppPaths,
) -> None:
    ctx = open_context(app_paths, demo=True)
    try:
        rows = list_queue(ctx.case_store)
        cutoff = stockholm_today() - timedelta(days=HISTORY_GRACE_DAYS)
        open_rows = [r for r in rows if r.status in OPEN_STATUSES]
        closed = [r for r in rows if r.status == CaseStatus.CLOSED]
        assert open_rows and closed
        assert all(r.due_on >= cutoff for r in open_rows)
        assert all(r.due_on < cutoff for r in closed)
        kinds = [e.kind for e in case_detail(ctx.case_store, closed[0].case_id).events]
        assert "identity_verified" in kinds
        statuses = [e.to_status for e in case_detail(ctx.case_store, closed[0].case_id).events
                    if e.to_status is not None]
        assert statuses[-3:] == [CaseStatus.IN_PROGRESS, CaseStatus.ANSWERED, CaseStatus.CLOSED]
        before = [(r.case_id, r.status, r.version) for r in rows]
    finally:
        ctx.close()

    again = open_context(app_paths, demo=True)  # a second start changes nothing
    try:
        assert [(r.case_id, r.status, r.version) for r in list_queue(again.case_store)] == before
    finally:
        again.close()

