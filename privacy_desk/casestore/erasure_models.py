"""Tables of issue 6: erasure plans, decisions, approvals, executions, holds, portal changes.

Kept apart from :mod:`privacy_desk.casestore.models` (shared ``Base`` and naming
convention); migration 0005 creates exactly these.

A plan stores *what* would change (tables, primary keys, column names, strategies) as
canonical JSON with its SHA-256, never the values: the approval binds to that hash, so
an approver approves exactly what executes. Executions move ``started`` -> ``committed``,
``not executed`` or ``unknown`` (the connection broke at COMMIT); a ``started`` row left by
a process that died, or an ``unknown`` one, is reconciled against the portal's whole
expected after-state: ``committed``, ``not executed`` or ``changed`` (someone else changed
the data: look). Holds remember retained rows and the day their legal hold ends. Portal
changes record rectifications (old and new value, which the case must show) and consent
withdrawals.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from privacy_desk.casestore.models import OFFICER_LEN, SHA256_LEN, Base

_MYSQL_TABLE = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}

PORTAL_NAME_LEN = 128
ROW_KEY_LEN = 400
STATE_LEN = 24
KIND_LEN = 24
CATEGORY_LEN = 64
LAW_LEN = 200
HOST_LEN = 255


class ErasurePlanRecord(Base):
    """A plan for one person of a case: what erasure (or consent withdrawal) would change."""

    __tablename__ = "erasure_plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(KIND_LEN))  # 'erasure' | 'consent_withdrawal'
    #: 'draft' | 'approved' | 'started' | 'committed' | 'not executed' | 'superseded'
    state: Mapped[str] = mapped_column(String(STATE_LEN))
    #: the candidate (subject table + key, or the loose rows) as canonical JSON
    subject: Mapped[str] = mapped_column(Text)
    as_of: Mapped[date] = mapped_column(Date)
    plan_json: Mapped[str] = mapped_column(Text)
    plan_sha256: Mapped[str] = mapped_column(String(SHA256_LEN))
    created_by: Mapped[str] = mapped_column(String(OFFICER_LEN))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    #: the database login the author used (None on SQLite: no logins there)
    created_db_login: Mapped[str | None] = mapped_column(String(OFFICER_LEN))
    approved_by: Mapped[str | None] = mapped_column(String(OFFICER_LEN))
    approved_at: Mapped[datetime | None] = mapped_column(DateTime)
    approved_sha256: Mapped[str | None] = mapped_column(String(SHA256_LEN))
    approved_db_login: Mapped[str | None] = mapped_column(String(OFFICER_LEN))
    #: whether the store could tell author and approver apart by their own logins
    four_eyes_enforced: Mapped[bool | None] = mapped_column(Boolean)
    #: the person's name and postal address for the confirmation letter, as JSON, read
    #: from the portal when the plan was made (migration 0012); None when minimised
    letter_address: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (_MYSQL_TABLE,)

    def kept_recipient(self) -> tuple[str, tuple[str, ...], str]:
        """The name, postal address and customer number kept for the letters ('', (), ''
        when none was kept, or it was minimised)."""
        try:
            data = json.loads(self.letter_address) if self.letter_address else {}
            return (str(data.get("name") or ""),
                    tuple(str(a) for a in data.get("address") or ()),
                    str(data.get("reference") or ""))
        except (ValueError, AttributeError, TypeError):
            return "", (), ""


class ErasureDecisionRecord(Base):
    """The officer's decision for one category of a plan (erase or retain), with the reason."""

    __tablename__ = "erasure_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("erasure_plans.id", ondelete="CASCADE"), index=True)
    category: Mapped[str] = mapped_column(String(CATEGORY_LEN))
    decision: Mapped[str] = mapped_column(String(KIND_LEN))  # 'erase' | 'retain'
    reason: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(OFFICER_LEN))
    decided_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (_MYSQL_TABLE,)


class ErasureExecutionRecord(Base):
    """One attempt to carry out a plan; ``state`` says whether the portal changed."""

    __tablename__ = "erasure_executions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("erasure_plans.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    #: started | committed | not executed | unknown | changed
    state: Mapped[str] = mapped_column(String(STATE_LEN))
    executed_by: Mapped[str] = mapped_column(String(OFFICER_LEN))
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    #: where the executing process ran, so a dead one can be told from a running one
    host: Mapped[str] = mapped_column(String(HOST_LEN))
    pid: Mapped[int] = mapped_column(Integer)
    verified: Mapped[bool | None] = mapped_column(Boolean)
    note: Mapped[str | None] = mapped_column(Text)
    #: the plan's whole expected after-state as JSON: per planned row and column, keyed
    #: hashes of the value before and after (never a value), written before the portal
    #: transaction starts, so an unknown outcome can be settled by comparing (migration 0008)
    expected: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (_MYSQL_TABLE,)


class ErasureOutcomeRecord(Base):
    """Counts per portal table of a committed execution."""

    __tablename__ = "erasure_outcomes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    execution_id: Mapped[int] = mapped_column(
        ForeignKey("erasure_executions.id", ondelete="CASCADE"), index=True)
    table_name: Mapped[str] = mapped_column(String(PORTAL_NAME_LEN))
    rows_deleted: Mapped[int] = mapped_column(Integer)
    rows_updated: Mapped[int] = mapped_column(Integer)
    rows_retained: Mapped[int] = mapped_column(Integer)

    __table_args__ = (_MYSQL_TABLE,)


class ErasureHoldRecord(Base):
    """A portal row kept under a legal hold by an executed plan, and when the hold ends."""

    __tablename__ = "erasure_holds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    execution_id: Mapped[int] = mapped_column(
        ForeignKey("erasure_executions.id", ondelete="CASCADE"), index=True)
    table_name: Mapped[str] = mapped_column(String(PORTAL_NAME_LEN))
    row_key: Mapped[str] = mapped_column(String(ROW_KEY_LEN))
    rule: Mapped[str] = mapped_column(String(CATEGORY_LEN))
    law: Mapped[str] = mapped_column(String(LAW_LEN))
    ends_on: Mapped[date] = mapped_column(Date, index=True)
    #: the plan that erased the row once the hold ended (None while still held)
    released_by_plan: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (_MYSQL_TABLE,)


class PortalChangeRecord(Base):
    """A field changed in the portal outside erasure: rectification or consent withdrawal.

    Old and new values are kept because the case must show what was corrected (art. 16);
    they live in the case store, never in logs or the audit trail.
    """

    __tablename__ = "portal_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(KIND_LEN))  # 'rectification'
    table_name: Mapped[str] = mapped_column(String(PORTAL_NAME_LEN))
    row_key: Mapped[str] = mapped_column(String(ROW_KEY_LEN))
    column_name: Mapped[str] = mapped_column(String(PORTAL_NAME_LEN))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    changed_by: Mapped[str] = mapped_column(String(OFFICER_LEN))
    changed_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (_MYSQL_TABLE,)


class PseudonymKey(Base):
    """The desk's secret for keyed-hash pseudonyms (one row, made on first use).

    Pseudonymisation, not anonymisation: whoever holds this key can link a pseudonym back.
    """

    __tablename__ = "pseudonym_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    key_hex: Mapped[str] = mapped_column(String(SHA256_LEN))
    created_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (_MYSQL_TABLE,)
