"""Queue work (issue 4): identity checks, extensions, allowance decisions, identifiers, scans.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import mysql

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MYSQL: dict[str, Any] = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}


def _case_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["case_id"], ["cases.id"],
                                   name=op.f(f"fk_{table}_case_id_cases"), ondelete="CASCADE")


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("identity_verified_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("extension_told_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("extension_reason", sa.Text(), nullable=True))

    op.create_table(
        "identity_verifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=24), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("verified_on", sa.Date(), nullable=False),
        sa.Column("officer", sa.String(length=80), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        _case_fk("identity_verifications"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_identity_verifications")),
        **_MYSQL,
    )
    op.create_index(op.f("ix_identity_verifications_case_id"), "identity_verifications",
                    ["case_id"], unique=False)

    op.create_table(
        "case_identifiers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("value", sa.String(length=160), nullable=False),
        _case_fk("case_identifiers"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_identifiers")),
        sa.UniqueConstraint("case_id", "kind", "value",
                            name=op.f("uq_case_identifiers_case_id_kind_value")),
        **_MYSQL,
    )
    op.create_index(op.f("ix_case_identifiers_case_id"), "case_identifiers", ["case_id"],
                    unique=False)
    op.create_index("ix_case_identifiers_kind_value", "case_identifiers", ["kind", "value"],
                    unique=False)

    op.create_table(
        "allowance_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("fee_sek", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("extracts_in_period", sa.Integer(), nullable=False),
        sa.Column("decided_by", sa.String(length=80), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        _case_fk("allowance_decisions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_allowance_decisions")),
        sa.UniqueConstraint("case_id", name=op.f("uq_allowance_decisions_case_id")),
        **_MYSQL,
    )

    op.create_table(
        "case_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=64), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content",
                  sa.LargeBinary().with_variant(mysql.LONGBLOB(), "mysql", "mariadb"),
                  nullable=False),
        sa.Column("added_by", sa.String(length=80), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        _case_fk("case_attachments"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_attachments")),
        **_MYSQL,
    )
    op.create_index(op.f("ix_case_attachments_case_id"), "case_attachments", ["case_id"],
                    unique=False)


def downgrade() -> None:
    op.drop_table("case_attachments")
    op.drop_table("allowance_decisions")
    op.drop_table("case_identifiers")
    op.drop_table("identity_verifications")
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("extension_reason")
        batch.drop_column("extension_told_on")
        batch.drop_column("identity_verified_on")
