"""Exports (issue 5): withheld fields and produced extracts recorded on the case.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25

Reserved so parallel work lands in a fixed order; filled in by the feature that owns it.
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
