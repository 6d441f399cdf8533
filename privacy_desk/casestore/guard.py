"""The server guards a PostgreSQL or MariaDB case store: who you are, and what you may write.

Migration 0007 installs the rules in the database (functions, procedures, triggers);
this module is the app's side of them: the session's login (the officer), whether the
session is the store's owner (trusted to name the actor itself: the DBA, migrations,
tests), calls of the SECURITY DEFINER functions, and the statements a DBA runs to give
the officers' logins exactly the grants their work needs (``privacy-desk store secure``).
See docs/decisions/0012-the-server-guards-the-store.md.
"""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from privacy_desk.errors import UserError
from privacy_desk.messages import msg

#: A role or login name we put into DDL: lower-case SQL identifier, no quoting games.
_ROLE = re.compile(r"[a-z_][a-z0-9_.\-]{0,62}")

#: Tables officers read and write in their work (INSERT, UPDATE); everything else they
#: only read. audit_entries, audit_chain_head, officers and officer_roles change only
#: through the owner's functions.
WORK_TABLES = (
    "cases", "case_events", "case_number_counters", "identity_verifications",
    "case_identifiers", "allowance_decisions", "case_attachments", "withheld_items",
    "case_exports", "case_export_files", "erasure_plans", "erasure_decisions",
    "erasure_executions", "erasure_outcomes", "erasure_holds", "portal_changes",
    "pseudonym_keys", "case_letters", "case_minimisations", "restrictions",
    "rights_decisions",
)
#: Tables only the owner's functions, procedures and triggers write (officers read them).
OWNER_TABLES = ("audit_entries", "audit_chain_head", "officers", "officer_roles",
                "guard_tokens")
#: Tables whose rows the app deletes in normal work (releasing a withheld item).
DELETE_TABLES = ("withheld_items",)
#: The SECURITY DEFINER API (PostgreSQL), see migration 0007.
PG_FUNCTIONS = (
    "privacy_desk_audit_append(text, text, integer, text)",
    "privacy_desk_approve_plan(text, integer, text)",
    "privacy_desk_officer_add(text, text, boolean, text)",
    "privacy_desk_officer_set(text, text, text, boolean, boolean)",
)


class ServerRefused(UserError):
    """The database server refused a write: the login lacks the right or breaks a rule."""

    exit_code = 4


def _dialect(conn: Connection | Session) -> str:
    return (conn.get_bind() if isinstance(conn, Session) else conn).dialect.name


def is_server(conn: Connection | Session) -> bool:
    return _dialect(conn) != "sqlite"


def session_login(conn: Connection | Session) -> str | None:
    """The login the server authenticated for this connection (None on SQLite).

    PostgreSQL's ``session_user`` (not ``current_user``, which SET ROLE and SECURITY
    DEFINER change); MariaDB's ``USER()`` without the host.
    """
    dialect = _dialect(conn)
    if dialect == "sqlite":
        return None
    if dialect == "postgresql":
        return str(conn.execute(text("SELECT session_user")).scalar_one())
    return str(conn.execute(text("SELECT SUBSTRING_INDEX(USER(), '@', 1)")).scalar_one())


def identity(conn: Connection | Session) -> tuple[str | None, bool]:
    """The session's login and whether it is trusted (one round trip on PostgreSQL)."""
    dialect = _dialect(conn)
    if dialect == "sqlite":
        return None, True
    if dialect == "postgresql":
        row = conn.execute(text("SELECT session_user, privacy_desk_session_trusted()")).one()
        return str(row[0]), bool(row[1])
    return session_login(conn), session_trusted(conn)


def session_trusted(conn: Connection | Session) -> bool:
    """Whether this session is the store's owner (or a superuser), which the server trusts
    to name the actor; officers' own logins are not. True on SQLite (nothing to trust)."""
    dialect = _dialect(conn)
    if dialect == "sqlite":
        return True
    if dialect == "postgresql":
        return bool(conn.execute(text("SELECT privacy_desk_session_trusted()")).scalar_one())
    row = conn.execute(text("SELECT SUBSTRING_INDEX(USER(), '@', 1), "
                            "SUBSTRING_INDEX(CURRENT_USER(), '@', 1)")).one()
    owner = conn.execute(text(
        "SELECT SUBSTRING_INDEX(DEFINER, '@', 1) FROM information_schema.ROUTINES "
        "WHERE ROUTINE_SCHEMA = DATABASE() AND ROUTINE_NAME = 'privacy_desk_audit_append'"
    )).scalar_one_or_none()
    return bool(row[0] == row[1] and (owner is None or owner == row[0]))


def refused(exc: DBAPIError) -> ServerRefused:
    """A server refusal as a message for people (the server's own words, without noise)."""
    raw = str(exc.orig).splitlines()[0] if str(exc.orig) else type(exc.orig).__name__
    found = re.search(r"privacy-desk: ([^\n\"]+)", raw)
    reason = found[1].rstrip("'\")") if found else raw
    return ServerRefused(msg("The database server refused this: {reason}. Nothing was changed.",
                             reason=reason),
                         msg("Each officer works with their own database login and only "
                             "their role's rights; ask an administrator if you need more."))


def approve_on_server(session: Session, *, actor: str, plan_id: int, sha256: str) -> bool:
    """Approve a plan through ``privacy_desk_approve_plan``; True when four-eyes was
    enforced by the server (author and approver are different logins)."""
    params = {"a": actor, "p": plan_id, "s": sha256}
    try:
        if _dialect(session) == "postgresql":
            return bool(session.execute(
                text("SELECT privacy_desk_approve_plan(:a, :p, :s)"), params).scalar_one())
        session.execute(text("CALL privacy_desk_approve_plan(:a, :p, :s)"), params)
        return bool(session.execute(
            text("SELECT four_eyes_enforced FROM erasure_plans WHERE id = :p"),
            {"p": plan_id}).scalar_one())
    except DBAPIError as exc:
        raise refused(exc) from None


def _call(session: Session, routine: str) -> str:
    """A server routine's call: a function on PostgreSQL, a procedure on MariaDB."""
    return ("SELECT " if _dialect(session) == "postgresql" else "CALL ") + routine


def add_officer_on_server(session: Session, *, actor: str, name: str, admin: bool,
                          roles: str) -> None:
    try:
        session.execute(text(_call(session, "privacy_desk_officer_add(:a, :n, :ad, :r)")),
                        {"a": actor, "n": name, "ad": admin, "r": roles})
    except DBAPIError as exc:
        raise refused(exc) from None


def set_officer_on_server(session: Session, *, actor: str, name: str, roles: str,
                          admin: bool | None, active: bool | None) -> None:
    try:
        session.execute(text(_call(session, "privacy_desk_officer_set(:a, :n, :r, :ad, :ac)")),
                        {"a": actor, "n": name, "r": roles, "ad": admin, "ac": active})
    except DBAPIError as exc:
        raise refused(exc) from None


# --------------------------------------------------------------------------- DBA setup


def check_role_name(name: str) -> str:
    if not _ROLE.fullmatch(name):
        raise UserError(msg("'{name}' cannot be a database login or role name here.", name=name),
                        msg("Use lower-case letters, digits and _ (a login such as anna_berg)."))
    return name


def default_group(database: str) -> str:
    """The officers' group role of a store: one per database (roles are server-wide)."""
    base = re.sub(r"[^a-z0-9_]", "_", database.lower())[:50] or "privacy_desk"
    return f"{base}_officers"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def pg_secure_sql(*, group: str, database: str, schema: str, admin: str | None = None,
                  owner: str | None = None) -> list[str]:
    """PostgreSQL statements (run as the store's owner) that give the officers' group role
    exactly their work: read everything, write the work tables, reach the trail, the
    approvals and the officer list only through the owner's functions."""
    check_role_name(group)
    s = _q(schema)
    out = [
        f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') "  # noqa: S608 (checked name)
        f"THEN CREATE ROLE {_q(group)} NOLOGIN; END IF; END $$",
        f"GRANT CONNECT ON DATABASE {_q(database)} TO {_q(group)}",
        f"GRANT USAGE ON SCHEMA {s} TO {_q(group)}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM {_q(group)}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {s} TO {_q(group)}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {_q(group)}",
    ]
    for table in WORK_TABLES:
        out.append(f"DO $$ BEGIN IF to_regclass('{schema}.{table}') IS NOT NULL THEN "
                   f"GRANT INSERT, UPDATE ON {s}.{_q(table)} TO {_q(group)}; END IF; END $$")
    for table in DELETE_TABLES:
        out.append(f"GRANT DELETE ON {s}.{_q(table)} TO {_q(group)}")
    for fn in PG_FUNCTIONS:
        out.append(f"GRANT EXECUTE ON FUNCTION {s}.{fn} TO {_q(group)}")
    if owner:
        out.insert(0, f"-- run as {owner}, the owner of the store's tables")
    if admin:
        out.append(f"SELECT {s}.privacy_desk_officer_add('{check_role_name(admin)}', "
                   f"'{admin}', true, 'officer')")
        out.append(f"SELECT {s}.privacy_desk_audit_append('{admin}', 'officer_bootstrapped', "
                   "NULL, '{\"admin\":1,\"roles\":\"officer\"}')")
    return out


def mariadb_secure_sql(*, group: str, database: str) -> list[str]:
    """MariaDB statements: a role with work-table rights; trail and officers read-only."""
    check_role_name(group)
    db = "`" + database.replace("`", "``") + "`"
    out = [f"CREATE ROLE IF NOT EXISTS '{group}'",
           f"GRANT SELECT ON {db}.* TO '{group}'"]
    out += [f"GRANT INSERT, UPDATE ON {db}.`{t}` TO '{group}'" for t in WORK_TABLES
]
    out += [f"GRANT DELETE ON {db}.`{t}` TO '{group}'" for t in DELETE_TABLES]
    out.append(f"GRANT EXECUTE ON PROCEDURE {db}.privacy_desk_audit_append TO '{group}'")
    out.append(f"GRANT EXECUTE ON PROCEDURE {db}.privacy_desk_approve_plan TO '{group}'")
    out += [f"GRANT EXECUTE ON PROCEDURE {db}.{p} TO '{group}'"
            for p in ("privacy_desk_officer_add", "privacy_desk_officer_set")]
    return out


def officer_login_sql(backend: str, name: str, group: str) -> list[str]:
    """The DBA's statements giving one officer their own login in the group role.

    No password here: the DBA sets one (``ALTER ROLE/USER ... PASSWORD``) or the site uses
    Kerberos/GSSAPI or client certificates; the officer keeps it in the OS keyring
    (``privacy-desk profile set-password``).
    """
    check_role_name(name)
    check_role_name(group)
    if backend == "postgresql":
        return [f"CREATE ROLE {_q(name)} LOGIN IN ROLE {_q(group)}"]
    return [f"CREATE USER IF NOT EXISTS '{name}'@'%'",
            f"GRANT '{group}' TO '{name}'@'%'",
            f"SET DEFAULT ROLE '{group}' FOR '{name}'@'%'"]
