"""Tables of the audit trail and of the officers allowed to use a case store (issue 7).

Kept apart from :mod:`privacy_desk.casestore.models` so features land in parallel; they
share its ``Base`` and naming convention, and migration 0004 creates exactly these.

``audit_entries`` is append-only: each entry carries the hash of the one before it, so
any change, removal, insertion or reordering shows in
:func:`privacy_desk.casestore.audit.verify_audit_trail`. ``audit_entries.case_id`` is
deliberately not a foreign key: the trail must outlive any case it mentions.
``audit_chain_head`` is one row (id 1) holding the newest position and hash: updating it
first serialises writers (a row lock), and it shows when entries at the end vanish.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from privacy_desk.casestore.models import CASE_NUMBER_LEN, OFFICER_LEN, Base

_MYSQL_TABLE = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}

AUDIT_ACTION_LEN = 48
HASH_LEN = 64
ROLE_LEN = 24
#: ``prev_hash`` of the very first entry.
GENESIS_HASH = "0" * HASH_LEN


class AuditEntry(Base):
    """One sensitive action: who, when, what (case, tables, counts) — never personal data."""

    __tablename__ = "audit_entries"

    #: Position in the trail, handed out from ``audit_chain_head`` (1, 2, 3, ...).
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    #: Naive UTC, whole seconds (MariaDB's DATETIME keeps no fraction; the hash must match).
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(OFFICER_LEN))
    action: Mapped[str] = mapped_column(String(AUDIT_ACTION_LEN))
    case_id: Mapped[int | None] = mapped_column(Integer, index=True)
    case_number: Mapped[str | None] = mapped_column(String(CASE_NUMBER_LEN))
    #: Canonical JSON (sorted keys) of str/int values: table names, counts, ids.
    details: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(HASH_LEN))
    entry_hash: Mapped[str] = mapped_column(String(HASH_LEN))

    __table_args__ = (_MYSQL_TABLE,)


class AuditChainHead(Base):
    """The newest entry's position and hash (a single row, id 1)."""

    __tablename__ = "audit_chain_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(HASH_LEN))

    __table_args__ = (_MYSQL_TABLE,)


class Officer(Base):
    """Someone allowed to use this case store (by login name), and whether they administer it."""

    __tablename__ = "officers"

    name: Mapped[str] = mapped_column(String(OFFICER_LEN), primary_key=True)
    admin: Mapped[bool] = mapped_column(Boolean)
    active: Mapped[bool] = mapped_column(Boolean)
    added_at: Mapped[datetime] = mapped_column(DateTime)
    added_by: Mapped[str] = mapped_column(String(OFFICER_LEN))

    __table_args__ = (_MYSQL_TABLE,)


class OfficerRole(Base):
    """One role an officer holds: officer, approver or auditor."""

    __tablename__ = "officer_roles"

    officer: Mapped[str] = mapped_column(
        ForeignKey("officers.name", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(ROLE_LEN), primary_key=True)

    __table_args__ = (_MYSQL_TABLE,)


class GuardToken(Base):
    """A plan being approved by the owner's procedure right now (MariaDB, migration 0007).

    MariaDB's triggers cannot tell "inside the approval procedure" from "an officer's own
    UPDATE" (both run for the officer's ``USER()``), so the procedure leaves this row, which
    officers cannot write, for the duration of its UPDATE. Always empty between statements.
    """

    __tablename__ = "guard_tokens"

    plan_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    connection_id: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (_MYSQL_TABLE,)


__all__ = ["GENESIS_HASH", "AuditChainHead", "AuditEntry", "GuardToken", "Officer",
           "OfficerRole"]
