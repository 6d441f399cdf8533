"""Outcomes are facts, less personal data lying around (issue 14).

- ``erasure_executions.expected``: the plan's whole expected after-state (keyed hashes per
  row and column), so an execution whose COMMIT's fate is unknown can be settled.
- ``case_exports.state`` / ``folder``: an export is 'pending' (files being put in place)
  until they are durably there, then 'recorded'; a pending one is settled at start.
- ``case_minimisations``: which closed or erased cases had their identifiers replaced by
  keyed hashes after the retention period, and when.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MYSQL: dict[str, Any] = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}


def upgrade() -> None:
    with op.batch_alter_table("erasure_executions") as batch:
        batch.add_column(sa.Column("expected", sa.Text(), nullable=True))
    with op.batch_alter_table("case_exports") as batch:
        batch.add_column(sa.Column("state", sa.String(length=24), nullable=False,
                                   server_default="recorded"))
        batch.add_column(sa.Column("folder", sa.Text(), nullable=True))
    op.create_table(
        "case_minimisations",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("minimised_at", sa.DateTime(), nullable=False),
        sa.Column("minimised_by", sa.String(length=80), nullable=False),
        sa.Column("identifiers", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"],
                                name=op.f("fk_case_minimisations_case_id_cases"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_minimisations")),
        **_MYSQL,
    )


def downgrade() -> None:
    op.drop_table("case_minimisations")
    with op.batch_alter_table("case_exports") as batch:
        batch.drop_column("folder")
        batch.drop_column("state")
    with op.batch_alter_table("erasure_executions") as batch:
        batch.drop_column("expected")
