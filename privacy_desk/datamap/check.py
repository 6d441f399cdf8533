"""Check a data map against a live portal database, before anyone relies on it.

A map that names a column the portal renamed would silently leave data out of an
extract or an erasure, so this reflects the live schema (read-only) and reports, each
with the map's file and line: missing tables and columns, types that do not fit (a
hold on a non-date column, a numeric identity column), references that cannot join,
identity and join columns without an index (with the ``CREATE INDEX`` to propose),
and *coverage*: columns that look personal, by name or by sampled values (e-mail,
phone, personnummer), that the map does not mention. Errors make the map unsound;
warnings (missing indexes, unmentioned harmless columns) do not.
"""

from __future__ import annotations

import enum
import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Date,
    DateTime,
    Integer,
    Numeric,
    String,
    column,
    inspect,
    select,
    table,
    text,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SAWarning
from sqlalchemy.types import Boolean, TypeEngine

from privacy_desk.datamap.model import DataMap, Match, TableSpec
from privacy_desk.datamap.readonly import read_only
from privacy_desk.dburl import backend
from privacy_desk.errors import UserError
from privacy_desk.identifiers import parse_personnummer, parse_phone


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


class FindingKind(enum.StrEnum):
    MISSING_TABLE = "missing_table"
    MISSING_COLUMN = "missing_column"
    PRIMARY_KEY = "primary_key"
    TYPE_MISMATCH = "type_mismatch"
    BAD_REFERENCE = "bad_reference"
    MISSING_INDEX = "missing_index"
    UNMAPPED_TABLE = "unmapped_table"
    UNMAPPED_COLUMN = "unmapped_column"
    LOOKS_PERSONAL = "looks_personal"
    CONSTRAINT = "constraint"  # erasure would meet a live constraint (NOT NULL, FK, length)
    HOLD = "hold"  # erasure would undo a hold (held lines of deleted invoices, ...)


@dataclass(frozen=True)
class Finding:
    """One thing wrong with (or worth knowing about) the map on this database."""

    kind: FindingKind
    severity: Severity
    message: str
    table: str
    column: str | None = None
    line: int = 0
    #: SQL to propose to the DBA (never run by the desk)
    proposal: str | None = None


@dataclass(frozen=True)
class CheckReport:
    """All findings of one check; ``sound`` when there is no error."""

    map_file: str
    findings: tuple[Finding, ...]

    @property
    def sound(self) -> bool:
        return not any(f.severity is Severity.ERROR for f in self.findings)

    def of_kind(self, kind: FindingKind) -> list[Finding]:
        return [f for f in self.findings if f.kind is kind]

    def render(self) -> str:
        """One line per finding, 'file:line: severity: message', then a verdict."""
        lines = []
        for f in sorted(self.findings, key=lambda f: (f.severity != Severity.ERROR, f.line)):
            where = f"{self.map_file}:{f.line}" if f.line else self.map_file
            lines.append(f"{where}: {f.severity}: {f.message}")
            if f.proposal:
                lines.append(f"    proposed: {f.proposal}")
        errors = sum(f.severity is Severity.ERROR for f in self.findings)
        warns = len(self.findings) - errors
        verdict = "sound" if self.sound else "NOT sound"
        lines.append(f"The data map is {verdict}: {errors} error(s), {warns} warning(s).")
        return "\n".join(lines)


_PERSONAL_NAME = re.compile(
    r"e_?mail|epost|e_post|phone|telefon|mobil|^tel|personnummer|pnr|ssn|orgnr|org_?nu|"
    r"first_?name|last_?name|full_?name|^name$|namn|address|adress|street|gata|postal|"
    r"postnummer|zip|city|^ort$|^ip$|ip_?addr|birth|fodelse|födelse|iban|account_?n|"
    r"kontonummer|clearing|password|losenord|lösenord|username|user_?id|anvandar",
    re.IGNORECASE)
_EMAIL_VALUE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-zA-Z]{2,}$")


def _type_class(t: TypeEngine[Any]) -> str:
    if isinstance(t, Boolean):
        return "bool"
    if isinstance(t, Integer):
        return "int"
    if isinstance(t, Numeric):
        return "num"
    if isinstance(t, DateTime | Date):
        return "date"
    if isinstance(t, String):
        return "str"
    return type(t).__name__.lower()


def _looks_personal_value(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    v = value.strip()
    if _EMAIL_VALUE.match(v):
        return "e-mail addresses"
    if re.fullmatch(r"(\d{6}|\d{8})[-+]?\d{4}", v):
        try:
            parse_personnummer(v)
            return "personnummer"
        except UserError:
            pass
    if re.fullmatch(r"\+?[\d\s\-()]{8,20}", v) and v.startswith(("+", "0")):
        try:
            parse_phone(v)
            return "phone numbers"
        except UserError:
            pass
    return None


class _Live:
    """The reflected schema, read once."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.be = backend(conn.engine.url)
        self.insp = inspect(conn)
        self.tables = set(self.insp.get_table_names())
        self._cols: dict[str, dict[str, TypeEngine[Any]]] = {}
        self._indexed: dict[str, list[tuple[str, ...]]] = {}
        self._expr: dict[str, str] = {}

    def columns(self, t: str) -> dict[str, TypeEngine[Any]]:
        if t not in self._cols:
            self._cols[t] = {c["name"]: c["type"] for c in self.insp.get_columns(t)}
        return self._cols[t]

    def pk(self, t: str) -> tuple[str, ...]:
        return tuple(self.insp.get_pk_constraint(t).get("constrained_columns") or ())

    def key_sets(self, t: str) -> list[tuple[str, ...]]:
        """Column lists of every index, unique constraint and the primary key."""
        if t not in self._indexed:
            with warnings.catch_warnings():  # SQLite cannot reflect expression indexes
                warnings.filterwarnings("ignore", category=SAWarning)
                idx = [tuple(c for c in i["column_names"] if c) for i in self.insp.get_indexes(t)]
                uq = [tuple(u["column_names"]) for u in self.insp.get_unique_constraints(t)]
            self._indexed[t] = [self.pk(t), *idx, *uq]
        return self._indexed[t]

    def has_index(self, t: str, cols: Sequence[str]) -> bool:
        """Some index starts with exactly these columns (in any order)."""
        want = set(cols)
        return any(len(k) >= len(want) and set(k[:len(want)]) == want for k in self.key_sets(t))

    def index_sql(self, t: str) -> str:
        """Index definitions as text, to find expression indexes such as lower(email)."""
        if t not in self._expr:
            if self.be == "sqlite":
                q = text("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = :t")
            elif self.be == "postgresql":
                q = text("SELECT indexdef FROM pg_indexes WHERE tablename = :t")
            else:
                self._expr[t] = ""
                return ""
            self._expr[t] = "\n".join(r[0] or "" for r in self.conn.execute(q, {"t": t}))
        return self._expr[t]

    def has_lower_index(self, t: str, col: str) -> bool:
        pattern = rf"lower\(\s*\(?\s*[\"`]?{re.escape(col)}[\"`]?\s*\)?(::text)?\s*\)"
        return re.search(pattern, self.index_sql(t), re.IGNORECASE) is not None

    def sample(self, t: str, col: str, limit: int) -> list[Any]:
        tbl = table(t, column(col))
        q = select(tbl.c[col]).where(tbl.c[col].is_not(None)).limit(limit)
        return list(self.conn.execute(q).scalars())


def check_datamap(engine: Engine, datamap: DataMap, *, sample_rows: int = 200) -> CheckReport:
    """Compare ``datamap`` with the live schema of ``engine`` (read-only)."""
    out: list[Finding] = []
    with read_only(engine) as conn:
        live = _Live(conn)
        for spec in datamap.tables.values():
            out += _check_table(live, datamap, spec)
        out += _check_coverage(live, datamap, sample_rows)
        out += _check_requests(live, datamap)
        out += _constraint_findings(conn, datamap)
    name = datamap.source.name if datamap.source else "<data map>"
    return CheckReport(name, tuple(out))


def _constraint_findings(conn: Connection, datamap: DataMap) -> list[Finding]:
    from privacy_desk.datamap.check_constraints import constraint_findings  # imports check

    return constraint_findings(conn, datamap)


def _err(kind: FindingKind, msg: str, table_name: str, col: str | None = None, line: int = 0,
         *, proposal: str | None = None, severity: Severity = Severity.ERROR) -> Finding:
    return Finding(kind, severity, msg, table_name, col, line, proposal)


def _index_name(t: str, cols: Iterable[str], suffix: str = "") -> str:
    return f"ix_{t}_{'_'.join(cols)}{suffix}"[:63]


def _check_table(live: _Live, dm: DataMap, spec: TableSpec) -> list[Finding]:
    t = spec.name
    if t not in live.tables:
        return [_err(FindingKind.MISSING_TABLE, f"table {t!r} does not exist in the portal.",
                     t, line=spec.line)]
    out: list[Finding] = []
    cols = live.columns(t)
    for c in spec.columns.values():
        if c.name not in cols:
            out.append(_err(FindingKind.MISSING_COLUMN,
                            f"column {t}.{c.name} does not exist in the portal.", t, c.name,
                            c.line))
    if any(c not in cols for c in spec.primary_key):
        return out
    live_pk = live.pk(t)
    if set(live_pk) != set(spec.primary_key) and not any(
            set(k) == set(spec.primary_key) for k in live.key_sets(t)[1:]):
        out.append(_err(FindingKind.PRIMARY_KEY,
                        f"{t}: the map's primary key ({', '.join(spec.primary_key)}) is neither "
                        f"the table's primary key ({', '.join(live_pk) or 'none'}) nor indexed; "
                        "rows could not be told apart.", t, line=spec.line))
    if spec.hold and spec.hold.date_column in cols \
            and _type_class(cols[spec.hold.date_column]) != "date":
        out.append(_err(FindingKind.TYPE_MISMATCH,
                        f"the hold on {t} counts from {spec.hold.date_column}, which is "
                        f"{cols[spec.hold.date_column]}, not a date.", t,
                        spec.hold.date_column, spec.hold.line))
    for ident in spec.identity:
        if ident.column not in cols:
            continue
        if _type_class(cols[ident.column]) != "str":
            out.append(_err(FindingKind.TYPE_MISMATCH,
                            f"identity column {t}.{ident.column} is {cols[ident.column]}; "
                            "identifiers are compared as text.", t, ident.column, ident.line))
            continue
        if ident.match is Match.CASEFOLD and live.be != "mysql":
            if not live.has_lower_index(t, ident.column):
                out.append(_err(
                    FindingKind.MISSING_INDEX,
                    f"{t}.{ident.column} is searched case-insensitively but has no index on "
                    f"lower({ident.column}): every lookup reads the whole table.",
                    t, ident.column, ident.line,
                    proposal=f"CREATE INDEX {_index_name(t, [ident.column], '_lower')} ON {t} "
                    f"(lower({ident.column}));", severity=Severity.WARNING))
        elif not live.has_index(t, [ident.column]):
            out.append(_err(FindingKind.MISSING_INDEX,
                            f"identity column {t}.{ident.column} has no index: every lookup "
                            "reads the whole table.", t, ident.column, ident.line,
                            proposal=f"CREATE INDEX {_index_name(t, [ident.column])} ON {t} "
                            f"({ident.column});", severity=Severity.WARNING))
    for ref in spec.references:
        target = ref.table
        if target not in live.tables:
            out.append(_err(FindingKind.BAD_REFERENCE,
                            f"{t} refers to {target}, which does not exist.", t, line=ref.line))
            continue
        tcols = live.columns(target)
        ok = True
        for local, remote in ref.on:
            if local not in cols or remote not in tcols:
                missing = f"{t}.{local}" if local not in cols else f"{target}.{remote}"
                out.append(_err(FindingKind.BAD_REFERENCE,
                                f"the reference {t} -> {target} joins on {missing}, which does "
                                "not exist.", t, local, ref.line))
                ok = False
            elif _type_class(cols[local]) != _type_class(tcols[remote]):
                out.append(_err(FindingKind.BAD_REFERENCE,
                                f"the reference {t}.{local} -> {target}.{remote} joins "
                                f"{cols[local]} with {tcols[remote]}: the types do not match.",
                                t, local, ref.line))
                ok = False
        if not ok:
            continue
        for side, side_cols in ((t, ref.local_columns), (target, ref.remote_columns)):
            if not live.has_index(side, side_cols):
                out.append(_err(FindingKind.MISSING_INDEX,
                                f"the join {t} -> {target} uses {side}({', '.join(side_cols)}) "
                                "without an index.", side, side_cols[0], ref.line,
                                proposal=f"CREATE INDEX {_index_name(side, side_cols)} ON {side} "
                                f"({', '.join(side_cols)});", severity=Severity.WARNING))
    return out


def _check_coverage(live: _Live, dm: DataMap, sample_rows: int) -> list[Finding]:
    out: list[Finding] = []
    request_table = dm.requests.table if dm.requests else None
    for ex in dm.excluded.values():
        if ex.name not in live.tables:
            out.append(_err(FindingKind.MISSING_TABLE,
                            f"excluded table {ex.name!r} does not exist in the portal.",
                            ex.name, line=ex.line, severity=Severity.WARNING))
    for t in sorted(live.tables):
        spec = dm.tables.get(t)
        excluded = dm.excluded.get(t)
        if spec is None and excluded is None:
            out.append(_err(FindingKind.UNMAPPED_TABLE,
                            f"table {t!r} is neither mapped nor listed under excluded_tables.",
                            t))
            continue
        if excluded is not None and t == request_table:
            continue  # read through 'requests:', and personal by nature
        line = spec.line if spec else (excluded.line if excluded else 0)
        mentioned = set(spec.columns) if spec else set()
        for col, typ in live.columns(t).items():
            if col in mentioned:
                continue
            reason = "its name" if _PERSONAL_NAME.search(col) else None
            if reason is None and _type_class(typ) == "str":
                samples = live.sample(t, col, sample_rows)
                kinds = [k for k in map(_looks_personal_value, samples) if k]
                if kinds and len(kinds) * 5 >= len(samples):
                    reason = f"its values ({max(set(kinds), key=kinds.count)})"
            if reason:
                where = "excluded table" if excluded else "table"
                out.append(_err(FindingKind.LOOKS_PERSONAL,
                                f"column {t}.{col} looks personal by {reason} but the map does "
                                f"not mention it ({where} {t!r}).", t, col, line))
            elif spec is not None:
                out.append(_err(FindingKind.UNMAPPED_COLUMN,
                                f"column {t}.{col} is not mentioned in the map.", t, col, line,
                                severity=Severity.WARNING))
    return out


def _check_requests(live: _Live, dm: DataMap) -> list[Finding]:
    src = dm.requests
    if src is None:
        return []
    if src.table not in live.tables:
        return [_err(FindingKind.MISSING_TABLE,
                     f"the request table {src.table!r} does not exist.", src.table,
                     line=src.line)]
    cols = live.columns(src.table)
    return [_err(FindingKind.MISSING_COLUMN,
                 f"request field {name!r} reads {src.table}.{col}, which does not exist.",
                 src.table, col, src.line)
            for name, col in src.columns.items() if col not in cols]
