"""Database URLs and engines: parsing what a user typed, and failing with a clear message.

Users give either a file path (meaning SQLite) or any SQLAlchemy URL. PostgreSQL and
MariaDB URLs without an explicit driver get the drivers we ship (psycopg 3, PyMySQL).
Passwords never leave this module in text: :func:`display_url` hides them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from privacy_desk.errors import ConnectionFailed, UserError
from privacy_desk.messages import msg

_DEFAULT_DRIVERS = {"postgresql": "postgresql+psycopg", "mysql": "mysql+pymysql",
                    "mariadb": "mariadb+pymysql", "postgres": "postgresql+psycopg"}


def parse_target(target: str | Path) -> URL:
    """Turn a path or URL string into a SQLAlchemy URL with our default drivers."""
    raw = str(target).strip()
    if not raw:
        raise UserError(msg("No database given."),
                        msg("Give a SQLite file path or a database URL."))
    if "://" not in raw:
        return URL.create("sqlite+pysqlite", database=str(Path(raw).expanduser().resolve()))
    try:
        url = make_url(raw)
    except (ArgumentError, ValueError) as exc:
        raise UserError(
            msg("That is not a valid database URL."),
            msg("Use the form postgresql://user@host:5432/dbname, "
                "mysql://user@host:3306/dbname or a SQLite file path."),
        ) from exc
    if url.drivername in _DEFAULT_DRIVERS:
        url = url.set(drivername=_DEFAULT_DRIVERS[url.drivername])
    if url.drivername == "sqlite":
        url = url.set(drivername="sqlite+pysqlite")
    if url.get_backend_name() not in {"sqlite", "postgresql", "mysql", "mariadb"}:
        raise UserError(
            msg("Databases of type {kind} are not supported.", kind=repr(url.get_backend_name())),
            msg("Use SQLite, PostgreSQL or MariaDB/MySQL."),
        )
    return url


def display_url(url: URL | str) -> str:
    """The URL with any password masked, safe for the status bar and logs."""
    if isinstance(url, str):
        url = make_url(url)
    return url.render_as_string(hide_password=True)


_BACKEND_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL", "mysql": "MariaDB/MySQL"}


def describe_url(url: URL) -> str:
    """A short human label: 'SQLite /path/file' or 'PostgreSQL user@host:5432/db'."""
    be = backend(url)
    if be == "sqlite":
        return f"SQLite {url.database or ':memory:'}"
    who = f"{url.username}@" if url.username else ""
    port = f":{url.port}" if url.port else ""
    return f"{_BACKEND_NAMES.get(be, be)} {who}{url.host or 'localhost'}{port}/{url.database or ''}"


_DEFAULT_PORTS = {"postgresql": 5432, "mysql": 3306}


def server_name(url: URL | str) -> str:
    """The server as people name it: ``host:port/database``, or the SQLite file.

    Messages for people use this, never the URL: a driver name and query options
    (``postgresql+psycopg://…?sslmode=prefer``) mean nothing to an officer.
    """
    if isinstance(url, str):
        url = make_url(url)
    be = backend(url)
    if be == "sqlite":
        return url.database or ":memory:"
    port = url.port or _DEFAULT_PORTS.get(be)
    host = url.host or "localhost"
    return f"{host}:{port}/{url.database or ''}" if port else f"{host}/{url.database or ''}"


def backend(url: URL) -> str:
    """'sqlite', 'postgresql' or 'mysql' (MariaDB counts as mysql)."""
    name = url.get_backend_name()
    return "mysql" if name == "mariadb" else name


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


#: The longest a single statement on the portal may run before it is cancelled: a lookup
#: that takes longer means a missing index or an overloaded server, and the officer
#: should hear so rather than wait.
PORTAL_STATEMENT_TIMEOUT_S = 60


def make_engine(url: URL, *, connect_timeout: int = 10, statement_timeout_s: int | None = None,
                **kwargs: Any) -> Engine:
    """An engine with sensible defaults for each backend (timeouts, utf8mb4, FK checks).

    ``statement_timeout_s`` makes the server cancel any statement that runs longer
    (PostgreSQL ``statement_timeout``, MariaDB ``max_statement_time``); SQLite, a local
    file, has no such setting.
    """
    connect_args: dict[str, Any] = dict(kwargs.pop("connect_args", {}))
    be = backend(url)
    if be == "postgresql":
        connect_args.setdefault("connect_timeout", connect_timeout)
        connect_args.setdefault("application_name", "privacy-desk")
        if statement_timeout_s:
            connect_args.setdefault("options", f"-c statement_timeout={statement_timeout_s}s")
    elif be == "mysql":
        connect_args.setdefault("connect_timeout", connect_timeout)
        connect_args.setdefault("charset", "utf8mb4")
        if statement_timeout_s:
            connect_args.setdefault(
                "init_command", f"SET SESSION max_statement_time={int(statement_timeout_s)}")
    try:
        # hide_parameters: bound values are personal data and must never reach a log line.
        kwargs.setdefault("hide_parameters", True)
        engine = create_engine(url, connect_args=connect_args, pool_pre_ping=True, **kwargs)
    except NoSuchModuleError as exc:
        raise UserError(msg("No database driver for {driver}.", driver=repr(url.drivername)),
                        msg("Use postgresql://, mysql:// or a SQLite file path.")) from exc
    if be == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def explain_connection_error(url: URL, exc: BaseException) -> ConnectionFailed:
    """Translate a driver error into a message that says what to do, without secrets."""
    where = server_name(url)
    detail = str(getattr(exc, "orig", exc) or exc).lower()
    if ("password authentication failed" in detail or "access denied" in detail
            or ("role" in detail and "does not exist" in detail)):
        return ConnectionFailed(
            msg("The database at {server} refused the user name or password.", server=where),
            msg("Check the credentials in the connection profile."))
    if "does not exist" in detail or "unknown database" in detail:
        return ConnectionFailed(
            msg("The database named in {server} does not exist.", server=where),
            msg("Check the database name, or ask the DBA to create it."))
    if "unable to open database file" in detail:
        return ConnectionFailed(
            msg("The SQLite file {file} cannot be opened.", file=url.database),
            msg("Check that its folder exists and is writable."))
    if "statement timeout" in detail or "max_statement_time" in detail:
        return ConnectionFailed(
            msg("The database at {server} did not answer in time; the request was cancelled "
                "and nothing was changed.", server=where),
            msg("The server may be busy: try again later, or ask the DBA whether an index is "
                "missing (privacy-desk datamap check tells)."))
    if any(s in detail for s in ("connection refused", "can't connect", "could not connect",
                                 "timeout", "timed out", "name or service not known",
                                 "could not translate host name", "connection failed")):
        return ConnectionFailed(
            msg("Cannot reach the database server for {server}.", server=where),
            msg("Check the host and port, and that the server is running."))
    return ConnectionFailed(
        msg("Cannot connect to {server}: {error}.", server=where, error=type(exc).__name__),
        msg("Check the connection settings."))


def check_connection(engine: Engine) -> None:
    """Open one connection and run a trivial query; raise :class:`ConnectionFailed` if not."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except (OperationalError, DBAPIError) as exc:
        raise explain_connection_error(engine.url, exc) from exc


def connect(target: str | Path | URL, **kwargs: Any) -> Engine:
    """Parse, build and check an engine in one step."""
    url = target if isinstance(target, URL) else parse_target(target)
    engine = make_engine(url, **kwargs)
    check_connection(engine)
    return engine


def connect_portal(target: str | Path | URL, **kwargs: Any) -> Engine:
    """:func:`connect` for a portal: statements are cancelled after a time limit."""
    kwargs.setdefault("statement_timeout_s", PORTAL_STATEMENT_TIMEOUT_S)
    return connect(target, **kwargs)


def with_database(url: URL, database: str, query: Mapping[str, str] | None = None) -> URL:
    """The same server URL pointing at another database (used to create test databases)."""
    out = url.set(database=database)
    return out.set(query=dict(query)) if query is not None else out
