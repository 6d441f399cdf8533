"""The auditor's workflows: browse the trail, verify it, export a period as CSV or PDF.

Only the auditor role (read-only) and administrators browse and export; exporting is
itself an audit entry. Periods are calendar dates in Europe/Stockholm, converted to the
trail's naive UTC so "March" means the officers' March.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path

from privacy_desk.casestore.audit import (
    AuditRow,
    AuditVerification,
    app_role_sql,
    count_entries,
    read_entries,
    record_audit,
    verify_audit_trail,
)
from privacy_desk.casestore.store import CaseStore
from privacy_desk.clock import STOCKHOLM, local_time
from privacy_desk.errors import UserError
from privacy_desk.messages import msg
from privacy_desk.reports.audit_report import audit_csv, audit_pdf, write_atomically
from privacy_desk.services.roles import NotPermitted, Role, action_words, check_role

__all__ = [
    "AuditRow",
    "AuditVerification",
    "ExportFormat",
    "Period",
    "app_role_sql",
    "browse_audit",
    "export_audit",
    "local_time",
    "verify_trail",
]


class ExportFormat(StrEnum):
    CSV = "csv"
    PDF = "pdf"


@dataclass(frozen=True)
class Period:
    """[start, end] as Stockholm calendar dates, both inclusive."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise UserError(msg("The period ends before it starts."),
                            msg("Give --from before (or equal to) --to."))

    def utc_bounds(self) -> tuple[datetime, datetime]:
        def utc(d: date) -> datetime:
            return datetime.combine(d, time(), STOCKHOLM).astimezone(UTC).replace(tzinfo=None)
        return utc(self.start), utc(self.end + timedelta(days=1))


def _auditor(store: CaseStore, actor: str, action: str) -> None:
    with store.sessions() as session:
        info = check_role(session, actor)
        if not (info.has(Role.AUDITOR) or info.admin):
            raise NotPermitted(msg("{actor} may not {action} (it needs the auditor role).",
                                   actor=actor, action=action_words(action)),
                               msg("Ask an administrator to give you the auditor role."))


def browse_audit(store: CaseStore, *, actor: str, period: Period | None = None,
                 limit: int = 500, offset: int = 0) -> tuple[list[AuditRow], int]:
    """One page of entries (and the total) in a period, for the auditor's view."""
    _auditor(store, actor, "browse the audit trail")
    start, end = period.utc_bounds() if period else (None, None)
    with store.sessions() as session:
        return (read_entries(session, start=start, end=end, limit=limit, offset=offset),
                count_entries(session, start=start, end=end))


def verify_trail(store: CaseStore, *, actor: str) -> AuditVerification:
    """Check the whole chain (auditors and administrators); the check is itself recorded."""
    _auditor(store, actor, "verify the audit trail")
    with store.sessions() as session:
        result = verify_audit_trail(session)
    with store.sessions.begin() as session:
        record_audit(session, actor=actor, action="audit_verified",
                     details={"entries": result.entries, "problems": len(result.problems)})
    return result


def export_audit(store: CaseStore, *, actor: str, period: Period, fmt: ExportFormat,
                 target: Path) -> int:
    """Write the period's entries to ``target`` (atomically); return how many."""
    _auditor(store, actor, "export the audit trail")
    start, end = period.utc_bounds()
    with store.sessions() as session:
        rows = read_entries(session, start=start, end=end)
    data = audit_csv(rows) if fmt == ExportFormat.CSV else audit_pdf(rows, period.start,
                                                                     period.end)
    write_atomically(target, data)
    with store.sessions.begin() as session:
        record_audit(session, actor=actor, action="audit_exported",
                     details={"format": fmt.value, "entries": len(rows),
                              "from": period.start.isoformat(), "to": period.end.isoformat()})
    return len(rows)
