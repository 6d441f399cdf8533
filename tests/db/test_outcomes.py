"""Outcomes are facts (issue 14): a COMMIT whose answer never arrives is 'unknown', never
"nothing changed"; reconcile compares the portal with the plan's whole expected after-state
and records committed, not executed, or changed (with the differences); only a committed
outcome records holds and allows the letter.

The connection is cut by a real TCP proxy between the desk and PostgreSQL / MariaDB
(tests/tcp_proxy.py), right after the COMMIT reached the server (or just before), and rows
are changed behind the desk's back with plain SQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL, Engine

from privacy_desk.dburl import make_engine
from privacy_desk.portal.erasure import CommitUnknown, deletion_order
from privacy_desk.portal.lookup import find_person
from privacy_desk.services.erasure import (
    ErasureRefused,
    approve_plan,
    create_plan,
    execute,
    holds_ending,
    latest_plan,
    reconcile,
    reconcile_pending,
    write_letter,
)
from tests.databases import throwaway_database
from tests.db.test_erasure import TODAY, Env, _env, _plan
from tests.tcp_proxy import DroppingProxy

SERVERS = ["postgresql", "mariadb"]
#: The day every hold of the demo person has ended (for holds_ending).
LATER = TODAY.replace(year=TODAY.year + 9)


def _approved(e: Env) -> int:
    plan_id = _plan(e)
    view = latest_plan(e.store, e.case_id)
    assert view is not None
    approve_plan(e.store, plan_id, expected_sha256=view.sha256, actor="bertil")
    return plan_id


@contextmanager
def _through(e: Env, proxy: DroppingProxy) -> Iterator[Engine]:
    url = e.portal_url.set(host="127.0.0.1", port=proxy.port)
    if url.get_backend_name() == "postgresql":  # plain protocol, so the proxy sees COMMIT
        url = url.update_query_dict({"sslmode": "disable", "gssencmode": "disable"})
    engine = make_engine(url)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture(params=SERVERS)
def server_env(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Env]:
    with throwaway_database(request.param, tmp_path) as portal_url, \
            _env(portal_url, URL.create("sqlite+pysqlite",
                                        database=str(tmp_path / "store.sqlite3"))) as e:
        yield e


def _gone(e: Env) -> bool:
    return not find_person(e.portal, e.datamap, e.pnr).candidates


def _pnr_in_portal(e: Env) -> bool:
    with e.portal.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM customers WHERE personnummer = :p"),
                            {"p": e.pnr}).scalar_one() == 1


def _letter_refused(e: Env, plan_id: int, tmp_path: Path) -> bool:
    out = tmp_path / "letters"
    out.mkdir(exist_ok=True)
    try:
        write_letter(e.store, e.datamap, plan_id, out_dir=out, actor="anna", today=TODAY)
    except ErasureRefused:
        return not list(out.iterdir())
    return False


def test_commit_through_then_cut_is_unknown_then_committed(server_env: Env,
                                                           tmp_path: Path) -> None:
    e = server_env
    plan_id = _approved(e)
    held = len(latest_plan(e.store, e.case_id).plan.held)  # type: ignore[union-attr]
    assert held
    with DroppingProxy(e.portal_url.port or 0, forward_commit=True, after="refuse") as proxy, \
            _through(e, proxy) as desk:
        with pytest.raises(CommitUnknown, match="unknown"):
            execute(e.store, desk, e.datamap, plan_id, actor="anna", today=TODAY)
        assert proxy.dropped.is_set() and proxy.answered.is_set()
    # The portal did change; the case says 'unknown', never "nothing was changed".
    assert _gone(e) and not _pnr_in_portal(e)
    view = latest_plan(e.store, e.case_id)
    assert view is not None and view.state == "unknown"
    ex = view.executions[-1]
    assert ex.state == "unknown" and "nothing was changed" not in (ex.note or "")
    assert not ex.holds and holds_ending(e.store, today=LATER, actor="anna") == []
    assert _letter_refused(e, plan_id, tmp_path)
    with pytest.raises(ErasureRefused, match="not known"):  # no new plan on top of it
        create_plan(e.store, desk, e.datamap, e.case_id,
                    _candidate(e), actor="anna", today=TODAY)
    # Reconcile (here: at start) compares with the whole after-state: committed.
    settled = reconcile_pending(e.store, e.portal, e.datamap)
    assert [v.state for v in settled] == ["committed"]
    ex = settled[0].executions[-1]
    assert ex.state == "committed" and ex.verified and len(ex.holds) == held
    assert len(holds_ending(e.store, today=LATER, actor="anna")) == held
    write_letter(e.store, e.datamap, plan_id, out_dir=tmp_path, actor="anna", today=TODAY)


def _candidate(e: Env):  # type: ignore[no-untyped-def]
    from privacy_desk.identifiers import Identifier
    from privacy_desk.portal.erasure import candidate_from_json

    view = latest_plan(e.store, e.case_id)
    assert view is not None
    return candidate_from_json(view.plan.subject, Identifier("stored", ""))


def test_commit_cut_with_the_portal_back_settles_at_once(server_env: Env) -> None:
    e = server_env
    plan_id = _approved(e)
    with DroppingProxy(e.portal_url.port or 0, forward_commit=True, after="pass") as proxy, \
            _through(e, proxy) as desk:
        result = execute(e.store, desk, e.datamap, plan_id, actor="anna", today=TODAY)
        assert proxy.dropped.is_set()
    assert result.view.state == "committed" and result.view.executions[-1].verified
    assert _gone(e)


def test_commit_never_reached_is_unknown_then_not_executed(server_env: Env) -> None:
    e = server_env
    plan_id = _approved(e)
    with DroppingProxy(e.portal_url.port or 0, forward_commit=False, after="refuse") as proxy, \
            _through(e, proxy) as desk, pytest.raises(CommitUnknown):
        execute(e.store, desk, e.datamap, plan_id, actor="anna", today=TODAY)
    assert not _gone(e) and _pnr_in_portal(e)
    assert latest_plan(e.store, e.case_id).state == "unknown"  # type: ignore[union-attr]
    view = reconcile(e.store, e.portal, e.datamap, plan_id)
    assert view.state == "approved" and view.executions[-1].state == "not executed"
    assert not view.executions[-1].holds
    # ... and it may be executed again, for real this time.
    assert execute(e.store, e.portal, e.datamap, plan_id, actor="anna",
                   today=TODAY).view.state == "committed"


def test_personnummer_restored_behind_the_desks_back_is_changed_not_committed(
        server_env: Env, tmp_path: Path) -> None:
    e = server_env
    plan_id = _approved(e)
    with DroppingProxy(e.portal_url.port or 0, forward_commit=True) as proxy, \
            _through(e, proxy) as desk, pytest.raises(CommitUnknown):
        execute(e.store, desk, e.datamap, plan_id, actor="anna", today=TODAY)
    with e.portal.connect() as conn, conn.begin():  # someone puts it back
        conn.execute(text("UPDATE customers SET personnummer = :p WHERE id = :i"),
                     {"p": e.pnr, "i": e.customer_id})
    view = reconcile(e.store, e.portal, e.datamap, plan_id)
    ex = view.executions[-1]
    assert view.state == "changed" and ex.state == "changed" and not ex.verified
    assert "customers" in (ex.note or "") and "personnummer: still the old value" in ex.note
    assert e.pnr not in (ex.note or "")  # names, never values
    assert not ex.holds and holds_ending(e.store, today=LATER, actor="anna") == []
    assert _letter_refused(e, plan_id, tmp_path)


def test_rows_deleted_behind_the_desks_back_are_changed_not_committed(
        server_env: Env, tmp_path: Path) -> None:
    """The old reconcile judged 'committed' from the planned deletions alone."""
    e = server_env
    plan_id = _approved(e)
    with DroppingProxy(e.portal_url.port or 0, forward_commit=False) as proxy, \
            _through(e, proxy) as desk, pytest.raises(CommitUnknown):
        execute(e.store, desk, e.datamap, plan_id, actor="anna", today=TODAY)
    plan = latest_plan(e.store, e.case_id).plan  # type: ignore[union-attr]
    deleted = {r.table for r in plan.rows if r.action.value == "delete"}
    assert "addresses" in deleted
    with e.portal.connect() as conn, conn.begin():  # someone deletes exactly those rows
        for table in deletion_order(e.datamap):
            for r in plan.rows:
                if r.action.value == "delete" and r.table == table:
                    cond = " AND ".join(f"{c} = :{c}" for c in r.key)
                    conn.execute(text(f"DELETE FROM {table} WHERE {cond}"), dict(r.key))
    assert _pnr_in_portal(e)
    view = reconcile(e.store, e.portal, e.datamap, plan_id)
    assert view.state == "changed", view.executions[-1].note
    assert "personnummer: still the old value" in (view.executions[-1].note or "")
    assert _letter_refused(e, plan_id, tmp_path)


def test_a_row_added_after_the_commit_is_changed(server_env: Env) -> None:
    e = server_env
    plan_id = _approved(e)
    with DroppingProxy(e.portal_url.port or 0, forward_commit=True) as proxy, \
            _through(e, proxy) as desk, pytest.raises(CommitUnknown):
        execute(e.store, desk, e.datamap, plan_id, actor="anna", today=TODAY)
    with e.portal.connect() as conn, conn.begin():
        row = conn.execute(text("SELECT * FROM addresses LIMIT 1")).mappings().first()
        assert row is not None
        cols = list(row)
        top = conn.execute(text("SELECT max(id) FROM addresses")).scalar_one()
        values = {**row, "id": int(top) + 1, "customer_id": e.customer_id}
        conn.execute(text(f"INSERT INTO addresses ({', '.join(cols)}) VALUES "
                          f"({', '.join(':' + c for c in cols)})"), values)
    view = reconcile(e.store, e.portal, e.datamap, plan_id)
    assert view.state == "changed"
    assert "addresses: rows of the person that are not in the plan" in (
        view.executions[-1].note or "")


@pytest.mark.slow
def test_eight_processes_racing_execute_one_plan_commit_it_once(tmp_path: Path) -> None:
    """Eight desks press Execute on one approved plan at once (PostgreSQL portal and store):
    exactly one execution commits, the others are refused, no outcome is recorded twice."""
    import subprocess
    import sys

    from tests.db.test_erasure import _KILL_SCRIPT, MAP_FILE

    with throwaway_database("postgresql", tmp_path) as portal_url, \
            throwaway_database("postgresql", tmp_path, prefix="pdstore") as store_url, \
            _env(portal_url, store_url) as e:
        plan_id = _approved(e)
        procs = [subprocess.Popen(
            [sys.executable, str(_KILL_SCRIPT), portal_url.render_as_string(hide_password=False),
             store_url.render_as_string(hide_password=False), str(MAP_FILE), str(plan_id),
             TODAY.isoformat()], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(8)]
        results = [(p.wait(timeout=300), p.communicate()[1]) for p in procs]
        codes = sorted(code for code, _ in results)
        assert codes == [0] + [2] * 7, results
        assert all("Traceback" not in err for _, err in results)
        view = latest_plan(e.store, e.case_id)
        assert view is not None and view.state == "committed"
        committed = [x for x in view.executions if x.state == "committed"]
        assert len(committed) == 1 and committed[0].verified
        assert len(view.executions) == 1  # the refused ones never started
        assert _gone(e)
