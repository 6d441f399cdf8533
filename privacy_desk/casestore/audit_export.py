"""The auditor's services: browse the trail, verify it, export a period as CSV or PDF.

Only the auditor role (read-only) and administrators browse and export; exporting is
itself an audit entry. Periods are calendar dates in Europe/Stockholm, converted to the
trail's naive UTC so "March" means the officers' March.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo

from privacy_desk.casestore.audit import (
    AuditRow,
    AuditVerification,
    canonical_json,
    count_entries,
    read_entries,
    record_audit,
    verify_audit_trail,
)
from privacy_desk.casestore.store import CaseStore
from privacy_desk.errors import UserError
from privacy_desk.roles import NotPermitted, Role, check_role

STOCKHOLM = ZoneInfo("Europe/Stockholm")
CSV_COLUMNS = ("seq", "at_utc", "actor", "action", "case_number", "case_id", "details",
               "prev_hash", "entry_hash")


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
            raise UserError("The period ends before it starts.",
                            "Give --from before (or equal to) --to.")

    def utc_bounds(self) -> tuple[datetime, datetime]:
        def utc(d: date) -> datetime:
            return datetime.combine(d, time(), STOCKHOLM).astimezone(UTC).replace(tzinfo=None)
        return utc(self.start), utc(self.end + timedelta(days=1))


def local_time(at: datetime) -> datetime:
    """A trail timestamp (naive UTC) in Stockholm time, for people to read."""
    return at.replace(tzinfo=UTC).astimezone(STOCKHOLM)


def _auditor(store: CaseStore, actor: str, action: str) -> None:
    with store.sessions() as session:
        info = check_role(session, actor)
        if not (info.has(Role.AUDITOR) or info.admin):
            raise NotPermitted(f"{actor} may not {action} (it needs the auditor role).",
                               "Ask an administrator to give you the auditor role.")


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
    data = _csv(rows) if fmt == ExportFormat.CSV else _pdf(rows, period)
    _write_atomically(target, data)
    with store.sessions.begin() as session:
        record_audit(session, actor=actor, action="audit_exported",
                     details={"format": fmt.value, "entries": len(rows),
                              "from": period.start.isoformat(), "to": period.end.isoformat()})
    return len(rows)


def _csv(rows: list[AuditRow]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_COLUMNS)
    for r in rows:
        w.writerow([r.seq, r.at.isoformat() + "Z", r.actor, r.action, r.case_number or "",
                    r.case_id if r.case_id is not None else "", canonical_json(r.details),
                    r.prev_hash, r.entry_hash])
    return buf.getvalue().encode("utf-8-sig")  # BOM: Excel opens åäö correctly


def _pdf(rows: list[AuditRow], period: Period) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from privacy_desk.reports.fonts import register_fonts

    regular, bold = register_fonts()
    small = ParagraphStyle("small", fontName=regular, fontSize=7, leading=8.5)
    title = ParagraphStyle("title", fontName=bold, fontSize=13, leading=16)
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=landscape(A4), leftMargin=12 * mm,
                            rightMargin=12 * mm, topMargin=12 * mm, bottomMargin=12 * mm,
                            title="Privacy Desk audit trail")
    head = ["#", "Time (Stockholm)", "Actor", "Action", "Case", "Details", "Hash"]
    body = [[str(r.seq), local_time(r.at).strftime("%Y-%m-%d %H:%M:%S"), r.actor, r.action,
             r.case_number or "", Paragraph(_escape(canonical_json(r.details)), small),
             r.entry_hash[:16]] for r in rows]
    table = Table([head, *body], repeatRows=1,
                  colWidths=[12 * mm, 32 * mm, 28 * mm, 36 * mm, 28 * mm, 95 * mm, 30 * mm])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), regular, 7),
        ("FONT", (0, 0), (-1, 0), bold, 7),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    story = [Paragraph(f"Audit trail {period.start.isoformat()} – {period.end.isoformat()} "
                       f"({len(rows)} entries)", title), Spacer(1, 4 * mm), table]
    doc.build(story)
    return out.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _write_atomically(target: Path, data: bytes) -> None:
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".audit-", dir=folder)
    except OSError as exc:
        raise UserError(f"Cannot write to {folder} ({type(exc).__name__}).",
                        "Choose a folder you can write to.") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
