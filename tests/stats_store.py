"""A small synthetic case store whose figures are counted by hand (issue 15).

Rows are written straight into the real database (SQLite, PostgreSQL or MariaDB) so each
answer's timestamp can be chosen to the minute: two answers sit just past midnight
Stockholm time (one in winter, one in summer), where a UTC date would give the wrong day.
``TODAY`` is 2026-12-01. The expected figures are in :data:`EXPECTED` and in the tests.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from privacy_desk.casestore.erasure_models import (
    ErasureExecutionRecord,
    ErasureHoldRecord,
    ErasureOutcomeRecord,
    ErasurePlanRecord,
)
from privacy_desk.casestore.models import AllowanceDecisionRecord, Case, CaseEvent
from privacy_desk.casestore.store import CaseStore

TODAY = date(2026, 12, 1)
BFL = "Bokföringslagen (1999:1078) 7 kap. 2 §"
AT = datetime(2026, 1, 1, 8, 0)

# number, type, channel, status, received, due, extended due, answer (UTC), answer status,
# note of the answer
CASES = [
    ("PD-2026-00001", "access", "portal", "closed", date(2026, 1, 10), date(2026, 2, 10), None,
     datetime(2026, 1, 20, 10, 0), "answered", None),
    # 23:30 UTC on 2 March is 00:30 on 3 March in Stockholm (winter): one day late.
    ("PD-2026-00002", "access", "email", "closed", date(2026, 1, 31), date(2026, 3, 2), None,
     datetime(2026, 3, 2, 23, 30), "answered", None),
    # 22:30 UTC on 31 March is 00:30 on 1 April in Stockholm (summer): on the deadline day.
    ("PD-2026-00003", "erasure", "paper", "closed", date(2026, 3, 1), date(2026, 4, 1), None,
     datetime(2026, 3, 31, 22, 30), "answered", None),
    ("PD-2026-00004", "rectification", "portal", "rejected", date(2026, 5, 4),
     date(2026, 6, 4), None, datetime(2026, 5, 10, 8, 0), "rejected",
     "Manifestly unfounded: the same request every week"),
    ("PD-2026-00005", "access", "portal", "answered", date(2026, 6, 1), date(2026, 7, 1),
     date(2026, 9, 1), datetime(2026, 8, 20, 9, 0), "answered", None),
    ("PD-2026-00006", "access", "portal", "withdrawn", date(2026, 7, 1), date(2026, 8, 3),
     None, None, None, None),
    ("PD-2026-00007", "objection", "email", "in_progress", date(2026, 11, 20),
     date(2026, 12, 21), None, None, None, None),
    ("PD-2026-00008", "access", "portal", "received", date(2026, 11, 5), date(2026, 12, 7),
     None, None, None, None),
    ("PD-2026-00009", "erasure", "portal", "received", date(2026, 10, 15), date(2026, 11, 16),
     None, None, None, None),
    # Received in 2025: in neither the 2026 report nor the overview's twelve months.
    ("PD-2025-00001", "access", "paper", "closed", date(2025, 12, 20), date(2026, 1, 20), None,
     datetime(2026, 1, 5, 9, 0), "answered", None),
]

EXPECTED = {
    "total": 9, "answered": 5, "on_time": 4, "median": 31.0, "longest": 80,
    "open": 3, "due_soon": 1, "overdue": 1,
    "channels": {"portal": 6, "email": 2, "paper": 1},
}


def fill(store: CaseStore) -> dict[str, int]:
    """Write the cases, decisions and erasures; returns case ids by number."""
    ids: dict[str, int] = {}
    with store.sessions.begin() as s:
        for (number, rtype, channel, status, received, due, ext, answer_at, answer_status,
             note) in CASES:
            case = Case(case_number=number, request_type=rtype, status=status,
                        channel=channel, received_on=received, due_on=due,
                        extended_due_on=ext, person_label=f"Testperson {number[-2:]}",
                        subject_identifiers={}, created_at=AT, updated_at=AT,
                        updated_by="anna", extension_told_on=received if ext else None,
                        extension_reason="Complex: data in many systems" if ext else None)
            s.add(case)
            s.flush()
            ids[number] = case.id
            s.add(CaseEvent(case_id=case.id, at=AT, actor="anna", kind="registered"))
            if answer_at is not None:
                # An unrelated later status change must not move the answer day.
                s.add(CaseEvent(case_id=case.id, at=answer_at, actor="anna", kind="status",
                                from_status="in_progress", to_status=answer_status,
                                note=note))
                if status == "closed":
                    s.add(CaseEvent(case_id=case.id, at=datetime(2026, 11, 30, 12), actor="anna",
                                    kind="status", from_status="answered", to_status="closed"))
        for number, kind, fee, reason in [
            ("PD-2026-00001", "fee", Decimal("150.00"), "Third copy this year"),
            ("PD-2026-00002", "fee", Decimal("200.00"), "Third copy this year"),
            ("PD-2026-00005", "free_anyway", None, "Goodwill"),
            ("PD-2026-00004", "refused", None, "Manifestly unfounded"),
        ]:
            s.add(AllowanceDecisionRecord(case_id=ids[number], kind=kind, reason=reason,
                                          fee_sek=fee, extracts_in_period=2, decided_by="anna",
                                          decided_at=AT))
        _erasure(s, ids["PD-2026-00003"], "erasure", "committed",
                 outcomes=[("customers", 1, 0, 0), ("invoices", 0, 0, 5), ("logins", 0, 2, 0)],
                 holds=[("invoices", BFL, date(2032, 12, 31))] * 3
                 + [("invoices", BFL, date(2033, 12, 31))] * 2)
        # Not executed: counts nowhere.
        _erasure(s, ids["PD-2026-00009"], "erasure", "not executed",
                 outcomes=[("customers", 1, 0, 0)], holds=[])
        # The 2025 case: its hold ends within 90 days of TODAY; one of its rows is released.
        _erasure(s, ids["PD-2025-00001"], "erasure", "committed",
                 outcomes=[("customers", 1, 0, 2)],
                 holds=[("invoices", BFL, date(2027, 1, 15))] * 2
                 + [("invoices", BFL, date(2026, 10, 1))], released_last=True)
    return ids


def _erasure(s: object, case_id: int, kind: str, state: str, *,
             outcomes: list[tuple[str, int, int, int]],
             holds: list[tuple[str, str, date]], released_last: bool = False) -> None:
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    plan = ErasurePlanRecord(case_id=case_id, kind=kind, state=state, subject="{}",
                             as_of=AT.date(), plan_json="{}", plan_sha256="0" * 64,
                             created_by="anna", created_at=AT)
    s.add(plan)
    s.flush()
    ex = ErasureExecutionRecord(plan_id=plan.id, case_id=case_id, state=state,
                                executed_by="anna", started_at=AT, finished_at=AT,
                                host="test", pid=1)
    s.add(ex)
    s.flush()
    for table, deleted, updated, retained in outcomes:
        s.add(ErasureOutcomeRecord(execution_id=ex.id, table_name=table, rows_deleted=deleted,
                                   rows_updated=updated, rows_retained=retained))
    for i, (table, law, ends) in enumerate(holds):
        released = plan.id if released_last and i == len(holds) - 1 else None
        s.add(ErasureHoldRecord(case_id=case_id, execution_id=ex.id, table_name=table,
                                row_key=f'{{"id": {i}}}', rule="bokforing", law=law,
                                ends_on=ends, released_by_plan=released))
