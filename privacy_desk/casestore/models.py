"""The case store's tables: the desk's own records of data-subject requests.

Enum-like values (request type, status, channel) are stored as their plain string
values in VARCHAR columns rather than native ENUM types: adding a status later is then
a code change, not a migration that differs per backend. The service layer turns them
back into the domain's StrEnums. Timestamps are naive UTC (SQLite and MariaDB keep no
zone); dates are calendar dates in Europe/Stockholm.

The schema here must match the Alembic migrations exactly; a test runs autogenerate
against a migrated database and fails on any difference.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.mysql import LONGBLOB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

#: Constraint names are fixed by convention so migrations can refer to them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: Column sizes shared by models and migrations (MariaDB needs explicit VARCHAR lengths).
CASE_NUMBER_LEN = 24
ENUM_LEN = 24
LABEL_LEN = 160
SOURCE_REF_LEN = 120
OFFICER_LEN = 80
EVENT_KIND_LEN = 32
IDENTIFIER_KIND_LEN = 32
IDENTIFIER_VALUE_LEN = 160
FILENAME_LEN = 255
MEDIA_TYPE_LEN = 64
SHA256_LEN = 64

#: Attachments are whole scans: MariaDB's plain BLOB stops at 64 KiB, so it gets LONGBLOB.
BLOB = LargeBinary().with_variant(LONGBLOB(), "mysql", "mariadb")
_MYSQL_TABLE = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Case(Base):
    """One data-subject request and where it stands."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_number: Mapped[str] = mapped_column(String(CASE_NUMBER_LEN), unique=True)
    request_type: Mapped[str] = mapped_column(String(ENUM_LEN))
    status: Mapped[str] = mapped_column(String(ENUM_LEN))  # indexed with due_on below
    channel: Mapped[str] = mapped_column(String(ENUM_LEN))
    #: Who took a request made by phone or in person (migration 0011); None otherwise.
    taken_by: Mapped[str | None] = mapped_column(String(OFFICER_LEN))
    received_on: Mapped[date] = mapped_column(Date, index=True)
    received_at: Mapped[datetime | None] = mapped_column(DateTime)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    extended_due_on: Mapped[date | None] = mapped_column(Date)
    person_label: Mapped[str] = mapped_column(String(LABEL_LEN))
    subject_identifiers: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: Where the request came from, e.g. "portal:MS-2026-000123"; unique, so an import
    #: can never create the same case twice (not even two importers at once).
    source_ref: Mapped[str | None] = mapped_column(String(SOURCE_REF_LEN), unique=True)
    assignee: Mapped[str | None] = mapped_column(String(OFFICER_LEN), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(OFFICER_LEN))
    #: Optimistic locking: every UPDATE checks and bumps it (SQLAlchemy version_id_col).
    version: Mapped[int] = mapped_column(Integer)
    #: The day identity was last verified (details in identity_verifications); cleared when
    #: the case goes back to awaiting identity. Kept here so gating needs no join.
    identity_verified_on: Mapped[date | None] = mapped_column(Date)
    #: The day the person was told of the extension, and why (art. 12(3)).
    extension_told_on: Mapped[date | None] = mapped_column(Date)
    extension_reason: Mapped[str | None] = mapped_column(Text)

    events: Mapped[list[CaseEvent]] = relationship(
        back_populates="case", order_by=lambda: [CaseEvent.at, CaseEvent.id],
        cascade="all, delete-orphan", passive_deletes=True,
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy API)
    __table_args__ = (
        # The queue's default filter + sort: open cases by effective deadline.
        Index("ix_cases_status_due_on", "status", "due_on"),
        {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"},
    )


class CaseEvent(Base):
    """Something that happened to a case: the audit trail the officer and IMY can read."""

    __tablename__ = "case_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(OFFICER_LEN))
    kind: Mapped[str] = mapped_column(String(EVENT_KIND_LEN))
    from_status: Mapped[str | None] = mapped_column(String(ENUM_LEN))
    to_status: Mapped[str | None] = mapped_column(String(ENUM_LEN))
    note: Mapped[str | None] = mapped_column(Text)
    #: What happened, as ``Message.to_json()`` (rendered in the reader's language); ``note``
    #: is the officer's own free text. Rows from before revision 0009 have only a note.
    message: Mapped[str | None] = mapped_column(Text)

    case: Mapped[Case] = relationship(back_populates="events")

    __table_args__ = ({"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"},)


class CaseNumberCounter(Base):
    """The last case number handed out per year.

    Allocation increments the row with an UPDATE first, which takes the row lock on
    PostgreSQL/MariaDB (and the write lock on SQLite), so two officers can never get
    the same number; a batch takes a whole range in one statement.
    """

    __tablename__ = "case_number_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_number: Mapped[int] = mapped_column(Integer)

    __table_args__ = ({"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"},)


class IdentityVerificationRecord(Base):
    """How identity was verified for a case: method, evidence note, officer, when."""

    __tablename__ = "identity_verifications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    method: Mapped[str] = mapped_column(String(ENUM_LEN))
    evidence: Mapped[str] = mapped_column(Text)
    verified_on: Mapped[date] = mapped_column(Date)
    officer: Mapped[str] = mapped_column(String(OFFICER_LEN))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (_MYSQL_TABLE,)


class CaseIdentifier(Base):
    """One normalised identifier a request gave (see privacy_desk.identifiers).

    Indexed by (kind, value) so a person's history across cases is one index lookup,
    whatever spelling each request used.
    """

    __tablename__ = "case_identifiers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(IDENTIFIER_KIND_LEN))
    value: Mapped[str] = mapped_column(String(IDENTIFIER_VALUE_LEN))

    __table_args__ = (
        Index("ix_case_identifiers_kind_value", "kind", "value"),
        UniqueConstraint("case_id", "kind", "value"),
        _MYSQL_TABLE,
    )


class AllowanceDecisionRecord(Base):
    """The recorded decision on an extract beyond the yearly allowance (one per case)."""

    __tablename__ = "allowance_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), unique=True
    )
    kind: Mapped[str] = mapped_column(String(ENUM_LEN))
    reason: Mapped[str] = mapped_column(Text)
    fee_sek: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    extracts_in_period: Mapped[int] = mapped_column(Integer)
    decided_by: Mapped[str] = mapped_column(String(OFFICER_LEN))
    decided_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (_MYSQL_TABLE,)


class CaseAttachment(Base):
    """A scan kept with the case (PDF, PNG, JPEG), with its SHA-256 to show it is unchanged."""

    __tablename__ = "case_attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(FILENAME_LEN))
    media_type: Mapped[str] = mapped_column(String(MEDIA_TYPE_LEN))
    size_bytes: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(SHA256_LEN))
    content: Mapped[bytes] = mapped_column(BLOB, deferred=True)
    added_by: Mapped[str] = mapped_column(String(OFFICER_LEN))
    added_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (_MYSQL_TABLE,)


class CaseMinimisation(Base):
    """A closed or erased case whose identifiers were replaced by keyed hashes after the
    company's retention period (``privacy-desk store minimise``; migration 0008)."""

    __tablename__ = "case_minimisations"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"),
                                         primary_key=True, autoincrement=False)
    minimised_at: Mapped[datetime] = mapped_column(DateTime)
    minimised_by: Mapped[str] = mapped_column(String(OFFICER_LEN))
    identifiers: Mapped[int] = mapped_column(Integer)

    __table_args__ = ({"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"},)
