"""``privacy-desk demo-db``: build the synthetic demo portal from the command line.

Kept apart from the generator so ``privacy-desk --help`` stays fast: the generator
(and Faker) are imported only when the subcommand actually runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from privacy_desk.dburl import display_url, parse_target


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from exc


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from exc
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def register(subparsers: Any) -> None:
    """Add the ``demo-db`` subcommand to the top-level parser."""
    p = subparsers.add_parser(
        "demo-db",
        help="create a synthetic demo portal database (for trying the app and benchmarks)",
        description="Create and fill every table of the demo portal with synthetic data. "
        "TARGET is a SQLite file path or a database URL; it must not hold any table yet. "
        "The same --seed and --as-of always give the same content.",
    )
    p.add_argument("target", metavar="TARGET", help="SQLite file path or database URL")
    p.add_argument("--customers", type=_positive_int, default=1000, metavar="N",
                   help="number of customers (default: 1000)")
    p.add_argument("--seed", type=int, default=1, metavar="S",
                   help="random seed (default: 1)")
    p.add_argument("--as-of", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                   help="the 'today' the data is generated around (default: today)")
    p.set_defaults(handler=run_demo_db)


def run_demo_db(args: argparse.Namespace) -> int:
    """Handler: generate, report progress on stderr and one summary line on stdout."""
    from privacy_desk.services.demo import create_demo_portal

    url = parse_target(args.target)

    def progress(table: str, rows: int) -> None:
        print(f"  {table}: {rows:,} rows", file=sys.stderr, flush=True)

    print(f"Creating demo portal in {display_url(url)} ...", file=sys.stderr, flush=True)
    summary = create_demo_portal(url, customers=args.customers, seed=args.seed,
                                 as_of=args.as_of, progress=progress)
    total = sum(summary.rows.values())
    print(f"demo-db: {summary.rows.get('customers', 0):,} customers, {total:,} rows in "
          f"{len(summary.rows)} tables, {summary.elapsed_seconds:.1f} s -> {display_url(url)}")
    return 0
