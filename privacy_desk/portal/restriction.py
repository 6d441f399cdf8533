"""Restriction of processing (art. 18) on the portal, driven by the data map.

:func:`build_restriction_plan` turns a person's collected data into one
:class:`RestrictRow` per portal row that holds restricted fields, each marked the way its
table's ``restriction:`` says: a flag or status column set to the map's value (the value it
had is kept in the plan, so lifting puts it back), a row in the portal's restriction
register, or — where the portal has no means — nothing in the portal, and the systems the
map names are told. The plan names tables, keys, columns and mechanisms, never values of
personal data, so its SHA-256 can be stored on the case.

:func:`apply_restriction` writes the markers in ONE portal transaction (every flag update
must touch exactly its row: otherwise nothing is written); :func:`lift_restriction` takes
them away in one transaction; :func:`markers_present` reads the portal back, for the
verification after each step and for settling an execution a killed process left.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import os
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import and_, column, delete, func, insert, select, update
from sqlalchemy import table as table_clause
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.sql.expression import TableClause

from privacy_desk.datamap.model import (
    DataMap,
    RestrictionMechanism,
    RestrictionSpec,
)
from privacy_desk.datamap.readonly import read_only
from privacy_desk.dburl import backend
from privacy_desk.errors import UserError
from privacy_desk.messages import msg
from privacy_desk.portal.erasure import PlanOutdated, key_json
from privacy_desk.portal.lookup import PersonData, _Sql, jsonable

#: Test hook (no-op unless set): "N:FILE" writes FILE after the N-th statement, then sleeps.
PAUSE_ENV = "PRIVACY_DESK_TEST_RESTRICTION_PAUSE"
PAUSE_SECONDS_ENV = "PRIVACY_DESK_TEST_RESTRICTION_PAUSE_SECONDS"
NO_MECHANISM = RestrictionSpec(RestrictionMechanism.NONE)


class Ground(enum.StrEnum):
    """Art. 18(1): why processing is restricted."""

    ACCURACY = "accuracy_contested"  # (a) while the accuracy is verified
    UNLAWFUL = "unlawful"  # (b) unlawful, but the person wants it kept, not erased
    LEGAL_CLAIMS = "legal_claims"  # (c) the person needs it for legal claims
    OBJECTION = "objection_pending"  # (d) while an objection (art. 21(1)) is weighed

    @property
    def article(self) -> str:
        return {"accuracy_contested": "18(1)(a)", "unlawful": "18(1)(b)",
                "legal_claims": "18(1)(c)", "objection_pending": "18(1)(d)"}[self.value]


class RestrictionFailed(UserError):
    """The portal transaction failed; nothing was changed."""


@dataclass(frozen=True)
class RestrictRow:
    """One portal row with restricted fields, and how the portal is told."""

    table: str
    key: Mapping[str, Any]
    fields: tuple[str, ...]
    whole_row: bool
    mechanism: RestrictionMechanism
    column: str = ""
    value: Any = None
    #: the flag/status value before the restriction (put back when it is lifted)
    old_value: Any = None
    tell: tuple[str, ...] = ()

    def key_json(self) -> str:
        return key_json(self.key)

    def to_json(self) -> dict[str, Any]:
        return {"table": self.table, "key": {k: jsonable(v) for k, v in self.key.items()},
                "fields": list(self.fields), "whole_row": self.whole_row,
                "mechanism": self.mechanism.value, "column": self.column,
                "value": jsonable(self.value), "old_value": jsonable(self.old_value),
                "tell": list(self.tell)}

    @staticmethod
    def from_json(d: Mapping[str, Any]) -> RestrictRow:
        return RestrictRow(d["table"], dict(d["key"]), tuple(d["fields"]), bool(d["whole_row"]),
                           RestrictionMechanism(d["mechanism"]), d["column"], d["value"],
                           d["old_value"], tuple(d["tell"]))


@dataclass(frozen=True)
class RestrictionPlan:
    """Everything a restriction of one person marks, on which ground."""

    subject: Mapping[str, Any]
    ground: Ground
    categories: tuple[str, ...]
    rows: tuple[RestrictRow, ...]

    def to_json(self) -> dict[str, Any]:
        return {"subject": self.subject, "ground": self.ground.value,
                "categories": list(self.categories), "rows": [r.to_json() for r in self.rows]}

    def canonical(self) -> str:
        return json.dumps(self.to_json(), sort_keys=True, separators=(",", ":"),
                          ensure_ascii=False)

    def sha256(self) -> str:
        return hashlib.sha256(self.canonical().encode("utf-8")).hexdigest()

    @staticmethod
    def from_json(d: Mapping[str, Any]) -> RestrictionPlan:
        return RestrictionPlan(dict(d["subject"]), Ground(d["ground"]), tuple(d["categories"]),
                               tuple(RestrictRow.from_json(r) for r in d["rows"]))

    def by_mechanism(self, mechanism: RestrictionMechanism) -> list[RestrictRow]:
        return [r for r in self.rows if r.mechanism is mechanism]

    @property
    def systems_to_tell(self) -> tuple[str, ...]:
        """Systems outside the portal's own markers that must be told (from the map)."""
        return tuple(sorted({s for r in self.rows for s in r.tell}))

    def counts(self) -> dict[str, int]:
        return {m.value: len(self.by_mechanism(m)) for m in RestrictionMechanism}


def build_restriction_plan(person: PersonData, *, ground: Ground | str,
                           categories: Iterable[str] = ()) -> RestrictionPlan:
    """One row per portal row holding fields of ``categories`` (all when empty)."""
    from privacy_desk.portal.erasure import candidate_json

    dm = person.datamap
    chosen = Ground(ground)
    cats = tuple(sorted(set(categories)))
    for c in cats:
        if c not in dm.categories:
            raise UserError(msg("The data map has no category {category}.", category=c),
                            msg("Choose one of: {choices}.",
                                choices=", ".join(sorted(dm.categories))))
    rows: list[RestrictRow] = []
    for row in person.rows:
        spec = dm.tables[row.table]
        personal = [n for n, c in spec.columns.items() if c.personal and c.category]
        fields = tuple(n for n in personal
                       if not cats or spec.columns[n].category in cats)
        if not fields:
            continue
        r = spec.restriction or NO_MECHANISM
        old = row.values.get(r.column) if r.marks_row else None
        rows.append(RestrictRow(row.table, dict(row.key), fields, set(fields) == set(personal),
                                r.mechanism, r.column, r.value, jsonable(old), r.tell))
    return RestrictionPlan(candidate_json(person.candidate), chosen, cats, tuple(rows))


@dataclass(frozen=True)
class RestrictionLine:
    """What a dry run shows for one row: the marker the portal would get."""

    table: str
    key: str
    fields: tuple[str, ...]
    mechanism: RestrictionMechanism
    marker: str


def dry_run(plan: RestrictionPlan) -> list[RestrictionLine]:
    """Exactly what executing the plan writes (or, with no mechanism, records)."""
    out = []
    for r in plan.rows:
        if r.mechanism in (RestrictionMechanism.FLAG, RestrictionMechanism.STATUS):
            marker = f"{r.column}: {r.old_value!r} -> {r.value!r}"
        elif r.mechanism is RestrictionMechanism.REGISTER:
            marker = "register row" + ("" if r.whole_row else
                                       f"s for {', '.join(r.fields)}")
        else:
            marker = "no marker in the portal; tell: " + (", ".join(r.tell) or "-")
        out.append(RestrictionLine(r.table, r.key_json(), r.fields, r.mechanism, marker))
    return out


def _register(datamap: DataMap) -> tuple[TableClause, Mapping[str, str]]:
    reg = datamap.restriction_register
    assert reg is not None  # the loader refuses register mechanisms without one
    return table_clause(reg.table, *(column(c) for c in reg.columns.values())), reg.columns


def _register_rows(r: RestrictRow) -> list[str | None]:
    """The register's column_name values for a row: NULL (whole row) or one per field."""
    return [None] if r.whole_row else list(r.fields)


def _pause(statements: int) -> None:
    spec = os.environ.get(PAUSE_ENV)
    if not spec:
        return
    n, _, path = spec.partition(":")
    if int(n) != statements:
        return
    Path(path).write_text(str(os.getpid()), encoding="utf-8")
    time.sleep(float(os.environ.get(PAUSE_SECONDS_ENV, "60")))


def _transaction(engine: Engine, datamap: DataMap, work: Any) -> int:
    try:
        with engine.connect() as conn, conn.begin():
            n: int = work(conn, _Sql(datamap, backend(engine.url)))
            return n
    except (OperationalError, DBAPIError) as exc:
        raise RestrictionFailed(
            msg("The portal refused the change or lost the connection ({error}); the "
                "transaction was rolled back and nothing was changed.",
                error=type(exc.orig).__name__),
            msg("Check the connection and the rights of the portal login, then try again.")) \
            from exc


def _outdated() -> PlanOutdated:
    return PlanOutdated(msg("The portal's data changed since the restriction plan was made; "
                            "nothing was changed."),
                        msg("Make a new restriction plan and apply it."))


def apply_restriction(engine: Engine, datamap: DataMap, plan: RestrictionPlan,
                      now: dt.datetime) -> int:
    """Write every marker of ``plan`` in one transaction; returns the statements run."""

    def work(conn: Connection, sql: _Sql) -> int:
        n = 0
        for r in plan.rows:
            if r.mechanism in (RestrictionMechanism.FLAG, RestrictionMechanism.STATUS):
                tbl = sql.t(r.table)
                col = tbl.c[r.column]
                guard = col.is_(None) if r.old_value is None else col == r.old_value
                done = conn.execute(update(tbl).where(
                    and_(*(tbl.c[k] == v for k, v in r.key.items()), guard))
                    .values({r.column: r.value}))
                if done.rowcount != 1:
                    raise _outdated()
            elif r.mechanism is RestrictionMechanism.REGISTER:
                reg, cols = _register(datamap)
                for field_name in _register_rows(r):
                    values: dict[str, Any] = {cols["table"]: r.table, cols["key"]: r.key_json(),
                              cols["ground"]: plan.ground.value, cols["since"]: now}
                    if "column" in cols:
                        values[cols["column"]] = field_name
                    conn.execute(insert(reg).values(values))
            else:
                continue
            n += 1
            _pause(n)
        return n

    return _transaction(engine, datamap, work)


def lift_restriction(engine: Engine, datamap: DataMap, plan: RestrictionPlan) -> int:
    """Take the plan's markers away in one transaction (flags get their old value back)."""

    def work(conn: Connection, sql: _Sql) -> int:
        n = 0
        for r in plan.rows:
            if r.mechanism in (RestrictionMechanism.FLAG, RestrictionMechanism.STATUS):
                tbl = sql.t(r.table)
                done = conn.execute(update(tbl).where(
                    and_(*(tbl.c[k] == v for k, v in r.key.items()), tbl.c[r.column] == r.value))
                    .values({r.column: r.old_value}))
                if done.rowcount != 1:
                    raise _outdated()
            elif r.mechanism is RestrictionMechanism.REGISTER:
                reg, cols = _register(datamap)
                conn.execute(delete(reg).where(_register_match(reg, cols, plan, r)))
            else:
                continue
            n += 1
        return n

    return _transaction(engine, datamap, work)


def _register_match(reg: TableClause, cols: Mapping[str, str], plan: RestrictionPlan,
                    r: RestrictRow) -> Any:
    return and_(reg.c[cols["table"]] == r.table, reg.c[cols["key"]] == r.key_json(),
                reg.c[cols["ground"]] == plan.ground.value)


def markers_present(engine: Engine, datamap: DataMap, plan: RestrictionPlan) -> tuple[int, int]:
    """(rows whose marker is in the portal, rows that have a marker mechanism)."""
    sql = _Sql(datamap, backend(engine.url))
    present = expected = 0
    with read_only(engine) as conn:
        for r in plan.rows:
            if r.mechanism in (RestrictionMechanism.FLAG, RestrictionMechanism.STATUS):
                tbl = sql.t(r.table)
                value = conn.execute(select(tbl.c[r.column]).where(
                    and_(*(tbl.c[k] == v for k, v in r.key.items())))).scalar()
                ok = value == r.value or (isinstance(r.value, bool) and value == int(r.value))
            elif r.mechanism is RestrictionMechanism.REGISTER:
                reg, cols = _register(datamap)
                count = conn.execute(select(func.count()).select_from(reg).where(
                    _register_match(reg, cols, plan, r))).scalar_one()
                ok = int(count) >= len(_register_rows(r))
            else:
                continue
            expected += 1
            present += int(ok)
    return present, expected
