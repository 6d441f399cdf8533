"""Check a data map against a live portal database, before anyone relies on it.

A map that names a column the portal renamed would silently leave data out of an
extract or an erasure, so this reflects the live schema (read-only, once) and reports,
each with the map's file and line: missing tables and columns, types that do not fit (a
hold on a non-date column, a numeric identity column the map compares as text),
references and links to other persons that cannot join, identity and join columns
without an index (with the ``CREATE INDEX`` to propose, quoted for the dialect), phone
columns whose spellings find will not match, and *coverage*: columns that look
personal, by name or by sampled values (e-mail, phone, personnummer), that the map does
not mention or marks ``personal: false`` without a reason. Errors make the map unsound;
warnings (missing indexes, unmentioned harmless columns) do not.

Sampling reads at most a bounded number of rows per column (``LIMIT`` in a subquery, no
``ORDER BY``), so a portal with millions of rows is checked in seconds.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    column,
    inspect,
    select,
    table,
    text,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.engine.interfaces import ReflectedColumn
from sqlalchemy.exc import SAWarning
from sqlalchemy.types import TypeEngine

from privacy_desk.datamap.check_constraints import constraint_findings
from privacy_desk.datamap.check_names import name_index_findings
from privacy_desk.datamap.constraints import type_class as _type_class
from privacy_desk.datamap.findings import CheckReport, Finding, FindingKind, Severity
from privacy_desk.datamap.model import DataMap, IdentityColumn, Match, TableSpec
from privacy_desk.datamap.readonly import read_only
from privacy_desk.datamap.values import value_kind
from privacy_desk.dburl import backend
from privacy_desk.errors import UserError
from privacy_desk.identifiers import PHONE, parse_phone
from privacy_desk.messages import Message, msg

_PERSONAL_NAME = re.compile(
    r"e_?mail|epost|e_post|phone|telefon|mobil|^tel|personnummer|pnr|ssn|orgnr|org_?nu|"
    r"first_?name|last_?name|full_?name|^name$|namn|address|adress|street|gata|postal|"
    r"postnummer|zip|city|^ort$|^ip$|ip_?addr|birth|fodelse|födelse|iban|account_?n|"
    r"kontonummer|clearing|password|losenord|lösenord|username|user_?id|anvandar",
    re.IGNORECASE)
#: a share of sampled values at or above which a coverage or spelling finding is made
_VALUE_SHARE = 0.2
_SPELLING_SHARE = 0.05
#: rows read (at most) to find ``sample_rows`` non-empty values: bounds the scan
_SCAN_FACTOR = 20


#: the validated value kinds (datamap.values) that make an unmapped column look personal,
#: with the words a finding uses
_PERSONAL_VALUES = {"email": "e-mail addresses", "personnummer": "personnummer",
                    "phone": "phone numbers"}
_PERSONAL_WORDS = {"e-mail addresses": msg("e-mail addresses"),
                   "personnummer": msg("personnummer"),
                   "phone numbers": msg("phone numbers")}


def _looks_personal_value(value: Any, region: str = "SE") -> str | None:
    """What kind of personal value this is (e-mail, personnummer, phone), or None.

    Phone numbers of every country count (``+55 (12) 3923-5555``, ``+47 22 44 22 22``);
    one without a country code is read as a number of ``region``.
    """
    if not isinstance(value, str):
        return None
    return _PERSONAL_VALUES.get(value_kind(value, region) or "")


def value_shape(value: str, limit: int = 24) -> str:
    """A value's shape with every digit as 9 and every letter as x: safe to show."""
    shape = re.sub(r"[^\W\d_]", "x", re.sub(r"\d", "9", value.strip()))
    return shape if len(shape) <= limit else shape[:limit] + "…"


class _Live:
    """The reflected schema, read once (one query per kind on servers that can)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.be = backend(conn.engine.url)
        self.quote = conn.dialect.identifier_preparer.quote
        self.insp = inspect(conn)
        self.tables = set(self.insp.get_table_names())
        with warnings.catch_warnings():  # SQLite cannot reflect expression indexes
            warnings.filterwarnings("ignore", category=SAWarning)
            cols = self.insp.get_multi_columns()
            pks = self.insp.get_multi_pk_constraint()
            idx = self.insp.get_multi_indexes()
            uqs = self.insp.get_multi_unique_constraints()
        #: table -> reflected column dicts (name, type, nullable, ...), in table order
        self.column_info: dict[str, list[ReflectedColumn]] = {
            t: list(c) for (_s, t), c in cols.items() if t in self.tables}
        self._cols = {t: {c["name"]: c["type"] for c in info}
                      for t, info in self.column_info.items()}
        self._pk = {t: tuple(p.get("constrained_columns") or ())
                    for (_s, t), p in pks.items()}
        self._indexed: dict[str, list[tuple[str, ...]]] = {}
        for t in self.tables:
            keys = [self._pk.get(t, ())]
            keys += [tuple(c for c in i["column_names"] if c) for i in idx.get((None, t), [])]
            keys += [tuple(u["column_names"]) for u in uqs.get((None, t), [])]
            self._indexed[t] = keys
        self._expr: dict[str, str] = {}

    def columns(self, t: str) -> dict[str, TypeEngine[Any]]:
        return self._cols.get(t, {})

    def pk(self, t: str) -> tuple[str, ...]:
        return self._pk.get(t, ())

    def key_sets(self, t: str) -> list[tuple[str, ...]]:
        """Column lists of the primary key, every index and unique constraint."""
        return self._indexed.get(t, [()])

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
                q = text("SELECT indexdef FROM pg_indexes WHERE tablename = :t "
                         "AND schemaname = current_schema()")
            else:
                self._expr[t] = ""
                return ""
            self._expr[t] = "\n".join(r[0] or "" for r in self.conn.execute(q, {"t": t}))
        return self._expr[t]

    def has_lower_index(self, t: str, col: str) -> bool:
        pattern = rf"lower\(\s*\(?\s*[\"`]?{re.escape(col)}[\"`]?\s*\)?(::text)?\s*\)"
        return re.search(pattern, self.index_sql(t), re.IGNORECASE) is not None

    def sample(self, t: str, col: str, limit: int) -> list[Any]:
        """Up to ``limit`` non-empty values from the first rows the database hands out.

        The inner ``LIMIT`` bounds the rows read even when the column is mostly empty;
        there is no ``ORDER BY``, which would sort the whole table.
        """
        tbl = table(t, column(col))
        first = select(tbl.c[col]).limit(limit * _SCAN_FACTOR).subquery()
        q = select(first.c[col]).where(first.c[col].is_not(None)).limit(limit)
        return list(self.conn.execute(q).scalars())

    def create_index(self, t: str, cols: Sequence[str], *, lower: bool = False) -> str:
        """The ``CREATE INDEX`` to propose, quoted as this database needs it."""
        name = _index_name(t, cols, "_lower" if lower else "")
        q = self.quote
        parts = [f"lower({q(c)})" if lower else q(c) for c in cols]
        return f"CREATE INDEX {q(name)} ON {q(t)} ({', '.join(parts)});"


def check_datamap(engine: Engine, datamap: DataMap, *, sample_rows: int = 200) -> CheckReport:
    """Compare ``datamap`` with the live schema of ``engine`` (read-only)."""
    out: list[Finding] = []
    with read_only(engine) as conn:
        live = _Live(conn)
        for spec in datamap.tables.values():
            out += _check_table(live, datamap, spec, sample_rows)
        out += _check_coverage(live, datamap, sample_rows)
        out += _check_requests(live, datamap)
        out += constraint_findings(conn, datamap)
        out += name_index_findings(conn, datamap)
    out += _review_findings(datamap)
    name = datamap.source.name if datamap.source else "<data map>"
    return CheckReport(name, tuple(out))


def _review_findings(datamap: DataMap) -> list[Finding]:
    """Each ``review: true`` marker, so a draft is not taken for a finished map."""
    return [_err(FindingKind.REVIEW,
                 msg("{path} is marked for review: confirm it (see the comment beside it) "
                     "and remove 'review: true'.", path=item.path),
                 item.path.split(".")[1] if item.path.startswith("tables.") else "",
                 line=item.line, severity=Severity.WARNING)
            for item in datamap.review]


def _err(kind: FindingKind, words: Message, table_name: str, col: str | None = None,
         line: int = 0, *, proposal: str | None = None,
         severity: Severity = Severity.ERROR) -> Finding:
    return Finding.worded(kind, severity, words, table_name, col, line, proposal)


def _index_name(t: str, cols: Iterable[str], suffix: str = "") -> str:
    return f"ix_{t}_{'_'.join(cols)}{suffix}"[:63]


def _check_table(live: _Live, dm: DataMap, spec: TableSpec, sample_rows: int) -> list[Finding]:
    t = spec.name
    if t not in live.tables:
        return [_err(FindingKind.MISSING_TABLE,
                     msg("table {table} does not exist in the portal.", table=repr(t)),
                     t, line=spec.line)]
    out: list[Finding] = []
    cols = live.columns(t)
    for c in spec.columns.values():
        if c.name not in cols:
            out.append(_err(FindingKind.MISSING_COLUMN,
                            msg("column {table}.{column} does not exist in the portal.",
                                table=t, column=c.name), t, c.name, c.line))
    if any(c not in cols for c in spec.primary_key):
        return out
    live_pk = live.pk(t)
    if set(live_pk) != set(spec.primary_key) and not any(
            set(k) == set(spec.primary_key) for k in live.key_sets(t)[1:]):
        out.append(_err(FindingKind.PRIMARY_KEY,
                        msg("{table}: the map's primary key ({key}) is neither the table's "
                            "primary key ({live}) nor indexed; rows could not be told apart.",
                            table=t, key=", ".join(spec.primary_key),
                            live=", ".join(live_pk) if live_pk else msg("none")),
                        t, line=spec.line))
    if spec.hold:
        held_in = spec.hold.via or t  # the date is in the referenced row with 'via'
        date_type = live.columns(held_in).get(spec.hold.date_column)
        if date_type is None and spec.hold.via and spec.hold.via in live.tables:
            out.append(_err(FindingKind.MISSING_COLUMN,
                            msg("the hold on {table} counts from {via}.{column}, which does "
                                "not exist.", table=t, via=held_in,
                                column=spec.hold.date_column),
                            t, spec.hold.date_column, spec.hold.line))
        elif date_type is not None and spec.hold.via is None \
                and _type_class(date_type) != "date":  # via: check_constraints reports it
            out.append(_err(FindingKind.TYPE_MISMATCH,
                            msg("the hold on {table} counts from {via}.{column}, which is "
                                "{type}, not a date.", table=t, via=held_in,
                                column=spec.hold.date_column, type=date_type),
                            t, spec.hold.date_column, spec.hold.line))
    for ident in spec.identity:
        if ident.column in cols:
            out += _check_identity(live, dm, spec, ident, cols[ident.column],
                                   sample_rows=sample_rows)
    out += _check_links(live, dm, spec)
    for ref in spec.references:
        target = ref.table
        if target not in live.tables:
            out.append(_err(FindingKind.BAD_REFERENCE,
                            msg("{table} refers to {target}, which does not exist.",
                                table=t, target=target), t, line=ref.line))
            continue
        tcols = live.columns(target)
        ok = True
        for local, remote in ref.on:
            if local not in cols or remote not in tcols:
                missing = f"{t}.{local}" if local not in cols else f"{target}.{remote}"
                out.append(_err(FindingKind.BAD_REFERENCE,
                                msg("the reference {table} -> {target} joins on {missing}, "
                                    "which does not exist.", table=t, target=target,
                                    missing=missing), t, local, ref.line))
                ok = False
            elif _type_class(cols[local]) != _type_class(tcols[remote]):
                out.append(_err(FindingKind.BAD_REFERENCE,
                                msg("the reference {table}.{column} -> {target}.{remote} "
                                    "joins {type} with {remote_type}: the types do not match.",
                                    table=t, column=local, target=target, remote=remote,
                                    type=cols[local], remote_type=tcols[remote]),
                                t, local, ref.line))
                ok = False
        if not ok:
            continue
        for side, side_cols in ((t, ref.local_columns), (target, ref.remote_columns)):
            if not live.has_index(side, side_cols):
                out.append(_err(FindingKind.MISSING_INDEX,
                                msg("the join {table} -> {target} uses {side}({columns}) "
                                    "without an index.", table=t, target=target, side=side,
                                    columns=", ".join(side_cols)),
                                side, side_cols[0], ref.line,
                                proposal=live.create_index(side, side_cols),
                                severity=Severity.WARNING))
    return out


def _check_identity(live: _Live, dm: DataMap, spec: TableSpec, ident: IdentityColumn,
                    typ: TypeEngine[Any], *, sample_rows: int) -> list[Finding]:
    """Type (text, or a number with ``numeric: true``), index, and phone spellings."""
    t, col = spec.name, ident.column
    kind = _type_class(typ)
    numeric = ident.numeric
    if kind in ("int", "num") and not numeric:
        return [_err(FindingKind.TYPE_MISMATCH,
                     msg("identity column {table}.{column} is {type}, a number, but the map "
                         "compares it as text: add `numeric: true` to this identity entry.",
                         table=t, column=col, type=typ), t, col, ident.line,
                     proposal="numeric: true")]
    if numeric and kind not in ("int", "num"):
        return [_err(FindingKind.TYPE_MISMATCH,
                     msg("identity column {table}.{column} is {type}, not a number, but the "
                         "map says `numeric: true`: remove it, or the lookup misses values such "
                         "as '007'.", table=t, column=col, type=typ),
                     t, col, ident.line)]
    if kind not in ("str", "int", "num"):
        return [_err(FindingKind.TYPE_MISMATCH,
                     msg("identity column {table}.{column} is {type}; identifiers are text or "
                         "numbers.", table=t, column=col, type=typ),
                     t, col, ident.line)]
    out: list[Finding] = []
    if ident.match is Match.CASEFOLD and live.be != "mysql":
        if not live.has_lower_index(t, col):
            out.append(_err(
                FindingKind.MISSING_INDEX,
                msg("{table}.{column} is searched case-insensitively but has no index on "
                    "lower({column}): every lookup reads the whole table.", table=t,
                    column=col), t, col, ident.line,
                proposal=live.create_index(t, [col], lower=True), severity=Severity.WARNING))
    elif not live.has_index(t, [col]):
        # MariaDB/MySQL: casefold compares under the column's _ci collation, so the
        # plain index serves it and no expression index on lower() is needed.
        out.append(_err(FindingKind.MISSING_INDEX,
                        msg("identity column {table}.{column} has no index: every lookup "
                            "reads the whole table.", table=t, column=col), t, col, ident.line,
                        proposal=live.create_index(t, [col]), severity=Severity.WARNING))
    if ident.kind == PHONE and kind == "str":
        out += _check_phone_spellings(live, dm, spec, ident, sample_rows)
    return out


def _check_phone_spellings(live: _Live, dm: DataMap, spec: TableSpec, ident: IdentityColumn,
                           sample_rows: int) -> list[Finding]:
    """Warn when a notable share of sampled phone values is spelled as find cannot match.

    Each value is parsed as find parses what the officer types (``phone_region`` for
    numbers without a country code) and must be among the spellings find compares with.
    The finding shows shapes (``+99 (99) 9999-9999``), never a value.
    """
    values = [v for v in live.sample(spec.name, ident.column, sample_rows)
              if isinstance(v, str) and v.strip()]
    if not values:
        return []
    missed: Counter[str] = Counter()
    for v in values:
        try:
            parsed = parse_phone(v, dm.phone_region)
        except UserError:
            missed[value_shape(v)] += 1
            continue
        forms = (parsed.value,) if ident.match is Match.EXACT else parsed.stored_forms()
        if v not in forms:
            missed[value_shape(v)] += 1
    n = sum(missed.values())
    if n == 0 or n < _SPELLING_SHARE * len(values):
        return []
    shapes = ", ".join(f"{s!r} ({c})" for s, c in missed.most_common(3))
    hint = (msg("store them normalised in the portal (or a view)")
            if ident.match is not Match.EXACT
            else msg("use `match: forms`, or store them as E.164 (+46701234567)"))
    return [_err(FindingKind.PHONE_SPELLING,
                 msg("{count} of {total} sampled values of phone column {table}.{column} are "
                     "spelled in a way find will not match (or are not phone numbers of region "
                     "{region}), e.g. {shapes}: find will not find those people by phone; "
                     "{hint}.", count=n, total=len(values), table=spec.name,
                     column=ident.column, region=dm.phone_region, shapes=shapes, hint=hint),
                 spec.name, ident.column, ident.line,
                 severity=Severity.WARNING)]


def _check_links(live: _Live, dm: DataMap, spec: TableSpec) -> list[Finding]:
    """A column pointing at another person must join that person's table, type for type."""
    out: list[Finding] = []
    cols = live.columns(spec.name)
    for c in spec.columns.values():
        link = c.person
        if link is None or c.name not in cols:
            continue
        target = dm.tables.get(link.table)
        where = f"{spec.name}.{c.name}"
        if target is None or link.table not in live.tables:
            out.append(_err(FindingKind.BAD_REFERENCE,
                            msg("{where} points at a person in {target}, which does not "
                                "exist in the portal.", where=where, target=repr(link.table)),
                            spec.name, c.name, link.line))
            continue
        key = link.column or (target.primary_key[0] if len(target.primary_key) == 1 else "")
        tcols = live.columns(link.table)
        if key not in tcols:
            out.append(_err(FindingKind.BAD_REFERENCE,
                            msg("{where} points at {target}.{key}, which does not exist.",
                                where=where, target=link.table, key=key or "?"),
                            spec.name, c.name, link.line))
        elif _type_class(cols[c.name]) != _type_class(tcols[key]):
            out.append(_err(FindingKind.BAD_REFERENCE,
                            msg("{where} ({type}) points at {target}.{key} ({target_type}): "
                                "the types do not match.", where=where, type=cols[c.name],
                                target=link.table, key=key, target_type=tcols[key]),
                            spec.name, c.name, link.line))
    return out


def _looks_personal(live: _Live, dm: DataMap, t: str, col: str, typ: TypeEngine[Any], *,
                    sample_rows: int) -> Message | None:
    """Why ``t.col`` looks personal ("its name", "its values (e-mail addresses)"), or None."""
    if _PERSONAL_NAME.search(col):
        return msg("its name")
    if _type_class(typ) != "str":
        return None
    samples = live.sample(t, col, sample_rows)
    kinds = [k for k in (_looks_personal_value(s, dm.phone_region) for s in samples) if k]
    if kinds and len(kinds) >= _VALUE_SHARE * len(samples):
        return msg("its values ({kind})", kind=_PERSONAL_WORDS[max(set(kinds), key=kinds.count)])
    return None


def _check_coverage(live: _Live, dm: DataMap, sample_rows: int) -> list[Finding]:
    out: list[Finding] = []
    request_table = dm.requests.table if dm.requests else None
    for ex in dm.excluded.values():
        if ex.name not in live.tables:
            out.append(_err(FindingKind.MISSING_TABLE,
                            msg("excluded table {table} does not exist in the portal.",
                                table=repr(ex.name)), ex.name, line=ex.line,
                            severity=Severity.WARNING))
            continue
        for col in ex.columns:
            if col not in live.columns(ex.name):
                out.append(_err(FindingKind.MISSING_COLUMN,
                                msg("excluded_tables gives a reason for {table}.{column}, "
                                    "which does not exist in the portal.", table=ex.name,
                                    column=col), ex.name, col, ex.line,
                                severity=Severity.WARNING))
    for t in sorted(live.tables):
        spec = dm.tables.get(t)
        excluded = dm.excluded.get(t)
        if spec is None and excluded is None:
            out.append(_err(FindingKind.UNMAPPED_TABLE,
                            msg("table {table} is neither mapped nor listed under "
                                "excluded_tables.", table=repr(t)), t))
            continue
        if excluded is not None and t == request_table:
            continue  # read through 'requests:', and personal by nature
        line = spec.line if spec else (excluded.line if excluded else 0)
        for col, typ in live.columns(t).items():
            mapped = spec.columns.get(col) if spec else None
            if mapped is not None:
                if mapped.personal or mapped.person is not None or mapped.reason:
                    continue  # personal, a link to another person, or not personal and why
                why = _looks_personal(live, dm, t, col, typ, sample_rows=sample_rows)
                if why:
                    out.append(_err(FindingKind.NEEDS_REASON,
                                    msg("column {table}.{column} is marked personal: false but "
                                        "looks personal by {why}: say why with `reason: ...` "
                                        "({where}).", table=t, column=col, why=why,
                                        where=dm.where(mapped.line)), t, col, mapped.line,
                                    severity=Severity.WARNING))
                continue
            if excluded is not None and col in excluded.columns:
                continue  # the map says why this column is not personal
            why = _looks_personal(live, dm, t, col, typ, sample_rows=sample_rows)
            if why:
                words = (msg("column {table}.{column} looks personal by {why} but the map "
                             "does not mention it (excluded table {name}).", table=t,
                             column=col, why=why, name=repr(t)) if excluded else
                         msg("column {table}.{column} looks personal by {why} but the map "
                             "does not mention it (table {name}).", table=t, column=col,
                             why=why, name=repr(t)))
                out.append(_err(FindingKind.LOOKS_PERSONAL, words, t, col, line))
            elif spec is not None:
                out.append(_err(FindingKind.UNMAPPED_COLUMN,
                                msg("column {table}.{column} is not mentioned in the map.",
                                    table=t, column=col), t, col, line,
                                severity=Severity.WARNING))
    return out


def _check_requests(live: _Live, dm: DataMap) -> list[Finding]:
    src = dm.requests
    if src is None:
        return []
    if src.table not in live.tables:
        return [_err(FindingKind.MISSING_TABLE,
                     msg("the request table {table} does not exist.",
                         table=repr(src.table)), src.table, line=src.line)]
    cols = live.columns(src.table)
    out = [_err(FindingKind.MISSING_COLUMN,
                msg("request field {field} reads {table}.{column}, which does not exist.",
                    field=repr(name), table=src.table, column=col),
                src.table, col, src.line)
           for name, col in src.columns.items() if col not in cols]
    received = src.columns["received_at"]
    if received in cols and _type_class(cols[received]) != "date":
        out.append(_err(FindingKind.TYPE_MISMATCH,
                        msg("request field 'received_at' reads {table}.{column}, which is "
                            "{type}, not a timestamp.", table=src.table, column=received,
                            type=cols[received]), src.table, received, src.line))
    customer = dm.tables.get(src.customer_table or "")
    cust_col = src.columns.get("customer_id", "")
    if customer is not None and cust_col in cols and len(customer.primary_key) == 1:
        key = customer.primary_key[0]
        tcols = live.columns(customer.name)
        if key in tcols and _type_class(cols[cust_col]) != _type_class(tcols[key]):
            out.append(_err(FindingKind.BAD_REFERENCE,
                            msg("request field 'customer_id' reads {table}.{column} ({type}), "
                                "which cannot join {target}.{key} ({target_type}): the types "
                                "do not match.", table=src.table, column=cust_col,
                                type=cols[cust_col], target=customer.name, key=key,
                                target_type=tcols[key]), src.table, cust_col, src.line))
    return out
