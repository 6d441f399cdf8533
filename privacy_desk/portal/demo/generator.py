"""Create and fill the synthetic demo portal on SQLite, PostgreSQL or MariaDB.

The content comes from :mod:`privacy_desk.portal.demo.synth`; this module decides
*where* it goes and makes that safe and fast:

* **Never touch existing data.** A target that already holds a table is refused
  (:class:`~privacy_desk.errors.TargetNotEmpty`) before anything is written.
* **Never half-written.** SQLite is built in a temporary file next to the target and
  renamed into place at the end. PostgreSQL loads everything in one transaction
  (its DDL is transactional). MariaDB commits DDL implicitly, so on failure the tables
  created are dropped explicitly. A database this module created is dropped again.
* **Fast enough for benchmarks** (1,000,000 customers, ~30 million rows): rows stream
  from generators; PostgreSQL uses ``COPY``, MariaDB multi-row ``INSERT`` batches with
  unique/foreign-key checks off, SQLite ``executemany`` with the journal off. Foreign
  keys (PostgreSQL) and secondary indexes (all) are added after the data, which is
  much cheaper than maintaining them row by row.

``as_of`` is the "today" the data is built around; it defaults to the current date,
so pass it explicitly when you need the same database twice.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Table, inspect, text
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.schema import CreateIndex, CreateTable

from privacy_desk.dburl import backend, check_connection, display_url, make_engine, server_name
from privacy_desk.errors import ConnectionFailed, TargetNotEmpty, UserError
from privacy_desk.messages import msg
from privacy_desk.portal.demo.schema import indexes_for, metadata
from privacy_desk.portal.demo.synth import STREAMS, Pools, Population, Row

log = logging.getLogger(__name__)

ProgressFn = Callable[[str, int], None]

#: Above this the run takes hours and tens of GB; refuse rather than surprise.
MAX_CUSTOMERS = 10_000_000
_BATCH = 20_000


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`generate_demo_portal` wrote."""

    rows: dict[str, int] = field(hash=False)  # table name -> row count, in load order
    elapsed_seconds: float
    customers: int
    seed: int
    as_of: dt.date

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def generate_demo_portal(
    url: URL,
    *,
    customers: int,
    seed: int,
    as_of: dt.date | None = None,
    progress: ProgressFn | None = None,
) -> DemoSummary:
    """Create every demo-portal table at ``url`` and fill it with synthetic data.

    ``as_of`` (default: today) anchors every date, so the same ``seed`` and ``as_of``
    give identical content. ``progress(table, rows)`` is called after each table.
    Raises :class:`TargetNotEmpty` if the database already holds a table,
    :class:`ConnectionFailed` if the server cannot be used, :class:`UserError` for
    other bad input; in every case nothing is left behind.
    """
    if not 1 <= customers <= MAX_CUSTOMERS:
        raise UserError(msg("Cannot create a demo portal with {customers} customers.",
                            customers=format(customers, ",")),
                        msg("Choose between 1 and {max_customers}.",
                            max_customers=format(MAX_CUSTOMERS, ",")))
    day = as_of or dt.date.today()
    started = time.perf_counter()

    def population() -> Population:
        t0 = time.perf_counter()
        pop = Population(customers, seed, day, Pools.build(seed))
        log.info("Demo portal: drew %d customers in %.1f s", customers, time.perf_counter() - t0)
        return pop

    be = backend(url)
    if be == "sqlite":
        counts = _build_sqlite(url, population, progress)
    else:
        counts = _build_on_server(url, population, progress)
    elapsed = time.perf_counter() - started
    log.info("Demo portal: %d rows in %.1f s at %s", sum(counts.values()), elapsed,
             display_url(url))
    return DemoSummary(counts, elapsed, customers, seed, day)


# -- shared ---------------------------------------------------------------------------
def _batches(rows: Iterable[Row], size: int = _BATCH) -> Iterator[list[Row]]:
    it = iter(rows)
    while batch := list(islice(it, size)):
        yield batch


def _load_tables(load: Callable[[Table, Iterator[Row]], int], population: Population,
                 progress: ProgressFn | None) -> dict[str, int]:
    counts: dict[str, int] = {}
    for table in metadata.sorted_tables:
        stream = STREAMS.get(table.name)
        if stream is None:  # pragma: no cover - guarded by a unit test
            raise RuntimeError(f"no synthetic rows defined for table {table.name}")
        t0 = time.perf_counter()
        counts[table.name] = load(table, stream(population))
        log.info("Demo portal: %s: %d rows in %.1f s", table.name, counts[table.name],
                 time.perf_counter() - t0)
        if progress is not None:
            progress(table.name, counts[table.name])
    return counts


def _not_empty(where: str, tables: list[str]) -> TargetNotEmpty:
    return TargetNotEmpty(
        msg("{where} already holds {count} table(s) (for example {tables}); nothing was changed.",
            where=where, count=len(tables), tables=repr(sorted(tables)[0])),
        msg("Give a new SQLite file or an empty database: demo-db never writes over data."))


# -- SQLite ---------------------------------------------------------------------------
def _sqlite_datetime(value: dt.datetime) -> str:
    # SQLAlchemy's own SQLite storage format, so its DateTime reads and compares these.
    return value.isoformat(" ", "microseconds")


def _sqlite_converter(table: Table) -> Callable[[Row], Row]:
    convs: list[tuple[int, Callable[[Any], object]]] = []
    for i, col in enumerate(table.columns):
        if isinstance(col.type, DateTime):
            convs.append((i, _sqlite_datetime))
        elif isinstance(col.type, Date):
            convs.append((i, dt.date.isoformat))
        elif isinstance(col.type, Boolean):
            convs.append((i, int))

    def convert(row: Row) -> Row:
        if not convs:
            return row
        out = list(row)
        for i, fn in convs:
            if out[i] is not None:
                out[i] = fn(out[i])
        return tuple(out)

    return convert


def _check_sqlite_target(target: Path) -> None:
    if target.is_dir():
        raise UserError(msg("{target} is a folder.", target=target),
                        msg("Give a file name for the demo portal."))
    if not target.parent.is_dir():
        raise UserError(msg("The folder {parent} does not exist.", parent=target.parent),
                        msg("Create it first, or choose another place for the demo portal."))
    if not target.exists() or target.stat().st_size == 0:
        return
    try:
        conn = sqlite3.connect(f"{target.as_uri()}?mode=ro", uri=True)
        try:
            names = [r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise UserError(msg("{target} exists and is not an SQLite database; it was left alone.",
                            target=target),
                        msg("Choose a new file name for the demo portal.")) from exc
    if names:
        raise _not_empty(str(target), names)


def _build_sqlite(url: URL, population: Callable[[], Population],
                  progress: ProgressFn | None) -> dict[str, int]:
    if not url.database or url.database == ":memory:":
        raise UserError(msg("The demo portal needs a SQLite file, not an in-memory database."),
                        msg("Give a file path such as demo-portal.sqlite3."))
    target = Path(url.database).expanduser().resolve()
    _check_sqlite_target(target)
    pop = population()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    dialect = sqlite_dialect.dialect()
    try:
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            for pragma in ("journal_mode = OFF", "synchronous = OFF", "foreign_keys = OFF",
                           "cache_size = -262144", "temp_store = MEMORY"):
                conn.execute(f"PRAGMA {pragma}")
            conn.execute("BEGIN")
            for table in metadata.sorted_tables:
                conn.execute(str(CreateTable(table).compile(dialect=dialect)))

            def load(table: Table, rows: Iterator[Row]) -> int:
                marks = ", ".join("?" * len(table.columns))
                sql = f"INSERT INTO {table.name} VALUES ({marks})"  # noqa: S608 - our own names
                convert = _sqlite_converter(table)
                n = 0
                for batch in _batches(map(convert, rows)):
                    conn.executemany(sql, batch)
                    n += len(batch)
                return n

            counts = _load_tables(load, pop, progress)
            for table in metadata.sorted_tables:
                for index in indexes_for(table, dialect.name):
                    conn.execute(str(CreateIndex(index).compile(dialect=dialect)))
            conn.execute("COMMIT")
            conn.execute("ANALYZE")
        finally:
            conn.close()
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return counts


# -- PostgreSQL and MariaDB -----------------------------------------------------------
def _missing_database(url: URL, exc: ConnectionFailed) -> bool:
    cause = exc.__cause__
    detail = str(getattr(cause, "orig", cause) or "").lower()
    name = (url.database or "").lower()
    return bool(name) and (f'database "{name}" does not exist' in detail
                           or "unknown database" in detail)


def _admin_url(url: URL) -> URL:
    """The same server without the missing database (PostgreSQL needs one: 'postgres')."""
    return URL.create(url.drivername, username=url.username, password=url.password,
                      host=url.host, port=url.port,
                      database="postgres" if backend(url) == "postgresql" else None,
                      query=url.query)


def _ensure_database(url: URL) -> bool:
    """Create the URL's database if it is missing; True if this call created it."""
    engine = make_engine(url)
    try:
        check_connection(engine)
        return False
    except ConnectionFailed as exc:
        if not _missing_database(url, exc):
            raise
    finally:
        engine.dispose()
    admin = make_engine(_admin_url(url), isolation_level="AUTOCOMMIT")
    name = admin.dialect.identifier_preparer.quote(url.database or "")
    ddl = (f"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0"
           if backend(url) == "postgresql"
           else f"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
    try:
        with admin.connect() as conn:
            conn.execute(text(ddl))
    except (OperationalError, DBAPIError) as exc:
        raise UserError(
            msg("The database {database} does not exist at {url} and this user may not create "
                "it.", database=repr(url.database), url=server_name(url)),
            msg("Create the database first (or ask the DBA to), then run demo-db again.")) from exc
    finally:
        admin.dispose()
    log.info("Demo portal: created database at %s", display_url(url))
    return True


def _drop_database(url: URL) -> None:
    admin = make_engine(_admin_url(url), isolation_level="AUTOCOMMIT")
    name = admin.dialect.identifier_preparer.quote(url.database or "")
    force = " WITH (FORCE)" if backend(url) == "postgresql" else ""
    try:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name}{force}"))
    except (OperationalError, DBAPIError):
        log.warning("Demo portal: could not drop the database created at %s", display_url(url))
    finally:
        admin.dispose()


def _build_on_server(url: URL, population: Callable[[], Population],
                     progress: ProgressFn | None) -> dict[str, int]:
    created_db = _ensure_database(url)
    try:
        engine = make_engine(url)
        try:
            check_connection(engine)
            with engine.connect() as conn:
                existing = inspect(conn).get_table_names()
            if existing:
                raise _not_empty(server_name(url), existing)
            pop = population()
            if backend(url) == "postgresql":
                return _load_postgresql(engine, pop, progress)
            return _load_mysql(engine, pop, progress)
        finally:
            engine.dispose()
    except BaseException:
        if created_db:
            _drop_database(url)
        raise


def _load_postgresql(engine: Engine, pop: Population,
                     progress: ProgressFn | None) -> dict[str, int]:
    tables = metadata.sorted_tables
    quote = engine.dialect.identifier_preparer.quote
    with engine.connect() as conn, conn.begin():  # one transaction: all or nothing
        for table in tables:
            conn.execute(CreateTable(table, include_foreign_key_constraints=[]))
        driver = conn.connection.driver_connection
        assert driver is not None

        def load(table: Table, rows: Iterator[Row]) -> int:
            cols = ", ".join(quote(c.name) for c in table.columns)
            n = 0
            with driver.cursor() as cur, cur.copy(
                    f"COPY {quote(table.name)} ({cols}) FROM STDIN") as copy:
                write = copy.write_row
                for row in rows:
                    write(row)
                    n += 1
            return n

        counts = _load_tables(load, pop, progress)
        for table in tables:
            for index in indexes_for(table, conn.dialect.name):
                conn.execute(CreateIndex(index))
        for table in tables:
            for fk in sorted(table.foreign_key_constraints, key=lambda c: tuple(c.column_keys)):
                # Written out by hand: AddConstraint would mark the shared metadata's
                # constraint as "added later" and drop it from every later CREATE TABLE.
                cols = ", ".join(quote(e.parent.name) for e in fk.elements)
                refs = ", ".join(quote(e.column.name) for e in fk.elements)
                conn.execute(text(
                    f"ALTER TABLE {quote(table.name)} ADD FOREIGN KEY ({cols}) "
                    f"REFERENCES {quote(fk.referred_table.name)} ({refs})"))
        conn.execute(text("ANALYZE"))
    return counts


def _load_mysql(engine: Engine, pop: Population, progress: ProgressFn | None) -> dict[str, int]:
    tables = metadata.sorted_tables
    dialect = engine.dialect
    quote = dialect.identifier_preparer.quote
    raw = engine.raw_connection()
    created: list[str] = []
    try:
        cur = raw.cursor()
        try:
            cur.execute("SET SESSION foreign_key_checks = 0")
            cur.execute("SET SESSION unique_checks = 0")
            for table in tables:
                cur.execute(str(CreateTable(table).compile(dialect=dialect)))
                created.append(table.name)

            def load(table: Table, rows: Iterator[Row]) -> int:
                cols = ", ".join(quote(c.name) for c in table.columns)
                marks = ", ".join(["%s"] * len(table.columns))
                sql = f"INSERT INTO {quote(table.name)} ({cols}) VALUES ({marks})"  # noqa: S608
                n = 0
                for batch in _batches(rows):
                    cur.executemany(sql, batch)  # PyMySQL sends multi-row VALUES
                    raw.commit()
                    n += len(batch)
                return n

            counts = _load_tables(load, pop, progress)
            for table in tables:
                for index in indexes_for(table, dialect.name):
                    cur.execute(str(CreateIndex(index).compile(dialect=dialect)))
            cur.execute("SET SESSION unique_checks = 1")
            cur.execute("SET SESSION foreign_key_checks = 1")
            raw.commit()
            return counts
        except BaseException:
            # MariaDB commits DDL implicitly: undo by dropping what this run created.
            try:
                raw.rollback()
                cur.execute("SET SESSION foreign_key_checks = 0")
                for name in reversed(created):
                    cur.execute(f"DROP TABLE IF EXISTS {quote(name)}")
                cur.execute("SET SESSION foreign_key_checks = 1")
            except (DBAPIError, OperationalError, Exception):
                log.warning("Demo portal: could not drop the partly loaded tables")
            raise
        finally:
            cur.close()
    finally:
        raw.close()
