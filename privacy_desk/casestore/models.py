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
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, MetaData, String, Text
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
