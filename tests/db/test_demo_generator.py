"""The demo portal generator against real SQLite, PostgreSQL and MariaDB databases."""

from __future__ import annotations

import datetime as dt
import warnings
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, inspect, select, text
from sqlalchemy.engine import URL, Engine, Inspector
from sqlalchemy.exc import SAWarning
from sqlalchemy.schema import CreateTable
from stdnum import luhn
from stdnum.se import orgnr, personnummer

from privacy_desk.cli import main
from privacy_desk.errors import TargetNotEmpty
from privacy_desk.portal.demo import schema
from privacy_desk.portal.demo.generator import generate_demo_portal
from privacy_desk.portal.demo.synth import incoming_request_count
from tests.databases import throwaway_database

AS_OF = dt.date(2026, 3, 16)
RESERVED_DOMAINS = ("@example.com", "@example.net", "@example.org")


def _engine(url: URL) -> Engine:
    return create_engine(url)


def _valid_pnr(pnr: str) -> bool:
    day = int(pnr[6:8])
    if day > 60:  # samordningsnummer: stdnum knows only the birth-date form
        real = f"{pnr[:6]}{day - 60:02d}{pnr[8:]}"
        dt.date(int(real[:4]), int(real[4:6]), int(real[6:8]))
        return luhn.is_valid(pnr[2:])
    return bool(personnummer.is_valid(pnr))


def _live_index_names(engine: Engine, insp: Inspector, table: str) -> set[str]:
    """Index names as the database has them (SQLite does not reflect expression indexes)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection", SAWarning)
        live = {str(i["name"]) for i in insp.get_indexes(table)}
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            live |= {r[0] for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
                (table,))}
    return live


def test_small_portal_has_every_table_and_the_expected_shapes(db_url: URL) -> None:
    seen: list[tuple[str, int]] = []
    summary = generate_demo_portal(db_url, customers=150, seed=7, as_of=AS_OF,
                                   progress=lambda t, n: seen.append((t, n)))
    assert set(summary.rows) == set(schema.metadata.tables)
    assert [t for t, _ in seen] == [t.name for t in schema.metadata.sorted_tables]
    assert summary.rows["customers"] == 150 and summary.elapsed_seconds > 0
    # The shared schema objects are left as they were (others create tables from them).
    assert "FOREIGN KEY" in str(CreateTable(schema.invoices))

    engine = _engine(db_url)
    try:
        insp = inspect(engine)
        assert set(insp.get_table_names()) == set(schema.metadata.tables)
        for table in schema.metadata.sorted_tables:
            declared = {i.name for i in schema.indexes_for(table, engine.dialect.name)}
            live = _live_index_names(engine, insp, table.name)
            assert declared <= live, table.name
            if table.foreign_keys:
                assert insp.get_foreign_keys(table.name), table.name
        with engine.connect() as conn:
            for table in schema.metadata.sorted_tables:
                n = conn.scalar(select(func.count()).select_from(table))
                empty = table.name == "processing_restrictions"  # nothing restricted yet
                assert n == summary.rows[table.name] and (n > 0) != empty, table.name
            c = schema.customers
            rows = conn.execute(select(c.c.kind, c.c.personnummer, c.c.org_number, c.c.email,
                                       c.c.phone)).all()
            private = [r for r in rows if r.kind == "private"]
            business = [r for r in rows if r.kind == "business"]
            assert private and business
            assert all(r.personnummer and len(r.personnummer) == 12 and _valid_pnr(r.personnummer)
                       and r.org_number is None for r in private)
            assert all(r.org_number and orgnr.is_valid(r.org_number)
                       and int(r.org_number[2]) >= 2 for r in business)
            emails = [r.email for r in rows if r.email]
            assert all(e.lower().endswith(RESERVED_DOMAINS) for e in emails)
            assert max(Counter(e.lower() for e in emails).values()) >= 2  # shared household
            phones = {r.phone for r in rows if r.phone}
            assert any(p.startswith("+46") for p in phones)
            assert any(p.startswith("07") and "-" in p for p in phones)
            assert any(p.isdigit() for p in phones)

            roles = set(conn.scalars(select(schema.account_customers.c.role)))
            assert {"owner", "co_holder", "contact"} <= roles

            i = schema.invoices
            oldest = conn.scalar(select(func.min(i.c.invoice_date)))
            assert oldest is not None and oldest < dt.date(AS_OF.year - 8, AS_OF.month, 1)
            assert conn.scalar(select(func.max(i.c.invoice_date))) < AS_OF
            per_customer = summary.rows["invoices"] / summary.rows["customers"]
            assert 10 < per_customer <= 32

            m = schema.contact_messages
            strangers = conn.execute(select(m.c.email, m.c.phone)
                                     .where(m.c.customer_id.is_(None))).all()
            customer_emails = {e.lower() for e in emails}
            assert any(r.email and r.email.lower() not in customer_emails for r in strangers)
            ns = schema.newsletter_subscriptions
            assert conn.scalar(select(func.count()).select_from(ns)
                               .where(ns.c.customer_id.is_(None))) > 0

            r = schema.incoming_requests
            reqs = conn.execute(select(r.c.request_type, r.c.submitted_at, r.c.personnummer,
                                       r.c.email, r.c.reference)).all()
            assert len(reqs) == incoming_request_count(150)
            assert {q.request_type for q in reqs} == {"access", "rectification", "erasure",
                                                      "consent_withdrawal"}
            recent = [q for q in reqs if q.submitted_at >= dt.datetime(2026, 1, 14)]
            assert len(recent) > len(reqs) / 2
            assert any(q.submitted_at < dt.datetime(2026, 2, 16) for q in recent)  # overdue
            assert any(q.submitted_at >= dt.datetime(2026, 2, 17) for q in recent)  # open
            by_person: dict[tuple[str | None, str | None], list[dt.datetime]] = {}
            for q in reqs:
                if q.request_type == "access":
                    by_person.setdefault((q.personnummer, q.email), []).append(q.submitted_at)
            assert any(len(ts) > 1 and max(ts) - min(ts) < dt.timedelta(days=366)
                       for ts in by_person.values())

            kinds = set(conn.scalars(select(schema.notices_sent.c.kind)))
            assert kinds == {"price_change", "outage"}
    finally:
        engine.dispose()


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    engine = create_engine(URL.create("sqlite+pysqlite", database=str(path)))
    try:
        with engine.connect() as conn:
            return {t.name: [tuple(r) for r in conn.execute(
                select(t).order_by(*t.primary_key.columns))]
                for t in schema.metadata.sorted_tables}
    finally:
        engine.dispose()


def test_same_seed_and_date_give_identical_content(tmp_path: Path) -> None:
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        generate_demo_portal(URL.create("sqlite+pysqlite", database=str(tmp_path / name)),
                             customers=120, seed=seed, as_of=AS_OF)
    a, b, c = (_dump(tmp_path / n) for n in "abc")
    assert a == b
    assert a["customers"] != c["customers"]
    assert a["invoices"] != c["invoices"]


def test_non_empty_target_is_refused_and_left_alone(db_url: URL) -> None:
    engine = _engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE officer_notes (id INTEGER PRIMARY KEY)"))
            conn.execute(text("INSERT INTO officer_notes (id) VALUES (42)"))
        with pytest.raises(TargetNotEmpty, match="officer_notes"):
            generate_demo_portal(db_url, customers=10, seed=1, as_of=AS_OF)
        insp = inspect(engine)
        assert insp.get_table_names() == ["officer_notes"]
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT id FROM officer_notes")) == 42
    finally:
        engine.dispose()


def test_sqlite_failure_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "portal.sqlite3"

    def explode(table: str, _rows: int) -> None:
        if table == "invoices":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        generate_demo_portal(URL.create("sqlite+pysqlite", database=str(target)),
                             customers=30, seed=1, as_of=AS_OF, progress=explode)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("backend", ["postgresql", "mariadb"])
def test_server_failure_drops_what_was_created(backend: str, tmp_path: Path) -> None:
    with throwaway_database(backend, tmp_path) as url:

        def explode(table: str, _rows: int) -> None:
            if table == "invoices":
                raise RuntimeError("disk full (simulated)")

        with pytest.raises(RuntimeError):
            generate_demo_portal(url, customers=30, seed=1, as_of=AS_OF, progress=explode)
        engine = _engine(url)
        try:
            assert inspect(engine).get_table_names() == []
        finally:
            engine.dispose()


@pytest.mark.parametrize("backend", ["postgresql", "mariadb"])
def test_missing_server_database_is_created(backend: str, tmp_path: Path) -> None:
    with throwaway_database(backend, tmp_path) as url:
        fresh = url.set(database=f"{url.database}_new")
        try:
            summary = generate_demo_portal(fresh, customers=20, seed=1, as_of=AS_OF)
            engine = _engine(fresh)
            try:
                with engine.connect() as conn:
                    assert conn.scalar(select(func.count()).select_from(schema.customers)) == 20
            finally:
                engine.dispose()
            assert summary.rows["customers"] == 20
        finally:
            admin = create_engine(url, isolation_level="AUTOCOMMIT")
            try:
                with admin.connect() as conn:
                    q = admin.dialect.identifier_preparer.quote(fresh.database or "")
                    conn.execute(text(f"DROP DATABASE IF EXISTS {q}"))
            finally:
                admin.dispose()


def test_cli_creates_a_portal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "demo.sqlite3"
    rc = main(["demo-db", str(target), "--customers", "40", "--seed", "2",
               "--as-of", "2026-01-31"])
    out, err = capsys.readouterr()
    assert rc == 0
    assert "40 customers" in out and len(out.strip().splitlines()) == 1
    assert "invoices:" in err
    assert _dump(target)["customers"][0][0] == 1


def test_cli_refuses_bad_url_without_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["demo-db", "postgresql://postgres@127.0.0.1:1/nowhere", "--customers", "5"])
    _out, err = capsys.readouterr()
    assert rc != 0
    assert "Cannot reach the database server" in err
    assert "Traceback" not in err


def test_cli_refuses_unsupported_url(capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["demo-db", "oracle://scott@db/orcl"])
    _out, err = capsys.readouterr()
    assert rc != 0 and "not supported" in err and "Traceback" not in err
