"""The portal's catalogue as the draft needs it: tables, keys, unique indexes, foreign keys.

Read once through SQLAlchemy's inspector, in bulk (``get_multi_*``: a handful of catalogue
queries whatever the number of tables), inside a read-only transaction. Views are listed
apart: they are not tables check reads, but a DBA should know the draft saw them.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, LargeBinary, Numeric, String
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, NoSuchTableError, SAWarning
from sqlalchemy.types import NullType, Text, TypeEngine

from privacy_desk.errors import UserError
from privacy_desk.messages import msg

#: Above this many tables the draft refuses and asks for a schema: a map of 20,000 tables
#: is not something a person reviews.
MAX_TABLES = 5000


@dataclass(frozen=True)
class ColumnInfo:
    name: str
    #: str, text (long free text), int, num, date, datetime, bool, binary, other
    kind: str
    type_text: str
    nullable: bool
    #: the declared length of a text column (None: unbounded or not text)
    length: int | None = None


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[str, ...]
    target: str
    target_columns: tuple[str, ...]


@dataclass
class TableInfo:
    name: str
    columns: dict[str, ColumnInfo]
    primary_key: tuple[str, ...]
    #: column sets of unique indexes and unique constraints
    unique: list[tuple[str, ...]] = field(default_factory=list)
    #: column sets of every index (for reference inference: an indexed column is a join)
    indexed: list[tuple[str, ...]] = field(default_factory=list)
    foreign_keys: list[ForeignKey] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, ...]:
        """The primary key, else the narrowest unique index, else () (rows not told apart)."""
        if self.primary_key:
            return self.primary_key
        return min(self.unique, key=len) if self.unique else ()

    def single_keys(self) -> set[str]:
        """Columns that are a one-column primary key or unique index (join targets)."""
        keys = {k[0] for k in [self.primary_key, *self.unique] if len(k) == 1}
        return keys

    def fk_columns(self) -> set[str]:
        return {c for fk in self.foreign_keys for c in fk.columns}


@dataclass
class Catalogue:
    tables: dict[str, TableInfo]
    views: list[str]
    schema: str | None


def type_kind(t: TypeEngine[Any]) -> str:
    """A coarse class of a reflected type; exotic types are 'other' (never sampled as text)."""
    if isinstance(t, Boolean):
        return "bool"
    if isinstance(t, Integer):
        return "int"
    if isinstance(t, Numeric | Float):
        return "num"
    if isinstance(t, DateTime):
        return "datetime"
    if isinstance(t, Date):
        return "date"
    if isinstance(t, Text) or (isinstance(t, String) and (t.length or 0) > 1000):
        return "text"
    if isinstance(t, String):
        return "str"
    if isinstance(t, LargeBinary):
        return "binary"
    if isinstance(t, NullType):
        return "other"
    return "other"


def read_catalogue(conn: Connection, schema: str | None = None,
                   progress: Callable[[str], None] | None = None) -> Catalogue:
    """The tables and views of ``schema`` (the connection's default when None)."""
    try:
        with warnings.catch_warnings():  # expression indexes, exotic types: not our business
            warnings.simplefilter("ignore", SAWarning)
            insp = sa_inspect(conn)
            names = insp.get_table_names(schema=schema)
            if len(names) > MAX_TABLES:
                raise UserError(msg("The schema has {count} tables; a draft of more than "
                                    "{max_tables} is not something a person can review.",
                                    count=format(len(names), ","),
                                    max_tables=format(MAX_TABLES, ",")),
                                msg("Draft one schema at a time with --schema NAME."))
            views = sorted(insp.get_view_names(schema=schema))
            if progress:
                progress(f"reading the catalogue of {len(names)} tables")
            cols = insp.get_multi_columns(schema=schema)
            pks = insp.get_multi_pk_constraint(schema=schema)
            fks = insp.get_multi_foreign_keys(schema=schema)
            idx = insp.get_multi_indexes(schema=schema)
            uqs = insp.get_multi_unique_constraints(schema=schema)
    except (NoSuchTableError, NotImplementedError) as exc:
        raise UserError(msg("The portal's catalogue cannot be read ({error}).",
                            error=type(exc).__name__),
                        msg("Check the --schema name and that the login may read the "
                            "catalogue.")) from exc
    except DBAPIError as exc:
        raise UserError(msg("The portal refused to show its catalogue ({error}).",
                            error=type(exc.orig).__name__),
                        msg("The draft needs a login that may read the schema's tables and "
                            "constraints (SELECT on the tables; the catalogue views).")) from exc
    if schema is not None and not names and not views:
        raise UserError(msg("The schema {schema} has no tables this login can see.",
                            schema=repr(schema)),
                        msg("Check the schema's name and the login's rights."))
    tables: dict[str, TableInfo] = {}
    for name in names:
        key = (schema, name)
        columns = {c["name"]: ColumnInfo(c["name"], type_kind(c["type"]), _type_text(c["type"]),
                                         bool(c.get("nullable", True)),
                                         getattr(c["type"], "length", None))
                   for c in cols.get(key, [])}
        pk_info: Any = pks.get(key) or {}
        pk = tuple(pk_info.get("constrained_columns") or ())
        info = TableInfo(name, columns, pk)
        for i in idx.get(key, []):
            col_names = tuple(c for c in i.get("column_names", []) if c)
            if not col_names or len(col_names) != len(i.get("column_names", [])):
                continue  # an expression index
            info.indexed.append(col_names)
            if i.get("unique"):
                info.unique.append(col_names)
        for u in uqs.get(key, []):
            info.unique.append(tuple(u["column_names"]))
        for fk in fks.get(key, []):
            target = fk.get("referred_table")
            if not target or (fk.get("referred_schema") not in (None, schema)):
                continue  # a key into another schema: not a table of this map
            info.foreign_keys.append(ForeignKey(tuple(fk["constrained_columns"]), target,
                                                tuple(fk["referred_columns"])))
        tables[name] = info
    return Catalogue(tables, views, schema)


def _type_text(t: TypeEngine[Any]) -> str:
    try:
        return str(t)
    except Exception:  # some dialect types cannot render without a dialect
        return type(t).__name__
