"""Database URLs from users, and connection failures turned into clear messages."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from privacy_desk.dburl import backend, connect, describe_url, display_url, parse_target
from privacy_desk.errors import ConnectionFailed, UserError
from tests.databases import SERVER_URLS, require_server


def test_a_path_means_sqlite(tmp_path: Path) -> None:
    url = parse_target(tmp_path / "x.sqlite3")
    assert url.drivername == "sqlite+pysqlite"
    assert url.database == str(tmp_path / "x.sqlite3")


@pytest.mark.parametrize(("given", "driver"), [
    ("postgresql://u@h/db", "postgresql+psycopg"),
    ("postgres://u@h/db", "postgresql+psycopg"),
    ("mysql://u@h/db", "mysql+pymysql"),
    ("mariadb://u@h/db", "mariadb+pymysql"),
    ("postgresql+psycopg://u@h/db", "postgresql+psycopg"),
])
def test_default_drivers_are_the_shipped_ones(given: str, driver: str) -> None:
    assert parse_target(given).drivername == driver


@pytest.mark.parametrize("bad", ["", "   ", "oracle://u@h/db", "postgresql://u@h:notaport/db"])
def test_unusable_targets_are_refused_clearly(bad: str) -> None:
    with pytest.raises(UserError) as err:
        parse_target(bad)
    assert err.value.hint


def test_passwords_never_reach_the_display() -> None:
    shown = display_url(parse_target("postgresql://desk:s3cret-pw@db.example.com/cases"))
    assert "s3cret-pw" not in shown
    assert "db.example.com" in shown
    assert backend(make_url("mariadb+pymysql://x@y/z")) == "mysql"


def test_sqlite_in_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ConnectionFailed, match="cannot be opened"):
        connect(tmp_path / "no" / "such" / "dir" / "x.sqlite3")


def test_unreachable_server() -> None:
    with pytest.raises(ConnectionFailed, match="Cannot reach the database server") as err:
        connect("postgresql://postgres@127.0.0.1:1/postgres", connect_timeout=2)
    assert "check the host and port" in err.value.hint.lower()


def test_postgresql_unknown_role_and_database() -> None:
    require_server("postgresql")
    base = make_url(SERVER_URLS["postgresql"])
    with pytest.raises(ConnectionFailed, match="refused the user name or password"):
        connect(base.set(username=f"nobody_{uuid.uuid4().hex[:8]}"))
    with pytest.raises(ConnectionFailed, match="does not exist"):
        connect(base.set(database=f"missing_{uuid.uuid4().hex[:8]}"))


def test_mariadb_wrong_password_and_database() -> None:
    require_server("mariadb")
    base = make_url(SERVER_URLS["mariadb"])
    with pytest.raises(ConnectionFailed, match="refused the user name or password") as err:
        connect(base.set(password="definitely-wrong-pw"))
    assert "definitely-wrong-pw" not in str(err.value)
    with pytest.raises(ConnectionFailed, match="does not exist"):
        connect(base.set(database=f"missing_{uuid.uuid4().hex[:8]}"))


def test_short_labels_for_the_status_bar(tmp_path: Path) -> None:
    assert describe_url(parse_target(tmp_path / "c.sqlite3")) == f"SQLite {tmp_path / 'c.sqlite3'}"
    label = describe_url(parse_target("postgresql://desk:pw@db.example.com:5433/cases"))
    assert label == "PostgreSQL desk@db.example.com:5433/cases"
    assert describe_url(parse_target("mysql://root@127.0.0.1/portal")) == (
        "MariaDB/MySQL root@127.0.0.1/portal")


def test_a_portal_statement_that_runs_too_long_is_cancelled_with_a_clear_message() -> None:
    from privacy_desk.datamap.readonly import read_only
    from privacy_desk.dburl import connect_portal

    require_server("postgresql")
    engine = connect_portal(make_url(SERVER_URLS["postgresql"]), statement_timeout_s=1)
    try:
        with pytest.raises(UserError, match="did not answer in time") as err, \
                read_only(engine) as conn:
            conn.exec_driver_sql("SELECT pg_sleep(3)")
        assert "nothing was changed" in err.value.message
    finally:
        engine.dispose()


def test_mariadb_portal_sessions_carry_the_time_limit() -> None:
    from privacy_desk.dburl import connect_portal

    require_server("mariadb")
    engine = connect_portal(make_url(SERVER_URLS["mariadb"]), statement_timeout_s=7)
    try:
        with engine.connect() as conn:
            limit = conn.exec_driver_sql("SELECT @@session.max_statement_time").scalar()
        assert float(limit) == 7.0
    finally:
        engine.dispose()
