"""Issue 3 benchmark: find and collect one person on a large demo portal.

    .venv/bin/python bench/bench_lookup.py [--customers 1000000] [--people 200]
                                           [--sqlite-customers 1000000] [--keep] [--no-sqlite]

For each of ``--people`` random customers (seeded), times Privacy Desk's
``find_person`` + ``collect`` from the identifier a request carries (personnummer or
organisationsnummer), and in the same run the **physical-limit baseline**: the very
SQL statements our code sent (captured at the cursor), replayed straight through the
DB-API driver (psycopg / sqlite3) with no framework, fetching every row. The two are
interleaved person by person so machine noise hits both alike; a first pass warms
the caches and is discarded. The PostgreSQL portal is a throwaway database created
here (kept with ``--keep`` for reruns, which then reuse it).

On PostgreSQL two more figures: the same find + collect with ``collect(pipeline=True)``
(every collect statement sent before any answer is read: one round trip) against the
same baseline, and name search (``find_by_name`` with a random customer's first and
last name) after creating the indexes ``datamap check`` proposes for it.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import event, select
from sqlalchemy.engine import URL, Engine

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.portals import drop_pg, ensure_pg_portal
from bench.report import median, ms, p95, write_section
from privacy_desk.datamap.check_names import name_index_findings
from privacy_desk.datamap.loader import load_datamap
from privacy_desk.dburl import make_engine
from privacy_desk.portal.demo.generator import generate_demo_portal
from privacy_desk.portal.demo.schema import customers
from privacy_desk.portal.lookup import collect, find_by_name, find_person
from privacy_desk.resources import resource_path

AS_OF = "2026-11-20"
Statement = tuple[str, Any]


def _as_of():  # type: ignore[no-untyped-def]
    import datetime as dt

    return dt.date.fromisoformat(AS_OF)


def pick_identifiers(engine: Engine, n_customers: int, people: int) -> list[str]:
    rng = random.Random(42)
    ids = rng.sample(range(1, n_customers + 1), people)
    with engine.connect() as conn:
        rows = conn.execute(select(customers.c.personnummer, customers.c.org_number)
                            .where(customers.c.id.in_(ids))).all()
    return [pnr or org for pnr, org in rows]


def capture(engine: Engine) -> tuple[list[Statement], Callable[[], None]]:
    sent: list[Statement] = []

    def hook(_conn: Any, _cur: Any, statement: str, params: Any, _ctx: Any, _many: bool) -> None:
        sent.append((statement, params))

    event.listen(engine, "before_cursor_execute", hook)
    return sent, lambda: event.remove(engine, "before_cursor_execute", hook)


def run(engine: Engine, idents: list[str], replay: Callable[[list[Statement]], int],
        pipelined: list[float] | None = None) -> tuple[list[float], list[float], int]:
    """Ours and the baseline per person; with ``pipelined``, also the pipeline variant."""
    datamap = load_datamap(resource_path("datamaps", "demo-portal.yaml"))
    ours: list[float] = []
    base: list[float] = []
    rows_total = 0
    for pass_no in (0, 1):
        for ident in idents:
            sent, stop = capture(engine)
            t0 = time.perf_counter()
            result = find_person(engine, datamap, ident)
            data = [collect(engine, datamap, c) for c in result.candidates]
            t1 = time.perf_counter()
            stop()
            b0 = time.perf_counter()
            n = replay(sent)
            b1 = time.perf_counter()
            if pipelined is not None:
                p0 = time.perf_counter()
                result = find_person(engine, datamap, ident)
                piped = [collect(engine, datamap, c, pipeline=True) for c in result.candidates]
                p1 = time.perf_counter()
                assert [len(d.rows) for d in piped] == [len(d.rows) for d in data]
                if pass_no:
                    pipelined.append(p1 - p0)
            if pass_no:
                ours.append(t1 - t0)
                base.append(b1 - b0)
                rows_total += sum(len(d.rows) for d in data)
                assert n >= 0
    return ours, base, rows_total


def name_search(engine: Engine, n_customers: int, people: int) -> tuple[list[float], float]:
    """Medians of find_by_name for random customers' names, after creating the indexes
    ``datamap check`` proposes; also the mean number of candidates."""
    datamap = load_datamap(resource_path("datamaps", "demo-portal.yaml"))
    with engine.connect() as conn:
        missing = name_index_findings(conn, datamap)
    if missing:
        t0 = time.perf_counter()
        with engine.begin() as conn:
            for f in missing:
                assert f.proposal is not None
                conn.exec_driver_sql(f.proposal)
            conn.exec_driver_sql("ANALYZE customers")
        print(f"created {len(missing)} name index(es) in {time.perf_counter() - t0:.0f} s",
              file=sys.stderr)
    rng = random.Random(7)
    ids = rng.sample(range(1, n_customers + 1), people)
    with engine.connect() as conn:
        names = [f"{a} {b}" for a, b in conn.execute(
            select(customers.c.first_name, customers.c.last_name)
            .where(customers.c.id.in_(ids), customers.c.first_name.is_not(None)))]
    times: list[float] = []
    found = 0
    for pass_no in (0, 1):
        for name in names:
            t0 = time.perf_counter()
            result = find_by_name(engine, datamap, name)
            t1 = time.perf_counter()
            if pass_no:
                times.append(t1 - t0)
                found += len(result.candidates)
                assert result.candidates
    return times, found / max(len(names), 1)


def pg_replayer(url: URL) -> tuple[Callable[[list[Statement]], int], Callable[[], None]]:
    conn = psycopg.connect(host=url.host, port=url.port or 5432, user=url.username,
                           dbname=url.database)

    def replay(statements: list[Statement]) -> int:
        n = 0
        with conn.cursor() as cur:
            for sql, params in statements:
                cur.execute(sql, params or None)
                if cur.description is not None:
                    n += len(cur.fetchall())
        conn.rollback()
        return n

    return replay, conn.close


def sqlite_replayer(path: str) -> tuple[Callable[[list[Statement]], int], Callable[[], None]]:
    conn = sqlite3.connect(path, isolation_level=None)

    def replay(statements: list[Statement]) -> int:
        n = 0
        for sql, params in statements:
            if sql.upper().startswith(("BEGIN", "COMMIT", "ROLLBACK")):
                continue
            n += len(conn.execute(sql, params or ()).fetchall())
        return n

    return replay, conn.close


def summarise(label: str, ours: list[float], base: list[float], rows: int, people: int) -> str:
    ratio = median(ours) / median(base)
    return (f"| {label} | {people} | {rows / people:.0f} | {ms(median(ours))} | "
            f"{ms(p95(ours))} | {ms(median(base))} | {ms(p95(base))} | {ratio:.2f}× |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--customers", type=int, default=1_000_000)
    ap.add_argument("--sqlite-customers", type=int, default=None,
                    help="size of the SQLite portal (default: same as --customers)")
    ap.add_argument("--people", type=int, default=200)
    ap.add_argument("--keep", action="store_true", help="keep the generated portals")
    ap.add_argument("--sqlite-dir", default="/tmp", help="where the SQLite portal is built")
    ap.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    args = ap.parse_args()
    lines = []
    extra = []

    url = ensure_pg_portal(f"pd_bench_portal_{args.customers}", args.customers, seed=1,
                           as_of=_as_of())
    engine = make_engine(url)
    try:
        idents = pick_identifiers(engine, args.customers, args.people)
        replay, close = pg_replayer(url)
        piped: list[float] = []
        ours, base, rows = run(engine, idents, replay, piped)
        close()
        lines.append(summarise(f"PostgreSQL, {args.customers:,} customers", ours, base, rows,
                               len(idents)))
        extra.append(f"| PostgreSQL, collect in pipeline mode | {len(piped)} | "
                     f"{ms(median(piped))} | {ms(p95(piped))} | {ms(median(base))} | "
                     f"{median(piped) / median(base):.2f}× |")
        names, per_name = name_search(engine, args.customers, args.people)
        extra.append(f"| PostgreSQL, name search (first + last name; {per_name:.1f} "
                     f"candidates each) | {len(names)} | {ms(median(names))} | "
                     f"{ms(p95(names))} | — | — |")
    finally:
        engine.dispose()
        if not args.keep:
            drop_pg(url)

    n_sqlite = args.sqlite_customers or args.customers
    if args.no_sqlite:
        n_sqlite = 0
    path = Path(args.sqlite_dir) / f"pd_bench_portal_{n_sqlite}.sqlite3"
    if n_sqlite and not path.exists():
        t0 = time.perf_counter()
        generate_demo_portal(URL.create("sqlite+pysqlite", database=str(path)),
                             customers=n_sqlite, seed=1, as_of=_as_of())
        print(f"generated {n_sqlite} customers on SQLite in {time.perf_counter() - t0:.0f} s")
    if n_sqlite:
        engine = make_engine(URL.create("sqlite+pysqlite", database=str(path)))
        try:
            idents = pick_identifiers(engine, n_sqlite, args.people)
            replay, close = sqlite_replayer(str(path))
            ours, base, rows = run(engine, idents, replay)
            close()
            lines.append(summarise(f"SQLite, {n_sqlite:,} customers", ours, base, rows,
                                   len(idents)))
        finally:
            engine.dispose()
            if not args.keep:
                path.unlink(missing_ok=True)

    body = (
        "Find and collect one person from their personnummer / organisationsnummer "
        "(`find_person` + `collect` through the demo data map), against the physical-limit "
        "baseline: the same SQL statements replayed straight through the driver "
        "(psycopg / sqlite3), fetching every row. Interleaved per person; a warm-up pass "
        "discarded. Target: at most 1.5× the baseline on PostgreSQL.\n\n"
        "| portal | people | rows/person | ours median | ours p95 | baseline median "
        "| baseline p95 | ratio (median) |\n|---|---|---|---|---|---|---|---|\n"
        + "\n".join(lines)
        + "\n\nVariants on PostgreSQL (ratio against the same baseline as above):\n\n"
        "| variant | people | median | p95 | baseline median | ratio (median) |\n"
        "|---|---|---|---|---|---|\n" + "\n".join(extra)
        + "\n\nSQLite runs in-process, so the bare driver answers in well under a millisecond "
        "and the ratio there measures SQLAlchemy's fixed cost per statement, not I/O. The "
        "PostgreSQL figures are the ones the target applies to.\n"
    )
    write_section("lookup", body, "python bench/bench_lookup.py " + " ".join(sys.argv[1:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
