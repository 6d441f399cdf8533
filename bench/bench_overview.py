"""Issue 15 benchmark: the overview and the yearly report with 100,000 cases.

    .venv/bin/python bench/bench_overview.py [--cases 100000] [--runs 7] [--keep] [--no-pg]

Per backend (SQLite file, PostgreSQL), medians over ``--runs`` runs after a discarded
warm-up, with a real QApplication on the offscreen platform:

* **overview opens**: ``open_case_store`` (connect, schema check) + ``overview`` (every
  figure, SQL aggregates) + ``OverviewTab.show_overview`` + the tab shown and painted
  (events processed). Target: under 1 s.
* **yearly report**: ``export_year_report`` for the busiest year, PDF with charts (and,
  separately, CSV), written to a temporary folder. Target: under 5 s.

The store is synthetic (three years of requests, most answered and closed; events,
extensions, fee and refusal decisions, executed erasures with held invoices), built with
bulk inserts and reused with ``--keep``.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, insert, select
from sqlalchemy.engine import URL, make_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_queue import PG_ADMIN, drop_pg
from bench.report import median, ms, p95, write_section
from privacy_desk.casestore.erasure_models import (
    ErasureExecutionRecord,
    ErasureHoldRecord,
    ErasureOutcomeRecord,
    ErasurePlanRecord,
)
from privacy_desk.casestore.models import (
    AllowanceDecisionRecord,
    Case,
    CaseEvent,
    CaseNumberCounter,
)
from privacy_desk.casestore.store import open_case_store
from privacy_desk.domain.deadlines import due_date, extended_due_date
from privacy_desk.services.roles import sign_in

TODAY = date(2026, 11, 25)
YEAR = 2026
OVERVIEW_TARGET_S = 1.0
REPORT_TARGET_S = 5.0
BFL = "Bokföringslagen (1999:1078) 7 kap. 2 §"
BASELINE = (
    "Baseline in the same store, before two changes: 1.06 s (SQLite) to an open overview, "
    "0.96 s of it the figures. The answer day is now computed once per case inside the "
    "per-case subquery (SQLite then scans the events once instead of an index loop per "
    "case), and the month is `substr(received_on, 1, 7)` on SQLite instead of two "
    "`strftime` calls; per-month, per-channel and per-outcome counts come from one grouped "
    "scan of the cases.")
_TYPES = [("access", 50), ("erasure", 20), ("objection", 10), ("rectification", 8),
          ("consent_withdrawal", 7), ("portability", 3), ("restriction", 2)]
_CHANNELS = [("portal", 70), ("email", 20), ("paper", 10)]
_FIRST = ["Anna", "Bo", "Cecilia", "David", "Eva", "Filip", "Greta", "Hugo", "Ida", "Johan"]
_LAST = ["Testsson", "Provsson", "Exempel", "Syntet", "Fiktiv", "Påhittad", "Låtsas"]


def _at(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, datetime.min.time()) + timedelta(
        hours=rng.randrange(6, 17), minutes=rng.randrange(60))


def fill(url: URL, n: int) -> None:
    """Insert ``n`` synthetic cases with their events, decisions and erasures (once)."""
    store = open_case_store(url, actor="bench")
    try:
        sign_in(store, "bench")
        with store.engine.connect() as conn:
            have = conn.scalar(select(func.count()).select_from(Case)) or 0
        if have == n:
            return
        if have:
            raise SystemExit(f"{url.database} holds {have} cases, not {n}; drop it first")
        t0 = time.perf_counter()
        rng = random.Random(15)
        types, tw = zip(*_TYPES, strict=True)
        chans, cw = zip(*_CHANNELS, strict=True)
        first_day = TODAY - timedelta(days=3 * 365)
        per_year: dict[int, int] = {}
        cases, events, decisions, ext_ids = [], [], [], []
        erasure_ids: list[int] = []
        now = datetime(2026, 11, 25, 8, 0)
        for i in range(n):
            cid = i + 1
            received = first_day + timedelta(days=rng.randrange(3 * 365))
            rtype = rng.choices(types, tw)[0]
            due = due_date(received)
            age = (TODAY - received).days
            extended = rng.random() < 0.03
            ext_due = extended_due_date(received) if extended else None
            if age < 45 and rng.random() < 0.6:
                status = rng.choice(["received", "in_progress", "awaiting_identity"])
                answer = None
            elif rng.random() < 0.03:
                status, answer = "withdrawn", None
            else:
                limit = ((ext_due or due) - received).days
                days = rng.randrange(1, limit + 1) if rng.random() < 0.93 else \
                    limit + rng.randrange(1, 20)
                answer = received + timedelta(days=days)
                if answer >= TODAY:
                    status, answer = "in_progress", None
                else:
                    rejected = rng.random() < 0.04
                    status = "rejected" if rejected else (
                        "closed" if rng.random() < 0.9 else "answered")
            per_year[received.year] = per_year.get(received.year, 0) + 1
            cases.append({
                "id": cid, "case_number": f"PD-{received.year}-{per_year[received.year]:05d}",
                "request_type": rtype, "status": status, "channel": rng.choices(chans, cw)[0],
                "received_on": received, "received_at": None, "due_on": due,
                "extended_due_on": ext_due, "extension_told_on": received if extended else None,
                "extension_reason": rng.choice(["Many systems to search", "Large volume"])
                if extended else None,
                "person_label": f"{rng.choice(_FIRST)} {rng.choice(_LAST)} {i}",
                "subject_identifiers": {}, "source_ref": f"bench:{i}",
                "assignee": rng.choice([None, "anna", "bo", "cia"]),
                "created_at": now, "updated_at": now, "updated_by": "bench", "version": 1,
                "identity_verified_on": None})
            if extended:
                ext_ids.append(cid)
            events.append({"case_id": cid, "at": _at(received, rng), "actor": "bench",
                           "kind": "registered", "from_status": None, "to_status": "received",
                           "note": None})
            if answer is not None:
                to = "rejected" if status == "rejected" else "answered"
                events.append({"case_id": cid, "at": _at(answer, rng), "actor": "bench",
                               "kind": "status", "from_status": "in_progress", "to_status": to,
                               "note": rng.choice(["Manifestly unfounded (repeated request)",
                                                   "Identity could not be verified"])
                               if to == "rejected" else None})
                if status == "closed":
                    events.append({"case_id": cid, "at": _at(answer + timedelta(days=2), rng),
                                   "actor": "bench", "kind": "status",
                                   "from_status": "answered", "to_status": "closed",
                                   "note": None})
                if rtype == "access" and rng.random() < 0.03:
                    kind = rng.choice(["fee", "free_anyway", "refused"])
                    decisions.append({"case_id": cid, "kind": kind,
                                      "reason": "Third extract this year",
                                      "fee_sek": Decimal("150.00") if kind == "fee" else None,
                                      "extracts_in_period": 2, "decided_by": "bench",
                                      "decided_at": now})
                if rtype == "erasure" and status in ("closed", "answered"):
                    erasure_ids.append(cid)
        plans, execs, outcomes, holds = [], [], [], []
        for k, cid in enumerate(erasure_ids, start=1):
            plans.append({"id": k, "case_id": cid, "kind": "erasure", "state": "committed",
                          "subject": "{}", "as_of": TODAY, "plan_json": "{}",
                          "plan_sha256": "0" * 64, "created_by": "bench", "created_at": now})
            execs.append({"id": k, "plan_id": k, "case_id": cid, "state": "committed",
                          "executed_by": "bench", "started_at": now, "finished_at": now,
                          "host": "bench", "pid": 1})
            kept = rng.randrange(0, 30)
            outcomes += [{"execution_id": k, "table_name": "customers", "rows_deleted": 1,
                          "rows_updated": 0, "rows_retained": 0},
                         {"execution_id": k, "table_name": "invoices", "rows_deleted": 0,
                          "rows_updated": 0, "rows_retained": kept}]
            for j in range(kept):
                holds.append({"case_id": cid, "execution_id": k, "table_name": "invoices",
                              "row_key": f'{{"id": {cid * 100 + j}}}', "rule": "bokforing",
                              "law": BFL, "ends_on": date(2027 + rng.randrange(8), 1, 1),
                              "released_by_plan": None})
        with store.engine.begin() as conn:
            for table, rows in ((Case, cases), (CaseEvent, events),
                                (AllowanceDecisionRecord, decisions),
                                (ErasurePlanRecord, plans), (ErasureExecutionRecord, execs),
                                (ErasureOutcomeRecord, outcomes), (ErasureHoldRecord, holds)):
                for start in range(0, len(rows), 5000):
                    conn.execute(insert(table), rows[start:start + 5000])
            conn.execute(insert(CaseNumberCounter),
                         [{"year": y, "last_number": c} for y, c in per_year.items()])
        if url.get_backend_name() == "postgresql":
            from sqlalchemy import text

            with store.engine.begin() as conn:  # ids were given: move the sequences on
                for table in ("cases", "erasure_plans", "erasure_executions"):
                    conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                                      f" (SELECT max(id) FROM {table}))"))
                conn.execute(text("ANALYZE"))
        print(f"filled {n} cases, {len(events)} events, {len(holds)} holds into "
              f"{url.get_backend_name()} in {time.perf_counter() - t0:.1f} s", flush=True)
    finally:
        store.close()


def measure(url: URL, runs: int) -> dict[str, list[float] | int]:
    from PySide6.QtWidgets import QApplication

    from privacy_desk.services.statistics import export_year_report, overview
    from privacy_desk.ui.overview_tab import OverviewTab
    from privacy_desk.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    runner = TaskRunner()
    opens: list[float] = []
    query: list[float] = []
    pdfs: list[float] = []
    csvs: list[float] = []
    pdf_bytes = 0
    year_total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for run_no in range(runs + 1):
            t0 = time.perf_counter()
            store = open_case_store(url, actor="bench")
            q0 = time.perf_counter()
            data = overview(store, today=TODAY)
            q1 = time.perf_counter()
            tab = OverviewTab(runner)
            tab.resize(1280, 760)
            tab.show_overview(data)
            tab.show()
            app.processEvents()
            t1 = time.perf_counter()
            assert data.counts.open > 0 and tab.deadlines.rowCount() > 0
            tab.close()
            tab.deleteLater()
            app.processEvents()
            r0 = time.perf_counter()
            report = export_year_report(store, YEAR, "pdf", Path(tmp) / "r.pdf",
                                        language="sv", today=TODAY)
            r1 = time.perf_counter()
            export_year_report(store, YEAR, "csv", Path(tmp) / "r.csv", today=TODAY)
            r2 = time.perf_counter()
            store.close()
            if run_no:
                opens.append(t1 - t0)
                query.append(q1 - q0)
                pdfs.append(r1 - r0)
                csvs.append(r2 - r1)
            pdf_bytes = (Path(tmp) / "r.pdf").stat().st_size
            year_total = report.total
    runner.shutdown()
    return {"opens": opens, "query": query, "pdfs": pdfs, "csvs": csvs,
            "pdf_bytes": pdf_bytes, "year_total": year_total}


def summarise(label: str, m: dict[str, list[float] | int]) -> str:
    def row(name: str, key: str, target: float | None) -> str:
        values = m[key]
        assert isinstance(values, list)
        ratio = f"{median(values) / target:.2f} (target {target:g} s)" if target else "—"
        return f"| {name} | {ms(median(values))} | {ms(p95(values))} | {ratio} |"

    return "\n".join([
        f"### {label}", "",
        "| measure | median | p95 | median / target |", "|---|---|---|---|",
        row("overview opens (store + figures + tab shown)", "opens", OVERVIEW_TARGET_S),
        row("of which the figures (SQL)", "query", None),
        row(f"yearly report {YEAR}, PDF with charts ({m['year_total']:,} requests, "
            f"{int(m['pdf_bytes']) // 1024} KiB)", "pdfs", REPORT_TARGET_S),
        row(f"yearly report {YEAR}, CSV", "csvs", REPORT_TARGET_S),
    ])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--keep", action="store_true", help="keep the generated stores")
    ap.add_argument("--no-pg", action="store_true", help="SQLite only")
    ap.add_argument("--sqlite-dir", default="/tmp")
    args = ap.parse_args()
    sections = []
    path = Path(args.sqlite_dir) / f"pd_bench_overview_{args.cases}.sqlite3"
    sqlite_url = URL.create("sqlite+pysqlite", database=str(path))
    try:
        fill(sqlite_url, args.cases)
        sections.append(summarise(f"SQLite, {args.cases:,} cases", measure(sqlite_url,
                                                                          args.runs)))
    finally:
        if not args.keep:
            path.unlink(missing_ok=True)
    if not args.no_pg:
        pg_url = ensure_pg_named(make_url(PG_ADMIN).set(
            database=f"pd_bench_overview_{args.cases}"))
        try:
            fill(pg_url, args.cases)
            sections.append(summarise(f"PostgreSQL, {args.cases:,} cases",
                                      measure(pg_url, args.runs)))
        finally:
            if not args.keep:
                drop_pg(pg_url)
    body = (
        f"Medians over {args.runs} runs after a discarded warm-up, offscreen Qt. Three years "
        "of synthetic requests (most answered and closed, 3 % extended, fees and refusals, "
        "executed erasures with invoices held under Bokföringslagen). *Overview opens* = "
        "open the store (connect, schema check) + `overview()` (every figure as SQL "
        "aggregates: open/due/overdue, twelve months by type, answer-day histogram, "
        "channels, next deadlines, holds ending) + `OverviewTab.show_overview` + the tab "
        "shown and painted. *Yearly report* = `export_year_report` (figures + reportlab PDF "
        "with two charts, or CSV, written atomically, audit entry).\n\n"
        f"{BASELINE}\n\n"
        + "\n\n".join(sections))
    write_section("overview and yearly report", body,
                  f"python bench/bench_overview.py --cases {args.cases} --runs {args.runs}"
                  + (" --no-pg" if args.no_pg else ""))
    return 0


def ensure_pg_named(url: URL) -> URL:
    """Create the PostgreSQL database ``url`` names, if it does not exist."""
    from sqlalchemy import create_engine, text

    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if not conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                            {"n": url.database}).first():
            conn.execute(text(f'CREATE DATABASE "{url.database}"'))
    admin.dispose()
    return url


if __name__ == "__main__":
    sys.exit(main())
