"""Channels (issue 15): requests by phone or in person record who took them.

The channel column already holds any short string; the new values 'phone' and
'in_person' need no change to it. A spoken request leaves no document, so the case
names the employee who took it (``cases.taken_by``).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("taken_by", sa.String(length=80), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("taken_by")
