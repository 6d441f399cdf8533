"""Tables of issue 17: restrictions (art. 18) and the decisions of other rights.

Kept apart from :mod:`privacy_desk.casestore.models` (shared ``Base`` and naming
convention); migration 0010 creates exactly these.

``restrictions`` holds one restriction of a case's person: the plan (tables, keys,
fields, mechanisms: never values of personal data) with its SHA-256, its state
(``draft`` -> ``started`` -> ``active`` -> ``lifted``; ``not executed`` when the portal
transaction did not commit), the host and process that applies it (a ``started`` row left
by a process that died is settled against the portal), and the notice that must reach the
person before it is lifted (art. 18(3)). ``rights_decisions`` records what an officer
decided in a portability or objection case: a direct transfer (who sent the bundle where,
when), a balancing test (art. 21(1)), the marketing channels stopped.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from privacy_desk.casestore.models import FILENAME_LEN, OFFICER_LEN, SHA256_LEN, Base

_MYSQL_TABLE = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}

STATE_LEN = 24
GROUND_LEN = 32
KIND_LEN = 32
HOST_LEN = 255


class RestrictionRecord(Base):
    """A restriction of one person of a case, from plan to lifting."""

    __tablename__ = "restrictions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    #: 'draft' | 'started' | 'active' | 'not executed' | 'lifted' | 'superseded'
    state: Mapped[str] = mapped_column(String(STATE_LEN), index=True)
    ground: Mapped[str] = mapped_column(String(GROUND_LEN))
    subject: Mapped[str] = mapped_column(Text)
    plan_json: Mapped[str] = mapped_column(Text)
    plan_sha256: Mapped[str] = mapped_column(String(SHA256_LEN))
    reason: Mapped[str] = mapped_column(Text)
    #: when the officer means to look at it again (accuracy checked, objection weighed)
    review_on: Mapped[date | None] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(OFFICER_LEN))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    applied_by: Mapped[str | None] = mapped_column(String(OFFICER_LEN))
    started_at: Mapped[datetime | None] = mapped_column(DateTime)
    applied_at: Mapped[datetime | None] = mapped_column(DateTime)
    verified: Mapped[bool | None] = mapped_column(Boolean)
    host: Mapped[str | None] = mapped_column(String(HOST_LEN))
    pid: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    #: the notice that the restriction will be lifted (art. 18(3)), written before lifting
    notice_file: Mapped[str | None] = mapped_column(String(FILENAME_LEN))
    notice_sha256: Mapped[str | None] = mapped_column(String(SHA256_LEN))
    notice_at: Mapped[datetime | None] = mapped_column(DateTime)
    notice_by: Mapped[str | None] = mapped_column(String(OFFICER_LEN))
    lifted_by: Mapped[str | None] = mapped_column(String(OFFICER_LEN))
    lifted_at: Mapped[datetime | None] = mapped_column(DateTime)
    lift_reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (_MYSQL_TABLE,)


class RightsDecisionRecord(Base):
    """A recorded decision of a portability or objection case."""

    __tablename__ = "rights_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    #: 'direct_transfer' | 'balancing' | 'marketing_stopped'
    kind: Mapped[str] = mapped_column(String(KIND_LEN))
    #: balancing: 'compelling_grounds' | 'stop'; transfer: 'sent'; marketing: 'stopped'
    outcome: Mapped[str] = mapped_column(String(KIND_LEN))
    #: JSON: recipient and channel of a transfer, the channels stopped, the plan that follows
    details: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(OFFICER_LEN))
    decided_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (_MYSQL_TABLE,)
