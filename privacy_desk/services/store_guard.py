"""Setting up a server case store so the server, not the app, enforces who does what.

``privacy-desk store secure`` (the owner, once and after each upgrade) gives the
officers' group role its grants; ``privacy-desk officer add NAME --apply`` gives an
officer their own login in that group. Both print the statements by default, so a DBA
can read and run them; ``apply`` runs them on the store's connection, which must then be
the owner's (docs/decisions/0012-the-server-guards-the-store.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from privacy_desk.casestore import guard
from privacy_desk.casestore.store import CaseStore
from privacy_desk.errors import UserError
from privacy_desk.messages import msg

__all__ = ["SecureResult", "four_eyes_enforced_here", "officer_login", "secure_store"]


@dataclass(frozen=True)
class SecureResult:
    """The statements for the store, and whether they were run."""

    group: str
    statements: tuple[str, ...]
    applied: bool


def _database(store: CaseStore) -> str:
    return str(store.url.database or "")


def _schema(store: CaseStore) -> str:
    with store.engine.connect() as conn:
        return str(conn.execute(text("SELECT current_schema()")).scalar_one())


def _apply(store: CaseStore, statements: tuple[str, ...]) -> None:
    if not store.trusted:
        raise UserError(msg("Only the store's owner can run these statements; you are "
                            "connected as {login}.", login=store.login or "?"),
                        msg("Connect as the owner (--case-store with the owner's login), "
                            "or give the printed statements to the DBA."))
    try:
        with store.engine.begin() as conn:
            for sql in statements:
                if not sql.startswith("--"):
                    # The DB-API formats %-placeholders even with no parameters (pymysql).
                    conn.exec_driver_sql(sql.replace("%", "%%"))
    except DBAPIError as exc:
        raise UserError(msg("The server refused the setup ({error}); nothing was changed.",
                            error=str(exc.orig).splitlines()[0]),
                        msg("Run it as the store's owner, with the right to create roles."),
                        ) from None


def _require_server(store: CaseStore) -> None:
    if store.backend == "sqlite":
        raise UserError(msg("A SQLite case store has no logins to secure: four-eyes is not "
                            "enforced on it."),
                        msg("Use a PostgreSQL or MariaDB case store with one login per "
                            "officer to have the server enforce it."))


def secure_store(store: CaseStore, *, group: str | None = None, admin: str | None = None,
                 apply: bool = False) -> SecureResult:
    """The grants for the officers' group role (and the first administrator), run if asked."""
    _require_server(store)
    name = group or guard.default_group(_database(store))
    if store.backend == "postgresql":
        statements = tuple(guard.pg_secure_sql(group=name, database=_database(store),
                                               schema=_schema(store), admin=admin))
    else:
        statements = tuple(guard.mariadb_secure_sql(group=name, database=_database(store)))
        if admin:
            guard.check_role_name(admin)
            # A checked name (check_role_name), so formatting it into SQL is safe.
            statements += (
                "INSERT INTO officers (name, admin, active, added_at, added_by) VALUES "  # noqa: S608
                f"('{admin}', 1, 1, UTC_TIMESTAMP(), '{admin}')",
                f"INSERT INTO officer_roles (officer, role) VALUES ('{admin}', 'officer')",  # noqa: S608
            )
    if apply:
        _apply(store, statements)
    return SecureResult(name, statements, apply)


def officer_login(store: CaseStore, name: str, *, group: str | None = None,
                  apply: bool = False) -> SecureResult:
    """The DBA's ``CREATE ROLE ... LOGIN IN ROLE group`` for one officer, run if asked."""
    _require_server(store)
    grp = group or guard.default_group(_database(store))
    statements = tuple(guard.officer_login_sql(store.backend, name, grp))
    if apply:
        _apply(store, statements)
    return SecureResult(grp, statements, apply)


def four_eyes_enforced_here(store: CaseStore) -> bool:
    """Whether this desk's approvals are four-eyes enforced by the server: an officer's own
    login to a server store (not SQLite, not the owner's connection)."""
    return store.officer_is_login
