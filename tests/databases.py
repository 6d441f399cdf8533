"""Throwaway databases on SQLite and on the real PostgreSQL and MariaDB servers.

Each call makes a new, empty database with a unique name and drops it afterwards.
Where a server is unreachable its tests skip with the reason, except under CI
(``CI=true``), where that is a failure: CI must exercise every backend.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

BACKENDS = ("sqlite", "postgresql", "mariadb")

SERVER_URLS = {
    "postgresql": os.environ.get(
        "PRIVACY_DESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
    ),
    "mariadb": os.environ.get(
        "PRIVACY_DESK_TEST_MARIADB", "mysql+pymysql://root:@127.0.0.1:3306/mysql"
    ),
}

_unreachable: dict[str, str] = {}


def _server_admin_url(backend: str) -> URL:
    return make_url(SERVER_URLS[backend])


def require_server(backend: str) -> None:
    """Skip (or, under CI, fail) when the server for ``backend`` cannot be reached."""
    if backend == "sqlite":
        return
    if backend not in _unreachable:
        try:
            eng = create_engine(_server_admin_url(backend), connect_args={"connect_timeout": 3})
            with eng.connect() as conn:
                conn.execute(text("SELECT 1"))
            eng.dispose()
            _unreachable[backend] = ""
        except Exception as exc:  # any failure means: not usable for tests
            _unreachable[backend] = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
    reason = _unreachable[backend]
    if reason:
        msg = f"{backend} server not reachable at {SERVER_URLS[backend]}: {reason}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(msg + " (CI requires every backend)")
        pytest.skip(msg)


@contextmanager
def throwaway_database(backend: str, tmp_path: Path, prefix: str = "pdtest") -> Iterator[URL]:
    """Yield the URL of a new empty database on ``backend``; drop it afterwards."""
    require_server(backend)
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    if backend == "sqlite":
        yield URL.create("sqlite+pysqlite", database=str(tmp_path / f"{name}.sqlite3"))
        return
    admin_url = _server_admin_url(backend)
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            if backend == "postgresql":
                conn.execute(text(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0'))
            else:
                conn.execute(text(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 "
                                  "COLLATE utf8mb4_unicode_ci"))
        yield admin_url.set(database=name)
    finally:
        with admin.connect() as conn:
            if backend == "postgresql":
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            else:
                conn.execute(text(f"DROP DATABASE IF EXISTS `{name}`"))
        admin.dispose()
