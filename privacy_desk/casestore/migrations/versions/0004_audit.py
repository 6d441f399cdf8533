"""Audit trail and officers (issue 7): hash-chained audit entries, roles.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25

On PostgreSQL the audit table also gets a trigger refusing UPDATE, DELETE and TRUNCATE
to everyone (the owner included); the DBA additionally withholds those privileges from
the app's role (docs/audit.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MYSQL: dict[str, Any] = {"mysql_charset": "utf8mb4", "mysql_collate": "utf8mb4_unicode_ci"}
_GENESIS = "0" * 64

_PG_GUARD = """
CREATE FUNCTION privacy_desk_audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$
"""


def upgrade() -> None:
    op.create_table(
        "audit_entries",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("action", sa.String(length=48), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("case_number", sa.String(length=24), nullable=True),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("entry_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_entries")),
        **_MYSQL,
    )
    op.create_index(op.f("ix_audit_entries_at"), "audit_entries", ["at"], unique=False)
    op.create_index(op.f("ix_audit_entries_case_id"), "audit_entries", ["case_id"],
                    unique=False)
    head = op.create_table(
        "audit_chain_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain_head")),
        **_MYSQL,
    )
    op.bulk_insert(head, [{"id": 1, "last_seq": 0, "last_hash": _GENESIS}])
    op.create_table(
        "officers",
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("admin", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_officers")),
        **_MYSQL,
    )
    op.create_table(
        "officer_roles",
        sa.Column("officer", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=24), nullable=False),
        sa.ForeignKeyConstraint(["officer"], ["officers.name"],
                                name=op.f("fk_officer_roles_officer_officers"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("officer", "role", name=op.f("pk_officer_roles")),
        **_MYSQL,
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_GUARD)
        op.execute("CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE "
                   "ON audit_entries FOR EACH ROW "
                   "EXECUTE FUNCTION privacy_desk_audit_append_only()")
        op.execute("CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE "
                   "ON audit_entries FOR EACH STATEMENT "
                   "EXECUTE FUNCTION privacy_desk_audit_append_only()")


def downgrade() -> None:
    op.drop_table("officer_roles")
    op.drop_table("officers")
    op.drop_table("audit_chain_head")
    op.drop_index(op.f("ix_audit_entries_case_id"), table_name="audit_entries")
    op.drop_index(op.f("ix_audit_entries_at"), table_name="audit_entries")
    op.drop_table("audit_entries")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS privacy_desk_audit_append_only()")
