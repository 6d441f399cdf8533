"""Find a person in the portal from one identifier, and collect everything the map says is theirs.

Two steps, because an identifier may fit several people (a household sharing an
e-mail): :func:`find_person` returns every *candidate* with what matched it and never
merges two of them; the officer picks one and :func:`collect` gathers that candidate's
rows across every mapped table, following references over as many hops as the map
declares, each row with its provenance (table and primary key values).

Candidates are rows of a subject table (customers) or, for people known only through
an e-mail or phone in tables that do not link to a subject (contact form, newsletter),
one "non-customer" candidate per identifier holding exactly those unlinked rows.

How identifiers are compared (see docs/datamap.md, "Matching"): phones and
personnummer are sent as ``column IN (the spellings portals store)``, e-mails as
``lower(column) = value`` (MariaDB: ``column = value`` under its case-insensitive
collation). Each form is an indexable equality, so no table is scanned as a whole.

Everything runs in one read-only transaction with bound parameters, the same on
SQLite, PostgreSQL and MariaDB; the portal is never written.
"""

from __future__ import annotations

import datetime as dt
import decimal
import logging
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    FromClause,
    and_,
    column,
    false,
    func,
    or_,
    select,
    table,
)
from sqlalchemy.engine import Engine
from sqlalchemy.sql.expression import TableClause

from privacy_desk.datamap.model import DataMap, IdentityColumn, Match, Reference, TableSpec
from privacy_desk.datamap.readonly import read_only
from privacy_desk.dburl import backend
from privacy_desk.errors import UserError
from privacy_desk.identifiers import Identifier, interpretations, kind_label, parse_identifier

log = logging.getLogger(__name__)


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Hit:
    """Where an identifier matched: a table's identity column."""

    table: str
    column: str
    kind: str


@dataclass(frozen=True)
class Candidate:
    """One person an identifier may belong to.

    A customer-like candidate has ``subject_table`` and ``key`` (its primary key values
    in the map's order). A non-customer candidate has ``subject_table`` None and lists
    the rows (table, primary key values) its identifier matched.
    """

    subject_table: str | None
    key: tuple[Any, ...]
    label: str
    identifier: Identifier
    matched_by: tuple[Hit, ...]
    rows: tuple[tuple[str, tuple[Any, ...]], ...] = ()

    @property
    def is_subject(self) -> bool:
        return self.subject_table is not None

    def to_json(self, datamap: DataMap) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": "subject" if self.is_subject else "non_subject",
            "subject_table": self.subject_table,
            "label": self.label,
            "identifier_kind": self.identifier.kind,
            "matched_by": [{"table": h.table, "column": h.column} for h in self.matched_by],
        }
        if self.subject_table is not None:
            pk = datamap.tables[self.subject_table].primary_key
            out["key"] = {c: jsonable(v) for c, v in zip(pk, self.key, strict=True)}
        else:
            out["rows"] = [
                {"table": t, "key": {c: jsonable(v) for c, v in
                                     zip(datamap.tables[t].primary_key, k, strict=True)}}
                for t, k in self.rows
            ]
        return out


@dataclass(frozen=True)
class LookupResult:
    """The readings of the identifier that were searched, and every candidate found."""

    readings: tuple[Identifier, ...]
    candidates: tuple[Candidate, ...]

    @property
    def ambiguous(self) -> bool:
        """More than one person: the officer must choose; nothing is merged."""
        return len(self.candidates) > 1


@dataclass(frozen=True)
class Row:
    """One portal row with its provenance: the table and its primary key values."""

    table: str
    key: Mapping[str, Any]
    values: Mapping[str, Any]


@dataclass(frozen=True)
class PersonData:
    """Everything mapped that belongs to one candidate."""

    candidate: Candidate
    rows: tuple[Row, ...]
    datamap: DataMap = field(repr=False, compare=False)

    def tables(self) -> dict[str, list[Row]]:
        out: dict[str, list[Row]] = {}
        for row in self.rows:
            out.setdefault(row.table, []).append(row)
        return out

    def by_category(self) -> dict[str, dict[str, list[Row]]]:
        """category -> table -> rows restricted to that category's personal columns."""
        out: dict[str, dict[str, list[Row]]] = {}
        for row in self.rows:
            spec = self.datamap.tables[row.table]
            split: dict[str, dict[str, Any]] = {}
            for name, value in row.values.items():
                col = spec.columns[name]
                if col.personal and col.category:
                    split.setdefault(col.category, {})[name] = value
            for category, values in split.items():
                out.setdefault(category, {}).setdefault(row.table, []).append(
                    Row(row.table, row.key, values))
        return out

    def to_json(self) -> dict[str, Any]:
        def row_json(r: Row) -> dict[str, Any]:
            return {"key": {k: jsonable(v) for k, v in r.key.items()},
                    "values": {k: jsonable(v) for k, v in r.values.items()}}

        return {
            "candidate": self.candidate.to_json(self.datamap),
            "row_count": len(self.rows),
            "categories": {
                cat: {t: [row_json(r) for r in rows] for t, rows in tables.items()}
                for cat, tables in self.by_category().items()
            },
        }


def jsonable(value: Any) -> Any:
    """A JSON-safe form of a database value (dates ISO 8601, decimals as text)."""
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


# --------------------------------------------------------------------------- SQL helpers


class _Sql:
    """Lightweight table objects built from the map alone (no reflection round-trips)."""

    def __init__(self, datamap: DataMap, be: str) -> None:
        self.datamap = datamap
        self.be = be
        self._tables: dict[str, TableClause] = {}

    def t(self, name: str) -> TableClause:
        if name not in self._tables:
            spec = self.datamap.tables[name]
            self._tables[name] = table(name, *(column(c) for c in spec.columns))
        return self._tables[name]

    def match(self, spec: TableSpec, ident: IdentityColumn,
              identifier: Identifier) -> ColumnElement[bool]:
        col = self.t(spec.name).c[ident.column]
        if ident.match is Match.CASEFOLD:
            if self.be == "mysql":  # ci collations compare case-insensitively, with the index
                return col == identifier.value
            return func.lower(col) == identifier.value
        if ident.match is Match.EXACT:
            return col == identifier.value
        return col.in_(list(identifier.stored_forms()))

    def chain_from(self, spec: TableSpec, chain: Sequence[Reference],
                   include_subject: bool) -> tuple[FromClause, TableClause]:
        """``spec`` joined hop by hop along ``chain``; returns the join and its last table."""
        joined: FromClause = self.t(spec.name)
        current = self.t(spec.name)
        hops = chain if include_subject else chain[:-1]
        for ref in hops:
            nxt = self.t(ref.table)
            joined = joined.join(nxt, and_(*(current.c[a] == nxt.c[b] for a, b in ref.on)))
            current = nxt
        return joined, current

    def key_condition(self, tbl: TableClause, cols: Sequence[str],
                      keys: Sequence[Sequence[Any]]) -> ColumnElement[bool]:
        if not keys:
            return false()
        if len(cols) == 1:
            return tbl.c[cols[0]].in_([k[0] for k in keys])
        return or_(*(and_(*(tbl.c[c] == v for c, v in zip(cols, k, strict=True)))
                     for k in keys))


def _label(values: Sequence[Any]) -> str:
    return " ".join(str(v) for v in values if v not in (None, ""))


# --------------------------------------------------------------------------- find


def readings_for(datamap: DataMap, identifier: Identifier | str,
                 kind: str | None = None) -> tuple[Identifier, ...]:
    """The identifier's valid readings that the map can search for."""
    kinds = datamap.identity_kinds()
    if isinstance(identifier, Identifier):
        found = [identifier]
    elif kind is not None:
        found = [parse_identifier(identifier, kind, patterns=datamap.identifier_patterns)]
    else:
        found = interpretations(identifier, patterns=datamap.identifier_patterns)
    usable = tuple(r for r in found if r.kind in kinds)
    if not usable:
        labels = ", ".join(sorted({kind_label(r.kind) for r in found}))
        raise UserError(f"The data map has no column holding a {labels}.",
                        "Search by another identifier, or add the identity column to the map.")
    return usable


def find_person(engine: Engine, datamap: DataMap, identifier: Identifier | str, *,
                kind: str | None = None) -> LookupResult:
    """Every candidate person the identifier (in every valid reading) leads to."""
    readings = readings_for(datamap, identifier, kind)
    sql = _Sql(datamap, backend(engine.url))
    subjects: dict[tuple[str, tuple[Any, ...]], dict[str, Any]] = {}
    loose: dict[Identifier, dict[str, Any]] = {}
    with read_only(engine) as conn:
        for reading in readings:
            for spec, ident in datamap.identity_columns(reading.kind):
                hit = Hit(spec.name, ident.column, reading.kind)
                cond = sql.match(spec, ident, reading)
                tbl = sql.t(spec.name)
                pk_cols = [tbl.c[c] for c in spec.primary_key]
                if spec.subject:
                    label_cols = [tbl.c[c] for c in spec.label_columns]
                    for row in conn.execute(select(*pk_cols, *label_cols).where(cond)):
                        _add_subject(subjects, spec.name, tuple(row[:len(pk_cols)]),
                                     _label(row[len(pk_cols):]), reading=reading, hit=hit)
                    continue
                matched = {tuple(r) for r in conn.execute(select(*pk_cols).where(cond))}
                if not matched:
                    continue
                linked: set[tuple[Any, ...]] = set()
                for chain in datamap.paths[spec.name]:
                    subject = datamap.tables[chain[-1].table]
                    joined, last = sql.chain_from(spec, chain, include_subject=True)
                    key_cols = [last.c[c] for c in subject.primary_key]
                    label_cols = [last.c[c] for c in subject.label_columns]
                    q = select(*pk_cols, *key_cols, *label_cols).select_from(joined).where(cond)
                    n, k = len(pk_cols), len(key_cols)
                    for row in conn.execute(q):
                        linked.add(tuple(row[:n]))
                        _add_subject(subjects, subject.name, tuple(row[n:n + k]),
                                     _label(row[n + k:]), reading=reading, hit=hit)
                unlinked = sorted(matched - linked, key=repr)
                if unlinked:
                    entry = loose.setdefault(reading, {"hits": [], "rows": [], "label": ""})
                    entry["hits"].append(hit)
                    entry["rows"].extend((spec.name, k) for k in unlinked)
                    if spec.label_columns and not entry["label"]:
                        label_q = select(*(tbl.c[c] for c in spec.label_columns)).where(
                            sql.key_condition(tbl, spec.primary_key, unlinked[:1]))
                        first = conn.execute(label_q).first()
                        entry["label"] = _label(first) if first else ""
    candidates = [
        Candidate(table_name, key, e["label"], e["identifier"], tuple(dict.fromkeys(e["hits"])))
        for (table_name, key), e in subjects.items()
    ]
    candidates += [
        Candidate(None, (), e["label"], reading, tuple(dict.fromkeys(e["hits"])),
                  tuple(e["rows"]))
        for reading, e in loose.items()
    ]
    log.info("Lookup by %s: %d candidate(s)", "/".join(r.masked() for r in readings),
             len(candidates))
    return LookupResult(readings, tuple(candidates))


def _add_subject(subjects: dict[tuple[str, tuple[Any, ...]], dict[str, Any]], table_name: str,
                 key: tuple[Any, ...], label: str, *, reading: Identifier, hit: Hit) -> None:
    entry = subjects.setdefault((table_name, key),
                                {"label": label, "identifier": reading, "hits": []})
    entry["hits"].append(hit)


# --------------------------------------------------------------------------- collect


def collect(engine: Engine, datamap: DataMap, candidate: Candidate) -> PersonData:
    """All mapped rows of one candidate, each with table and primary key."""
    sql = _Sql(datamap, backend(engine.url))
    rows: list[Row] = []
    with read_only(engine) as conn:
        for spec in datamap.tables.values():
            tbl = sql.t(spec.name)
            cols = [tbl.c[c] for c in spec.columns]
            queries = []
            if candidate.subject_table is None:
                keys = [k for t, k in candidate.rows if t == spec.name]
                if keys:
                    queries.append(select(*cols).where(
                        sql.key_condition(tbl, spec.primary_key, keys)))
            elif spec.name == candidate.subject_table:
                queries.append(select(*cols).where(
                    sql.key_condition(tbl, spec.primary_key, [candidate.key])))
            else:
                subject = datamap.tables[candidate.subject_table]
                for chain in datamap.paths[spec.name]:
                    if chain[-1].table != subject.name:
                        continue
                    joined, last = sql.chain_from(spec, chain, include_subject=False)
                    # the last hop's local columns, in the order of the subject's key
                    local_of = {b: a for a, b in chain[-1].on}
                    cond = and_(*(last.c[local_of[pk]] == v
                                  for pk, v in zip(subject.primary_key, candidate.key,
                                                   strict=True)))
                    queries.append(select(*cols).select_from(joined).where(cond))
            seen: set[tuple[Any, ...]] = set()
            for q in queries:
                for r in conn.execute(q).mappings():
                    key = tuple(r[c] for c in spec.primary_key)
                    if key in seen:
                        continue
                    seen.add(key)
                    rows.append(Row(spec.name, {c: r[c] for c in spec.primary_key},
                                    {c: r[c] for c in spec.columns}))
    log.info("Collected %d row(s) from %d table(s)", len(rows), len({r.table for r in rows}))
    return PersonData(candidate, tuple(rows), datamap)
