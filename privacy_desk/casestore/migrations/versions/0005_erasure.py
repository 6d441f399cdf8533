"""Erasure, rectification and consent (issue 6): plans, approvals, executions, holds.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MYSQL: dict[str, Any] = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"],
                                   name=op.f(f"fk_{table}_{column}_{target}"),
                                   ondelete="CASCADE")


def _index(table: str, column: str) -> None:
    op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


def upgrade() -> None:
    op.create_table(
        "erasure_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("plan_json", sa.Text(), nullable=False),
        sa.Column("plan_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_db_login", sa.String(length=80), nullable=True),
        sa.Column("approved_by", sa.String(length=80), nullable=True),
        sa.Column("approved_at", sa.DateTime(), nullable=True),
        sa.Column("approved_sha256", sa.String(length=64), nullable=True),
        sa.Column("approved_db_login", sa.String(length=80), nullable=True),
        sa.Column("four_eyes_enforced", sa.Boolean(), nullable=True),
        _fk("erasure_plans", "case_id", "cases"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure_plans")),
        **_MYSQL,
    )
    _index("erasure_plans", "case_id")

    op.create_table(
        "erasure_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("decision", sa.String(length=24), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(length=80), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        _fk("erasure_decisions", "plan_id", "erasure_plans"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure_decisions")),
        **_MYSQL,
    )
    _index("erasure_decisions", "plan_id")

    op.create_table(
        "erasure_executions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("executed_by", sa.String(length=80), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("verified", sa.Boolean(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        _fk("erasure_executions", "plan_id", "erasure_plans"),
        _fk("erasure_executions", "case_id", "cases"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure_executions")),
        **_MYSQL,
    )
    _index("erasure_executions", "case_id")
    _index("erasure_executions", "plan_id")

    op.create_table(
        "erasure_outcomes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("execution_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=128), nullable=False),
        sa.Column("rows_deleted", sa.Integer(), nullable=False),
        sa.Column("rows_updated", sa.Integer(), nullable=False),
        sa.Column("rows_retained", sa.Integer(), nullable=False),
        _fk("erasure_outcomes", "execution_id", "erasure_executions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure_outcomes")),
        **_MYSQL,
    )
    _index("erasure_outcomes", "execution_id")

    op.create_table(
        "erasure_holds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("execution_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=128), nullable=False),
        sa.Column("row_key", sa.String(length=400), nullable=False),
        sa.Column("rule", sa.String(length=64), nullable=False),
        sa.Column("law", sa.String(length=200), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("released_by_plan", sa.Integer(), nullable=True),
        _fk("erasure_holds", "case_id", "cases"),
        _fk("erasure_holds", "execution_id", "erasure_executions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure_holds")),
        **_MYSQL,
    )
    _index("erasure_holds", "case_id")
    _index("erasure_holds", "ends_on")
    _index("erasure_holds", "execution_id")

    op.create_table(
        "portal_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("table_name", sa.String(length=128), nullable=False),
        sa.Column("row_key", sa.String(length=400), nullable=False),
        sa.Column("column_name", sa.String(length=128), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("changed_by", sa.String(length=80), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        _fk("portal_changes", "case_id", "cases"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_portal_changes")),
        **_MYSQL,
    )
    _index("portal_changes", "case_id")

    op.create_table(
        "pseudonym_keys",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("key_hex", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pseudonym_keys")),
        **_MYSQL,
    )


def downgrade() -> None:
    op.drop_table("pseudonym_keys")
    op.drop_table("portal_changes")
    op.drop_table("erasure_holds")
    op.drop_table("erasure_outcomes")
    op.drop_table("erasure_executions")
    op.drop_table("erasure_decisions")
    op.drop_table("erasure_plans")
