"""The letters a case sent (issue 13): which kind, to whom, in which language, its SHA-256.

Kept apart from :mod:`privacy_desk.casestore.models` so features land in parallel; shares
its ``Base``. Migration 0006 creates exactly this table. The PDF itself is written to the
folder the officer chose; the row proves which file was sent (its SHA-256 and name), when,
by whom and from which template. A notice to a recipient (art. 19) is a letter whose
``recipient`` is that recipient's key in the data map, so "who was told when" is a query.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from privacy_desk.casestore.models import (
    FILENAME_LEN,
    LABEL_LEN,
    OFFICER_LEN,
    SHA256_LEN,
    Base,
)

_MYSQL_TABLE = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}
LETTER_KIND_LEN = 32
LANG_LEN = 8
TEMPLATE_LEN = 500


class CaseLetter(Base):
    """One letter produced for a case."""

    __tablename__ = "case_letters"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(LETTER_KIND_LEN))
    lang: Mapped[str] = mapped_column(String(LANG_LEN))
    #: '' for the person; a data-map recipient's key for an art. 19 notice
    recipient: Mapped[str] = mapped_column(String(LABEL_LEN))
    recipient_name: Mapped[str] = mapped_column(String(LABEL_LEN))
    letter_date: Mapped[date] = mapped_column(Date)
    filename: Mapped[str] = mapped_column(String(FILENAME_LEN))
    size_bytes: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(SHA256_LEN))
    template: Mapped[str] = mapped_column(String(TEMPLATE_LEN))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(OFFICER_LEN))

    __table_args__ = (_MYSQL_TABLE,)
