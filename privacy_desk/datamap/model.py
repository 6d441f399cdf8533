"""The data map as typed, immutable values (the YAML format is described in docs/datamap.md).

Everything that finds, exports or erases a person's data reads these objects, never a
schema in code: the portal belongs to someone else and differs from our demo. Each
element keeps the line of the map file it came from, so any later finding (a missing
column, an unindexed identity column) can point the DBA at the line to fix.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from privacy_desk.datamap.request_source import CustomerNameSource, IncomingRequestSource
from privacy_desk.domain.requests import RequestType
from privacy_desk.identifiers import IdentifierPattern

#: The format version this code writes. Version 1 maps still load (v2 only adds keys);
#: ``privacy-desk datamap upgrade`` rewrites one as version 2.
FORMAT_VERSION = 2
SUPPORTED_VERSIONS = (1, 2)
#: A hold longer than this is a typo, not a law (the longest Swedish ones are 10 years).
MAX_HOLD_YEARS = 100


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


def words(text: Text | None, lang: str, fallback: str) -> str:
    """The map's words for a table, column or value, or ``fallback`` (the machine name)."""
    return text.get(lang) if text is not None else fallback


class Provenance(enum.StrEnum):
    """Where a value came from, as art. 20 and the EDPB's WP242 distinguish it."""

    PROVIDED = "provided"  # the person gave it (a form, Min sida)
    OBSERVED = "observed"  # recorded from the person's use of the service (meter, logins)
    INFERRED = "inferred"  # inferred, derived or created by the company (amounts, numbers)

    @property
    def portable(self) -> bool:
        """Provided and observed data is in the scope of art. 20; inferred data is not."""
        return self is not Provenance.INFERRED


class LawfulBasis(enum.StrEnum):
    """The art. 6(1) basis of a category, as a machine reads it (the text is legal_basis)."""

    CONSENT = "consent"  # 6(1)(a)
    CONTRACT = "contract"  # 6(1)(b)
    LEGAL_OBLIGATION = "legal_obligation"  # 6(1)(c)
    VITAL_INTERESTS = "vital_interests"  # 6(1)(d)
    PUBLIC_TASK = "public_task"  # 6(1)(e)
    LEGITIMATE_INTEREST = "legitimate_interest"  # 6(1)(f)


#: Art. 20(1)(a): portability covers processing based on consent or on a contract.
PORTABLE_BASES = frozenset({LawfulBasis.CONSENT, LawfulBasis.CONTRACT})


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
    #: the art. 6(1) bases, machine-readable (portability, objection); empty: not said
    bases: tuple[LawfulBasis, ...] = ()
    #: the provenance of the category's columns unless a column says otherwise
    provenance: Provenance | None = None

    @property
    def portable_basis(self) -> bool:
        return bool(PORTABLE_BASES.intersection(self.bases))


@dataclass(frozen=True)
class Recipient:
    """A named recipient the portal's data is disclosed to (art. 15(1)(c), art. 19).

    Each gets its own notice when the person's data in ``categories`` is rectified,
    erased or restricted; ``third_country`` (with its ``safeguards``) feeds art. 15(2).
    """

    name: str  # the key in the map
    title: str  # the recipient's name as written on a letter
    address: tuple[str, ...]
    email: str
    categories: tuple[str, ...]
    third_country: str = ""
    safeguards: Text | None = None
    line: int = 0
    #: the tables whose rows are disclosed to it; () = every table of its categories.
    #: A person with no row in these is not told they reach this recipient (art. 15(1)(c)).
    tables: tuple[str, ...] = ()


@dataclass(frozen=True)
class HoldRule:
    """A legal obligation to keep rows (art. 17(3)(b)), counted from a date in the row.

    ``years_after_year_end``: the row is kept until the end of that many calendar years
    after the calendar year in which the *financial year* of the date ended, e.g.
    Bokföringslagen (1999:1078) 7 kap. 2 §: 7. ``financial_year_start`` is (month, day)
    of the company's financial year; (1, 1) is the calendar year.
    """

    name: str
    law: str
    description: Text
    years_after_year_end: int
    line: int = 0
    financial_year_start: tuple[int, int] = (1, 1)

    def financial_year_end(self, date: dt.date) -> dt.date:
        """The last day of the financial year that ``date`` falls in."""
        month, day = self.financial_year_start
        if (month, day) == (1, 1):
            return dt.date(date.year, 12, 31)
        start_this_year = dt.date(date.year, month, day)
        next_start = start_this_year if date < start_this_year else \
            dt.date(date.year + 1, month, day)
        return next_start - dt.timedelta(days=1)

    def releases_on(self, date: dt.date) -> dt.date:
        """The first day the row may be erased (an invoice of 2026 -> 2034-01-01; with a
        July-June financial year, an invoice of 2026-09 -> 2035-01-01)."""
        ended = self.financial_year_end(date).year
        return dt.date(ended + self.years_after_year_end + 1, 1, 1)


@dataclass(frozen=True)
class TableHold:
    """A hold rule applied to one table, against a date column of its own or, with
    ``via``, of the row it references in table ``via`` (invoice lines follow their invoice)."""

    rule: str
    date_column: str
    line: int = 0
    via: str | None = None


class Disclosure(enum.StrEnum):
    """How an extract shows a column that points at another person (art. 15(4))."""

    ROLE = "role"  # only that there is such a person: "Kundansvarig: en anställd"
    WITHHELD = "withheld"  # the field is named and marked withheld
    DISCLOSED = "disclosed"  # the other person's label (a name) is shown


@dataclass(frozen=True)
class PersonLink:
    """A column holding the key of *another* person (an account manager, a co-holder).

    Not a path to the row's person: it is never followed to collect data, and an extract
    shows it as the map says, never as a bare id.
    """

    table: str
    role: Text
    disclose: Disclosure = Disclosure.ROLE
    column: str = ""  # the referenced table's key column (its primary key when empty)
    line: int = 0


#: What a column means, beyond its category: used by name search and to tell candidates apart.
#: ``quantity``: a measured amount (kWh), shown with grouped digits like money.
MEANINGS = frozenset({"postcode", "birth_date", "street", "city", "country", "quantity"})


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
    #: words for people: the column's title and labels of coded values (sv/en)
    title: Text | None = None
    values: Mapping[str, Text] = field(default_factory=lambda: MappingProxyType({}))
    #: why a column that may look personal is not (shown by check; required in v2 for those)
    reason: str = ""
    #: a column pointing at another person (art. 15(4))
    person: PersonLink | None = None
    #: one of MEANINGS, or None
    meaning: str | None = None
    #: provided / observed / inferred (the column's own, else its category's; None: not said)
    provenance: Provenance | None = None

    def value_label(self, value: object, lang: str) -> str | None:
        """The map's label for a coded value (``1`` -> "Ja"), or None."""
        if not self.values:
            return None
        key = str(value).lower() if isinstance(value, bool) else str(value)
        text = self.values.get(key)
        return text.get(lang) if text else None


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
    #: the column is numeric in the portal: identifiers are compared as numbers (plain index)
    numeric: bool = False


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


class RestrictionMechanism(enum.StrEnum):
    """How the portal marks a row as restricted (art. 18): kept, but not used."""

    FLAG = "flag"  # a column set to a value (processing_restricted = true)
    STATUS = "status"  # a status column set to a value the portal honours ('restricted')
    REGISTER = "register"  # a row in the portal's restriction table (restriction_register)
    NONE = "none"  # the portal has no means: recorded on the case, the systems are told


@dataclass(frozen=True)
class RestrictionSpec:
    """A table's restriction mechanism; ``tell`` names the systems to tell (art. 18, 19)."""

    mechanism: RestrictionMechanism
    column: str = ""
    value: str | int | bool | None = None
    tell: tuple[str, ...] = ()
    line: int = 0

    @property
    def marks_row(self) -> bool:
        return self.mechanism in (RestrictionMechanism.FLAG, RestrictionMechanism.STATUS)


@dataclass(frozen=True)
class RestrictionRegister:
    """The portal's restriction table: one row per restricted row (or field) of a table.

    ``columns`` maps the desk's fields (table, key, column, ground, since) to its columns;
    ``column`` (the restricted field) is optional.
    """

    table: str
    columns: Mapping[str, str]
    line: int = 0


@dataclass(frozen=True)
class MarketingChannel:
    """A channel of direct marketing (art. 21(2)-(3)) and how to stop it for a person.

    ``column`` None: the person's rows of ``table`` are deleted; otherwise ``column`` is
    set to ``value`` (the word ``now``: the current time, where it is still empty).
    """

    name: str
    title: Text
    table: str
    column: str | None = None
    value: str | int | bool | None = None
    line: int = 0

    @property
    def deletes(self) -> bool:
        return self.column is None

    @property
    def stamps(self) -> bool:
        return self.value == "now"


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
    #: for subject tables: the kind of person (customer, employee, contact, ...)
    kind: str = ""
    #: words for people: the table's title; for a subject table, the person kind's label
    title: Text | None = None
    kind_title: Text | None = None
    #: for subject tables: the columns of the person's name (name search); default: label
    name_columns: tuple[str, ...] = ()
    #: how the portal marks this table's rows restricted (None: the map does not say)
    restriction: RestrictionSpec | None = None

    def column(self, name: str) -> ColumnSpec | None:
        return self.columns.get(name)

    def title_in(self, lang: str) -> str:
        return words(self.title, lang, self.name)

    def column_title(self, name: str, lang: str) -> str:
        col = self.columns.get(name)
        return words(col.title if col else None, lang, name)

    def kind_label(self, lang: str) -> str:
        return words(self.kind_title, lang, self.kind or self.name)

    def columns_with(self, meaning: str) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns.values() if c.meaning == meaning)


@dataclass(frozen=True)
class ExcludedTable:
    """A table left out of the map on purpose, with the reason (shown in reports).

    ``columns`` gives a reason per column that looks personal but is not (an album's
    ``Name``); check accepts those and still reports any other column that looks personal.
    """

    name: str
    reason: str
    line: int = 0
    columns: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


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
    #: the subject table ``customer_id`` points into (the only one, or the 'customer' kind)
    customer_table: str | None = None


@dataclass(frozen=True)
class ReviewItem:
    """An element a draft marked ``review: true``: a guess a person must confirm."""

    path: str  # tables.Customer.columns.Notes
    line: int


@dataclass(frozen=True)
class DataMap:
    """A whole data map: tables, categories, hold rules, the request source."""

    name: str
    version: int
    tables: Mapping[str, TableSpec]
    categories: Mapping[str, Category]
    holds: Mapping[str, HoldRule]
    excluded: Mapping[str, ExcludedTable]
    identifier_patterns: Mapping[str, IdentifierPattern]
    requests: RequestSourceSpec | None = None
    source: Path | None = None
    description: str = ""
    #: region for phone numbers written without a country code (ISO 3166 alpha-2)
    phone_region: str = "SE"
    #: elements marked ``review: true`` (a draft's guesses), for check to list
    review: tuple[ReviewItem, ...] = ()
    #: named recipients of the data (art. 19 notices), by key
    recipients: Mapping[str, Recipient] = field(default_factory=lambda: MappingProxyType({}))
    #: table -> the chain of references from it to a subject table (computed on load)
    paths: Mapping[str, tuple[tuple[Reference, ...], ...]] = field(
        default_factory=lambda: MappingProxyType({}))
    #: the portal's restriction table, when tables use ``mechanism: register``
    restriction_register: RestrictionRegister | None = None
    #: the channels of direct marketing, by name (newsletter, email, sms)
    marketing: Mapping[str, MarketingChannel] = field(
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

    def person_kinds(self) -> dict[str, TableSpec]:
        """kind -> subject table (customer, employee, ...)."""
        return {t.kind: t for t in self.subject_tables}

    @property
    def name_searchable(self) -> tuple[TableSpec, ...]:
        """Subject tables whose rows can be searched by the person's name."""
        return tuple(t for t in self.subject_tables if t.name_columns)

    def recipients_of(self, categories: Iterable[str]) -> tuple[Recipient, ...]:
        """The named recipients of any of ``categories``, in the map's order."""
        wanted = set(categories)
        return tuple(r for r in self.recipients.values() if wanted & set(r.categories))

    def recipients_of_data(self, categories: Iterable[str],
                           tables: Iterable[str]) -> tuple[Recipient, ...]:
        """The named recipients a person's data reaches: of a category they have data in
        and, where the recipient names its ``tables``, only with a row in one of them."""
        held = set(tables)
        return tuple(r for r in self.recipients_of(categories)
                     if not r.tables or held & set(r.tables))

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
        subject = self.tables.get(src.customer_table or "")
        if "customer_id" in cols and subject is not None and len(subject.primary_key) == 1:
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
            email_column=cols.get("email"), message_column=cols.get("message"),
            timezone=src.received_at_timezone)
