"""Erasure on every backend: plan, decide, approve (four-eyes), execute atomically, verify;
refusals (own approval, unapproved, read-only role); kill and dropped-connection tests."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL, Engine

from privacy_desk.casestore import CaseStore, open_case_store
from privacy_desk.datamap.loader import load_datamap
from privacy_desk.datamap.model import DataMap
from privacy_desk.dburl import make_engine
from privacy_desk.domain.identity import IdentityMethod
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.paths import AppPaths
from privacy_desk.portal.demo.generator import generate_demo_portal
from privacy_desk.portal.demo.schema import metadata
from privacy_desk.portal.erasure import Action, WriteRefused
from privacy_desk.portal.lookup import collect, find_person
from privacy_desk.resources import resource_path
from privacy_desk.services.cases import register_case, transition_case
from privacy_desk.services.casework import verify_identity
from privacy_desk.services.context import open_context
from privacy_desk.services.erasure import (
    ErasureRefused,
    approve_plan,
    create_plan,
    decide_category,
    dry_run,
    erasure_subject,
    execute,
    holds_ending,
    latest_plan,
    plan_hold_release,
    reconcile,
)
from privacy_desk.services.roles import NotPermitted, Role, add_officer, sign_in
from tests.databases import throwaway_database

TODAY = date(2026, 11, 20)
MAP_FILE = resource_path("datamaps", "demo-portal.yaml")
TABLES = [t.name for t in metadata.sorted_tables]


@dataclass
class Env:
    portal: Engine
    portal_url: URL
    store: CaseStore
    store_url: URL
    datamap: DataMap
    pnr: str
    customer_id: int
    case_id: int


def _person(portal: Engine) -> tuple[int, str]:
    """A private customer with invoices both old (erasable) and recent (held)."""
    with portal.connect() as conn:
        row = conn.execute(text(
            "SELECT c.id, c.personnummer FROM customers c JOIN invoices i ON i.customer_id = c.id "
            "WHERE c.kind = 'private' AND c.personnummer IS NOT NULL "
            "GROUP BY c.id, c.personnummer ORDER BY count(*) DESC, c.id LIMIT 1")).one()
    return int(row[0]), str(row[1])


def _case(store: CaseStore, pnr: str, kind: RequestType = RequestType.ERASURE) -> int:
    d = register_case(store, request_type=kind, channel=Channel.PAPER,
                      received_on=date(2026, 11, 2), person_label="Testperson",
                      identifiers=[(None, pnr)], today=TODAY, actor="anna")
    d = verify_identity(store, d.case_id, method=IdentityMethod.SIGNED_LETTER,
                        evidence="signed letter matched", verified_on=date(2026, 11, 3),
                        expected_version=d.version, actor="anna", today=TODAY)
    transition_case(store, d.case_id, CaseStatus.IN_PROGRESS, actor="anna", reason=None,
                    expected_version=d.version, today=TODAY)
    return d.case_id


@contextmanager
def _env(portal_url: URL, store_url: URL, customers: int = 15) -> Iterator[Env]:
    generate_demo_portal(portal_url, customers=customers, seed=7, as_of=TODAY)
    portal = make_engine(portal_url)
    store = open_case_store(store_url, actor="anna")
    try:
        sign_in(store, "anna")
        add_officer(store, "bertil", [Role.APPROVER], actor="anna")
        add_officer(store, "cecilia", [Role.OFFICER, Role.APPROVER], actor="anna")
        cid, pnr = _person(portal)
        yield Env(portal, portal_url, store, store_url, load_datamap(MAP_FILE), pnr, cid,
                  _case(store, pnr))
    finally:
        store.close()
        portal.dispose()


def _store_name(url: URL) -> str:
    b = url.get_backend_name()
    return "mariadb" if b in ("mysql", "mariadb") else b


@pytest.fixture
def env(db_url: URL, tmp_path: Path) -> Iterator[Env]:
    with throwaway_database(_store_name(db_url), tmp_path, prefix="pdstore") as store_url, \
            _env(db_url, store_url) as e:
        yield e


def _snapshot(portal: Engine) -> dict[str, list[tuple[object, ...]]]:
    with portal.connect() as conn:
        return {t: sorted((tuple(r) for r in conn.execute(text(f"SELECT * FROM {t}"))), key=repr)
                for t in TABLES}


def _plan(e: Env) -> int:
    found = erasure_subject(e.store, e.portal, e.datamap, e.case_id)
    assert len(found.candidates) == 1
    return create_plan(e.store, e.portal, e.datamap, e.case_id, found.candidates[0],
                       actor="anna", today=TODAY).id


def test_erasure_leaves_exactly_the_retained_rows_minimised(env: Env) -> None:
    e = env
    before = _snapshot(e.portal)
    plan_id = _plan(e)
    view = latest_plan(e.store, e.case_id)
    assert view is not None and view.id == plan_id and view.state == "draft"
    plan = view.plan
    held = plan.held
    assert held and all(r.table == "invoices" for r in held)
    assert all(r.hold is not None and r.hold.ends_on > TODAY for r in held)
    assert all(r.hold is not None and r.hold.ends_on == date(r.hold.date.year + 8, 1, 1)
               for r in held)
    # dry run: every planned deletion and field change, with the value it would get
    lines = dry_run(e.store, e.portal, e.datamap, plan_id, actor="anna")
    assert {(ln.table, ln.column) for ln in lines if ln.action is Action.UPDATE} >= {
        ("customers", "personnummer"), ("customers", "first_name")}
    assert _snapshot(e.portal) == before  # a dry run changes nothing
    # four-eyes: not the author, and not without approval
    with pytest.raises(ErasureRefused, match="not approved"):
        execute(e.store, e.portal, e.datamap, plan_id, actor="anna", today=TODAY)
    add_officer(e.store, "dora", [Role.APPROVER], actor="anna")
    with pytest.raises(ErasureRefused, match="own"):
        decide_category(e.store, e.portal, e.datamap, plan_id, category="usage",
                        decision="erase", reason="checked", actor="cecilia", today=TODAY)
        approve_plan(e.store, plan_id, expected_sha256=latest_plan(e.store, e.case_id).sha256,
                     actor="cecilia")
    with pytest.raises(NotPermitted):
        approve_plan(e.store, plan_id, expected_sha256=view.sha256, actor="anna")
    view = latest_plan(e.store, e.case_id)
    assert view is not None
    approved = approve_plan(e.store, plan_id, expected_sha256=view.sha256, actor="bertil")
    assert approved.state == "approved"
    if e.store.backend == "sqlite":
        assert approved.four_eyes_notice and "not enforced" in approved.four_eyes_notice
    result = execute(e.store, e.portal, e.datamap, plan_id, actor="anna", today=TODAY)
    assert result.verification.ok, result.verification.problems
    assert result.view.state == "committed"
    ex = result.view.executions[-1]
    assert ex.state == "committed" and ex.verified
    assert ex.counts["invoices"]["retained"] == len(held)
    assert {h[0] for h in ex.holds} == {"invoices"}
    # a new lookup by the personnummer finds nobody; the customer row is minimised
    assert not find_person(e.portal, e.datamap, e.pnr).candidates
    after = _snapshot(e.portal)
    with e.portal.connect() as conn:
        cust = conn.execute(text("SELECT first_name, last_name, email, phone, personnummer "
                                 "FROM customers WHERE id = :i"), {"i": e.customer_id}).one()
        invoices = conn.execute(text("SELECT count(*) FROM invoices WHERE customer_id = :i"),
                                {"i": e.customer_id}).scalar_one()
        for t in ("addresses", "bank_accounts", "notices_sent", "contact_preferences"):
            assert conn.execute(text(f"SELECT count(*) FROM {t} WHERE customer_id = :i"),
                                {"i": e.customer_id}).scalar_one() == 0
    assert cust[0] == cust[1] == "(raderad)" and cust[2] is None and cust[3] is None
    assert cust[4] != e.pnr and str(cust[4]).startswith("#")
    assert invoices == len(held)
    # other customers' data untouched
    for t in ("addresses", "invoices"):
        assert [r for r in after[t] if r[2 if t == "invoices" else 1] != e.customer_id] == \
            [r for r in before[t] if r[2 if t == "invoices" else 1] != e.customer_id]
    # what remains of the person: exactly the planned retained rows
    person = collect(e.portal, e.datamap, result.view.plan and
                     erasure_subject_candidate(e, result.view.plan.subject))
    kept = {(r.table, r.key_json()) for r in result.view.plan.rows if r.action is not Action.DELETE}
    from privacy_desk.portal.erasure import key_json
    assert {(r.table, key_json(r.key)) for r in person.rows} == kept
    # holds end: listed once the date has passed, and erased through the same path
    assert holds_ending(e.store, today=TODAY, actor="anna") == []
    later = max(r.hold.ends_on for r in held if r.hold)
    ending = holds_ending(e.store, today=later, actor="anna")
    assert len(ending) == len(held)
    release = plan_hold_release(e.store, e.portal, e.datamap, e.case_id, actor="anna",
                                today=later)
    assert {r.table for r in release.plan.by_action(Action.DELETE)} == {"invoices"}
    approve_plan(e.store, release.id, expected_sha256=release.sha256, actor="bertil")
    execute(e.store, e.portal, e.datamap, release.id, actor="anna", today=later)
    assert holds_ending(e.store, today=later, actor="anna") == []


def erasure_subject_candidate(e: Env, subject: object):  # type: ignore[no-untyped-def]
    from privacy_desk.identifiers import Identifier
    from privacy_desk.portal.erasure import candidate_from_json

    return candidate_from_json(subject, Identifier("stored", ""))  # type: ignore[arg-type]


def test_retaining_a_category_keeps_it_with_the_reason(tmp_path: Path) -> None:
    with _env(URL.create("sqlite+pysqlite", database=str(tmp_path / "p.sqlite3")),
              URL.create("sqlite+pysqlite", database=str(tmp_path / "s.sqlite3"))) as e:
        plan_id = _plan(e)
        view = decide_category(e.store, e.portal, e.datamap, plan_id, category="address",
                               decision="retain", reason="needed for a dispute (17(3)(e))",
                               actor="anna", today=TODAY)
        assert not [r for r in view.plan.by_action(Action.DELETE) if r.table == "addresses"]
        assert view.decisions[-1][:3] == ("address", "retain", "needed for a dispute (17(3)(e))")
        with pytest.raises(ErasureRefused, match="reason"):
            decide_category(e.store, e.portal, e.datamap, plan_id, category="address",
                            decision="retain", reason="  ", actor="anna", today=TODAY)


def test_read_only_postgresql_role_is_refused_before_anything_starts(tmp_path: Path) -> None:
    with throwaway_database("postgresql", tmp_path) as portal_url, \
            _env(portal_url, URL.create("sqlite+pysqlite",
                                        database=str(tmp_path / "s.sqlite3"))) as e:
        role = f"pd_ro_{os.getpid()}"
        with e.portal.connect() as conn, conn.begin():
            conn.execute(text(f"DROP ROLE IF EXISTS {role}"))
            conn.execute(text(f"CREATE ROLE {role} LOGIN"))
            conn.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}"))
        ro = make_engine(portal_url.set(username=role))
        try:
            plan_id = _plan(e)
            view = latest_plan(e.store, e.case_id)
            assert view is not None
            approve_plan(e.store, plan_id, expected_sha256=view.sha256, actor="bertil")
            before = _snapshot(e.portal)
            with pytest.raises(WriteRefused, match="DELETE on addresses"):
                execute(e.store, ro, e.datamap, plan_id, actor="anna", today=TODAY)
            assert _snapshot(e.portal) == before
            view = latest_plan(e.store, e.case_id)
            assert view is not None and view.state == "approved" and not view.executions
        finally:
            ro.dispose()
            with e.portal.connect() as conn, conn.begin():
                conn.execute(text(f"DROP OWNED BY {role}"))
                conn.execute(text(f"DROP ROLE {role}"))


_KILL_SCRIPT = Path(__file__).with_name("erasure_subprocess.py")


def _run_and_interrupt(e: Env, tmp_path: Path, after: int, *,
                       terminate_backend: bool = False) -> subprocess.CompletedProcess[str] | None:
    ready = tmp_path / f"ready-{after}"
    env = dict(os.environ, PRIVACY_DESK_TEST_ERASURE_PAUSE=f"{after}:{ready}",
               PRIVACY_DESK_TEST_ERASURE_PAUSE_SECONDS="3" if terminate_backend else "60")
    proc = subprocess.Popen(
        [sys.executable, str(_KILL_SCRIPT), e.portal_url.render_as_string(hide_password=False),
         e.store_url.render_as_string(hide_password=False), str(MAP_FILE),
         str(latest_plan(e.store, e.case_id).id), TODAY.isoformat()],  # type: ignore[union-attr]
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not ready.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            out, err = proc.communicate()
            raise AssertionError(f"the executor did not reach the pause point: {err}")
        time.sleep(0.05)
    if terminate_backend:
        with e.portal.connect() as conn, conn.begin():
            n = conn.execute(text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                "AND state = 'idle in transaction'")).scalar_one()
            assert n == 1
        out, err = proc.communicate(timeout=60)
        return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    proc.kill()
    proc.communicate(timeout=30)
    return None


@pytest.mark.slow
@pytest.mark.parametrize("backend_name", ["sqlite", "postgresql"])
def test_killed_mid_erasure_leaves_the_portal_unchanged(backend_name: str,
                                                          tmp_path: Path) -> None:
    with throwaway_database(backend_name, tmp_path) as portal_url, \
            throwaway_database(backend_name, tmp_path, prefix="pdstore") as store_url, \
            _env(portal_url, store_url) as e:
        plan_id = _plan(e)
        view = latest_plan(e.store, e.case_id)
        assert view is not None
        approve_plan(e.store, plan_id, expected_sha256=view.sha256, actor="bertil")
        before = _snapshot(e.portal)
        statements = len(view.plan.by_action(Action.UPDATE)) + 3
        for point in (1, statements // 2, statements):
            _run_and_interrupt(e, tmp_path, point)
            assert _snapshot(e.portal) == before
            settled = reconcile(e.store, e.portal, e.datamap, plan_id)
            assert settled.executions[-1].state == "not executed"
            assert settled.state == "approved"
        assert len(settled.executions) == 3


@pytest.mark.slow
def test_dropped_postgresql_connection_rolls_back(tmp_path: Path) -> None:
    with throwaway_database("postgresql", tmp_path) as portal_url, \
            throwaway_database("postgresql", tmp_path, prefix="pdstore") as store_url, \
            _env(portal_url, store_url) as e:
        plan_id = _plan(e)
        view = latest_plan(e.store, e.case_id)
        assert view is not None
        approve_plan(e.store, plan_id, expected_sha256=view.sha256, actor="bertil")
        before = _snapshot(e.portal)
        done = _run_and_interrupt(e, tmp_path, 2, terminate_backend=True)
        assert done is not None and done.returncode == 2, done.stderr
        assert "nothing was changed" in done.stderr and "Traceback" not in done.stderr
        assert _snapshot(e.portal) == before
        after = latest_plan(e.store, e.case_id)
        assert after is not None and after.executions[-1].state == "not executed"


def test_lookups_use_the_read_only_login_and_changes_the_write_login(
        tmp_path: Path, app_paths: AppPaths) -> None:
    """Issue 7: the portal through a read-only role for lookups and previews, and a separate
    login with write rights for erasure; the desk checks which one it has before writing."""
    with throwaway_database("postgresql", tmp_path) as portal_url:
        generate_demo_portal(portal_url, customers=15, seed=7, as_of=TODAY)
        role = f"pd_reader_{os.getpid()}"
        admin = make_engine(portal_url)
        with admin.connect() as conn, conn.begin():
            conn.execute(text(f"DROP ROLE IF EXISTS {role}"))
            conn.execute(text(f"CREATE ROLE {role} LOGIN"))
            conn.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}"))
        ctx = open_context(app_paths, portal=portal_url.set(username=role),
                           portal_write=portal_url, datamap=MAP_FILE, officer="anna")
        try:
            assert ctx.portal_writer is not ctx.portal
            add_officer(ctx.case_store, "bertil", [Role.APPROVER], actor="anna")
            _cid, pnr = _person(ctx.portal)
            case_id = _case(ctx.case_store, pnr)
            found = erasure_subject(ctx.case_store, ctx.portal, ctx.datamap, case_id)
            view = create_plan(ctx.case_store, ctx.portal, ctx.datamap, case_id,
                               found.candidates[0], actor="anna", today=TODAY)
            approve_plan(ctx.case_store, view.id, expected_sha256=view.sha256, actor="bertil")
            with pytest.raises(WriteRefused):  # the reading login may not change anything
                execute(ctx.case_store, ctx.portal, ctx.datamap, view.id, actor="anna",
                        today=TODAY)
            result = execute(ctx.case_store, ctx.portal_writer, ctx.datamap, view.id,
                             actor="anna", today=TODAY)
            assert result.view.state == "committed"
            assert not find_person(ctx.portal, ctx.datamap, pnr).candidates
        finally:
            ctx.close()
            with admin.connect() as conn, conn.begin():
                conn.execute(text(f"DROP OWNED BY {role}"))
                conn.execute(text(f"DROP ROLE {role}"))
            admin.dispose()
