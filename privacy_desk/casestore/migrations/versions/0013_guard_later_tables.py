"""The server names the officer in the tables made after the guard (issue 14's rule, kept).

Migration 0007 made every "who" column of the store the officer's own login on an officer's
write. Tables created since (``case_minimisations`` in 0008, ``restrictions`` and
``rights_decisions`` in 0010) were guarded by grants only: an officer's login could write
another officer's name into them by SQL. This migration gives them the same rule, for
columns that may also be empty until a step is taken (a restriction's ``applied_by``,
``notice_by``, ``lifted_by``): a "who" column that is set is the login; one left empty stays
empty, so a restriction is never made to look applied or lifted by the trigger itself.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Tables and their "who" columns, set to the login whenever an officer sets them.
WHO_COLUMNS: dict[str, tuple[str, ...]] = {
    "case_minimisations": ("minimised_by",),
    "restrictions": ("created_by", "applied_by", "notice_by", "lifted_by"),
    "rights_decisions": ("decided_by",),
}

_PG_FUNCTION = r"""
CREATE FUNCTION privacy_desk_who_set_is_login() RETURNS trigger
LANGUAGE plpgsql SET search_path = @SCHEMA@, pg_temp AS $$
DECLARE
    col text;
    value jsonb;
    changes jsonb := '{}';
BEGIN
    IF privacy_desk_writer_trusted() THEN
        RETURN NEW;
    END IF;
    FOREACH col IN ARRAY TG_ARGV LOOP
        value := to_jsonb(NEW) -> col;
        IF jsonb_typeof(value) IS DISTINCT FROM 'null'
           AND (TG_OP = 'INSERT' OR value IS DISTINCT FROM (to_jsonb(OLD) -> col)) THEN
            changes := changes || jsonb_build_object(col, session_user::text);
        END IF;
    END LOOP;
    NEW := jsonb_populate_record(NEW, changes);
    RETURN NEW;
END;
$$;
"""

#: The login is the tables' owner (the DBA, migrations): trusted to name the actor.
_MARIADB_OWNER = "SUBSTRING_INDEX(USER(), '@', 1) = SUBSTRING_INDEX(CURRENT_USER(), '@', 1)"


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        schema = op.get_bind().exec_driver_sql("SELECT current_schema()").scalar_one()
        op.execute(_PG_FUNCTION.replace("@SCHEMA@",
                                        '"' + str(schema).replace('"', '""') + '"'))
        op.execute("REVOKE ALL ON FUNCTION privacy_desk_who_set_is_login() FROM PUBLIC")
        for table, columns in WHO_COLUMNS.items():
            args = ", ".join(f"'{c}'" for c in columns)
            op.execute(f"CREATE TRIGGER {table}_who_is_login BEFORE INSERT OR UPDATE ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION privacy_desk_who_set_is_login({args})")
    elif dialect in ("mysql", "mariadb"):
        for table, columns in WHO_COLUMNS.items():
            for when in ("INSERT", "UPDATE"):
                keep = "" if when == "INSERT" else " OR NEW.{c} <=> OLD.{c}"
                sets = " ".join(
                    f"SET NEW.{c} = IF({_MARIADB_OWNER} OR NEW.{c} IS NULL"
                    + keep.format(c=c) + f", NEW.{c}, privacy_desk_login());"
                    for c in columns)
                op.execute(f"CREATE TRIGGER {table}_who_{when.lower()} BEFORE {when} ON {table} "
                           f"FOR EACH ROW BEGIN {sets} END")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for table in WHO_COLUMNS:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_who_is_login ON {table}")
        op.execute("DROP FUNCTION IF EXISTS privacy_desk_who_set_is_login()")
    elif dialect in ("mysql", "mariadb"):
        for table in WHO_COLUMNS:
            for when in ("insert", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_who_{when}")
