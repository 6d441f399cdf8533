"""Audit trail and officers (issue 7): hash-chained audit entries, roles.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25

Reserved so parallel work lands in a fixed order; filled in by the feature that owns it.
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
