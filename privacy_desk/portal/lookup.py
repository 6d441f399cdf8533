"""Find a person in the portal by an identifier or a name; collect what the map says is theirs.

Two steps, because an identifier may fit several people (a household sharing an
e-mail): :func:`find_person` (or :func:`find_by_name`) returns every *candidate* with
what matched it and what tells it apart (birth year, postcode, customer number), never
merging two of them; the officer picks one and :func:`collect` gathers that candidate's
rows across every mapped table, following references over as many hops as the map
declares, each row with its provenance (table and primary key values).

Candidates are rows of a subject table (customers, employees: every kind of person the
map declares) or, for people known only through an e-mail or phone in tables that do
not link to a subject (contact form, newsletter), one "non-customer" candidate per
identifier holding exactly those unlinked rows. Columns that point at *another* person
(``person:`` links, an account manager) are never followed.

How identifiers are compared (see docs/datamap.md, "Matching"): phones and
personnummer are sent as ``column IN (the spellings portals store)``, numeric columns
as ``column IN (the numbers those spellings are)``, e-mails and other ``casefold``
kinds as ``lower(column) = value`` (MariaDB: ``column = value`` under its
case-insensitive collation). Each is an indexable equality, so no table is scanned.
Names are compared folded (:mod:`privacy_desk.datamap.names`), index-friendly too.

The SQL is built once per map and database as plain statements with bound parameters
and run in one read-only transaction (PostgreSQL: ``BEGIN READ ONLY``), the same on
SQLite, PostgreSQL and MariaDB; the portal is never written. Building SQLAlchemy
expressions per call cost more than the database did (see docs/benchmarks.md).
"""

from __future__ import annotations

import datetime as dt
import decimal
import logging
import re
import uuid
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from sqlalchemy import (
    ColumnElement,
    FromClause,
    and_,
    column,
    false,
    or_,
    table,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.sql.expression import TableClause

from privacy_desk.datamap.model import (
    DataMap,
    IdentityColumn,
    Match,
    Reference,
    TableSpec,
    Text,
    words,
)
from privacy_desk.datamap.names import folded_sql, postcode_digits, quoter, tokens
from privacy_desk.datamap.readonly import read_only
from privacy_desk.dburl import backend
from privacy_desk.errors import UserError
from privacy_desk.identifiers import (
    PATTERN_KINDS,
    PERSONNUMMER,
    Identifier,
    InvalidIdentifier,
    interpretations,
    kind_label,
    parse_identifier,
    parse_personnummer,
)
from privacy_desk.messages import msg

log = logging.getLogger(__name__)


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Hit:
    """Where an identifier matched: a table's identity column."""

    table: str
    column: str
    kind: str


#: Kinds of detail that tell candidates apart, besides pattern identifier kinds
#: (customer_number, ...): the birth year and the postcode.
BIRTH_YEAR = "birth_year"
POSTCODE = "postcode"
#: The pseudo identifier kind of a name search.
NAME = "name"


@dataclass(frozen=True)
class Candidate:
    """One person an identifier (or a name) may belong to.

    A person candidate has ``subject_table`` and ``key`` (its primary key values in the
    map's order) and ``person_kind``, the subject table's kind (customer, employee). A
    non-customer candidate has ``subject_table`` None and lists the rows (table, primary
    key values) its identifier matched. ``details`` are (kind, value) pairs that tell
    candidates apart: (``birth_year``, "1954"), (``postcode``, "123 45"),
    (``customer_number``, "K10001"). Label and details are personal data: never logged.
    """

    subject_table: str | None
    key: tuple[Any, ...]
    label: str = field(repr=False)
    identifier: Identifier = field(repr=False)
    matched_by: tuple[Hit, ...] = ()
    rows: tuple[tuple[str, tuple[Any, ...]], ...] = field(default=(), repr=False)
    person_kind: str = ""
    kind_title: Text | None = field(default=None, compare=False, repr=False)
    details: tuple[tuple[str, str], ...] = field(default=(), repr=False)

    @property
    def is_subject(self) -> bool:
        return self.subject_table is not None

    def kind_label(self, lang: str) -> str:
        """The map's word for this kind of person ("kund"), or the kind itself."""
        return words(self.kind_title, lang, self.person_kind) if self.is_subject else ""

    def detail(self, kind: str) -> str | None:
        return next((v for k, v in self.details if k == kind), None)

    def to_json(self, datamap: DataMap) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": "subject" if self.is_subject else "non_subject",
            "subject_table": self.subject_table,
            "person_kind": self.person_kind or None,
            "label": self.label,
            "identifier_kind": self.identifier.kind,
            "matched_by": [{"table": h.table, "column": h.column} for h in self.matched_by],
            "details": [{"kind": k, "value": v} for k, v in self.details],
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
    #: a name search found more people than it lists (narrow it with a postcode)
    truncated: bool = False

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


# --------------------------------------------------------------------------- the SQL, built once


@dataclass(frozen=True)
class _Detail:
    """A column of a subject table that tells candidates apart, and how to show it."""

    kind: str
    column: str


class _Plan:
    """Statements for one map on one backend, as text with positional placeholders.

    Built once and reused: the strings are the same each call, so PostgreSQL prepares
    them after a few uses and nothing is compiled per lookup.
    """

    def __init__(self, datamap: DataMap, be: str) -> None:
        self.dm = datamap
        self.be = be
        self.q = quoter(be)
        self.ph = "?" if be == "sqlite" else "%s"
        # the loader refuses references on person: columns, so every path is the row's own
        self.paths = {name: () if spec.subject else datamap.paths.get(name, ())
                      for name, spec in datamap.tables.items()}
        self._cache: dict[tuple[Any, ...], str] = {}
        self.details: dict[str, tuple[_Detail, ...]] = {
            s.name: _details_of(datamap, s) for s in datamap.subject_tables}
        #: subject table -> tables one hop away with a postcode column, and the join
        self.postcode_tables: dict[str, tuple[tuple[TableSpec, Reference, str], ...]] = {
            s.name: tuple((t, ref, pc) for t in datamap.tables.values() if not t.subject
                          for ref in t.references if ref.table == s.name
                          and ref in {c[0] for c in self.paths[t.name] if len(c) == 1}
                          for pc in t.columns_with("postcode"))
            for s in datamap.subject_tables}

    # -- pieces
    def lit(self, sql: str) -> str:
        """Literal SQL text as the driver wants it (format paramstyles double '%')."""
        return sql if self.be == "sqlite" else sql.replace("%", "%%")

    def col(self, alias: str, name: str) -> str:
        return f"{alias}.{self.lit(self.q(name))}"

    def tab(self, name: str, alias: str) -> str:
        return f"{self.lit(self.q(name))} AS {alias}"

    @staticmethod
    def select(cols: Sequence[str], from_: str, where: str, tail: str = "") -> str:
        """A SELECT from pieces this plan quoted itself: names from the map, values bound."""
        sql = f"SELECT {', '.join(cols)} FROM {from_} WHERE {where}"  # noqa: S608
        return f"{sql} {tail}" if tail else sql

    def marks(self, n: int) -> str:
        return ", ".join([self.ph] * n)

    def chain_join(self, spec: TableSpec, chain: Sequence[Reference], *, include_subject: bool,
                   outer: bool = False) -> tuple[str, str]:
        """FROM text of ``spec`` (alias t0) joined along ``chain``; the last alias."""
        sql = self.tab(spec.name, "t0")
        hops = chain if include_subject else chain[:-1]
        join = "LEFT JOIN" if outer else "JOIN"
        for i, ref in enumerate(hops, start=1):
            on = " AND ".join(f"{self.col(f't{i - 1}', a)} = {self.col(f't{i}', b)}"
                              for a, b in ref.on)
            sql += f" {join} {self.tab(ref.table, f't{i}')} ON {on}"
        return sql, f"t{len(hops)}"

    def subject_columns(self, subject: TableSpec, alias: str) -> list[str]:
        """Key, label and detail columns of a subject row, in that order."""
        return [self.col(alias, c) for c in (*subject.primary_key, *subject.label_columns,
                                             *(d.column for d in self.details[subject.name]))]

    def key_in(self, alias: str, cols: Sequence[str], n_keys: int) -> str:
        if len(cols) == 1:
            return f"{self.col(alias, cols[0])} IN ({self.marks(n_keys)})"
        one = "(" + " AND ".join(f"{self.col(alias, c)} = {self.ph}" for c in cols) + ")"
        return "(" + " OR ".join([one] * n_keys) + ")"

    def cached(self, key: tuple[Any, ...], build: Callable[[], str]) -> str:
        sql = self._cache.get(key)
        if sql is None:
            sql = self._cache[key] = build()
        return sql

    # -- matching an identity column
    def match(self, ident: IdentityColumn, reading: Identifier) -> tuple[str, list[Any]] | None:
        """The WHERE text and parameters for ``reading`` in column t0.``ident.column``;
        None when no value of the reading can be in that column (letters, numeric)."""
        col = self.col("t0", ident.column)
        if ident.numeric:  # numeric in the portal: compare as numbers, with its plain index
            numbers = list(dict.fromkeys(int(f) for f in (
                re.sub(r"^\+", "", form) for form in reading.stored_forms())
                if f.isdigit() and len(f) < 19))
            if not numbers:
                return None
            return f"{col} IN ({self.marks(len(numbers))})", numbers
        if ident.match is Match.CASEFOLD:
            value = reading.value.lower()
            if self.be == "mysql":  # ci collations compare case-insensitively, with the index
                return f"{col} = {self.ph}", [value]
            return f"lower({col}) = {self.ph}", [value]
        if ident.match is Match.EXACT:
            return f"{col} = {self.ph}", [reading.value]
        forms = list(reading.stored_forms())
        return f"{col} IN ({self.marks(len(forms))})", forms


_PLANS: dict[tuple[int, str], tuple[weakref.ref[DataMap], _Plan]] = {}


def _plan(datamap: DataMap, be: str) -> _Plan:
    key = (id(datamap), be)
    hit = _PLANS.get(key)
    if hit is not None and hit[0]() is datamap:
        return hit[1]
    plan = _Plan(datamap, be)
    for stale in [k for k, (ref, _p) in _PLANS.items() if ref() is None]:
        del _PLANS[stale]
    _PLANS[key] = (weakref.ref(datamap), plan)
    return plan


def _details_of(datamap: DataMap, subject: TableSpec) -> tuple[_Detail, ...]:
    out: list[_Detail] = []
    for ident in subject.identity:
        if ident.kind == PERSONNUMMER:
            out.append(_Detail(BIRTH_YEAR, ident.column))
    out += [_Detail(BIRTH_YEAR, c) for c in subject.columns_with("birth_date")]
    out += [_Detail(POSTCODE, c) for c in subject.columns_with("postcode")]
    for ident in subject.identity:
        if ident.kind in datamap.identifier_patterns or ident.kind in PATTERN_KINDS:
            out.append(_Detail(ident.kind, ident.column))
    return tuple(out)


def _detail_value(kind: str, value: Any) -> str | None:
    if value is None or value == "":
        return None
    if kind != BIRTH_YEAR:
        return str(value)
    if isinstance(value, dt.date | dt.datetime):
        return str(value.year)
    text = str(value)
    if re.fullmatch(r"\d{4}-\d\d-\d\d.*", text):
        return text[:4]
    try:
        return parse_personnummer(text).value[:4]
    except (InvalidIdentifier, UserError):
        return None


def _run(conn: Connection, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in conn.exec_driver_sql(sql, tuple(params)).fetchall()]


# --------------------------------------------------------------------------- find


def readings_for(datamap: DataMap, identifier: Identifier | str,
                 kind: str | None = None) -> tuple[Identifier, ...]:
    """The identifier's valid readings that the map can search for (phone numbers
    without a country code are read as numbers of the map's ``phone_region``)."""
    kinds = datamap.identity_kinds()
    region = datamap.phone_region
    if isinstance(identifier, Identifier):
        found = [identifier]
    elif kind is not None:
        found = [parse_identifier(identifier, kind, patterns=datamap.identifier_patterns,
                                  region=region)]
    else:
        found = interpretations(identifier, patterns=datamap.identifier_patterns,
                                region=region)
    usable = tuple(r for r in found if r.kind in kinds)
    if not usable:
        labels = ", ".join(sorted({kind_label(r.kind) for r in found}))
        raise UserError(msg("The data map has no column holding a {labels}.", labels=labels),
                        msg("Search by another identifier, or add the identity column to the "
                            "map."))
    return usable


class _Found:
    """Candidates as they are found: subject rows by (table, key), loose rows by reading."""

    def __init__(self, plan: _Plan) -> None:
        self.plan = plan
        self.subjects: dict[tuple[str, tuple[Any, ...]], dict[str, Any]] = {}
        self.loose: dict[Identifier, dict[str, Any]] = {}

    def subject_row(self, subject: TableSpec, row: Sequence[Any], *, reading: Identifier,
                    hit: Hit) -> None:
        """Record a row laid out as :meth:`_Plan.subject_columns`."""
        n, m = len(subject.primary_key), len(subject.label_columns)
        key = tuple(row[:n])
        entry = self.subjects.get((subject.name, key))
        if entry is None:
            details: dict[tuple[str, str], None] = {}
            for d, value in zip(self.plan.details[subject.name], row[n + m:], strict=True):
                shown = _detail_value(d.kind, value)
                if shown is not None:
                    details[(d.kind, shown)] = None
            entry = self.subjects[(subject.name, key)] = {
                "label": _label(row[n:n + m]), "identifier": reading, "hits": [],
                "details": details}
        entry["hits"].append(hit)

    def add_postcodes(self, conn: Connection) -> None:
        """Postcodes kept beside the person (their addresses): one query per such table."""
        plan = self.plan
        by_table: dict[str, list[tuple[Any, ...]]] = {}
        for name, key in self.subjects:
            by_table.setdefault(name, []).append(key)
        for name, keys in by_table.items():
            subject = plan.dm.tables[name]
            for spec, ref, pc in plan.postcode_tables[name]:
                local_of = {b: a for a, b in ref.on}
                locals_ = [local_of[c] for c in subject.primary_key]
                n = len(keys)
                sql = plan.cached(("postcodes", spec.name, pc, n), partial(
                    plan.select, [*(plan.col("t0", c) for c in locals_), plan.col("t0", pc)],
                    plan.tab(spec.name, "t0"), plan.key_in("t0", locals_, n)))
                params = [v for k in keys for v in k]
                for row in _run(conn, sql, params):
                    shown = _detail_value(POSTCODE, row[-1])
                    entry = self.subjects.get((name, tuple(row[:-1])))
                    if entry is not None and shown is not None:
                        entry["details"][(POSTCODE, shown)] = None

    def candidates(self) -> list[Candidate]:
        out = []
        for (table_name, key), e in self.subjects.items():
            spec = self.plan.dm.tables[table_name]
            out.append(Candidate(table_name, key, e["label"], e["identifier"],
                                 tuple(dict.fromkeys(e["hits"])), (), spec.kind,
                                 spec.kind_title, tuple(e["details"])))
        out += [Candidate(None, (), e["label"], reading, tuple(dict.fromkeys(e["hits"])),
                          tuple(e["rows"]))
                for reading, e in self.loose.items()]
        return out


def find_person(engine: Engine, datamap: DataMap, identifier: Identifier | str, *,
                kind: str | None = None) -> LookupResult:
    """Every candidate person the identifier (in every valid reading) leads to, of every
    kind of person the map declares."""
    readings = readings_for(datamap, identifier, kind)
    plan = _plan(datamap, backend(engine.url))
    found = _Found(plan)
    with read_only(engine) as conn:
        for reading in readings:
            for spec, ident in datamap.identity_columns(reading.kind):
                _find_in(conn, found, spec, ident, reading)
        found.add_postcodes(conn)
    candidates = found.candidates()
    log.info("Lookup by %s: %d candidate(s)", "/".join(r.masked() for r in readings),
             len(candidates))
    return LookupResult(readings, tuple(candidates))


def _find_in(conn: Connection, found: _Found, spec: TableSpec, ident: IdentityColumn,
             reading: Identifier) -> None:
    plan = found.plan
    matched = plan.match(ident, reading)
    if matched is None:
        return
    cond, params = matched
    hit = Hit(spec.name, ident.column, reading.kind)
    shape = ("find", spec.name, ident.column, cond)
    if spec.subject:
        sql = plan.cached(shape, partial(plan.select, plan.subject_columns(spec, "t0"),
                                         plan.tab(spec.name, "t0"), cond))
        for row in _run(conn, sql, params):
            found.subject_row(spec, row, reading=reading, hit=hit)
        return
    n = len(spec.primary_key)
    chains = plan.paths[spec.name]
    matched_keys: set[tuple[Any, ...]] = set()
    linked: set[tuple[Any, ...]] = set()
    for i, chain in enumerate(chains or ((),)):
        subject = plan.dm.tables[chain[-1].table] if chain else None

        def build(chain: Sequence[Reference] = chain, subject: TableSpec | None = subject
                  ) -> str:
            pk = [plan.col("t0", c) for c in spec.primary_key]
            if subject is None:
                return plan.select(pk, plan.tab(spec.name, "t0"), cond)
            joined, last = plan.chain_join(spec, chain, include_subject=True, outer=True)
            return plan.select(pk + plan.subject_columns(subject, last), joined, cond)

        for row in _run(conn, plan.cached((*shape, i), build), params):
            key = tuple(row[:n])
            matched_keys.add(key)
            if subject is not None and any(v is not None for v in
                                           row[n:n + len(subject.primary_key)]):
                linked.add(key)
                found.subject_row(subject, row[n:], reading=reading, hit=hit)
    unlinked = sorted(matched_keys - linked, key=repr)
    if not unlinked:
        return
    entry = found.loose.setdefault(reading, {"hits": [], "rows": [], "label": ""})
    entry["hits"].append(hit)
    entry["rows"].extend((spec.name, k) for k in unlinked)
    if spec.label_columns and not entry["label"]:
        sql = plan.cached(("label", spec.name), partial(
            plan.select, [plan.col("t0", c) for c in spec.label_columns],
            plan.tab(spec.name, "t0"), plan.key_in("t0", spec.primary_key, 1)))
        first = _run(conn, sql, list(unlinked[0]))
        entry["label"] = _label(first[0]) if first else ""


# --------------------------------------------------------------------------- find by name


#: A name search lists at most this many people; more means: narrow it (a postcode).
NAME_LIMIT = 50


def find_by_name(engine: Engine, datamap: DataMap, name: str, *, postcode: str | None = None,
                 person_kind: str | None = None, limit: int = NAME_LIMIT) -> LookupResult:
    """People whose name columns hold every word of ``name`` (case and accents ignored),
    optionally only those with ``postcode`` (columns ``meaning: postcode`` in the subject
    table or a table referencing it). Each word must equal a name column or the first
    word of one ("Anna" finds first name "Anna Maria"), or the whole name must begin a
    name column (a full-name column "Eva Lind"): equalities and prefixes that an index
    on the folded column serves (:func:`privacy_desk.datamap.names.index_statement`).
    """
    words_ = [re.sub(r"[%_\\]", "", t) for t in tokens(name)]
    words_ = [w for w in words_ if w]
    if not words_:
        raise UserError(msg("No name given."), msg("Type the person's first and last name."))
    if len(words_) > 8:
        raise UserError(msg("The name has more than eight words."),
                        msg("Type the first and last name only."))
    tables = [t for t in datamap.name_searchable
              if person_kind is None or t.kind == person_kind]
    if not tables:
        raise UserError(msg("The data map names no name columns for that kind of person.")
                        if person_kind else msg("The data map names no name columns."),
                        msg("Give the subject table a 'name:' (or 'label:') in the map."))
    pc = postcode_digits(postcode) if postcode else None
    if postcode is not None and not pc:
        raise UserError(msg("The postcode is empty."), msg("Type a postcode such as 123 45."))
    plan = _plan(datamap, backend(engine.url))
    if pc and not any(t.columns_with("postcode") or plan.postcode_tables[t.name]
                      for t in tables):
        raise UserError(msg("The data map marks no column as a postcode."),
                        msg("Add 'meaning: postcode' to the postcode column in the map, or "
                            "search without a postcode."))
    reading = Identifier(NAME, name.strip())
    found = _Found(plan)
    truncated = False
    with read_only(engine) as conn:
        for spec in tables:
            sql, params = _name_query(plan, spec, words_, pc, limit)
            if sql is None:
                continue
            hit = Hit(spec.name, ",".join(spec.name_columns), NAME)
            rows = _run(conn, sql, params)
            truncated = truncated or len(rows) > limit
            for row in rows[:limit]:
                found.subject_row(spec, row, reading=reading, hit=hit)
        found.add_postcodes(conn)
    candidates = found.candidates()
    log.info("Name search (%d word(s)%s): %d candidate(s)", len(words_),
             ", postcode" if pc else "", len(candidates))
    return LookupResult((reading,), tuple(candidates), truncated)


def _name_query(plan: _Plan, spec: TableSpec, words_: Sequence[str], pc: str | None,
                limit: int) -> tuple[str | None, list[Any]]:
    pc_own = spec.columns_with("postcode")
    pc_near = plan.postcode_tables[spec.name]
    if pc and not pc_own and not pc_near:
        return None, []

    def build() -> str:
        folded = [folded_sql(plan.col("t0", c), plan.be) for c in spec.name_columns]
        if plan.be == "sqlite":  # the range uses the expression index; LIKE would not
            one = " OR ".join(f"{f} = ? OR ({f} >= ? AND {f} < ?)" for f in folded)
        else:
            one = " OR ".join(f"{f} = {plan.ph} OR {f} LIKE {plan.ph}" for f in folded)
        where = " AND ".join([f"({one})"] * len(words_))
        if len(words_) > 1:  # or the whole name in one column ("Eva Lind" in a full name)
            where = f"(({where}) OR ({one}))"
        if pc:
            def norm(c: str) -> str:
                return f"upper(replace(replace({c}, ' ', ''), '-', ''))"
            alts = [f"{norm(plan.col('t0', c))} = {plan.ph}" for c in pc_own]
            for near, ref, col in pc_near:
                on = " AND ".join(f"{plan.col('r', a)} = {plan.col('t0', b)}" for a, b in ref.on)
                inner = plan.select(["1"], plan.tab(near.name, "r"),
                                    f"{on} AND {norm(plan.col('r', col))} = {plan.ph}")
                alts.append(f"EXISTS ({inner})")
            where += " AND (" + " OR ".join(alts) + ")"
        return plan.select(plan.subject_columns(spec, "t0"), plan.tab(spec.name, "t0"), where,
                           f"LIMIT {int(limit) + 1}")

    sql = plan.cached(("name", spec.name, len(words_), bool(pc), limit), build)
    params: list[Any] = []
    for w in [*words_, " ".join(words_)] if len(words_) > 1 else words_:
        for _c in spec.name_columns:
            if plan.be == "sqlite":
                params += [w, w + " ", w + "!"]
            else:
                params += [w, w + " %"]
    if pc:
        params += [pc] * (len(pc_own) + len(pc_near))
    return sql, params


# --------------------------------------------------------------------------- collect


def collect(engine: Engine, datamap: DataMap, candidate: Candidate, *,
            pipeline: bool = False) -> PersonData:
    """All mapped rows of one candidate, each with table and primary key.

    ``pipeline`` (PostgreSQL only, for the benchmark's variant): send every statement
    before reading any answer, in one round trip (psycopg pipeline mode).
    """
    be = backend(engine.url)
    plan = _plan(datamap, be)
    statements = _collect_statements(plan, candidate)
    rows: list[Row] = []
    with read_only(engine) as conn:
        if pipeline and be == "postgresql":
            results = _run_pipelined(conn, statements)
        else:
            results = [(name, _run(conn, sql, params)) for name, sql, params in statements]
    seen: set[tuple[str, tuple[Any, ...]]] = set()
    for name, got in results:
        spec = datamap.tables[name]
        cols = list(spec.columns)
        pk_at = [cols.index(c) for c in spec.primary_key]
        for r in got:
            key = tuple(r[i] for i in pk_at)
            if (name, key) in seen:
                continue
            seen.add((name, key))
            rows.append(Row(name, dict(zip(spec.primary_key, key, strict=True)),
                            dict(zip(cols, r, strict=True))))
    log.info("Collected %d row(s) from %d table(s)", len(rows), len({r.table for r in rows}))
    return PersonData(candidate, tuple(rows), datamap)


def _collect_statements(plan: _Plan, candidate: Candidate
                        ) -> list[tuple[str, str, list[Any]]]:
    """(table, sql, params) for every query that gathers the candidate's rows."""
    dm = plan.dm
    out: list[tuple[str, str, list[Any]]] = []

    def select_cols(spec: TableSpec) -> list[str]:
        return [plan.col("t0", c) for c in spec.columns]

    if candidate.subject_table is None:
        by_table: dict[str, list[tuple[Any, ...]]] = {}
        for t, k in candidate.rows:
            by_table.setdefault(t, []).append(k)
        for name, keys in by_table.items():
            spec = dm.tables[name]
            sql = plan.cached(("rows", name, len(keys)), partial(
                plan.select, select_cols(spec), plan.tab(spec.name, "t0"),
                plan.key_in("t0", spec.primary_key, len(keys))))
            out.append((name, sql, [v for k in keys for v in k]))
        return out
    subject = dm.tables[candidate.subject_table]
    key = list(candidate.key)
    for spec in dm.tables.values():
        if spec.name == subject.name:
            sql = plan.cached(("own", spec.name), partial(
                plan.select, select_cols(spec), plan.tab(spec.name, "t0"),
                plan.key_in("t0", spec.primary_key, 1)))
            out.append((spec.name, sql, key))
            continue
        for i, chain in enumerate(plan.paths[spec.name]):
            if chain[-1].table != subject.name:
                continue

            def build(spec: TableSpec = spec, chain: Sequence[Reference] = chain) -> str:
                joined, last = plan.chain_join(spec, chain, include_subject=False)
                # the last hop's local columns, in the order of the subject's key
                local_of = {b: a for a, b in chain[-1].on}
                cond = " AND ".join(f"{plan.col(last, local_of[pk])} = {plan.ph}"
                                    for pk in subject.primary_key)
                return plan.select(select_cols(spec), joined, cond)

            out.append((spec.name, plan.cached(("chain", spec.name, i), build), key))
    return out


def _run_pipelined(conn: Connection, statements: Sequence[tuple[str, str, list[Any]]]
                   ) -> list[tuple[str, list[tuple[Any, ...]]]]:
    raw: Any = conn.connection.dbapi_connection
    with raw.pipeline():
        cursors = [(name, raw.execute(sql, tuple(params))) for name, sql, params in statements]
        out = [(name, [tuple(r) for r in cur.fetchall()]) for name, cur in cursors]
    return out
