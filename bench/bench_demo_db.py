"""Benchmark: how long ``privacy-desk demo-db`` takes to build a demo portal.

    .venv/bin/python bench/bench_demo_db.py [--customers 100000] [--runs 3]
                                            [--no-million] [--mariadb]

Times :func:`generate_demo_portal` (drawing the population, loading every table,
building indexes and, on PostgreSQL, foreign keys) for ``--customers`` customers on
SQLite and PostgreSQL, ``--runs`` times each (median quoted), then once for 1,000,000
customers on PostgreSQL (skip with ``--no-million``). ``--mariadb`` adds one MariaDB run
at ``--customers``. Every run writes into a throwaway database (a temporary SQLite file,
a uniquely named server database) that is dropped afterwards. The figures replace the
``## demo-db`` section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report import median, write_section
from privacy_desk.portal.demo.generator import DemoSummary, generate_demo_portal

SERVERS = {"postgresql": "postgresql+psycopg://postgres@127.0.0.1:5432/postgres",
           "mariadb": "mysql+pymysql://root:@127.0.0.1:3306/mysql"}
AS_OF = dt.date(2026, 11, 25)
SEED = 1


@contextmanager
def throwaway(backend: str) -> Iterator[URL]:
    """A URL for a database that does not exist yet; whatever is there afterwards is dropped."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory(prefix="pd-bench-") as tmp:
            yield URL.create("sqlite+pysqlite", database=str(Path(tmp) / "demo.sqlite3"))
        return
    admin_url = make_url(SERVERS[backend])
    name = f"pdbench_{uuid.uuid4().hex[:10]}"
    try:
        yield admin_url.set(database=name)  # demo-db creates the database itself
    finally:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                if backend == "postgresql":
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                else:
                    conn.execute(text(f"DROP DATABASE IF EXISTS `{name}`"))
        finally:
            admin.dispose()


def run(backend: str, customers: int) -> DemoSummary:
    with throwaway(backend) as url:
        summary = generate_demo_portal(url, customers=customers, seed=SEED, as_of=AS_OF)
    print(f"  {backend}: {customers:,} customers, {summary.total_rows:,} rows, "
          f"{summary.elapsed_seconds:.1f} s", flush=True)
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-million", action="store_true",
                        help="skip the single 1,000,000-customer PostgreSQL run")
    parser.add_argument("--mariadb", action="store_true", help="add one MariaDB run")
    args = parser.parse_args()

    plan: list[tuple[str, int, int]] = [("sqlite", args.customers, args.runs),
                                        ("postgresql", args.customers, args.runs)]
    if args.mariadb:
        plan.append(("mariadb", args.customers, 1))
    if not args.no_million:
        plan.append(("postgresql", 1_000_000, 1))

    lines = ["| backend | customers | rows | runs | median | each run |",
             "|---|---|---|---|---|---|"]
    notes: list[str] = []
    for backend, customers, runs in plan:
        results = [run(backend, customers) for _ in range(runs)]
        times = [r.elapsed_seconds for r in results]
        each = ", ".join(f"{t:.1f} s" for t in times)
        lines.append(f"| {backend} | {customers:,} | {results[0].total_rows:,} | {runs} | "
                     f"{median(times):.1f} s | {each} |")
        if customers == 1_000_000:
            biggest = ", ".join(f"{t} {n:,}" for t, n in sorted(
                results[0].rows.items(), key=lambda kv: -kv[1])[:4])
            notes.append(f"Largest tables at 1,000,000 customers: {biggest}.")

    command = "python bench/bench_demo_db.py " + " ".join(sys.argv[1:])
    body = (f"Time for `generate_demo_portal` (what `privacy-desk demo-db` runs) with seed "
            f"{SEED} and as-of {AS_OF}: drawing the population, streaming every table in "
            "(SQLite `executemany` with the journal off, PostgreSQL `COPY`, MariaDB multi-row "
            "`INSERT`), then secondary indexes, foreign keys and `ANALYZE`. Each run builds a "
            "fresh throwaway database (temporary file or a new server database, dropped "
            "afterwards). The database servers run on the same 2 shared cores.\n\n"
            + "\n".join(lines) + "\n\n" + "\n".join(notes))
    write_section("demo-db", body, command.strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
