"""The audit trail as a document an inspector can keep: CSV for tools, PDF for reading.

Rendering only; who may export, and recording that they did, is
:mod:`privacy_desk.services.audit_trail`.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from datetime import date
from pathlib import Path

from privacy_desk.casestore.audit import AuditRow, canonical_json
from privacy_desk.clock import local_time
from privacy_desk.errors import UserError
from privacy_desk.messages import msg
from privacy_desk.reports.atomic import make_private
from privacy_desk.reports.fonts import register_fonts

CSV_COLUMNS = ("seq", "at_utc", "actor", "action", "case_number", "case_id", "details",
               "prev_hash", "entry_hash")


def audit_csv(rows: list[AuditRow]) -> bytes:
    """The entries as CSV (UTF-8 with BOM), one row per entry with both hashes."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_COLUMNS)
    for r in rows:
        w.writerow([r.seq, r.at.isoformat() + "Z", r.actor, r.action, r.case_number or "",
                    r.case_id if r.case_id is not None else "", canonical_json(r.details),
                    r.prev_hash, r.entry_hash])
    return buf.getvalue().encode("utf-8-sig")  # BOM: Excel opens åäö correctly


def audit_pdf(rows: list[AuditRow], start: date, end: date) -> bytes:
    """The entries of ``start``..``end`` (Stockholm dates) as a landscape A4 table."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

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
    story = [Paragraph(f"Audit trail {start.isoformat()} – {end.isoformat()} "
                       f"({len(rows)} entries)", title), Spacer(1, 4 * mm), table]
    doc.build(story)
    return out.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``target`` whole or not at all (a temporary file renamed over it), owner-only
    (0600 on POSIX): audit exports name officers, cases and what was done."""
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".audit-", dir=folder)
    except OSError as exc:
        raise UserError(msg("Cannot write to {folder} ({error}).",
                            folder=folder, error=type(exc).__name__),
                        msg("Choose a folder you can write to.")) from exc
    try:
        make_private(fd)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
