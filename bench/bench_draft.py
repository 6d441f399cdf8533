"""Issue 12 benchmark: how good and how fast is ``datamap draft``?

    .venv/bin/python bench/bench_draft.py [--customers 1000000] [--sample 500] [--no-pg]
                                          [--write]

Quality, against hand-written maps as ground truth, each portal built fresh on SQLite:
the demo portal (resources/datamaps/demo-portal.yaml), the record shop
(docs/examples/shop-datamap.yaml, tests/shop_portal.py) and an ERP of Swedish names and
undeclared joins built for this benchmark only (tests/draft/erp_portal.py, erp-datamap.yaml):

- personal-column detection: precision and recall over every column of every table (the
  demo's request table is read by ``requests:`` in its map, so it is left out);
- identity columns found with the right kind (share of the hand-written ones);
- references recovered (share of the hand-written (table, target, join) triples);
- holds found (table, date column, via).

Speed: the draft of the 1M-customer PostgreSQL demo portal (bench/portals.py; generated
once, ~2 min, and reused by bench_lookup too), with the default sample. Target < 60 s.
``--write`` replaces the section in docs/benchmarks.md; otherwise it is only printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.portals import ensure_pg_portal
from bench.report import machine, write_section
from privacy_desk.datamap.draft import DEFAULT_SAMPLE, draft_datamap
from privacy_desk.datamap.loader import load_datamap, parse_datamap
from privacy_desk.datamap.model import DataMap
from privacy_desk.dburl import connect_portal, make_engine
from privacy_desk.portal.demo.generator import generate_demo_portal
from privacy_desk.resources import resource_path
from tests.draft import compare
from tests.draft.erp_portal import MAP_FILE as ERP_MAP
from tests.draft.erp_portal import create_erp_portal
from tests.shop_portal import MAP_FILE as SHOP_MAP
from tests.shop_portal import create_shop_portal

AS_OF = dt.date(2026, 11, 20)


def _share(want: set[object], got: set[object]) -> str:
    return f"{len(want & got)}/{len(want)}" if want else "-"


def measure(name: str, truth: DataMap, draft: DataMap) -> tuple[str, list[str]]:
    skip = {truth.requests.table} if truth.requests else set()
    s = compare.score_columns(truth, draft)
    idents = compare.identity_kinds(truth, skip)
    kinds = _share({t.kind for t in truth.subject_tables}, {t.kind for t in draft.subject_tables})
    row = (f"| {name} | {s.precision:.2f} | {s.recall:.2f} | {s.tp + s.fn} | "
           f"{_share(idents, compare.identity_kinds(draft, skip))} | "
           f"{_share(compare.references(truth), compare.references(draft))} | "
           f"{_share(compare.holds(truth), compare.holds(draft))} | "
           f"{kinds} | {len(draft.review)} |")
    notes = [f"{name}: missed {', '.join(s.missed) or 'none'}; extra "
             f"{', '.join(s.extra) or 'none'}; references not recovered: "
             f"{sorted(compare.references(truth) - compare.references(draft)) or 'none'}; "
             f"holds not found: {sorted(compare.holds(truth) - compare.holds(draft)) or 'none'}"]
    return row, notes


def quality(sample: int) -> tuple[list[str], list[str]]:
    rows, notes = [], []
    with tempfile.TemporaryDirectory() as d:
        portals = {
            "demo portal (50 customers)": (resource_path("datamaps", "demo-portal.yaml"), None),
            "record shop": (SHOP_MAP, create_shop_portal),
            "ERP (Swedish, undeclared joins)": (ERP_MAP, create_erp_portal),
        }
        for i, (name, (truth_file, build)) in enumerate(portals.items()):
            url = make_url(f"sqlite:///{d}/p{i}.sqlite3")
            if build is None:
                generate_demo_portal(url, customers=50, seed=7, as_of=AS_OF)
            engine = make_engine(url)
            if build is not None:
                build(engine)
            try:
                draft = parse_datamap(draft_datamap(engine, sample=sample).text)
            finally:
                engine.dispose()
            row, note = measure(name, load_datamap(truth_file), draft)
            rows.append(row)
            notes += note
    return rows, notes


def speed(customers: int, sample: int) -> tuple[float, int, int]:
    url = ensure_pg_portal(f"pd_bench_portal_{customers}", customers, seed=1, as_of=AS_OF)
    engine = connect_portal(url)
    try:
        t0 = time.perf_counter()
        result = draft_datamap(engine, sample=sample)
        seconds = time.perf_counter() - t0
    finally:
        engine.dispose()
    parse_datamap(result.text)
    return seconds, result.tables, len(result.review)


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--customers", type=int, default=1_000_000)
    ap.add_argument("--sample", type=int, default=DEFAULT_SAMPLE)
    ap.add_argument("--no-pg", action="store_true", help="quality only")
    ap.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = ap.parse_args()
    rows, notes = quality(args.sample)
    body = ["| portal | precision | recall | personal columns | identity kinds right | "
            "references recovered | holds found | person kinds | review items |",
            "|---|---|---|---|---|---|---|---|---|", *rows, ""]
    body += [f"- {n}" for n in notes]
    if not args.no_pg:
        seconds, tables, review = speed(args.customers, args.sample)
        body += ["", f"Draft of the {args.customers:,}-customer PostgreSQL demo portal "
                 f"({tables} tables, sample {args.sample}): **{seconds:.1f} s** "
                 f"(target < 60 s), {review} review items."]
    text = "\n".join(body)
    command = "python bench/bench_draft.py" + (" --no-pg" if args.no_pg else "")
    if args.write:
        write_section("datamap draft (issue 12)", text, command)
    else:
        print(f"Machine: {machine()}\n\n{text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
