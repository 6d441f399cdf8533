"""Erasure on the portal, driven by the data map: plan, dry run, execute atomically, verify.

:func:`build_plan` turns a person's collected data (:func:`~privacy_desk.portal.lookup.collect`)
into one :class:`RowPlan` per portal row: **delete** the row, **update** some of its fields
(set to NULL, replace by a fixed value, pseudonymise by keyed hash), or **keep** it — under
a legal hold (the law, and the day the hold ends, computed per row from its date column),
because another customer shares it (a household's login), or because the officer decided
to retain the category (with a reason). Rows kept under a hold are still minimised with the
map's ``erasure_under_hold`` strategies.

The plan names tables, primary keys, column names and strategies, never values, so it can
be stored on the case and its SHA-256 approved. :func:`execute_plan` carries it out in ONE
portal transaction with bound parameters, checking every statement touched exactly the rows
planned (the portal changed since? then nothing is changed); :func:`verify_erasure`
collects the person again and checks only the retained rows remain, minimised.
:func:`check_write_access` refuses a read-only connection or a role without the rights,
before anything starts.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import hmac
import json
import logging
import os
import re
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import and_, column, delete, false, func, or_, select, text, update
from sqlalchemy import table as table_clause
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from privacy_desk.datamap.check_constraints import strategy_problem
from privacy_desk.datamap.constraints import ForeignKey, LiveConstraints, OnDelete, read_constraints
from privacy_desk.datamap.model import DataMap, Erasure, TableSpec
from privacy_desk.datamap.readonly import read_only
from privacy_desk.dburl import backend
from privacy_desk.errors import UserError
from privacy_desk.identifiers import Identifier
from privacy_desk.messages import msg
from privacy_desk.portal.lookup import Candidate, PersonData, _Sql, collect, jsonable

log = logging.getLogger(__name__)

#: Test hook (a no-op unless set): "N:FILE" makes the executor write FILE after its N-th
#: statement and then sleep, so a test can kill it or drop its connection mid-way.
PAUSE_ENV = "PRIVACY_DESK_TEST_ERASURE_PAUSE"
PAUSE_SECONDS_ENV = "PRIVACY_DESK_TEST_ERASURE_PAUSE_SECONDS"
#: Keys per DELETE ... WHERE key IN (...) statement.
CHUNK = 500


class Action(enum.StrEnum):
    DELETE = "delete"
    UPDATE = "update"
    KEEP = "keep"


class Decision(enum.StrEnum):
    """The officer's decision for a category."""

    ERASE = "erase"
    RETAIN = "retain"


class KeepReason(enum.StrEnum):
    HOLD = "hold"  # a legal obligation keeps the row until its hold ends
    SHARED = "shared"  # the row also belongs to another customer (a shared login)
    DECISION = "decision"  # the officer retained one of the row's categories
    STRATEGY = "strategy"  # the map keeps these fields (not personal, or 'keep')


class WriteRefused(UserError):
    """The portal connection may not change the data; nothing was started."""


class PlanOutdated(UserError):
    """The portal's data differs from the plan; nothing was changed."""


class ErasureFailed(UserError):
    """The portal transaction failed (dropped connection, refusal); nothing was changed."""


class CommitUnknown(UserError):
    """The connection was lost while the portal committed: the change may or may not have
    taken effect. Never read as "nothing changed": the desk compares the portal with the
    plan's expected after-state (:func:`compare_with_portal`) to find out."""


class PlanRefused(UserError):
    """The plan would meet a live constraint of the portal (NOT NULL, a foreign key, a
    column too short); it is not made, so nobody approves what execute would refuse."""


@dataclass(frozen=True)
class HoldInfo:
    rule: str
    law: str
    date: dt.date
    ends_on: dt.date  # the first day the row may be erased


@dataclass(frozen=True)
class FieldChange:
    column: str
    strategy: Erasure
    category: str


@dataclass(frozen=True)
class RowPlan:
    """What happens to one portal row."""

    table: str
    key: Mapping[str, Any]
    action: Action
    changes: tuple[FieldChange, ...]
    categories: tuple[str, ...]
    hold: HoldInfo | None = None
    kept_because: KeepReason | None = None

    def key_json(self) -> str:
        return key_json(self.key)

    def to_json(self) -> dict[str, Any]:
        return {"table": self.table, "key": {k: jsonable(v) for k, v in self.key.items()},
                "action": self.action.value,
                "changes": [[c.column, c.strategy.value, c.category] for c in self.changes],
                "categories": list(self.categories),
                "hold": None if self.hold is None else {
                    "rule": self.hold.rule, "law": self.hold.law,
                    "date": self.hold.date.isoformat(), "ends_on": self.hold.ends_on.isoformat()},
                "kept_because": self.kept_because.value if self.kept_because else None}


@dataclass(frozen=True)
class CategoryDecision:
    category: str
    decision: Decision
    reason: str


@dataclass(frozen=True)
class CategorySummary:
    """Counts for the plan tree: one category in one table."""

    category: str
    table: str
    deleted: int = 0
    updated: int = 0
    fields_changed: int = 0
    held: int = 0
    kept: int = 0
    hold_ends: tuple[dt.date, ...] = ()


@dataclass(frozen=True)
class ErasurePlan:
    """Everything an erasure (or consent withdrawal) of one person would change."""

    kind: str  # 'erasure' | 'consent_withdrawal'
    subject: Mapping[str, Any]  # candidate_json(...)
    as_of: dt.date
    rows: tuple[RowPlan, ...]
    decisions: tuple[CategoryDecision, ...] = ()
    only_categories: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "subject": self.subject, "as_of": self.as_of.isoformat(),
                "only_categories": list(self.only_categories),
                "decisions": [[d.category, d.decision.value, d.reason] for d in self.decisions],
                "rows": [r.to_json() for r in self.rows]}

    def canonical(self) -> str:
        return json.dumps(self.to_json(), sort_keys=True, separators=(",", ":"),
                          ensure_ascii=False)

    def sha256(self) -> str:
        """What an approver approves: the same rows, keys, actions, decisions and holds."""
        return hashlib.sha256(self.canonical().encode("utf-8")).hexdigest()

    def by_action(self, action: Action) -> list[RowPlan]:
        return [r for r in self.rows if r.action is action]

    @property
    def held(self) -> list[RowPlan]:
        return [r for r in self.rows if r.hold is not None]

    def table_counts(self) -> dict[str, dict[str, int]]:
        """table -> {'deleted', 'updated', 'retained'}: the outcome counts per table."""
        out: dict[str, dict[str, int]] = {}
        for r in self.rows:
            c = out.setdefault(r.table, {"deleted": 0, "updated": 0, "retained": 0})
            if r.action is Action.DELETE:
                c["deleted"] += 1
            else:
                c["updated" if r.action is Action.UPDATE else "retained"] += 1
        return out

    def summary(self) -> list[CategorySummary]:
        """Per category and table: rows deleted, updated (fields changed), held, kept."""
        acc: dict[tuple[str, str], dict[str, Any]] = {}
        for r in self.rows:
            for cat in r.categories:
                a = acc.setdefault((cat, r.table), {"deleted": 0, "updated": 0,
                                                    "fields_changed": 0, "held": 0, "kept": 0,
                                                    "hold_ends": set()})
                changed = sum(1 for c in r.changes if c.category == cat)
                if r.action is Action.DELETE:
                    a["deleted"] += 1
                elif changed:
                    a["updated"] += 1
                    a["fields_changed"] += changed
                if r.hold is not None:
                    a["held"] += 1
                    a["hold_ends"].add(r.hold.ends_on)
                elif r.action is not Action.DELETE and not changed:
                    a["kept"] += 1
        return [CategorySummary(cat, table, a["deleted"], a["updated"], a["fields_changed"],
                                a["held"], a["kept"], tuple(sorted(a["hold_ends"])))
                for (cat, table), a in sorted(acc.items())]


def key_json(key: Mapping[str, Any]) -> str:
    """A row's primary key as canonical JSON (how the case store names a row)."""
    return json.dumps({k: jsonable(v) for k, v in key.items()}, sort_keys=True,
                      separators=(",", ":"), ensure_ascii=False)


def candidate_json(candidate: Candidate) -> dict[str, Any]:
    """The candidate as stored with a plan: enough to collect the same person again."""
    return {"subject_table": candidate.subject_table,
            "key": [jsonable(v) for v in candidate.key],
            "rows": [[t, [jsonable(v) for v in k]] for t, k in candidate.rows]}


def candidate_from_json(data: Mapping[str, Any], identifier: Any) -> Candidate:
    """Rebuild a stored candidate (``identifier``: any Identifier, shown nowhere)."""
    return Candidate(data["subject_table"], tuple(data["key"]), "", identifier, (),
                     tuple((t, tuple(k)) for t, k in data["rows"]))


def as_date(value: Any) -> dt.date | None:
    """A date from a portal value: date, datetime or ISO text (SQLite)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


# --------------------------------------------------------------------------- planning


def _shared_rows(engine: Engine, datamap: DataMap, person: PersonData) -> set[tuple[str, str]]:
    """(table, key json) of rows that also lead to another subject (a shared login)."""
    cand = person.candidate
    if cand.subject_table is None:
        return set()
    sql = _Sql(datamap, backend(engine.url))
    subject = datamap.tables[cand.subject_table]
    mine = tuple(str(jsonable(v)) for v in cand.key)
    shared: set[tuple[str, str]] = set()
    by_table = person.tables()
    with engine.connect() as conn, conn.begin():
        for name, rows in by_table.items():
            spec = datamap.tables[name]
            if spec.subject:
                continue
            chains = [c for c in datamap.paths.get(name, ()) if len(c) > 1
                      and c[-1].table == subject.name]
            if not chains:
                continue
            tbl = sql.t(name)
            keys = [tuple(r.key[c] for c in spec.primary_key) for r in rows]
            for chain in chains:
                joined, last = sql.chain_from(spec, chain, include_subject=False)
                local_of = {b: a for a, b in chain[-1].on}
                cols = [tbl.c[c] for c in spec.primary_key] + \
                       [last.c[local_of[pk]] for pk in subject.primary_key]
                q = select(*cols).select_from(joined).where(
                    sql.key_condition(tbl, spec.primary_key, keys))
                n = len(spec.primary_key)
                for row in conn.execute(q):
                    other = tuple(str(jsonable(v)) for v in row[n:])
                    if other != mine:
                        shared.add((name, key_json(dict(zip(spec.primary_key, row[:n],
                                                             strict=True)))))
    return shared


def _via_dates(engine: Engine, person: PersonData) -> dict[tuple[str, str], dt.date | None]:
    """(table, key json) -> the date a ``via`` hold counts from: the referenced row's.

    Invoice lines have no date; their hold follows the invoice each line belongs to, read
    from the portal for exactly the rows planned.
    """
    datamap = person.datamap
    sql = _Sql(datamap, backend(engine.url))
    out: dict[tuple[str, str], dt.date | None] = {}
    wanted = {name: rows for name, rows in person.tables().items()
              if (h := datamap.tables[name].hold) is not None and h.via is not None}
    if not wanted:
        return out
    with read_only(engine) as conn:
        for name, rows in wanted.items():
            spec = datamap.tables[name]
            assert spec.hold is not None and spec.hold.via is not None
            ref = next(r for r in spec.references if r.table == spec.hold.via)
            child, parent = sql.t(name), sql.t(ref.table)
            joined = child.join(parent, and_(*(child.c[a] == parent.c[b] for a, b in ref.on)))
            keys = [tuple(r.key[c] for c in spec.primary_key) for r in rows]
            for i in range(0, len(keys), CHUNK):
                q = (select(*(child.c[c] for c in spec.primary_key),
                            parent.c[spec.hold.date_column])
                     .select_from(joined)
                     .where(sql.key_condition(child, spec.primary_key, keys[i:i + CHUNK])))
                for row in conn.execute(q):
                    kj = key_json(dict(zip(spec.primary_key, row[:-1], strict=True)))
                    day = as_date(row[-1])
                    prev = out.get((name, kj))
                    # a line reaching several parents is held as long as the latest one
                    out[(name, kj)] = day if prev is None or (day and day > prev) else prev
    return out


def _hold_of(datamap: DataMap, spec: TableSpec, values: Mapping[str, Any],
             today: dt.date, via_date: dt.date | None = None) -> HoldInfo | None:
    if spec.hold is None:
        return None
    rule = datamap.holds[spec.hold.rule]
    day = via_date if spec.hold.via is not None else as_date(values.get(spec.hold.date_column))
    if day is None:
        return None
    ends = rule.releases_on(day)
    return HoldInfo(rule.name, rule.law, day, ends) if ends > today else None


def build_plan(engine: Engine, person: PersonData, *, today: dt.date,
               decisions: Sequence[CategoryDecision] = (), kind: str = "erasure",
               only_categories: Sequence[str] = ()) -> ErasurePlan:
    """The plan for ``person`` as of ``today``, applying the officer's category decisions.

    ``only_categories`` restricts the plan to rows holding those categories (consent
    withdrawal: the map's ``consent`` category).
    """
    datamap = person.datamap
    retained = {d.category for d in decisions if d.decision is Decision.RETAIN}
    shared = _shared_rows(engine, datamap, person)
    via = _via_dates(engine, person)
    wanted = set(only_categories)
    rows: list[RowPlan] = []
    for row in person.rows:
        spec = datamap.tables[row.table]
        personal = [c for c in spec.columns.values() if c.personal and c.category]
        categories = tuple(sorted({c.category for c in personal if c.category}))
        if wanted and not wanted.intersection(categories):
            continue
        kj = key_json(row.key)
        hold = _hold_of(datamap, spec, row.values, today, via.get((row.table, kj)))
        keep_reason: KeepReason | None = None
        if (row.table, kj) in shared:
            keep_reason = KeepReason.SHARED
        elif hold is not None:
            keep_reason = KeepReason.HOLD
        elif any(c.category in retained for c in personal if
                 c.erasure is Erasure.DELETE_ROW):
            keep_reason = KeepReason.DECISION
        if keep_reason is KeepReason.SHARED:
            rows.append(RowPlan(row.table, dict(row.key), Action.KEEP, (), categories,
                                None, keep_reason))
            continue
        if keep_reason is None and any(c.erasure is Erasure.DELETE_ROW for c in personal):
            rows.append(RowPlan(row.table, dict(row.key), Action.DELETE, (), categories))
            continue
        changes = []
        for c in personal:
            assert c.category is not None
            strategy = c.erasure_under_hold if hold is not None else c.erasure
            if strategy in (Erasure.KEEP, Erasure.DELETE_ROW) or c.category in retained:
                continue
            if row.values.get(c.name) is None and strategy in (Erasure.SET_NULL,
                                                               Erasure.PSEUDONYMISE):
                continue  # nothing there to erase
            changes.append(FieldChange(c.name, strategy, c.category))
        action = Action.UPDATE if changes else Action.KEEP
        reason = keep_reason if keep_reason else (None if changes else KeepReason.STRATEGY)
        rows.append(RowPlan(row.table, dict(row.key), action, tuple(changes), categories,
                            hold, reason))
    plan = ErasurePlan(kind, candidate_json(person.candidate), today, tuple(rows),
                       tuple(sorted(decisions, key=lambda d: d.category)),
                       tuple(sorted(wanted)))
    check_plan_constraints(engine, plan, person)
    return plan


# --------------------------------------------------------------------------- constraints


def _kj(cols: Sequence[str], values: Sequence[Any]) -> str:
    return key_json(dict(zip(cols, values, strict=True)))


def _update_problems(live: LiveConstraints, datamap: DataMap, plan: ErasurePlan) -> list[str]:
    """The planned field changes the portal's columns would refuse (no values)."""
    out: dict[tuple[str, str, str], str] = {}
    for r in plan.by_action(Action.UPDATE):
        spec = datamap.tables[r.table]
        for c in r.changes:
            info = live.column(r.table, c.column)
            if info is None:
                continue
            problem = strategy_problem(info, c.strategy, spec.columns[c.column])
            if problem:
                out.setdefault((r.table, c.column, c.strategy.value),
                               f"{c.strategy.value} on {r.table}.{c.column}: {problem}")
    return [out[k] for k in sorted(out)]


def _rows_with(conn: Connection, table: str, key_cols: Sequence[str],
               keys: Sequence[Sequence[Any]], cols: Sequence[str]) -> list[dict[str, Any]]:
    """Columns ``cols`` of the rows of ``table`` with these keys (values stay in memory)."""
    need = list(dict.fromkeys([*key_cols, *cols]))
    tbl = table_clause(table, *(column(c) for c in need))
    out: list[dict[str, Any]] = []
    for i in range(0, len(keys), CHUNK):
        part = keys[i:i + CHUNK]
        cond = (tbl.c[key_cols[0]].in_([k[0] for k in part]) if len(key_cols) == 1 else
                or_(*(and_(*(tbl.c[c] == v for c, v in zip(key_cols, k, strict=True)))
                      for k in part)))
        q = select(*(tbl.c[c] for c in need)).where(cond)
        out += [dict(m) for m in conn.execute(q).mappings()]
    return out


def _delete_problems(conn: Connection, live: LiveConstraints, datamap: DataMap,
                     plan: ErasurePlan) -> list[str]:
    """Rows the planned deletions would meet through live foreign keys: referencing rows
    the plan does not delete (the portal refuses), and rows the plan keeps that ON DELETE
    CASCADE would delete. Follows cascades into further tables; counts only."""
    def id_cols(table: str) -> tuple[str, ...]:
        spec = datamap.tables.get(table)
        return spec.primary_key if spec else live.primary_keys.get(table, ())

    planned: dict[str, set[str]] = {}
    kept: dict[str, set[str]] = {}
    for r in plan.rows:
        (planned if r.action is Action.DELETE else kept).setdefault(
            r.table, set()).add(r.key_json())
    gone: dict[str, set[str]] = {t: set(ks) for t, ks in planned.items()}
    frontier: list[tuple[str, list[dict[str, Any]]]] = []
    for table in sorted(planned):
        rows = [dict(r.key) for r in plan.by_action(Action.DELETE) if r.table == table]
        frontier.append((table, rows))
    blocked: dict[tuple[str, str], tuple[ForeignKey, int]] = {}
    destroyed: dict[tuple[str, str], tuple[ForeignKey, int]] = {}
    not_null: dict[tuple[str, str], tuple[ForeignKey, int]] = {}
    for _level in range(20):  # cascades deeper than this are not a portal we know
        if not frontier:
            break
        nxt: list[tuple[str, list[dict[str, Any]]]] = []
        for table, known in frontier:
            fks = live.referencing(table)
            if not fks or not known:
                continue
            need = sorted({c for fk in fks for c in fk.referred_columns})
            keys_of = id_cols(table)
            rows = known
            if any(c not in known[0] for c in need) and keys_of:
                rows = _rows_with(conn, table, keys_of,
                                  [tuple(r[c] for c in keys_of) for r in known], need)
            for fk in fks:
                parents = sorted({tuple(r.get(c) for c in fk.referred_columns) for r in rows
                                  if all(r.get(c) is not None for c in fk.referred_columns)},
                                 key=repr)
                if not parents:
                    continue
                child_ids = id_cols(fk.table) or fk.columns
                onward = sorted({c for f in live.referencing(fk.table)
                                 for c in f.referred_columns})
                hits = _rows_with(conn, fk.table, fk.columns, parents, [*child_ids, *onward])
                seen: set[str] = set()
                fresh: list[dict[str, Any]] = []
                for h in hits:
                    kj = _kj(child_ids, [h[c] for c in child_ids])
                    if kj in seen or kj in planned.get(fk.table, set()):
                        continue
                    seen.add(kj)
                    if fk.ondelete.blocks:
                        fk_n = blocked.get((fk.table, table), (fk, 0))[1]
                        blocked[(fk.table, table)] = (fk, fk_n + 1)
                    elif fk.ondelete is OnDelete.CASCADE:
                        if kj in kept.get(fk.table, set()):
                            fk_n = destroyed.get((fk.table, table), (fk, 0))[1]
                            destroyed[(fk.table, table)] = (fk, fk_n + 1)
                        elif kj not in gone.setdefault(fk.table, set()):
                            gone[fk.table].add(kj)
                            fresh.append(h)
                    elif fk.ondelete is OnDelete.SET_NULL and any(
                            (i := live.column(fk.table, c)) is not None and not i.nullable
                            for c in fk.columns):
                        fk_n = not_null.get((fk.table, table), (fk, 0))[1]
                        not_null[(fk.table, table)] = (fk, fk_n + 1)
                if fresh:
                    nxt.append((fk.table, fresh))
        frontier = nxt
    out = [f"{n} row(s) of {child} refer to {parent} rows the plan deletes "
           f"({fk.describe()}, ON DELETE {fk.ondelete.value}): the portal would refuse; map "
           f"{child} so that those rows are deleted first, or erase {parent} by updating "
           "its columns instead"
           for (child, parent), (fk, n) in sorted(blocked.items())]
    out += [f"deleting {parent} rows would delete {n} {child} row(s) the plan keeps (held by "
            f"law or retained) through ON DELETE CASCADE ({fk.describe()}); keep those "
            f"{parent} rows under the same hold (a 'hold' with 'via'), or ask the DBA to make "
            "the foreign key RESTRICT"
            for (child, parent), (fk, n) in sorted(destroyed.items())]
    out += [f"deleting {parent} rows would set {n} {child} row(s) to NULL through ON DELETE "
            f"SET NULL ({fk.describe()}), but the column is NOT NULL; ask the DBA to fix the "
            "foreign key" for (child, parent), (fk, n) in sorted(not_null.items())]
    return out


def check_plan_constraints(engine: Engine, plan: ErasurePlan, person: PersonData) -> None:
    """Refuse a plan the portal's live constraints would refuse at execute (PlanRefused).

    NOT NULL, column lengths and numeric types for the planned field changes; for planned
    deletions, every live foreign key into the deleted rows (also from tables the map does
    not know), counting the referencing rows the plan does not delete, and ON DELETE
    CASCADE into rows the plan keeps. Messages name tables and columns, never values.
    """
    if not plan.by_action(Action.DELETE) and not plan.by_action(Action.UPDATE):
        return
    datamap = person.datamap
    with read_only(engine) as conn:
        live = read_constraints(conn, datamap)
        problems = _update_problems(live, datamap, plan)
        problems += _delete_problems(conn, live, datamap, plan)
    if problems:
        raise PlanRefused(msg("The portal would refuse this erasure, so no plan was made: "
                              "{problems}.", problems="; ".join(problems)),
                          msg("Fix the data map ('privacy-desk datamap check' lists each such "
                              "column and foreign key), or ask the DBA; then plan again."))


# --------------------------------------------------------------------------- dry run


@dataclass(frozen=True)
class DryRunLine:
    """One row or field that would change (values are shown to the officer, never logged)."""

    table: str
    key: str
    action: Action
    column: str | None
    strategy: Erasure | None
    old: Any
    new: Any


def pseudonym(key: bytes, table: str, column: str, value: Any) -> str:
    """A keyed hash that fits short columns: '#' + 11 hex digits (pseudonymisation)."""
    digest = hmac.new(key, f"{table}.{column}:{jsonable(value)}".encode(), hashlib.sha256)
    return "#" + digest.hexdigest()[:11]


def new_value(change: FieldChange, spec: TableSpec, table: str, old: Any,
              key: bytes) -> Any:
    if change.strategy is Erasure.SET_NULL:
        return None
    if change.strategy is Erasure.REPLACE:
        return spec.columns[change.column].replacement
    if change.strategy is Erasure.PSEUDONYMISE:
        return None if old is None else pseudonym(key, table, change.column, old)
    raise ValueError(f"no new value for strategy {change.strategy}")


def dry_run(plan: ErasurePlan, person: PersonData, key: bytes) -> list[DryRunLine]:
    """Exactly which rows and fields would change, with the values before and after."""
    values = {(r.table, key_json(r.key)): r.values for r in person.rows}
    out: list[DryRunLine] = []
    for r in plan.rows:
        kj = r.key_json()
        if r.action is Action.DELETE:
            out.append(DryRunLine(r.table, kj, r.action, None, Erasure.DELETE_ROW, None, None))
        elif r.action is Action.UPDATE:
            spec = person.datamap.tables[r.table]
            for c in r.changes:
                old = values.get((r.table, kj), {}).get(c.column)
                out.append(DryRunLine(r.table, kj, r.action, c.column, c.strategy, old,
                                      new_value(c, spec, r.table, old, key)))
    return out


# --------------------------------------------------------------------------- write access


def _sqlite_path(engine: Engine) -> Path | None:
    db = engine.url.database
    if not db or db == ":memory:":
        return None
    return Path(db.removeprefix("file:").split("?")[0])


def check_write_access(engine: Engine, datamap: DataMap, plan: ErasurePlan) -> None:
    """Refuse before anything starts when the connection cannot make the planned changes.

    PostgreSQL: a read-only transaction default or missing UPDATE/DELETE privileges
    (``has_table_privilege``); MariaDB: ``read_only`` variables and a harmless
    ``UPDATE/DELETE ... WHERE 1=0`` per table, rolled back; SQLite: ``query_only``, a
    read-only URL and file permissions.
    """
    needs: dict[str, set[str]] = {}
    for r in plan.rows:
        if r.action is Action.DELETE:
            needs.setdefault(r.table, set()).add("DELETE")
        elif r.action is Action.UPDATE:
            needs.setdefault(r.table, set()).add("UPDATE")
    if not needs:
        return
    be = backend(engine.url)
    refused: list[str] = []
    try:
        with engine.connect() as conn:
            if be == "sqlite":
                path = _sqlite_path(engine)
                ro = (engine.url.query.get("mode") == "ro"
                      or conn.exec_driver_sql("PRAGMA query_only").scalar() == 1
                      or (path is not None and (not os.access(path, os.W_OK)
                                                or not os.access(path.parent, os.W_OK))))
                if ro:
                    raise WriteRefused(msg("The portal database is open read-only; nothing was "
                                           "changed."), msg("Connect with a profile that may write "
                                                       "to the portal (ask the DBA)."))
                return
            if be == "postgresql":
                if conn.exec_driver_sql("SHOW transaction_read_only").scalar() == "on":
                    raise WriteRefused(msg("The portal connection is read-only; nothing was "
                                           "changed."), msg("Connect with a role that may write to "
                                                       "the portal (ask the DBA)."))
                for table, privs in sorted(needs.items()):
                    for priv in sorted(privs):
                        # the name is parsed as SQL: quoted, so CamelCase tables are found
                        quoted = conn.dialect.identifier_preparer.quote(table)
                        ok = conn.execute(text("SELECT has_table_privilege(:t, :p)"),
                                          {"t": quoted, "p": priv}).scalar()
                        if not ok:
                            refused.append(f"{priv} on {table}")
            else:
                flags = conn.exec_driver_sql(
                    "SELECT @@global.read_only, @@session.tx_read_only").one()
                conn.rollback()
                if any(int(f or 0) for f in flags):
                    raise WriteRefused(msg("The portal database is read-only; nothing was "
                                           "changed."), msg("Connect to the primary server with a "
                                                       "user that may write (ask the DBA)."))
                sql = _Sql(datamap, be)
                for table, privs in sorted(needs.items()):
                    tbl = sql.t(table)
                    pk = datamap.tables[table].primary_key[0]
                    for priv in sorted(privs):
                        stmt: Any = (update(tbl).where(false()).values({pk: tbl.c[pk]})
                                     if priv == "UPDATE" else delete(tbl).where(false()))
                        trans = conn.begin()
                        try:
                            conn.execute(stmt)
                        except DBAPIError as exc:
                            code = getattr(exc.orig, "args", (0,))[0]
                            if code in (1142, 1143, 1290, 1792):
                                refused.append(f"{priv} on {table}")
                            else:
                                raise
                        finally:
                            trans.rollback()
    except WriteRefused:
        raise
    except (OperationalError, DBAPIError) as exc:
        raise ErasureFailed(msg("Could not check the rights on the portal database ({error}); "
                                "nothing was changed.",
                                error=type(exc.orig).__name__),
                            msg("Check the connection and try again.")) from exc
    if refused:
        raise WriteRefused(msg("The portal database user may not make these changes: "
                               "{changes}. Nothing was changed.", changes=", ".join(refused)),
                           msg("Connect with a role that has these rights (ask the DBA)."))


# --------------------------------------------------------------------------- executing


def deletion_order(datamap: DataMap, foreign_keys: Iterable[ForeignKey] = ()) -> list[str]:
    """Tables in an order that deletes rows referring to others first (children first).

    Which side of a map reference holds the foreign key follows from the keys: the side
    whose columns point at the other's whole primary key is the child. The portal's live
    ``foreign_keys`` say it for certain, also where the map declares no reference.
    """
    parents: dict[str, set[str]] = {t: set() for t in datamap.tables}
    for fk in foreign_keys:
        if fk.table in parents and fk.referred_table in parents \
                and fk.table != fk.referred_table:
            parents[fk.table].add(fk.referred_table)
    for spec in datamap.tables.values():
        for ref in spec.references:
            remote = datamap.tables[ref.table]
            if set(ref.remote_columns) == set(remote.primary_key):
                parents[spec.name].add(remote.name)
            elif set(ref.local_columns) == set(spec.primary_key):
                parents[remote.name].add(spec.name)
    order: list[str] = []
    children: dict[str, set[str]] = {t: set() for t in datamap.tables}
    for child, ps in parents.items():
        for p in ps:
            children[p].add(child)
    done: set[str] = set()

    def visit(name: str, path: frozenset[str]) -> None:
        if name in done or name in path:
            return
        for c in sorted(children[name]):
            visit(c, path | {name})
        done.add(name)
        order.append(name)

    for name in sorted(datamap.tables):
        visit(name, frozenset())
    return order


@dataclass(frozen=True)
class ExecutionResult:
    """Counts per table, as committed."""

    counts: Mapping[str, Mapping[str, int]]
    statements: int
    seconds: float = field(default=0.0, compare=False)


def _pause(statements: int) -> None:
    """The kill test's hook: a no-op unless PAUSE_ENV names this statement count."""
    spec = os.environ.get(PAUSE_ENV)
    if not spec:
        return
    n, _, path = spec.partition(":")
    if int(n) != statements:
        return
    Path(path).write_text(str(os.getpid()), encoding="utf-8")
    time.sleep(float(os.environ.get(PAUSE_SECONDS_ENV, "60")))


def execute_plan(engine: Engine, plan: ErasurePlan, person: PersonData,
                 key: bytes) -> ExecutionResult:
    """Carry out ``plan`` in one portal transaction; all of it or nothing.

    Every statement must touch exactly the planned rows; otherwise the transaction is
    rolled back and :class:`PlanOutdated` raised. A driver error (dropped connection,
    refusal) rolls back too and becomes :class:`ErasureFailed`.
    """
    datamap = person.datamap
    sql = _Sql(datamap, backend(engine.url))
    values = {(r.table, key_json(r.key)): r.values for r in person.rows}
    started = time.perf_counter()
    n = 0
    doing: tuple[str, str, tuple[str, ...]] = ("", "", ())  # verb, table, columns
    committing = False  # set once every statement ran: an error now is at COMMIT

    def run(conn: Connection, stmt: Any, expected: int) -> None:
        nonlocal n
        result = conn.execute(stmt)
        n += 1
        if result.rowcount != expected:
            raise PlanOutdated(msg("The portal's data changed since the plan was made; nothing "
                                   "was changed."), msg("Make a new plan, have it approved, and "
                                                   "execute again."))
        _pause(n)

    try:
        with engine.connect() as conn, conn.begin():
            for r in plan.by_action(Action.UPDATE):
                spec = datamap.tables[r.table]
                tbl = sql.t(r.table)
                old = values[(r.table, r.key_json())]
                assignments = {c.column: new_value(c, spec, r.table, old.get(c.column), key)
                               for c in r.changes}
                cond = and_(*(tbl.c[k] == v for k, v in r.key.items()))
                doing = ("update", r.table, tuple(assignments))
                run(conn, update(tbl).where(cond).values(assignments), 1)
            deletes = plan.by_action(Action.DELETE)
            fks = read_constraints(conn, datamap).foreign_keys if deletes else ()
            for table in deletion_order(datamap, fks):
                rows = [r for r in deletes if r.table == table]
                spec = datamap.tables[table]
                tbl = sql.t(table)
                keys = [tuple(r.key[c] for c in spec.primary_key) for r in rows]
                doing = ("delete rows of", table, ())
                for i in range(0, len(keys), CHUNK):
                    part = keys[i:i + CHUNK]
                    run(conn, delete(tbl).where(sql.key_condition(tbl, spec.primary_key,
                                                                  part)), len(part))
            committing = True
    except (OperationalError, DBAPIError) as exc:
        if committing:
            # COMMIT was sent; whether the server applied it before the connection broke
            # cannot be known from here. Saying "nothing changed" could be false.
            raise CommitUnknown(
                msg("The connection to the portal was lost while it committed the erasure "
                    "({error}); whether the change took effect is unknown.",
                    error=type(exc.orig).__name__),
                msg("The case records the outcome as unknown. The desk compares the portal "
                    "with the plan when it can reach it again (at start, on opening the case, "
                    "or with 'privacy-desk store check' and the portal).")) from exc
        refusal = _refusal(exc)
        if refusal is None or not doing[1]:
            raise ErasureFailed(msg("The portal refused or lost the connection ({error}); the "
                                    "transaction was rolled back and nothing was changed.",
                                    error=type(exc.orig).__name__),
                                msg("Check the connection and execute the plan again.")) from exc
        verb, table, cols = doing
        what, names, constraint = refusal
        columns = names or cols
        # The database's own words (what, constraint) stay as they are: the DBA reads them.
        detail = (f"{verb} {table}" + (f" ({', '.join(columns)})" if columns else "")
                  + f": {what}" + (f" (constraint {constraint})" if constraint else ""))
        raise ErasureFailed(
            msg("The portal refused to {detail}; the transaction was rolled back and nothing "
                "was changed.", detail=detail),
            msg("Run 'privacy-desk datamap check' and fix the map for that table (or ask the "
                "DBA about the constraint), then make a new plan.")) from exc
    elapsed = time.perf_counter() - started
    log.info("Erasure executed: %d statement(s) in %.3f s", n, elapsed)
    return ExecutionResult(plan.table_counts(), n, elapsed)


_MYSQL_REFUSALS = {1048: "a NOT NULL column", 1406: "a value too long for the column",
                   1264: "a value out of range for the column", 1366: "a value of the wrong type",
                   1451: "rows of another table still refer to these rows (a foreign key)",
                   1452: "a foreign key", 1062: "a UNIQUE constraint",
                   3819: "a CHECK constraint", 4025: "a CHECK constraint"}
_PG_REFUSALS = {"23502": "a NOT NULL column",
                "23503": "rows of another table still refer to these rows (a foreign key)",
                "23505": "a UNIQUE constraint", "23514": "a CHECK constraint",
                "22001": "a value too long for the column",
                "22003": "a value out of range for the column",
                "22P02": "a value of the wrong type"}


def _refusal(exc: DBAPIError) -> tuple[str, tuple[str, ...], str | None] | None:
    """(what the portal refused, the column names it gave, the constraint's name) from a
    driver error, or None when it is not a constraint (a lost connection). Only names are
    taken from the driver's text, never the values some messages quote."""
    orig = exc.orig
    args = getattr(orig, "args", ())
    if args and isinstance(args[0], int):  # pymysql: (code, text)
        what = _MYSQL_REFUSALS.get(args[0])
        if what is None:
            return None
        msg = str(args[1]) if len(args) > 1 else ""
        col = re.search(r"[Cc]olumn '([^']+)'", msg)
        name = re.search(r"CONSTRAINT `([^`]+)`", msg) or re.search(r"for key '([^']+)'", msg)
        child = re.search(r"fails \(`[^`]*`\.`([^`]+)`", msg)
        if args[0] == 1451 and child:
            what = f"rows of {child.group(1)} still refer to these rows (a foreign key)"
        return what, (col.group(1),) if col else (), name.group(1) if name else None
    sqlstate = getattr(orig, "sqlstate", None)
    if isinstance(sqlstate, str):  # psycopg
        what = _PG_REFUSALS.get(sqlstate)
        if what is None:
            return None
        diag = getattr(orig, "diag", None)
        col = getattr(diag, "column_name", None)
        child_table = getattr(diag, "table_name", None)
        if sqlstate == "23503" and child_table:
            what = f"rows of {child_table} still refer to these rows (a foreign key)"
        return what, (col,) if col else (), getattr(diag, "constraint_name", None)
    msg = str(orig)  # sqlite3: 'NOT NULL constraint failed: T.C', no values
    m = re.match(r"(NOT NULL|FOREIGN KEY|UNIQUE|CHECK) constraint failed(?:: (.+))?", msg)
    if m is None:
        return None
    what = {"NOT NULL": "a NOT NULL column", "UNIQUE": "a UNIQUE constraint",
            "CHECK": "a CHECK constraint",
            "FOREIGN KEY": "a foreign key (rows of another table refer to these rows, or "
                           "the reference points nowhere)"}[m.group(1)]
    detail = m.group(2) or ""
    if m.group(1) in ("NOT NULL", "UNIQUE"):
        cols = tuple(part.split(".")[-1].strip() for part in detail.split(",") if part)
        return what, cols, None
    return what, (), detail.strip() or None


# --------------------------------------------------------------------------- verifying


@dataclass(frozen=True)
class Verification:
    """What a new lookup found after execution: nothing but the retained rows, minimised."""

    ok: bool
    remaining: int
    problems: tuple[str, ...]  # table names and what is wrong (no values)


def _same(a: Any, b: Any) -> bool:
    return a == b or (a is not None and b is not None and str(jsonable(a)) == str(jsonable(b)))


def verify_erasure(plan: ErasurePlan, before: PersonData, after: PersonData,
                   key: bytes) -> Verification:
    """Compare a fresh collection with the plan: deleted rows gone, changed fields changed."""
    datamap = before.datamap
    old = {(r.table, key_json(r.key)): r.values for r in before.rows}
    now = {(r.table, key_json(r.key)): r.values for r in after.rows}
    planned = {(r.table, r.key_json()): r for r in plan.rows}
    problems: list[str] = []
    for (table, kj), r in planned.items():
        if r.action is Action.DELETE:
            if (table, kj) in now:
                problems.append(f"{table}: a row planned for deletion is still there")
            continue
        if (table, kj) not in now:
            if plan.only_categories or r.kept_because is KeepReason.SHARED:
                continue  # a shared row stays in the portal, no longer linked to the person
            problems.append(f"{table}: a retained row is gone")
            continue
        spec = datamap.tables[table]
        for c in r.changes:
            want = new_value(c, spec, table, old[(table, kj)].get(c.column), key)
            if not _same(now[(table, kj)].get(c.column), want):
                problems.append(f"{table}.{c.column}: not {c.strategy.value}")
    if not plan.only_categories:
        extra = sorted({t for (t, kj) in now if (t, kj) not in planned})
        problems += [f"{t}: rows that were not in the plan" for t in extra]
    return Verification(not problems, len(after.rows), tuple(problems))


def portal_row_counts(engine: Engine, tables: Iterable[str]) -> dict[str, int]:
    """Row counts per table (tests and the kill test's 'unchanged' check)."""
    with engine.connect() as conn:
        return {t: int(conn.execute(select(func.count()).select_from(table_clause(t))).scalar_one())
                for t in tables}


def plan_from_json(data: Mapping[str, Any]) -> ErasurePlan:
    """A stored plan read back (keys as JSON values: what the plan's hash covers)."""
    rows = []
    for r in data["rows"]:
        h = r["hold"]
        hold = None if h is None else HoldInfo(h["rule"], h["law"],
                                               dt.date.fromisoformat(h["date"]),
                                               dt.date.fromisoformat(h["ends_on"]))
        rows.append(RowPlan(r["table"], dict(r["key"]), Action(r["action"]),
                            tuple(FieldChange(c, Erasure(s), cat) for c, s, cat in r["changes"]),
                            tuple(r["categories"]), hold,
                            KeepReason(r["kept_because"]) if r["kept_because"] else None))
    return ErasurePlan(data["kind"], data["subject"], dt.date.fromisoformat(data["as_of"]),
                       tuple(rows),
                       tuple(CategoryDecision(c, Decision(d), why)
                             for c, d, why in data["decisions"]),
                       tuple(data["only_categories"]))


# --------------------------------------------------------------------------- outcomes


COMMITTED_OUTCOME, NOT_COMMITTED_OUTCOME, CHANGED_OUTCOME = (
    "committed", "not committed", "changed")


def fingerprint(key: bytes, table: str, column: str, value: Any) -> str:
    """A keyed hash of one field's value: comparable later, never readable (16 hex)."""
    norm = None if value is None else str(jsonable(value))
    text_ = json.dumps([table, column, norm], ensure_ascii=False)
    return hmac.new(key, text_.encode("utf-8"), hashlib.sha256).hexdigest()[:16]


@dataclass(frozen=True)
class RowExpectation:
    """One planned row before and after the plan: per column, keyed hashes of the value
    the portal held and the value the plan leaves (``after`` None: the row is deleted)."""

    table: str
    key: Mapping[str, Any]
    action: Action
    before: Mapping[str, str]
    after: Mapping[str, str] | None

    def to_json(self) -> list[Any]:
        return [self.table, {k: jsonable(v) for k, v in self.key.items()}, self.action.value,
                dict(self.before), None if self.after is None else dict(self.after)]

    @classmethod
    def from_json(cls, data: Sequence[Any]) -> RowExpectation:
        table, key, action, before, after = data
        return cls(table, dict(key), Action(action), dict(before),
                   None if after is None else dict(after))


def expected_state(plan: ErasurePlan, person: PersonData,
                   key: bytes) -> tuple[RowExpectation, ...]:
    """The plan's whole after-state (deletions, updates with pseudonyms, kept rows), from
    the values the executor works on; stored with the execution before it starts."""
    values = {(r.table, key_json(r.key)): r.values for r in person.rows}
    out = []
    for r in plan.rows:
        old = values.get((r.table, r.key_json()), {})
        before = {c: fingerprint(key, r.table, c, v) for c, v in old.items()}
        after: dict[str, str] | None = None
        if r.action is not Action.DELETE:
            after = dict(before)
            spec = person.datamap.tables[r.table]
            for c in r.changes:
                after[c.column] = fingerprint(
                    key, r.table, c.column, new_value(c, spec, r.table, old.get(c.column), key))
        out.append(RowExpectation(r.table, dict(r.key), r.action, before, after))
    return tuple(out)


@dataclass(frozen=True)
class Comparison:
    """What the portal shows against a plan's expected after-state.

    ``outcome``: ``committed`` (every planned row as the plan leaves it, nothing else of
    the person), ``not committed`` (every planned row as it was), or ``changed`` (neither:
    someone else changed the data — look). ``differences`` name table, key and column
    against the after-state, never a value.
    """

    outcome: str
    differences: tuple[str, ...]
    as_planned: int
    as_before: int
    rows: int


def compare_with_portal(engine: Engine, datamap: DataMap, plan: ErasurePlan,
                        expected: Sequence[RowExpectation], key: bytes) -> Comparison:
    """Read every planned row by its primary key (and the person again, for rows the plan
    does not know) and judge whether the plan's one transaction committed."""
    wanted = []
    for e in expected:
        spec = datamap.tables.get(e.table)
        if spec is None:
            continue
        wanted.append((e.table, tuple(e.key[c] for c in spec.primary_key)))
    reader = Candidate(None, (), "", Identifier("stored", ""), (), tuple(wanted))
    now = {(r.table, key_json(r.key)): r.values
           for r in (collect(engine, datamap, reader).rows if wanted else ())}
    extra: list[str] = []
    if not plan.only_categories:
        subject = candidate_from_json(plan.subject, Identifier("stored", ""))
        planned = {(e.table, key_json(e.key)) for e in expected}
        mine = collect(engine, datamap, subject).rows
        extra = sorted({r.table for r in mine if (r.table, key_json(r.key)) not in planned})
    differences: list[str] = []
    planned_n = before_n = 0
    for e in expected:
        kj = key_json(e.key)
        cur = now.get((e.table, kj))
        if cur is None:
            is_after, is_before = e.after is None, False
            if not is_after:
                differences.append(f"{e.table} {kj}: a row the plan keeps is gone")
        else:
            fps = {c: fingerprint(key, e.table, c, cur.get(c)) for c in e.before}
            is_before = fps == dict(e.before)
            is_after = e.after is not None and all(fps[c] == f for c, f in e.after.items())
            if e.after is None:
                differences.append(f"{e.table} {kj}: a row planned for deletion is still "
                                   "there")
            elif not is_after:
                for c, f in sorted(e.after.items()):
                    if fps[c] == f:
                        continue
                    how = ("still the old value" if fps[c] == e.before.get(c)
                           else "a value neither the old one nor the planned one")
                    differences.append(f"{e.table} {kj}.{c}: {how}")
        planned_n += is_after
        before_n += is_before
    differences += [f"{t}: rows of the person that are not in the plan" for t in extra]
    n = len(expected)
    if planned_n == n and not extra and before_n < n:
        outcome = COMMITTED_OUTCOME
    elif before_n == n:
        outcome = NOT_COMMITTED_OUTCOME
    else:
        outcome = CHANGED_OUTCOME
    return Comparison(outcome, tuple(differences) if outcome != NOT_COMMITTED_OUTCOME else (),
                      planned_n, before_n, n)
