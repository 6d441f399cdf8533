"""Measure a drafted map against a hand-written one: shared by the tests and bench_draft.

``find`` then ``collect`` with both maps, table by table: every row the hand-written map
gives a person, the draft must give too. Personal-column detection, identity kinds,
references and holds are compared on the maps themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Engine

from privacy_desk.datamap.check import CheckReport, Finding, Severity
from privacy_desk.datamap.model import DataMap
from privacy_desk.portal.lookup import Row, collect, find_person


def _row_ids(rows: list[Row], key: tuple[str, ...]) -> set[tuple[Any, ...]]:
    out = set()
    for r in rows:
        values = {**dict(r.values), **dict(r.key)}
        out.add(tuple(str(values.get(c)) for c in key))
    return out


def missing_rows(engine: Engine, truth: DataMap, draft: DataMap, identifier: str,
                 kind: str | None = None) -> dict[str, int]:
    """table -> rows the hand-written map collects for the person and the draft does not."""
    t_found = find_person(engine, truth, identifier, kind=kind)
    d_found = find_person(engine, draft, identifier, kind=kind)
    missing: dict[str, int] = {}
    for tc in t_found.candidates:
        t_rows = collect(engine, truth, tc).tables()
        if tc.is_subject:
            same = [c for c in d_found.candidates
                    if c.subject_table == tc.subject_table and c.key == tc.key]
        else:
            same = [c for c in d_found.candidates if not c.is_subject] or \
                [c for c in d_found.candidates]
        d_rows: dict[str, list[Row]] = {}
        for c in same:
            for table, rows in collect(engine, draft, c).tables().items():
                d_rows.setdefault(table, []).extend(rows)
        for table, rows in t_rows.items():
            key = truth.tables[table].primary_key
            lost = _row_ids(rows, key) - _row_ids(d_rows.get(table, []), key)
            if lost:
                missing[table] = len(lost)
    return missing


def unreviewed_errors(report: CheckReport, draft: DataMap) -> list[Finding]:
    """Check's errors on map elements the draft did not mark for review."""
    paths = [r.path for r in draft.review]

    def reviewed(f: Finding) -> bool:
        t = f.table
        for p in paths:
            if p in (f"tables.{t}", f"excluded_tables.{t}"):
                return True
            if f.column and p == f"tables.{t}.columns.{f.column}":
                return True
            if p.startswith((f"tables.{t}.references", f"tables.{t}.identity",
                             f"tables.{t}.hold")):
                return True
        return False

    return [f for f in report.findings if f.severity is Severity.ERROR and not reviewed(f)]


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def personal_columns(dm: DataMap, skip: set[str]) -> set[str]:
    return {f"{t.name}.{c.name}" for t in dm.tables.values() if t.name not in skip
            for c in t.columns.values() if c.personal}


def score_columns(truth: DataMap, draft: DataMap) -> Scores:
    """Personal-column detection over every table (the request table is read by
    ``requests:`` in a hand-written map, so it is left out)."""
    skip = {truth.requests.table} if truth.requests else set()
    want, got = personal_columns(truth, skip), personal_columns(draft, skip)
    return Scores(len(want & got), len(got - want), len(want - got),
                  sorted(want - got), sorted(got - want))


def identity_kinds(dm: DataMap, skip: set[str]) -> set[tuple[str, str, str]]:
    return {(t.name, i.column, i.kind) for t in dm.tables.values() if t.name not in skip
            for i in t.identity}


def references(dm: DataMap) -> set[tuple[str, str, tuple[tuple[str, str], ...]]]:
    return {(t.name, r.table, tuple(sorted(r.on))) for t in dm.tables.values()
            for r in t.references}


def holds(dm: DataMap) -> set[tuple[str, str, str | None]]:
    return {(t.name, t.hold.date_column, t.hold.via) for t in dm.tables.values() if t.hold}
