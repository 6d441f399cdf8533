"""Read-only transactions on the portal, the same on SQLite, PostgreSQL and MariaDB.

Finding, collecting and checking never write to a database the company's portal owns;
running them in read-only transactions makes that a guarantee rather than a habit.
Driver errors become a :class:`UserError` that says what to do (no traceback, no
secrets).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from privacy_desk.dburl import backend, explain_connection_error
from privacy_desk.errors import UserError
from privacy_desk.messages import msg


@contextmanager
def read_only(engine: Engine) -> Iterator[Connection]:
    """A connection in a read-only transaction on every backend; driver errors explained.

    PostgreSQL: ``BEGIN READ ONLY`` in one statement (the driver's read-only mode, reset
    when the connection returns to the pool): a round trip fewer than ``BEGIN`` + ``SET``;
    MariaDB: ``SET TRANSACTION READ ONLY``; SQLite: ``PRAGMA query_only`` for the
    connection's life in this block (reset before it returns to the pool).
    """
    be = backend(engine.url)
    try:
        with engine.connect() as conn:
            if be == "sqlite":
                conn.exec_driver_sql("PRAGMA query_only = ON")
                conn.commit()
            elif be == "postgresql":
                conn.execution_options(postgresql_readonly=True)
            try:
                with conn.begin():
                    if be == "mysql":
                        conn.exec_driver_sql("SET TRANSACTION READ ONLY")
                    yield conn
            finally:
                if be == "sqlite":
                    conn.exec_driver_sql("PRAGMA query_only = OFF")
                    conn.commit()
    except (OperationalError, DBAPIError) as exc:
        raise _explain(engine, exc) from exc


def _explain(engine: Engine, exc: DBAPIError) -> UserError:
    detail = str(getattr(exc, "orig", exc)).lower()
    if "no such table" in detail or "does not exist" in detail or "doesn't exist" in detail \
            or "no such column" in detail or "unknown column" in detail:
        return UserError(msg("The portal database does not match the data map (a table or "
                             "column is missing)."),
                         msg("Run 'privacy-desk datamap check' to see what differs."))
    if isinstance(exc, OperationalError) and not _read_only_refusal(detail):
        return explain_connection_error(engine.url, exc)
    return UserError(msg("The portal database refused a query ({error}).",
                         error=type(exc.orig).__name__),
                     msg("Check the data map with 'privacy-desk datamap check'; the log has "
                         "more."))


def _read_only_refusal(detail: str) -> bool:
    return any(s in detail for s in ("readonly", "read-only", "read only"))
