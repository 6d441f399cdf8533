"""Large demo portals on the local PostgreSQL server, shared by the benchmarks.

A portal of a million customers takes minutes to generate, so a benchmark can keep
it (``--keep``) and a rerun with the same name reuses it.
"""

from __future__ import annotations

import sys
import time
from datetime import date

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from privacy_desk.portal.demo.generator import generate_demo_portal

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def ensure_pg_portal(name: str, customers: int, *, seed: int, as_of: date) -> URL:
    """The URL of database ``name`` holding a demo portal, generated unless it is there."""
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                              {"n": name}).first()
        if not exists:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = make_url(PG_ADMIN).set(database=name)
    if exists:
        probe = create_engine(url)
        with probe.connect() as conn:
            ready = conn.execute(text(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'customers'"
            )).scalar()
        probe.dispose()
        if ready:
            return url
    t0 = time.perf_counter()
    generate_demo_portal(url, customers=customers, seed=seed, as_of=as_of)
    print(f"generated {customers:,} customers on PostgreSQL in {time.perf_counter() - t0:.0f} s",
          file=sys.stderr)
    return url


def drop_pg(url: URL) -> None:
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
    admin.dispose()
