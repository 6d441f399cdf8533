"""Issue 15 benchmark: the queue's markers (decision needed, approval needed) at 100,000 cases.

    .venv/bin/python bench/bench_marks.py [--cases 100000] [--runs 7]

Reuses bench_queue's synthetic SQLite store (``/tmp/pd_bench_queue_N.sqlite3``) and gives
its cases synthetic person identifiers (one per case, about 30,000 people, so repeated
extracts need decisions), then times ``list_queue_marks`` — the bulk read the window does
with every queue load — median and p95 over ``--runs`` runs after a discarded warm-up.
Target: well under the queue's own load (so the start stays under 2 s).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.engine import URL

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_queue import fill
from bench.report import median, ms, p95, write_section
from privacy_desk.casestore.models import Case, CaseIdentifier
from privacy_desk.casestore.store import open_case_store
from privacy_desk.services.queue import list_queue_marks

TARGET_S = 0.5


def add_identifiers(url: URL, people: int) -> None:
    store = open_case_store(url, actor="bench")
    try:
        with store.engine.begin() as conn:
            if conn.scalar(select(func.count()).select_from(CaseIdentifier)):
                return
            ids = conn.scalars(select(Case.id)).all()
            rng = random.Random(15)
            rows = [{"case_id": cid, "kind": "customer_number",
                     "value": f"K{rng.randrange(people):07d}"} for cid in ids]
            for start in range(0, len(rows), 5000):
                conn.execute(insert(CaseIdentifier), rows[start:start + 5000])
    finally:
        store.close()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    path = Path("/tmp") / f"pd_bench_queue_{args.cases}.sqlite3"
    url = URL.create("sqlite+pysqlite", database=str(path))
    fill(url, args.cases)
    add_identifiers(url, args.cases * 3 // 10)
    store = open_case_store(url, actor="bench")
    times: list[float] = []
    try:
        for run in range(args.runs + 1):
            t0 = time.perf_counter()
            marks = list_queue_marks(store)
            if run:
                times.append(time.perf_counter() - t0)
    finally:
        store.close()
    body = (f"Open access requests needing a decision: {len(marks.decision_needed)}; "
            f"plans awaiting approval: {len(marks.approval_needed)}.\n\n"
            "| measure | median | p95 | ratio |\n|---|---|---|---|\n"
            f"| queue markers (SQLite, {args.cases:,} cases) | {ms(median(times))} | "
            f"{ms(p95(times))} | {median(times) / TARGET_S:.2f} (target 0.5 s) |\n")
    print(body)
    write_section("queue markers", body,
                  f"python bench/bench_marks.py --cases {args.cases} --runs {args.runs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
