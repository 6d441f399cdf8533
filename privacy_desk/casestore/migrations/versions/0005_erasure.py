"""Erasure, rectification and consent (issue 6): plans, approvals, executions, holds.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25

Reserved so parallel work lands in a fixed order; filled in by the feature that owns it.
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
