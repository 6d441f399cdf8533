"""Check a map's erasure strategies against the live constraints, before a plan meets them.

What the map says erasure does must be something the portal accepts: ``set_null`` on a NOT
NULL column, a ``replace`` value too long for its column (or text for a number), a
pseudonym into a column too short for it, or ``delete_row`` on rows that other rows still
reference would all pass the plan and dry run and only fail at execute. And what the law
keeps must survive the erasure: a foreign key ON DELETE CASCADE into a held table, or lines
deleted while their invoice is held, would destroy rows the map means to keep.

Every finding names the map's line and the table.column; the lead in
:func:`privacy_desk.datamap.check.check_datamap` adds them to the report.
"""

from __future__ import annotations

import datetime as dt
import decimal

from sqlalchemy.engine import Connection

from privacy_desk.datamap.constraints import (
    ColumnInfo,
    ForeignKey,
    LiveConstraints,
    OnDelete,
    read_constraints,
)
from privacy_desk.datamap.findings import Finding, FindingKind, Severity
from privacy_desk.datamap.model import ColumnSpec, DataMap, Erasure, TableSpec
from privacy_desk.messages import SOURCE_LANGUAGE, Message, msg

#: len(privacy_desk.portal.erasure.pseudonym(...)): '#' and 11 hex digits.
PSEUDONYM_LENGTH = 12


def constraint_findings(conn: Connection, datamap: DataMap) -> list[Finding]:
    """Errors (and warnings) where the map's erasure would meet a live constraint."""
    live = read_constraints(conn, datamap)
    out: list[Finding] = []
    for spec in datamap.tables.values():
        if spec.name not in live.tables:
            continue  # check reports the missing table
        out += _column_findings(live, spec)
        if deletes_rows(spec):
            out += _delete_findings(live, datamap, spec)
        out += _hold_findings(live, datamap, spec)
    return out


def deletes_rows(spec: TableSpec) -> bool:
    """Whether erasure deletes this table's rows (some personal column says delete_row)."""
    return any(c.personal and c.category and c.erasure is Erasure.DELETE_ROW
               for c in spec.columns.values())


def value_problem(info: ColumnInfo, value: str) -> str | None:
    """Why the fixed ``value`` cannot be written into the column (English), or None."""
    words = value_words(info, value)
    return words.render(SOURCE_LANGUAGE) if words is not None else None


def value_words(info: ColumnInfo, value: str) -> Message | None:
    """Why the fixed ``value`` cannot be written into the column, or None when it fits."""
    if info.length is not None and len(value) > info.length:
        return msg("the value {length} characters long does not fit {type} (at most {most})",
                   length=len(value), type=info.type_text, most=info.length)
    try:
        if info.kind == "int":
            int(value)
        elif info.kind == "num":
            decimal.Decimal(value)
        elif info.kind == "date":
            dt.date.fromisoformat(value[:10])
        elif info.kind == "bool" and value.lower() not in ("0", "1", "true", "false"):
            raise ValueError(value)
    except (ValueError, decimal.InvalidOperation):
        return msg("the value is not a valid {type}", type=info.type_text)
    return None


def strategy_problem(info: ColumnInfo, strategy: Erasure, col: ColumnSpec) -> str | None:
    """Why the portal would refuse ``strategy`` on this column (English), or None."""
    words = strategy_words(info, strategy, col)
    return words.render(SOURCE_LANGUAGE) if words is not None else None


def strategy_words(info: ColumnInfo, strategy: Erasure, col: ColumnSpec) -> Message | None:
    """Why the portal would refuse ``strategy`` on this column, or None."""
    if strategy is Erasure.SET_NULL and not info.nullable:
        return msg("the column is NOT NULL")
    if strategy is Erasure.REPLACE and col.replacement is not None:
        return value_words(info, col.replacement)
    if strategy is Erasure.PSEUDONYMISE:
        if info.kind != "str" and info.kind not in ("text", "clob"):
            return msg("the column is {type}, not text: a pseudonym cannot be stored",
                       type=info.type_text)
        if info.length is not None and info.length < PSEUDONYM_LENGTH:
            return msg("the column holds {length} characters and a pseudonym has {needed}",
                       length=info.length, needed=PSEUDONYM_LENGTH)
    return None


_FIX = {Erasure.SET_NULL: msg("use 'replace' with a value that fits (e.g. '-'), or 'keep'"),
        Erasure.REPLACE: msg("give a 'value' that fits the column"),
        Erasure.PSEUDONYMISE: msg("use 'replace' or 'set_null' (if the column allows NULL)")}


def _column_findings(live: LiveConstraints, spec: TableSpec) -> list[Finding]:
    out: list[Finding] = []
    for col in spec.columns.values():
        info = live.column(spec.name, col.name)
        if info is None or not (col.personal and col.category):
            continue
        uses = [("erasure", col.erasure)]
        if spec.hold is not None:
            uses.append(("erasure_under_hold", col.erasure_under_hold))
        for key, strategy in uses:
            problem = strategy_words(info, strategy, col)
            if problem:
                out.append(Finding.worded(
                    FindingKind.CONSTRAINT, Severity.ERROR,
                    msg("{key}: {strategy} on {table}.{column} would fail at execute: "
                        "{problem}; {fix}.", key=key, strategy=strategy.value,
                        table=spec.name, column=col.name, problem=problem,
                        fix=_FIX.get(strategy, msg("choose another strategy"))),
                    spec.name, col.name, col.line))
        if Erasure.REPLACE in (s for _, s in uses) and live.is_unique(spec.name, col.name):
            out.append(Finding.worded(
                FindingKind.CONSTRAINT, Severity.ERROR,
                msg("replace on {table}.{column} writes one fixed value into a UNIQUE "
                    "column: the second erasure would fail; use 'pseudonymise' or "
                    "'set_null'.", table=spec.name, column=col.name),
                spec.name, col.name, col.line))
    return out


def _map_linked(datamap: DataMap, a: str, b: str) -> bool:
    """Whether the map joins tables ``a`` and ``b`` directly (declared on either side)."""
    ta, tb = datamap.tables.get(a), datamap.tables.get(b)
    return bool(ta and tb and (any(r.table == b for r in ta.references)
                               or any(r.table == a for r in tb.references)))


def _child_of(datamap: DataMap, child: TableSpec, parent: TableSpec) -> bool:
    """Whether ``child`` rows point at ``parent`` rows in the map (lines at their invoice)."""
    for ref in child.references:
        if ref.table == parent.name and set(ref.remote_columns) == set(parent.primary_key):
            return True
    return any(ref.table == child.name and set(ref.local_columns) == set(parent.primary_key)
               for ref in parent.references)


def _fk_line(datamap: DataMap, spec: TableSpec, child: str) -> int:
    """The map line of the reference between the two tables, else the table's line."""
    for ref in spec.references:
        if ref.table == child:
            return ref.line
    other = datamap.tables.get(child)
    for ref in other.references if other else ():
        if ref.table == spec.name:
            return ref.line
    return spec.line


def _delete_findings(live: LiveConstraints, datamap: DataMap,
                     spec: TableSpec) -> list[Finding]:
    out: list[Finding] = []
    for fk in live.referencing(spec.name):
        if fk.table == spec.name:
            continue  # a self-reference: rows of the same person go in one statement
        child = datamap.tables.get(fk.table)
        line = _fk_line(datamap, spec, fk.table)
        if fk.ondelete is OnDelete.CASCADE:
            if child is not None and child.hold is not None \
                    and not _follows(child, spec):
                fix = (msg("Give {child} `{hold}` so it is kept exactly as long as its "
                           "{table} row", child=fk.table, table=spec.name,
                           hold=f"hold: {{rule: {spec.hold.rule}, date_column: "
                                f"{spec.hold.date_column}, via: {spec.name}}}")
                       if spec.hold is not None and spec.hold.via is None else
                       msg("Keep {table} under the same hold", table=spec.name))
                out.append(_fk_error(fk, line, msg(
                    "delete_row on {table} cascades (ON DELETE CASCADE) into {child}, which "
                    "is under the hold {rule}: deleting {table} rows would destroy held "
                    "{child} rows. {fix}, or ask the DBA to make the foreign key RESTRICT.",
                    table=spec.name, child=fk.table, rule=repr(child.hold.rule), fix=fix)))
            continue
        if fk.ondelete in (OnDelete.SET_NULL, OnDelete.SET_DEFAULT):
            bad = [c for c in fk.columns if (i := live.column(fk.table, c)) is not None
                   and not i.nullable]
            if fk.ondelete is OnDelete.SET_NULL and bad:
                out.append(_fk_error(fk, line, msg(
                    "delete_row on {table}: the foreign key {fk} is ON DELETE SET NULL but "
                    "{child}.{column} is NOT NULL, so the portal would refuse the deletion; "
                    "ask the DBA to fix the foreign key.", table=spec.name, fk=fk.describe(),
                    child=fk.table, column=bad[0])))
            continue
        if fk.table in datamap.excluded:
            why = msg("the excluded table {child}", child=fk.table)
        elif child is None:
            why = msg("{child}, which the map does not mention", child=fk.table)
        elif not deletes_rows(child):
            why = msg("{child}, whose rows the map does not delete", child=fk.table)
        elif not _map_linked(datamap, spec.name, fk.table):
            why = msg("{child}, which the map does not join to {table}", child=fk.table,
                      table=spec.name)
        elif child.hold is not None and spec.hold is None:
            why = msg("{child}, whose rows may be kept under the hold {rule}",
                      child=fk.table, rule=repr(child.hold.rule))
        else:
            continue
        out.append(_fk_error(fk, line, msg(
            "delete_row on {table} would fail at execute: rows are referenced ({fk}, ON "
            "DELETE {ondelete}) from {why}. Map {child} so that its rows of the person are "
            "deleted first (delete_row and a reference to {table}), or erase {table} by "
            "updating its columns instead of deleting the row.", table=spec.name,
            fk=fk.describe(), ondelete=fk.ondelete.value, why=why, child=fk.table)))
    return out


def _follows(child: TableSpec, parent: TableSpec) -> bool:
    """Whether ``child`` is held exactly as long as its ``parent`` row (a ``via`` hold on the
    parent's own hold date and rule): a cascade then only deletes released rows."""
    ch, ph = child.hold, parent.hold
    return (ch is not None and ph is not None and ch.via == parent.name and ph.via is None
            and ch.rule == ph.rule and ch.date_column == ph.date_column)


def _fk_error(fk: ForeignKey, line: int, words: Message) -> Finding:
    return Finding.worded(FindingKind.CONSTRAINT, Severity.ERROR, words, fk.referred_table,
                          fk.columns[0] if fk.columns else None, line)


def _hold_findings(live: LiveConstraints, datamap: DataMap, spec: TableSpec) -> list[Finding]:
    """Holds the erasure would undo: held rows losing their parent, held parents their lines,
    and a ``via`` date column that is not a date."""
    out: list[Finding] = []
    hold = spec.hold
    if hold is not None and hold.via is not None:
        info = live.column(hold.via, hold.date_column)
        if info is not None and info.kind != "date":
            out.append(Finding.worded(
                FindingKind.TYPE_MISMATCH, Severity.ERROR,
                msg("the hold on {table} counts from {via}.{column}, which is {type}, not a "
                    "date.", table=spec.name, via=hold.via, column=hold.date_column,
                    type=info.type_text), spec.name, hold.date_column, hold.line))
    for parent in datamap.tables.values():
        if parent.name == spec.name or not _child_of(datamap, spec, parent):
            continue
        if hold is not None and parent.hold is None and deletes_rows(parent):
            out.append(Finding.worded(
                FindingKind.HOLD, Severity.WARNING,
                msg("{parent} rows would be deleted while their {table} rows are held "
                    "({rule}): held rows would lose the row they belong to; give {parent} a "
                    "hold too.", parent=parent.name, table=spec.name, rule=repr(hold.rule)),
                spec.name, None, hold.line))
        if parent.hold is not None and hold is None and deletes_rows(spec):
            rule = parent.hold
            out.append(Finding.worded(
                FindingKind.HOLD, Severity.WARNING,
                msg("{table} rows of held {parent} rows would be deleted; give {table} "
                    "`{hold}`.", table=spec.name, parent=parent.name,
                    hold=f"hold: {{rule: {rule.rule}, date_column: {rule.date_column}, "
                         f"via: {parent.name}}}"), spec.name, None, spec.line))
    return out
