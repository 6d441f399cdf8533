"""Issue 6 benchmark: erase 1,000 people one after another on a large PostgreSQL portal.

    .venv/bin/python bench/bench_erasure.py [--customers 1000000] [--people 1000] [--keep]

Each person goes through the whole service path the GUI and CLI use: find (by
personnummer) -> collect -> plan -> approve (a second officer) -> execute in one portal
transaction -> verification lookup -> outcome and holds recorded in the case store
(SQLite file). Held invoices (Bokföringslagen) are kept. Reports total time and time per
person (median, p95) for the execute step and for the whole path. The portal is a
throwaway database (``--keep`` keeps it, but erased people stay erased, so a rerun picks
others: the seed is shifted by the count of earlier runs' committed plans).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import URL

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.portals import drop_pg, ensure_pg_portal
from bench.report import median, ms, p95, write_section
from privacy_desk.casestore import open_case_store
from privacy_desk.datamap.loader import load_datamap
from privacy_desk.dburl import make_engine
from privacy_desk.domain.identity import IdentityMethod
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.resources import resource_path
from privacy_desk.services.cases import register_case, transition_case
from privacy_desk.services.casework import verify_identity
from privacy_desk.services.erasure import approve_plan, create_plan, erasure_subject, execute
from privacy_desk.services.roles import Role, add_officer, sign_in

TODAY = date(2026, 11, 20)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--customers", type=int, default=1_000_000)
    ap.add_argument("--people", type=int, default=1000)
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    url = ensure_pg_portal(f"pdbench_erasure_{args.customers}", args.customers, seed=11,
                           as_of=TODAY)
    portal = make_engine(url)
    datamap = load_datamap(resource_path("datamaps", "demo-portal.yaml"))
    with portal.connect() as conn:
        pnrs = [r[0] for r in conn.execute(text(
            "SELECT personnummer FROM customers WHERE personnummer IS NOT NULL "
            "AND personnummer NOT LIKE '#%' ORDER BY id"))]
    people = random.Random(6).sample(pnrs, args.people)
    tmp = tempfile.TemporaryDirectory()
    store = open_case_store(URL.create("sqlite+pysqlite",
                                       database=str(Path(tmp.name) / "store.sqlite3")),
                            actor="anna")
    sign_in(store, "anna")
    add_officer(store, "bertil", [Role.APPROVER], actor="anna")
    whole: list[float] = []
    exec_times: list[float] = []
    held = deleted = 0
    t_all = time.perf_counter()
    try:
        for pnr in people:
            d = register_case(store, request_type=RequestType.ERASURE, channel=Channel.PAPER,
                              received_on=date(2026, 11, 2), person_label="Bench",
                              identifiers=[("personnummer", pnr)], today=TODAY, actor="anna")
            d = verify_identity(store, d.case_id, method=IdentityMethod.SIGNED_LETTER,
                                evidence="bench", verified_on=date(2026, 11, 3),
                                expected_version=d.version, actor="anna", today=TODAY)
            transition_case(store, d.case_id, CaseStatus.IN_PROGRESS, actor="anna",
                            reason=None, expected_version=d.version, today=TODAY)
            t0 = time.perf_counter()
            cand = erasure_subject(store, portal, datamap, d.case_id).candidates[0]
            view = create_plan(store, portal, datamap, d.case_id, cand, actor="anna",
                               today=TODAY)
            approve_plan(store, view.id, expected_sha256=view.sha256, actor="bertil")
            t1 = time.perf_counter()
            result = execute(store, portal, datamap, view.id, actor="anna", today=TODAY)
            t2 = time.perf_counter()
            assert result.verification.ok, result.verification.problems
            whole.append(t2 - t0)
            exec_times.append(t2 - t1)
            held += len(view.plan.held)
            deleted += sum(1 for r in view.plan.rows if r.action.value == "delete")
    finally:
        total = time.perf_counter() - t_all
        store.close()
        portal.dispose()
        tmp.cleanup()
        if not args.keep:
            drop_pg(url)
    n = len(whole)

    def row(xs: list[float]) -> str:
        return f"{sum(xs):.1f} s | {ms(median(xs))} | {ms(p95(xs))}"

    body = f"""
PostgreSQL portal of {args.customers:,} demo customers; case store a SQLite file. {n} people
erased one after another through the service path (find by personnummer, collect, plan,
approve, execute in one transaction, verification lookup, outcome and holds recorded);
{deleted:,} rows deleted, {held:,} held invoices kept (Bokföringslagen 7 kap. 2 §).

| measure | total | median per person | p95 per person |
|---|---|---|---|
| whole path (find, plan, approve, execute, verify, record) | {row(whole)} |
| execute + verify + record only | {row(exec_times)} |

Wall time for all {n} people including registering their cases: {total:.1f} s.
"""
    write_section("erasure", body,
                  f".venv/bin/python bench/bench_erasure.py --customers {args.customers} "
                  f"--people {args.people}" + (" --keep" if args.keep else ""))


if __name__ == "__main__":
    main()
