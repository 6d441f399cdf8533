"""The figures of the overview and the yearly report, as SQL aggregates over the case store.

A store may hold 100,000 cases, so nothing here reads cases one by one: every figure is a
``GROUP BY`` that returns at most a few hundred rows, and medians are taken from a
histogram of days (exact, since days are whole numbers). Who may read the figures is the
service's rule (:mod:`privacy_desk.services.statistics`).

*Answered* means the first status change to ``answered`` or ``rejected``: both are the
company's answer to the person (art. 12(3)-(4)); a withdrawn request needs none. The day
of the answer is the Stockholm calendar date of that event (events are naive UTC), and it
is on time when it is no later than the case's effective deadline (the extended one if
the deadline was extended). Days to answer are calendar days from the day of receipt.

Stockholm's date of a UTC timestamp is computed in SQL on all three backends with the
EU's summer-time rule (from the last Sunday of March to the last Sunday of October, both
at 01:00 UTC), given as literal bounds per year; SQLite has no time zones and MariaDB's
need tables most servers lack.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Date,
    Integer,
    and_,
    case,
    cast,
    extract,
    func,
    literal_column,
    or_,
    select,
    union,
    union_all,
)
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from privacy_desk.casestore.erasure_models import (
    ErasureExecutionRecord,
    ErasureHoldRecord,
    ErasureOutcomeRecord,
    ErasurePlanRecord,
)
from privacy_desk.casestore.letters_models import CaseLetter
from privacy_desk.casestore.models import AllowanceDecisionRecord, Case, CaseEvent
from privacy_desk.domain.lifecycle import OPEN_STATUSES, CaseStatus

#: Status changes that answer the person: an answer, or a refusal with its reasons.
ANSWER_STATUSES = (CaseStatus.ANSWERED.value, CaseStatus.REJECTED.value)
_OPEN = sorted(s.value for s in OPEN_STATUSES)
#: How many grounds (most frequent first) a list of reasons keeps.
TOP_GROUNDS = 12


# --------------------------------------------------------------------------- rows


@dataclass(frozen=True, slots=True)
class OpenCounts:
    """Cases that still owe an answer, and how many of them are urgent."""

    open: int
    due_soon: int  # the deadline is today or within the next ``soon_days`` days
    overdue: int  # the deadline has passed


@dataclass(frozen=True, slots=True, order=True)
class MonthTypeCount:
    """Requests received in one month, of one type."""

    year: int
    month: int
    request_type: str
    count: int


@dataclass(frozen=True, slots=True, order=True)
class AnswerBucket:
    """A histogram cell: ``count`` cases of a type received in a month, answered after
    ``days`` days, on time or not."""

    year: int
    month: int
    request_type: str
    days: int
    on_time: bool
    count: int


@dataclass(frozen=True, slots=True)
class HandlingTimes:
    """Answered cases, how many on time, and the median and longest days to answer."""

    answered: int
    on_time: int
    median_days: float | None
    longest_days: int | None

    @property
    def share_on_time(self) -> float | None:
        return self.on_time / self.answered if self.answered else None


@dataclass(frozen=True, slots=True)
class KeyCount:
    """A count under a key (a channel, a status, a reason)."""

    key: str
    count: int


@dataclass(frozen=True, slots=True)
class DeadlineRow:
    """An open case and its effective deadline, for the list of what is due next."""

    case_id: int
    case_number: str
    request_type: str
    status: str
    due_on: date
    person_label: str
    assignee: str | None


@dataclass(frozen=True, slots=True)
class HoldEndingRow:
    """Rows a case keeps under one law whose hold ends on one day."""

    case_id: int
    case_number: str
    law: str
    rows: int
    ends_on: date


@dataclass(frozen=True, slots=True)
class Decisions:
    """Extensions, fees and refusals of a period, with the reasons given for them."""

    extensions: int
    extension_grounds: tuple[KeyCount, ...]
    fees: int
    fee_total_sek: Decimal
    fee_grounds: tuple[KeyCount, ...]
    free_anyway: int
    allowance_refusals: int  # refused as manifestly unfounded or excessive (art. 12(5))
    # cases refused (art. 12(4)): rejected, or open with a refusal decided or sent;
    # the allowance refusals are among them
    refusals: int
    refusal_grounds: tuple[KeyCount, ...]


@dataclass(frozen=True, slots=True)
class KeptUnderLaw:
    """Rows kept after erasures under one law (art. 17(3)), and when their holds end."""

    law: str
    rows: int
    cases: int
    first_ends_on: date
    last_ends_on: date


@dataclass(frozen=True, slots=True)
class Erasures:
    """Executed erasures of a period: cases, rows erased, anonymised and kept."""

    cases: int
    rows_deleted: int
    rows_updated: int
    rows_retained: int
    kept: tuple[KeptUnderLaw, ...]


# --------------------------------------------------------------------------- SQL pieces


def effective_due() -> ColumnElement[date]:
    return func.coalesce(Case.extended_due_on, Case.due_on)


def summer_time_bounds(year: int) -> tuple[datetime, datetime]:
    """When summer time (UTC+2) starts and ends in Stockholm in ``year``, as naive UTC."""

    def last_sunday(month: int) -> date:
        day = date(year, month, 31)
        return day - timedelta(days=(day.weekday() + 1) % 7)

    return (datetime.combine(last_sunday(3), datetime.min.time()) + timedelta(hours=1),
            datetime.combine(last_sunday(10), datetime.min.time()) + timedelta(hours=1))


def _summer(at: Any, years: Iterable[int]) -> ColumnElement[bool]:
    return or_(*(and_(at >= a, at < b) for a, b in map(summer_time_bounds, years)))


def stockholm_day(at: Any, dialect: str, years: Iterable[int]) -> ColumnElement[Any]:
    """The Stockholm calendar date of the naive-UTC timestamp column ``at``, in SQL."""
    summer = _summer(at, years)
    if dialect == "sqlite":
        return func.date(at, case((summer, "+2 hours"), else_="+1 hours"))
    hours = case((summer, 2), else_=1)
    if dialect == "postgresql":
        return cast(at + func.make_interval(0, 0, 0, 0, hours), Date)
    return func.date(func.timestampadd(literal_column("HOUR"), hours, at))


def days_between(start: Any, end: Any, dialect: str) -> ColumnElement[int]:
    """Whole days from the date ``start`` to the date ``end``, in SQL."""
    if dialect == "sqlite":
        return cast(func.julianday(end) - func.julianday(start), Integer)
    if dialect == "postgresql":
        return cast(end - start, Integer)  # date - date is an integer number of days
    return func.datediff(end, start)


def _per_case(dialect: str) -> list[Any]:
    """GROUP BY one case: its id, where the backend knows the other columns follow from
    it (SQLite, and PostgreSQL for a primary key; SQLite then plans a faster scan);
    MariaDB is given every column."""
    if dialect in ("sqlite", "postgresql"):
        return [Case.id]
    return [Case.id, Case.received_on, effective_due(), Case.request_type]


def _refusal_case_ids() -> Any:
    """Cases with a recorded decision to refuse (art. 12(5)) or a refusal letter sent to
    the person (art. 12(4)): read from those two small tables, not case by case."""
    d = AllowanceDecisionRecord
    return union(select(d.case_id.label("case_id")).where(d.kind == "refused"),
                 select(CaseLetter.case_id.label("case_id"))
                 .where(CaseLetter.kind == "refusal", CaseLetter.recipient == ""))


def _refused_while_open() -> ColumnElement[bool]:
    """An open case the company has already refused (decided or told), the status not yet
    moved to 'rejected'. Such a case counts as refused, never as still open."""
    return and_(Case.status.in_(_OPEN), Case.id.in_(_refusal_case_ids()))


def _in_window(start: date, end: date) -> ColumnElement[bool]:
    return and_(Case.received_on >= start, Case.received_on <= end)


def _grounds(rows: Sequence[Any]) -> tuple[KeyCount, ...]:
    """Reasons with their counts, most frequent first; blank reasons are one group."""
    merged: dict[str, int] = {}
    for text, n in rows:
        key = " ".join(str(text or "").split())
        merged[key] = merged.get(key, 0) + int(n)
    ordered = sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))
    return tuple(KeyCount(k, n) for k, n in ordered[:TOP_GROUNDS])


# --------------------------------------------------------------------------- queries


def open_counts(conn: Connection, today: date, soon_days: int = 7) -> OpenCounts:
    due = effective_due()
    row = conn.execute(
        select(func.count(),
               func.coalesce(func.sum(case((due < today, 1), else_=0)), 0),
               func.coalesce(func.sum(case((and_(due >= today,
                                                  due <= today + timedelta(days=soon_days)),
                                             1), else_=0)), 0))
        .where(Case.status.in_(_OPEN))
    ).one()
    return OpenCounts(open=int(row[0]), due_soon=int(row[2]), overdue=int(row[1]))


@dataclass(frozen=True, slots=True, order=True)
class GridCell:
    """Cases received in one month, of one type, by one channel, now in one status."""

    year: int
    month: int
    request_type: str
    channel: str
    status: str
    count: int


def month_of(column: Any, dialect: str) -> ColumnElement[Any]:
    """The month of a date column as one value per month, cheaply for each backend:
    ``'YYYY-MM'`` on SQLite (dates are ISO text there), ``year * 100 + month`` elsewhere."""
    if dialect == "sqlite":
        return func.substr(column, 1, 7)
    return extract("year", column) * 100 + extract("month", column)


def _year_month(value: Any) -> tuple[int, int]:
    if isinstance(value, str):
        return int(value[:4]), int(value[5:7])
    return divmod(int(value), 100)


def case_grid(conn: Connection, start: date, end: date) -> tuple[GridCell, ...]:
    """One scan of the window's cases, grouped by month, type, channel and status: the
    per-month, per-channel and per-outcome figures are all sums of these cells. An open
    case already refused (a decision to refuse, or a refusal letter) is in the 'rejected'
    cells."""
    month = month_of(Case.received_on, conn.dialect.name)
    group = (month, Case.request_type, Case.channel, Case.status)
    cells: dict[tuple[Any, str, str, str], int] = {
        (ym, str(t), str(c), str(st)): int(n) for ym, t, c, st, n in conn.execute(
            select(*group, func.count()).where(_in_window(start, end)).group_by(*group)).all()}
    # Open cases already refused move to 'rejected': few, found from the refusals' tables.
    refused = _refusal_case_ids().subquery("refusals")
    for ym, t, c, st, n in conn.execute(
            select(*group, func.count()).select_from(refused)
            .join(Case, Case.id == refused.c.case_id)
            .where(_in_window(start, end), Case.status.in_(_OPEN)).group_by(*group)).all():
        key = (ym, str(t), str(c), str(st))
        cells[key] -= int(n)
        moved = (ym, str(t), str(c), CaseStatus.REJECTED.value)
        cells[moved] = cells.get(moved, 0) + int(n)
    return tuple(sorted(GridCell(*_year_month(ym), t, c, st, n)
                        for (ym, t, c, st), n in cells.items() if n))


def per_month(grid: Iterable[GridCell]) -> tuple[MonthTypeCount, ...]:
    sums: dict[tuple[int, int, str], int] = {}
    for g in grid:
        key = (g.year, g.month, g.request_type)
        sums[key] = sums.get(key, 0) + g.count
    return tuple(sorted(MonthTypeCount(y, m, t, n) for (y, m, t), n in sums.items()))


def per_channel(grid: Iterable[GridCell]) -> tuple[KeyCount, ...]:
    sums: dict[str, int] = {}
    for g in grid:
        sums[g.channel] = sums.get(g.channel, 0) + g.count
    return tuple(sorted((KeyCount(k, n) for k, n in sums.items()),
                        key=lambda kc: (-kc.count, kc.key)))


def per_outcome(grid: Iterable[GridCell]) -> tuple[tuple[str, str, int], ...]:
    sums: dict[tuple[str, str], int] = {}
    for g in grid:
        sums[(g.request_type, g.status)] = sums.get((g.request_type, g.status), 0) + g.count
    return tuple(sorted((t, st, n) for (t, st), n in sums.items()))


def answer_histogram(conn: Connection, start: date, end: date,
                     today: date) -> tuple[AnswerBucket, ...]:
    """Answered cases received in the window, by month, type, days to answer and on time.

    Driven from the cases of the window (the ``received_on`` index), each joined to its
    events through the ``case_id`` index; the first answering status change of a case, or
    the first refusal letter of a refused case, is its answer. Answers lie between the
    window's start and ``today``, so the summer-time bounds of those years suffice.
    """
    dialect = conn.dialect.name
    years = range(start.year, max(end.year, today.year) + 1)
    window = _in_window(start, end)
    lettered = (select(CaseLetter.case_id)
                .where(CaseLetter.kind == "refusal", CaseLetter.recipient == ""))
    # The Stockholm day is computed once per case, inside; the outer query only groups.
    # Cases without a refusal letter (nearly all): the first answering status change.
    plain = (select(Case.received_on.label("received_on"),
                    effective_due().label("due_on"),
                    Case.request_type.label("request_type"),
                    stockholm_day(func.min(CaseEvent.at), dialect, years).label("answered_on"))
             .select_from(Case).join(CaseEvent, CaseEvent.case_id == Case.id)
             .where(window, Case.id.not_in(lettered), CaseEvent.kind == "status",
                    CaseEvent.to_status.in_(ANSWER_STATUSES))
             .group_by(*_per_case(dialect)))
    # The few with one: a refusal letter answers a refused case on its date, even before
    # the status moves; the earlier of that and an answering status change counts.
    by_status = (select(Case.id.label("case_id"),
                        stockholm_day(func.min(CaseEvent.at), dialect, years).label("day"))
                 .select_from(Case).join(CaseEvent, CaseEvent.case_id == Case.id)
                 .where(window, Case.id.in_(lettered), CaseEvent.kind == "status",
                        CaseEvent.to_status.in_(ANSWER_STATUSES))
                 .group_by(Case.id))
    by_letter = (select(Case.id.label("case_id"), func.min(CaseLetter.letter_date).label("day"))
                 .select_from(Case).join(CaseLetter, CaseLetter.case_id == Case.id)
                 .where(window, CaseLetter.kind == "refusal", CaseLetter.recipient == "",
                        or_(Case.status == CaseStatus.REJECTED.value, _refused_while_open()))
                 .group_by(Case.id))
    answers = union_all(by_status, by_letter).subquery("answer_days")
    told = (select(Case.received_on.label("received_on"),
                   effective_due().label("due_on"),
                   Case.request_type.label("request_type"),
                   func.min(answers.c.day).label("answered_on"))
            .select_from(Case).join(answers, answers.c.case_id == Case.id)
            .group_by(*_per_case(dialect)))
    cells: dict[tuple[int, int, str, int, bool], int] = {}
    for part in (plain, told):
        first = part.subquery("answers")
        days = days_between(first.c.received_on, first.c.answered_on, dialect)
        on_time = case((first.c.answered_on <= first.c.due_on, 1), else_=0)
        month = month_of(first.c.received_on, dialect)
        for ym, t, d, o, n in conn.execute(
                select(month, first.c.request_type, days, on_time, func.count())
                .group_by(month, first.c.request_type, days, on_time)).all():
            key = (*_year_month(ym), str(t), max(0, int(d)), bool(o))
            cells[key] = cells.get(key, 0) + int(n)
    return tuple(sorted(AnswerBucket(*key, n) for key, n in cells.items()))


def handling_times(buckets: Iterable[AnswerBucket]) -> HandlingTimes:
    """Totals, on-time count, exact median and longest days of a set of histogram cells."""
    hist: dict[int, int] = {}
    on_time = 0
    for b in buckets:
        hist[b.days] = hist.get(b.days, 0) + b.count
        on_time += b.count if b.on_time else 0
    total = sum(hist.values())
    if not total:
        return HandlingTimes(0, 0, None, None)
    ordered = sorted(hist.items())

    def nth(k: int) -> int:  # the k-th smallest value, 0-based
        seen = 0
        for days, n in ordered:
            seen += n
            if k < seen:
                return days
        return ordered[-1][0]

    mid = total // 2
    median = float(nth(mid)) if total % 2 else (nth(mid - 1) + nth(mid)) / 2
    return HandlingTimes(total, on_time, median, ordered[-1][0])


def upcoming_deadlines(conn: Connection, limit: int = 20) -> tuple[DeadlineRow, ...]:
    """Open cases by effective deadline, the most urgent (overdue ones) first."""
    due = effective_due()
    rows = conn.execute(
        select(Case.id, Case.case_number, Case.request_type, Case.status, due,
               Case.person_label, Case.assignee)
        .where(Case.status.in_(_OPEN)).order_by(due, Case.id).limit(limit)
    ).all()
    return tuple(DeadlineRow(*r) for r in rows)


def holds_ending(conn: Connection, today: date, within_days: int = 90,
                 limit: int = 20) -> tuple[HoldEndingRow, ...]:
    """Legal holds still in force that end within ``within_days`` (or have ended)."""
    h = ErasureHoldRecord
    rows = conn.execute(
        select(Case.id, Case.case_number, h.law, func.count(), h.ends_on)
        .select_from(h).join(Case, Case.id == h.case_id)
        .where(h.released_by_plan.is_(None), h.ends_on <= today + timedelta(days=within_days))
        .group_by(Case.id, Case.case_number, h.law, h.ends_on)
        .order_by(h.ends_on, Case.case_number).limit(limit)
    ).all()
    return tuple(HoldEndingRow(int(c), str(n), str(law), int(k), e)
                 for c, n, law, k, e in rows)


def decisions(conn: Connection, start: date, end: date) -> Decisions:
    window = _in_window(start, end)
    ext = conn.execute(
        select(Case.extension_reason, func.count())
        .where(window, Case.extended_due_on.is_not(None)).group_by(Case.extension_reason)
    ).all()
    d = AllowanceDecisionRecord
    by_kind = {str(k): (int(n), Decimal(s or 0)) for k, n, s in conn.execute(
        select(d.kind, func.count(), func.sum(d.fee_sek))
        .join(Case, Case.id == d.case_id).where(window).group_by(d.kind)
    ).all()}
    fee_reasons = conn.execute(
        select(d.reason, func.count()).join(Case, Case.id == d.case_id)
        .where(window, d.kind == "fee").group_by(d.reason)
    ).all()
    # Refused: rejected, or open with a refusal decided or sent. Its ground is the note
    # written when rejecting, else the decision's reason; one row per case, grouped outside.
    rejection_note = (select(func.max(CaseEvent.note))
                      .where(CaseEvent.case_id == Case.id, CaseEvent.kind == "status",
                             CaseEvent.to_status == CaseStatus.REJECTED.value)
                      .correlate(Case).scalar_subquery())
    decision_reason = (select(func.max(d.reason))
                       .where(d.case_id == Case.id, d.kind == "refused")
                       .correlate(Case).scalar_subquery())
    by_decision = (select(d.id).where(d.case_id == Case.id, d.kind == "refused")
                   .correlate(Case).exists())
    refused_cases = (
        select(func.coalesce(func.nullif(rejection_note, ""), decision_reason, "")
               .label("ground"),
               case((by_decision, 1), else_=0).label("by_decision"))
        .select_from(Case)
        .where(window, or_(Case.status == CaseStatus.REJECTED.value, _refused_while_open()))
        .subquery("refused"))
    r = refused_cases.c
    refused_rows = conn.execute(
        select(r.ground, r.by_decision, func.count()).group_by(r.ground, r.by_decision)
    ).all()
    refused = [(g, n) for g, _, n in refused_rows]
    return Decisions(
        extensions=sum(int(n) for _, n in ext), extension_grounds=_grounds(ext),
        fees=by_kind.get("fee", (0, Decimal(0)))[0],
        fee_total_sek=by_kind.get("fee", (0, Decimal(0)))[1],
        fee_grounds=_grounds(fee_reasons),
        free_anyway=by_kind.get("free_anyway", (0, Decimal(0)))[0],
        allowance_refusals=sum(int(n) for _, b, n in refused_rows if int(b)),
        refusals=sum(int(n) for _, n in refused), refusal_grounds=_grounds(refused),
    )


def erasures(conn: Connection, start: date, end: date) -> Erasures:
    window = _in_window(start, end)
    ex, plan, out, hold = (ErasureExecutionRecord, ErasurePlanRecord, ErasureOutcomeRecord,
                           ErasureHoldRecord)
    committed = and_(ex.state == "committed", plan.kind == "erasure")
    n_cases = conn.scalar(
        select(func.count(func.distinct(ex.case_id))).select_from(ex)
        .join(plan, plan.id == ex.plan_id).join(Case, Case.id == ex.case_id)
        .where(window, committed)) or 0
    sums = conn.execute(
        select(func.coalesce(func.sum(out.rows_deleted), 0),
               func.coalesce(func.sum(out.rows_updated), 0),
               func.coalesce(func.sum(out.rows_retained), 0))
        .select_from(out).join(ex, ex.id == out.execution_id)
        .join(plan, plan.id == ex.plan_id).join(Case, Case.id == ex.case_id)
        .where(window, committed)).one()
    kept = conn.execute(
        select(hold.law, func.count(), func.count(func.distinct(hold.case_id)),
               func.min(hold.ends_on), func.max(hold.ends_on))
        .select_from(hold).join(ex, ex.id == hold.execution_id)
        .join(plan, plan.id == ex.plan_id).join(Case, Case.id == hold.case_id)
        .where(window, committed).group_by(hold.law)
    ).all()
    return Erasures(
        cases=int(n_cases), rows_deleted=int(sums[0]), rows_updated=int(sums[1]),
        rows_retained=int(sums[2]),
        kept=tuple(sorted((KeptUnderLaw(str(law), int(r), int(c), a, b)
                           for law, r, c, a, b in kept), key=lambda k: (-k.rows, k.law))),
    )


def due_by(conn: Connection, last_day: date, limit: int = 200) -> tuple[DeadlineRow, ...]:
    """Open cases whose effective deadline is ``last_day`` or earlier (overdue ones first)."""
    due = effective_due()
    rows = conn.execute(
        select(Case.id, Case.case_number, Case.request_type, Case.status, due,
               Case.person_label, Case.assignee)
        .where(Case.status.in_(_OPEN), due <= last_day).order_by(due, Case.id).limit(limit)
    ).all()
    return tuple(DeadlineRow(*r) for r in rows)
