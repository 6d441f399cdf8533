"""The erasure confirmation's address (issue 13): kept from the moment the plan is made.

The confirmation letter is written after the erasure, when the portal no longer holds the
person's name and postal address. The plan therefore keeps them
(``erasure_plans.letter_address``: JSON ``{"name": ..., "address": [...]}``), read from the
portal when the plan is made, so the letter reaches the person without the officer typing
the address again. ``store minimise`` empties it with the case's other identifiers.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("erasure_plans") as batch:
        batch.add_column(sa.Column("letter_address", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("erasure_plans") as batch:
        batch.drop_column("letter_address")
