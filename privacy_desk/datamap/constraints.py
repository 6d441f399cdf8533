"""The live schema's constraints, read (never changed) where an erasure could meet them.

Check (:mod:`privacy_desk.datamap.check_constraints`) and the plan
(:func:`privacy_desk.portal.erasure.build_plan`) both need the same few facts about the
portal as it is now, not as the map believes it to be: which columns are NOT NULL, how long
a text column is and whether it is numeric, and every foreign key of the schema — also
those from tables the map does not map or excludes, because those rows block (or cascade
from) a deletion just the same — with what the database does ON DELETE.

Read with SQLAlchemy's inspector on an open connection, in one ``get_multi_*`` call per
kind on every backend; MariaDB's ``SHOW CREATE TABLE`` does not say RESTRICT, so its delete
rules come from ``information_schema.REFERENTIAL_CONSTRAINTS``.
"""

from __future__ import annotations

import enum
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from sqlalchemy import Date, DateTime, Integer, Numeric, String, inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SAWarning
from sqlalchemy.types import Boolean, TypeEngine

from privacy_desk.datamap.model import DataMap
from privacy_desk.dburl import backend


class OnDelete(enum.StrEnum):
    """What the database does to referencing rows when a referenced row is deleted."""

    CASCADE = "CASCADE"  # deletes them too
    SET_NULL = "SET NULL"  # empties their reference
    SET_DEFAULT = "SET DEFAULT"
    RESTRICT = "RESTRICT"  # refuses the deletion
    NO_ACTION = "NO ACTION"  # refuses too (at the end of the statement)

    @property
    def blocks(self) -> bool:
        """Whether a referencing row makes the database refuse the deletion."""
        return self in (OnDelete.RESTRICT, OnDelete.NO_ACTION)

    @classmethod
    def parse(cls, value: str | None) -> OnDelete:
        text_ = " ".join((value or "").upper().split())
        try:
            return cls(text_)
        except ValueError:
            return cls.NO_ACTION  # absent: the SQL default


def type_class(t: TypeEngine[Any]) -> str:
    """'bool', 'int', 'num', 'date', 'str' or the type's own name, for comparing kinds."""
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


@dataclass(frozen=True)
class ColumnInfo:
    """One live column: enough to tell whether a planned value fits."""

    name: str
    nullable: bool
    kind: str  # type_class(): 'str', 'int', 'num', 'date', 'bool', ...
    length: int | None  # a String's length; None when unbounded or not text
    type_text: str  # the type as the database names it (for messages)

    @property
    def numeric(self) -> bool:
        return self.kind in ("int", "num", "bool")


@dataclass(frozen=True)
class ForeignKey:
    """A live foreign key: ``table.columns`` refers to ``referred_table.referred_columns``."""

    table: str
    columns: tuple[str, ...]
    referred_table: str
    referred_columns: tuple[str, ...]
    ondelete: OnDelete
    name: str | None = None

    def describe(self) -> str:
        """How to name it in a message: 'InvoiceLine(InvoiceId) -> Invoice (fk_x)'."""
        named = f" ({self.name})" if self.name else ""
        return f"{self.table}({', '.join(self.columns)}) -> {self.referred_table}{named}"


@dataclass(frozen=True)
class LiveConstraints:
    """The columns of the map's tables and every foreign key of the schema."""

    tables: frozenset[str]
    columns: Mapping[str, Mapping[str, ColumnInfo]]
    primary_keys: Mapping[str, tuple[str, ...]]
    foreign_keys: tuple[ForeignKey, ...]
    #: table -> column lists of its unique constraints and unique indexes
    unique: Mapping[str, tuple[tuple[str, ...], ...]] = field(
        default_factory=lambda: MappingProxyType({}))

    def column(self, table: str, column: str) -> ColumnInfo | None:
        return self.columns.get(table, {}).get(column)

    def referencing(self, table: str) -> list[ForeignKey]:
        """The foreign keys that point at ``table`` (its children), self-references too."""
        return [fk for fk in self.foreign_keys if fk.referred_table == table]

    def parents_of(self, table: str) -> list[ForeignKey]:
        return [fk for fk in self.foreign_keys if fk.table == table]

    def is_unique(self, table: str, column: str) -> bool:
        return any(cols == (column,) for cols in self.unique.get(table, ()))


def _length(t: TypeEngine[Any]) -> int | None:
    if isinstance(t, String) and t.length:
        return int(t.length)
    return None


def _mysql_delete_rules(conn: Connection) -> dict[tuple[str, str], OnDelete]:
    """(table, constraint name) -> DELETE_RULE: SHOW CREATE TABLE omits RESTRICT."""
    rows = conn.execute(text(
        "SELECT TABLE_NAME, CONSTRAINT_NAME, DELETE_RULE "
        "FROM information_schema.REFERENTIAL_CONSTRAINTS "
        "WHERE CONSTRAINT_SCHEMA = DATABASE()"))
    return {(str(t), str(n)): OnDelete.parse(str(r)) for t, n, r in rows}


def read_constraints(conn: Connection, datamap: DataMap) -> LiveConstraints:
    """Every foreign key of the schema, and the columns, keys and unique sets of the map's
    tables and of every table whose rows reference them (directly or through others: a
    cascade reaches them too). Read-only; tables the map names but the portal lacks are
    simply absent (check reports them).
    """
    insp = inspect(conn)
    live = frozenset(insp.get_table_names())
    if not live:
        return LiveConstraints(live, {}, {}, ())
    rules = _mysql_delete_rules(conn) if backend(conn.engine.url) == "mysql" else {}
    fks: list[ForeignKey] = []
    with warnings.catch_warnings():  # SQLite cannot reflect expression indexes
        warnings.filterwarnings("ignore", category=SAWarning)
        raw = insp.get_multi_foreign_keys()
        for (_, name), items in sorted(raw.items(), key=lambda kv: kv[0][1]):
            for fk in items:
                if fk.get("referred_schema") not in (None, insp.default_schema_name):
                    continue  # points into another schema: not a row the map can delete
                rule = OnDelete.parse((fk.get("options") or {}).get("ondelete"))
                rule = rules.get((name, fk.get("name") or ""), rule)
                fks.append(ForeignKey(name, tuple(fk["constrained_columns"]),
                                      fk["referred_table"], tuple(fk["referred_columns"]),
                                      rule, fk.get("name")))
        wanted = {t for t in datamap.tables if t in live}
        grew = True
        while grew:
            more = {fk.table for fk in fks if fk.referred_table in wanted} - wanted
            wanted |= more
            grew = bool(more)
        columns: dict[str, dict[str, ColumnInfo]] = {}
        pks: dict[str, tuple[str, ...]] = {}
        unique: dict[str, tuple[tuple[str, ...], ...]] = {}
        if wanted:
            names = sorted(wanted)
            for (_, name), cols in insp.get_multi_columns(filter_names=names).items():
                columns[name] = {c["name"]: ColumnInfo(
                    c["name"], bool(c["nullable"]), type_class(c["type"]), _length(c["type"]),
                    str(c["type"])) for c in cols}
            for (_, name), pk in insp.get_multi_pk_constraint(filter_names=names).items():
                pks[name] = tuple(pk.get("constrained_columns") or ())
            uq = insp.get_multi_unique_constraints(filter_names=names)
            ix = insp.get_multi_indexes(filter_names=names)
            for name in names:
                sets = [tuple(u["column_names"]) for u in uq.get((None, name), [])]
                sets += [tuple(c for c in i["column_names"] if c)
                         for i in ix.get((None, name), []) if i.get("unique")]
                unique[name] = tuple(sets)
    return LiveConstraints(live, MappingProxyType(columns), MappingProxyType(pks), tuple(fks),
                           MappingProxyType(unique))
