"""Exports (issue 5): withheld fields and produced extracts recorded on the case.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MYSQL: dict[str, Any] = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}


def _case_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["case_id"], ["cases.id"],
                                   name=op.f(f"fk_{table}_case_id_cases"), ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "withheld_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=128), nullable=False),
        sa.Column("row_key", sa.String(length=400), nullable=False),
        sa.Column("column_name", sa.String(length=128), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("withheld_by", sa.String(length=80), nullable=False),
        sa.Column("withheld_at", sa.DateTime(), nullable=False),
        _case_fk("withheld_items"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_withheld_items")),
        **_MYSQL,
    )
    op.create_index(op.f("ix_withheld_items_case_id"), "withheld_items", ["case_id"],
                    unique=False)

    op.create_table(
        "case_exports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("produced_at", sa.DateTime(), nullable=False),
        sa.Column("produced_by", sa.String(length=80), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("password_protected", sa.Boolean(), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("withheld_count", sa.Integer(), nullable=False),
        sa.Column("datamap_fingerprint", sa.String(length=64), nullable=False),
        _case_fk("case_exports"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_exports")),
        **_MYSQL,
    )
    op.create_index(op.f("ix_case_exports_case_id"), "case_exports", ["case_id"], unique=False)

    op.create_table(
        "case_export_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("export_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["export_id"], ["case_exports.id"],
                                name=op.f("fk_case_export_files_export_id_case_exports"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_export_files")),
        **_MYSQL,
    )
    op.create_index(op.f("ix_case_export_files_export_id"), "case_export_files", ["export_id"],
                    unique=False)


def downgrade() -> None:
    # Dropping a table drops its indexes; MariaDB refuses to drop an FK's index first.
    op.drop_table("case_export_files")
    op.drop_table("case_exports")
    op.drop_table("withheld_items")
