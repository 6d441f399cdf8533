"""What goes into an extract: the person's data by category and table, minus what is withheld.

Built once from :class:`~privacy_desk.portal.lookup.PersonData` and the officer's
withholdings, then rendered by :mod:`~privacy_desk.reports.pdf` and
:mod:`~privacy_desk.reports.bundle` alike, so a withheld field can reach neither output:
its value is dropped here, before any renderer sees it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from privacy_desk.datamap.model import Category
from privacy_desk.portal.lookup import PersonData, jsonable


def row_key_json(key: Mapping[str, Any]) -> str:
    """A row's primary key as canonical JSON: how withholdings name a row, never by content."""
    return json.dumps({k: jsonable(v) for k, v in key.items()}, sort_keys=True,
                      separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True)
class Withholding:
    """Leave out one field (``column``) or a whole row (``column`` None) of ``table``."""

    table: str
    row_key: str
    column: str | None = None


@dataclass(frozen=True)
class ExtractRow:
    """One row's values for one category, with its provenance (table + primary key)."""

    key: Mapping[str, Any]
    values: Mapping[str, Any]
    withheld: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExtractTable:
    name: str
    columns: tuple[str, ...]
    rows: tuple[ExtractRow, ...]


@dataclass(frozen=True)
class ExtractCategory:
    name: str
    info: Category | None
    tables: tuple[ExtractTable, ...]

    def title(self, lang: str) -> str:
        return self.info.title.get(lang) if self.info else self.name

    @property
    def row_count(self) -> int:
        return sum(len(t.rows) for t in self.tables)


@dataclass(frozen=True)
class Extract:
    """Everything an extract shows, independent of its format."""

    case_number: str
    received_on: date
    produced_at: datetime
    person_label: str
    datamap_name: str
    categories: tuple[ExtractCategory, ...]
    #: table -> (key columns, personal columns) for the per-table CSV files
    table_columns: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]
    #: table -> rows (key + every personal column) for the per-table CSV files
    table_rows: Mapping[str, tuple[ExtractRow, ...]]
    withheld_count: int

    @property
    def row_count(self) -> int:
        return sum(len(rows) for rows in self.table_rows.values())


def build_extract(person: PersonData, withholdings: Iterable[Withholding], *, case_number: str,
                  received_on: date, produced_at: datetime) -> Extract:
    """Split the person's rows by category and drop every withheld row and value."""
    dm = person.datamap
    rows_out: set[tuple[str, str]] = set()
    fields_out: dict[tuple[str, str], set[str]] = {}
    for w in withholdings:
        if w.column is None:
            rows_out.add((w.table, w.row_key))
        else:
            fields_out.setdefault((w.table, w.row_key), set()).add(w.column)

    cats: dict[str, dict[str, list[ExtractRow]]] = {}
    per_table: dict[str, list[ExtractRow]] = {}
    applied = 0
    for row in person.rows:
        spec = dm.tables[row.table]
        rk = row_key_json(row.key)
        if (row.table, rk) in rows_out:
            applied += 1
            continue
        hidden = fields_out.get((row.table, rk), set())
        applied += len(hidden & set(row.values))
        # Fields the map never discloses (a password hash) are named and marked, not shown.
        hidden = hidden | {n for n in row.values if not spec.columns[n].disclose}
        personal = {n: (None if n in hidden else v) for n, v in row.values.items()
                    if spec.columns[n].personal and spec.columns[n].category}
        withheld = tuple(n for n in personal if n in hidden)
        per_table.setdefault(row.table, []).append(ExtractRow(row.key, personal, withheld))
        split: dict[str, dict[str, Any]] = {}
        for name, value in personal.items():
            split.setdefault(spec.columns[name].category or "", {})[name] = value
        for cat, values in split.items():
            cats.setdefault(cat, {}).setdefault(row.table, []).append(
                ExtractRow(row.key, values, tuple(n for n in withheld if n in values)))

    order = list(dm.categories) + sorted(set(cats) - set(dm.categories))
    categories = tuple(
        ExtractCategory(
            name, dm.categories.get(name),
            tuple(ExtractTable(t, _columns(dm.tables[t].columns, name), tuple(rows))
                  for t, rows in sorted(cats[name].items())))
        for name in order if name in cats)
    table_columns = {
        t: (dm.tables[t].primary_key,
            tuple(n for n, c in dm.tables[t].columns.items() if c.personal and c.category))
        for t in per_table}
    return Extract(case_number, received_on, produced_at, person.candidate.label, dm.name,
                   categories, table_columns, {t: tuple(r) for t, r in per_table.items()},
                   applied)


def _columns(columns: Mapping[str, Any], category: str) -> tuple[str, ...]:
    return tuple(n for n, c in columns.items() if c.personal and c.category == category)
