"""The figures of the desk: the overview tab, the yearly report and the morning reminders.

One query layer for all three (:mod:`privacy_desk.casestore.statistics`, SQL aggregates),
so the overview, the report management and IMY read (art. 5(2)) and the reminders never
disagree. Any active officer may read the figures; writing the yearly report is an
entry in the audit trail, like every other export.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from privacy_desk.casestore import statistics as q
from privacy_desk.casestore.audit import record_audit
from privacy_desk.casestore.statistics import (
    AnswerBucket,
    DeadlineRow,
    Decisions,
    Erasures,
    HandlingTimes,
    HoldEndingRow,
    KeptUnderLaw,
    KeyCount,
    MonthTypeCount,
    OpenCounts,
    handling_times,
)
from privacy_desk.casestore.store import CaseStore
from privacy_desk.clock import stockholm_today, utcnow
from privacy_desk.errors import UserError
from privacy_desk.messages import msg
from privacy_desk.organisation import Organisation
from privacy_desk.services.roles import check_role, require_role

__all__ = [
    "AnswerBucket",
    "DeadlineRow",
    "Decisions",
    "Erasures",
    "HandlingTimes",
    "HoldEndingRow",
    "KeptUnderLaw",
    "KeyCount",
    "MonthTypeCount",
    "OpenCounts",
    "Overview",
    "ReportFormat",
    "YearReport",
    "due_reminders",
    "export_year_report",
    "handling_times",
    "month_starts",
    "overview",
    "year_report",
]

#: The overview's charts cover this many months, the current one included.
OVERVIEW_MONTHS = 12
#: Holds that end within this many days are listed on the overview.
HOLDS_WITHIN_DAYS = 90
#: The oldest and newest year a report may be asked for.
FIRST_YEAR, LAST_YEAR = 2018, 2100


class ReportFormat(StrEnum):
    PDF = "pdf"
    CSV = "csv"


def month_starts(today: date, months: int = OVERVIEW_MONTHS) -> list[date]:
    """The first days of the last ``months`` months, oldest first, ending with this one."""
    out = []
    y, m = today.year, today.month
    for _ in range(months):
        out.append(date(y, m, 1))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out[::-1]


@dataclass(frozen=True)
class Overview:
    """What the overview tab shows: urgent counts, twelve months of charts, what is next."""

    today: date
    soon_days: int
    counts: OpenCounts
    months: tuple[date, ...]  # first day of each month on the charts, oldest first
    received: tuple[MonthTypeCount, ...]
    answers: tuple[AnswerBucket, ...]
    channels: tuple[KeyCount, ...]
    deadlines: tuple[DeadlineRow, ...]
    holds: tuple[HoldEndingRow, ...]

    @property
    def handling(self) -> HandlingTimes:
        return handling_times(self.answers)

    def month_handling(self, month: date) -> HandlingTimes:
        return handling_times(b for b in self.answers
                              if (b.year, b.month) == (month.year, month.month))


def overview(store: CaseStore, *, today: date | None = None, soon_days: int = 7,
             actor: str | None = None) -> Overview:
    """The overview's figures, in one read transaction; any active officer may read them."""
    day = today or stockholm_today()
    months = month_starts(day)
    start, end = months[0], day
    require_role(store, actor or store.actor, action="read the overview")
    with store.engine.connect() as conn:
        grid = q.case_grid(conn, start, end)
        return Overview(
            today=day, soon_days=soon_days, counts=q.open_counts(conn, day, soon_days),
            months=tuple(months), received=q.per_month(grid),
            answers=q.answer_histogram(conn, start, end, day),
            channels=q.per_channel(grid),
            deadlines=q.upcoming_deadlines(conn),
            holds=q.holds_ending(conn, day, HOLDS_WITHIN_DAYS),
        )


@dataclass(frozen=True)
class YearReport:
    """The year's figures for management and IMY: requests *received* in ``year``."""

    year: int
    as_of: date
    generated_at: datetime
    outcomes: tuple[tuple[str, str, int], ...]  # (request type, status, count)
    received: tuple[MonthTypeCount, ...]
    answers: tuple[AnswerBucket, ...]
    channels: tuple[KeyCount, ...]
    decisions: Decisions
    erasures: Erasures

    @property
    def total(self) -> int:
        return sum(n for _, _, n in self.outcomes)

    @property
    def handling(self) -> HandlingTimes:
        return handling_times(self.answers)

    def type_handling(self, request_type: str) -> HandlingTimes:
        return handling_times(b for b in self.answers if b.request_type == request_type)

    def month_handling(self, month: int) -> HandlingTimes:
        return handling_times(b for b in self.answers if b.month == month)

    @property
    def request_types(self) -> list[str]:
        return sorted({t for t, _, _ in self.outcomes})


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UserError(msg("There is no yearly report for {year}.", year=year),
                        msg("Give a year from {first} (the GDPR applies from 2018) on.",
                            first=FIRST_YEAR))


def year_report(store: CaseStore, year: int, *, today: date | None = None,
                actor: str | None = None) -> YearReport:
    """The figures of the requests received in ``year`` (as they stand ``today``)."""
    _check_year(year)
    day = today or stockholm_today()
    start, end = date(year, 1, 1), date(year, 12, 31)
    require_role(store, actor or store.actor, action="read the yearly report")
    with store.engine.connect() as conn:
        grid = q.case_grid(conn, start, end)
        return YearReport(
            year=year, as_of=day, generated_at=utcnow(),
            outcomes=q.per_outcome(grid), received=q.per_month(grid),
            answers=q.answer_histogram(conn, start, end, day),
            channels=q.per_channel(grid),
            decisions=q.decisions(conn, start, end),
            erasures=q.erasures(conn, start, end),
        )


def export_year_report(store: CaseStore, year: int, fmt: ReportFormat | str, target: Path, *,
                       language: str = "sv", today: date | None = None,
                       actor: str | None = None,
                       organisation: Organisation | None = None) -> YearReport:
    """Write the yearly report as PDF or CSV to ``target`` (whole or not at all), audited.

    The PDF's footer names ``organisation``, the controller the report speaks for."""
    from privacy_desk.reports.year_report import write_report, year_report_csv, year_report_pdf

    who = actor or store.actor
    try:
        kind = ReportFormat(fmt)
    except ValueError:
        raise UserError(msg("{fmt} is not a report format.", fmt=fmt),
                        msg("Choose pdf or csv.")) from None
    report = year_report(store, year, today=today, actor=who)
    data = (year_report_pdf(report, language, organisation) if kind is ReportFormat.PDF
            else year_report_csv(report, language))
    write_report(target, data)
    with store.sessions.begin() as session:
        check_role(session, who, action="export the yearly report")
        record_audit(session, actor=who, action="year_report_exported", case_id=None,
                     details={"year": year, "format": kind.value, "language": language,
                              "cases": report.total})
    return report


def due_reminders(store: CaseStore, *, within_days: int, today: date | None = None,
                  actor: str | None = None) -> tuple[DeadlineRow, ...]:
    """Open cases due within ``within_days`` days or overdue: what the morning reminder names."""
    day = today or stockholm_today()
    require_role(store, actor or store.actor, action="read the queue")
    with store.engine.connect() as conn:
        return q.due_by(conn, day + timedelta(days=max(0, within_days)))
