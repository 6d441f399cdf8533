"""Issue 4 benchmark: the request queue with 100,000 cases (SQLite and PostgreSQL).

    .venv/bin/python bench/bench_queue.py [--cases 100000] [--runs 7] [--keep]

Two figures per backend, each the median (and p95) over ``--runs`` runs after one
discarded warm-up, with a real QApplication on the offscreen platform:

* **start to interactive queue**: ``open_case_store`` (connect, schema check) +
  ``list_queue`` + ``QueueModel.set_rows`` + the sorted ``QueueFilterProxy`` + a shown
  ``QTableView`` with its events processed: what the window does before the officer can
  scroll and click. Target: under 2 s.
* **apply a filter**: setting one criterion on the proxy (free text, status, type,
  overdue only, in turn) and processing events so the view has updated. Target: 50 ms.

The stores are synthetic (case numbers, fake labels, no real data) and reused with
``--keep``. The ratio column is measured / target (below 1 meets it).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.engine import URL, make_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report import median, ms, p95, write_section
from privacy_desk.casestore.models import Case, CaseNumberCounter
from privacy_desk.casestore.store import open_case_store
from privacy_desk.domain.deadlines import due_date, extended_due_date
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.services.queue import list_queue
from privacy_desk.services.roles import sign_in

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
TODAY = date(2026, 11, 25)
START_TARGET_S = 2.0
FILTER_TARGET_S = 0.050

# A realistic mix: most cases are long finished, a few thousand are open.
_STATUS_WEIGHTS = [(CaseStatus.CLOSED, 80), (CaseStatus.REJECTED, 4), (CaseStatus.WITHDRAWN, 3),
                   (CaseStatus.ANSWERED, 5), (CaseStatus.IN_PROGRESS, 4),
                   (CaseStatus.RECEIVED, 2), (CaseStatus.AWAITING_IDENTITY, 1),
                   (CaseStatus.EXTENDED, 1)]
_FIRST = ["Anna", "Bo", "Cecilia", "David", "Eva", "Filip", "Greta", "Hugo", "Ida", "Johan"]
_LAST = ["Testsson", "Provsson", "Exempel", "Syntet", "Fiktiv", "Påhittad", "Låtsas"]


def fill(url: URL, n: int) -> None:
    """Insert ``n`` synthetic cases (and their counters) in batches, unless already there."""
    store = open_case_store(url, actor="bench")
    try:
        sign_in(store, "bench")  # the services read the queue for known officers only
        with store.engine.connect() as conn:
            have = conn.scalar(select(func.count()).select_from(Case)) or 0
        if have == n:
            return
        if have:
            raise SystemExit(f"{url.database} holds {have} cases, not {n}; drop it first")
        rng = random.Random(4)
        statuses, weights = zip(*_STATUS_WEIGHTS, strict=True)
        first_day = TODAY - timedelta(days=3 * 365)
        per_year: dict[int, int] = {}
        now = datetime(2026, 11, 25, 8, 0)
        t0 = time.perf_counter()
        rows = []
        for i in range(n):
            # Finished cases spread over three years; open ones in the last two months.
            status = rng.choices(statuses, weights)[0]
            if status in (CaseStatus.CLOSED, CaseStatus.REJECTED, CaseStatus.WITHDRAWN):
                received = first_day + timedelta(days=rng.randrange(3 * 365 - 60))
            else:
                received = TODAY - timedelta(days=rng.randrange(1, 80))
            per_year[received.year] = per_year.get(received.year, 0) + 1
            rows.append({
                "case_number": f"PD-{received.year}-{per_year[received.year]:05d}",
                "request_type": rng.choice(list(RequestType)).value,
                "status": status.value, "channel": rng.choice(list(Channel)).value,
                "received_on": received, "received_at": None, "due_on": due_date(received),
                "extended_due_on": extended_due_date(received)
                if status is CaseStatus.EXTENDED else None,
                "person_label": f"{rng.choice(_FIRST)} {rng.choice(_LAST)} {i}",
                "subject_identifiers": {}, "source_ref": f"bench:{i}",
                "assignee": rng.choice([None, "anna", "bo", "cia"]),
                "created_at": now, "updated_at": now, "updated_by": "bench", "version": 1,
            })
        with store.engine.begin() as conn:
            for start in range(0, n, 5000):
                conn.execute(insert(Case), rows[start:start + 5000])
            conn.execute(insert(CaseNumberCounter),
                         [{"year": y, "last_number": c} for y, c in per_year.items()])
        print(f"filled {n} cases into {url.get_backend_name()} in "
              f"{time.perf_counter() - t0:.1f} s", flush=True)
    finally:
        store.close()


def ensure_pg(n: int) -> URL:
    name = f"pd_bench_queue_{n}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if not conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                            {"n": name}).first():
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(PG_ADMIN).set(database=name)


def drop_pg(url: URL) -> None:
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
    admin.dispose()


def measure(url: URL, runs: int) -> tuple[list[float], dict[str, list[float]], int]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QTableView

    from privacy_desk.domain.lifecycle import OPEN_STATUSES
    from privacy_desk.ui.queue_filter import QueueFilterProxy
    from privacy_desk.ui.queue_model import Col, QueueModel

    app = QApplication.instance() or QApplication([])
    starts: list[float] = []
    filters: dict[str, list[float]] = {"text": [], "status": [], "type": [], "overdue": []}
    shown = 0
    for run_no in range(runs + 1):
        t0 = time.perf_counter()
        store = open_case_store(url, actor="bench")
        rows = list_queue(store)
        model = QueueModel(today=TODAY)
        proxy = QueueFilterProxy()
        proxy.setSourceModel(model)
        view = QTableView()
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(Col.DUE, Qt.SortOrder.AscendingOrder)
        model.set_rows(rows, today=TODAY)
        view.resize(1000, 700)
        view.show()
        app.processEvents()
        t1 = time.perf_counter()
        shown = proxy.rowCount()

        steps: list[tuple[str, Callable[[], None], Callable[[], None]]] = [
            ("text", partial(proxy.set_text, "testsson 4"), partial(proxy.set_text, "")),
            ("status", partial(proxy.set_statuses, OPEN_STATUSES),
             partial(proxy.set_statuses, None)),
            ("type", partial(proxy.set_request_type, RequestType.ERASURE),
             partial(proxy.set_request_type, None)),
            ("overdue", partial(proxy.set_overdue_only, True),
             partial(proxy.set_overdue_only, False)),
        ]
        for name, apply, undo in steps:
            f0 = time.perf_counter()
            apply()
            app.processEvents()
            f1 = time.perf_counter()
            assert proxy.rowCount() < len(rows)
            undo()
            app.processEvents()
            if run_no:
                filters[name].append(f1 - f0)
        if run_no:
            starts.append(t1 - t0)
        view.close()
        view.deleteLater()
        store.close()
        app.processEvents()
    return starts, filters, shown


def summarise(label: str, starts: list[float], filters: dict[str, list[float]],
              shown: int) -> str:
    lines = [f"### {label} ({shown:,} cases shown)", "",
             "| measure | median | p95 | median / target |", "|---|---|---|---|",
             f"| start to interactive queue | {ms(median(starts))} | {ms(p95(starts))} | "
             f"{median(starts) / START_TARGET_S:.2f} (target 2 s) |"]
    for name, values in filters.items():
        lines.append(f"| filter: {name} | {ms(median(values))} | {ms(p95(values))} | "
                     f"{median(values) / FILTER_TARGET_S:.2f} (target 50 ms) |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--keep", action="store_true", help="keep the generated stores")
    ap.add_argument("--sqlite-dir", default="/tmp")
    args = ap.parse_args()
    sections = []

    path = Path(args.sqlite_dir) / f"pd_bench_queue_{args.cases}.sqlite3"
    sqlite_url = URL.create("sqlite+pysqlite", database=str(path))
    try:
        fill(sqlite_url, args.cases)
        sections.append(summarise(f"SQLite, {args.cases:,} cases",
                                  *measure(sqlite_url, args.runs)))
    finally:
        if not args.keep:
            path.unlink(missing_ok=True)

    pg_url = ensure_pg(args.cases)
    try:
        fill(pg_url, args.cases)
        sections.append(summarise(f"PostgreSQL, {args.cases:,} cases",
                                  *measure(pg_url, args.runs)))
    finally:
        if not args.keep:
            drop_pg(pg_url)

    body = (
        f"Medians over {args.runs} runs after a discarded warm-up; the queue lists every "
        "case (most are closed), sorted by due date, in a real `QTableView` on the offscreen "
        "platform. *Start* = open the store (connect, schema check) + `list_queue` + "
        "`QueueModel.set_rows` + sorted proxy + shown view with events processed. *Filter* = "
        "one criterion set on `QueueFilterProxy` and events processed (free text "
        "'testsson 4', open statuses, one request type, overdue only).\n\n"
        "Baseline: the first version used Qt's `QSortFilterProxyModel`, which calls back into "
        "Python for every comparison and every row; on this machine it measured 7.5 s "
        "(SQLite) / 7.6 s (PostgreSQL) to an interactive queue, 6.5 s of it sorting, and "
        "95-175 ms per filter. The list-based proxy (`privacy_desk/ui/queue_filter.py`) "
        "replaced it.\n\n"
        + "\n\n".join(sections)
    )
    write_section("queue", body, f"python bench/bench_queue.py --cases {args.cases} "
                  f"--runs {args.runs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
