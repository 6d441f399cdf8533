"""The data map as typed, immutable values (the YAML format is described in docs/datamap.md).

Everything that finds, exports or erases a person's data reads these objects, never a
schema in code: the portal belongs to someone else and differs from our demo. Each
element keeps the line of the map file it came from, so any later finding (a missing
column, an unindexed identity column) can point the DBA at the line to fix.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from privacy_desk.datamap.request_source import CustomerNameSource, IncomingRequestSource
from privacy_desk.domain.requests import RequestType

#: The format version this code reads. Bump on incompatible changes to the format.
FORMAT_VERSION = 1


class Erasure(enum.StrEnum):
    """What erasure does to a column's value."""

    DELETE_ROW = "delete_row"
    SET_NULL = "set_null"
    REPLACE = "replace"  # with the fixed ``value`` given in the map
    PSEUDONYMISE = "pseudonymise"  # keyed hash (HMAC): pseudonymisation, NOT anonymisation
    KEEP = "keep"

    @property
    def description(self) -> str:
        """What to tell the person (and the auditor) the strategy amounts to."""
        return {
            Erasure.DELETE_ROW: "deleted (the whole row)",
            Erasure.SET_NULL: "emptied (anonymised)",
            Erasure.REPLACE: "replaced by a fixed value (anonymised)",
            Erasure.PSEUDONYMISE: "replaced by a keyed hash: pseudonymisation, not anonymisation",
            Erasure.KEEP: "kept",
        }[self]


@dataclass(frozen=True)
class Text:
    """A text the desk may show the person, in Swedish and English."""

    sv: str
    en: str

    def get(self, lang: str) -> str:
        return self.sv if lang == "sv" else self.en


@dataclass(frozen=True)
class Category:
    """A data category and the art. 15(1) information that goes with it."""

    name: str
    title: Text
    purpose: Text
    legal_basis: Text
    recipients: Text
    retention: Text
    line: int = 0


@dataclass(frozen=True)
class HoldRule:
    """A legal obligation to keep rows (art. 17(3)(b)), counted from a date in the row.

    ``years_after_year_end``: the row is kept until the end of that many calendar years
    after the year of the date, e.g. Bokföringslagen (1999:1078) 7 kap. 2 §: 7.
    """

    name: str
    law: str
    description: Text
    years_after_year_end: int
    line: int = 0

    def releases_on(self, date: dt.date) -> dt.date:
        """The first day the row may be erased (an invoice of 2026 -> 2034-01-01)."""
        return dt.date(date.year + self.years_after_year_end + 1, 1, 1)


@dataclass(frozen=True)
class TableHold:
    """A hold rule applied to one table, against one of its date columns."""

    rule: str
    date_column: str
    line: int = 0


@dataclass(frozen=True)
class ColumnSpec:
    """One mapped column: what it is and what erasure does to it."""

    name: str
    category: str | None
    personal: bool
    erasure: Erasure
    #: the fixed replacement for ``Erasure.REPLACE``
    replacement: str | None = None
    #: what erasure does while a legal hold keeps the row (minimisation, default keep)
    erasure_under_hold: Erasure = Erasure.KEEP
    description: str = ""
    line: int = 0
    #: False for personal data whose value must not leave the company even to the person
    #: (a password hash): an extract names the field and marks it, without the value.
    disclose: bool = True


class Match(enum.StrEnum):
    """How an identity column is compared with an identifier."""

    FORMS = "forms"  # column IN (the spellings a portal may store); uses a plain index
    CASEFOLD = "casefold"  # lower(column) = value; wants an index on lower(column)
    EXACT = "exact"  # column = canonical value


@dataclass(frozen=True)
class IdentityColumn:
    """A column that holds an identifier of ``kind`` for the row's person."""

    column: str
    kind: str
    match: Match
    line: int = 0


@dataclass(frozen=True)
class Reference:
    """A join from this table to ``table``: ``on`` maps local columns to remote columns.

    Composite keys have several pairs. References are followed hop by hop up to a
    subject table; which side holds the foreign key does not matter.
    """

    table: str
    on: tuple[tuple[str, str], ...]
    line: int = 0

    @property
    def local_columns(self) -> tuple[str, ...]:
        return tuple(a for a, _ in self.on)

    @property
    def remote_columns(self) -> tuple[str, ...]:
        return tuple(b for _, b in self.on)


@dataclass(frozen=True)
class TableSpec:
    """How a table's rows belong to a person, and what each column is."""

    name: str
    primary_key: tuple[str, ...]
    #: rows of a subject table *are* persons (customers): candidates resolve to them
    subject: bool
    #: columns joined to label a candidate in lists (names), never logged
    label_columns: tuple[str, ...]
    identity: tuple[IdentityColumn, ...]
    references: tuple[Reference, ...]
    columns: Mapping[str, ColumnSpec]
    hold: TableHold | None = None
    description: str = ""
    line: int = 0

    def column(self, name: str) -> ColumnSpec | None:
        return self.columns.get(name)


@dataclass(frozen=True)
class ExcludedTable:
    """A table left out of the map on purpose, with the reason (shown in reports)."""

    name: str
    reason: str
    line: int = 0


@dataclass(frozen=True)
class RequestSourceSpec:
    """Where the portal keeps requests people submit (for the desk's queue).

    ``columns`` maps the desk's field names (id, reference, received_at, type, ...) to
    portal columns; ``type_values`` maps portal values to RequestType values.
    """

    table: str
    columns: Mapping[str, str]
    type_values: Mapping[str, str]
    received_at_timezone: str
    line: int = 0


@dataclass(frozen=True)
class DataMap:
    """A whole data map: tables, categories, hold rules, the request source."""

    name: str
    version: int
    tables: Mapping[str, TableSpec]
    categories: Mapping[str, Category]
    holds: Mapping[str, HoldRule]
    excluded: Mapping[str, ExcludedTable]
    identifier_patterns: Mapping[str, re.Pattern[str]]
    requests: RequestSourceSpec | None = None
    source: Path | None = None
    description: str = ""
    #: table -> the chain of references from it to a subject table (computed on load)
    paths: Mapping[str, tuple[tuple[Reference, ...], ...]] = field(
        default_factory=lambda: MappingProxyType({}))

    def where(self, line: int) -> str:
        """'file:line' for messages about an element of this map."""
        name = self.source.name if self.source else "<data map>"
        return f"{name}:{line}" if line else name

    @property
    def subject_tables(self) -> tuple[TableSpec, ...]:
        return tuple(t for t in self.tables.values() if t.subject)

    def identity_columns(self, kind: str) -> Iterator[tuple[TableSpec, IdentityColumn]]:
        """Every (table, identity column) that holds identifiers of ``kind``."""
        for table in self.tables.values():
            for ident in table.identity:
                if ident.kind == kind:
                    yield table, ident

    def identity_kinds(self) -> frozenset[str]:
        return frozenset(i.kind for t in self.tables.values() for i in t.identity)

    def request_source(self) -> RequestSourceSpec | None:
        """The incoming-request table mapping, or None when the portal has none."""
        return self.requests

    def incoming_request_source(self) -> IncomingRequestSource | None:
        """The request queue's reader configuration, built from ``requests:``."""
        src = self.requests
        if src is None:
            return None
        cols = src.columns
        customer = None
        subjects = self.subject_tables
        if "customer_id" in cols and len(subjects) == 1 and len(subjects[0].primary_key) == 1:
            subject = subjects[0]
            customer = CustomerNameSource(table=subject.name, id_column=subject.primary_key[0],
                                          name_columns=subject.label_columns)
        identifiers = {k: cols[k] for k in ("customer_id", "personnummer", "orgnr", "email",
                                            "phone") if k in cols}
        return IncomingRequestSource(
            table=src.table, id_column=cols["id"],
            reference_column=cols.get("reference", cols["id"]),
            submitted_at_column=cols["received_at"], type_column=cols["type"],
            type_map=MappingProxyType({k: RequestType(v) for k, v in src.type_values.items()}),
            identifier_columns=MappingProxyType(identifiers),
            customer_id_column=cols.get("customer_id"), customer=customer,
            email_column=cols.get("email"), message_column=cols.get("message"))
