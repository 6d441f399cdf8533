"""Tables of issue 5: what an officer withholds from a person's extract, and what was sent.

Kept apart from :mod:`privacy_desk.casestore.models` so features land in parallel; they
share its ``Base`` and naming convention, and migration 0003 creates exactly these.

``withheld_items`` records a portal field (or a whole row) that must not reach the person,
usually because it is someone else's data (art. 15(4)); the reason is the officer's record
of why. Rows are identified by table and primary key (canonical JSON), never by content.
``case_exports`` and ``case_export_files`` show what was produced, when, by whom, and the
SHA-256 of each file, so the case proves exactly what the person received.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from privacy_desk.casestore.models import FILENAME_LEN, OFFICER_LEN, SHA256_LEN, Base

_MYSQL_TABLE = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}

#: Portal table and column names (identifiers in any SQL dialect fit in this).
PORTAL_NAME_LEN = 128
#: Canonical JSON of a row's primary key values.
ROW_KEY_LEN = 400
LANG_LEN = 8
KIND_LEN = 16


class WithheldItem(Base):
    """A field (``column_name`` set) or a whole row (``column_name`` NULL) left out."""

    __tablename__ = "withheld_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    table_name: Mapped[str] = mapped_column(String(PORTAL_NAME_LEN))
    row_key: Mapped[str] = mapped_column(String(ROW_KEY_LEN))
    column_name: Mapped[str | None] = mapped_column(String(PORTAL_NAME_LEN))
    reason: Mapped[str] = mapped_column(Text)
    withheld_by: Mapped[str] = mapped_column(String(OFFICER_LEN))
    withheld_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (_MYSQL_TABLE,)


class CaseExport(Base):
    """One extract produced for a case (a PDF letter and a machine-readable bundle)."""

    __tablename__ = "case_exports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    produced_at: Mapped[datetime] = mapped_column(DateTime)
    produced_by: Mapped[str] = mapped_column(String(OFFICER_LEN))
    lang: Mapped[str] = mapped_column(String(LANG_LEN))
    password_protected: Mapped[bool] = mapped_column(Boolean)
    row_count: Mapped[int] = mapped_column(Integer)
    withheld_count: Mapped[int] = mapped_column(Integer)
    #: SHA-256 of the data map the extract was built from (which tables/columns it covered).
    datamap_fingerprint: Mapped[str] = mapped_column(String(SHA256_LEN))
    #: 'pending' while its files are being put in place, 'recorded' once they durably are,
    #: 'not written' when they never were (settled at start; migration 0008)
    state: Mapped[str] = mapped_column(String(24), default="recorded",
                                       server_default="recorded")
    #: the folder the files were written to (for the start-up check of pending exports)
    folder: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (_MYSQL_TABLE,)


class CaseExportFile(Base):
    """A file of an export: its name in the target folder, size and SHA-256."""

    __tablename__ = "case_export_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    export_id: Mapped[int] = mapped_column(
        ForeignKey("case_exports.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(KIND_LEN))  # 'pdf' | 'bundle'
    filename: Mapped[str] = mapped_column(String(FILENAME_LEN))
    size_bytes: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(SHA256_LEN))
    note: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (_MYSQL_TABLE,)
