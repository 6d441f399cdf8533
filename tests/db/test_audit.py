"""The audit trail: entries written in the caller's transaction, a verifiable hash chain."""

from __future__ import annotations

import itertools
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from privacy_desk.casestore import CaseStore, open_case_store
from privacy_desk.casestore.audit import (
    AuditVerification,
    Tampering,
    app_role_sql,
    entry_hash,
    read_entries,
    record_audit,
    verify_audit_trail,
)
from tests.databases import throwaway_database


@pytest.fixture
def store(db_url: URL) -> Iterator[CaseStore]:
    s = open_case_store(db_url, actor="anna")
    yield s
    s.close()


def _write(store: CaseStore, n: int) -> None:
    for i in range(n):
        with store.sessions.begin() as session:
            record_audit(session, actor="anna", action="person_viewed",
                         details={"tables": "customers,invoices", "rows": i})


def test_entries_chain_and_verify(store: CaseStore) -> None:
    _write(store, 4)
    with store.sessions() as session:
        rows = read_entries(session)
        result = verify_audit_trail(session)
    assert [r.seq for r in rows] == [1, 2, 3, 4]
    assert rows[0].details == {"tables": "customers,invoices", "rows": 0}
    assert all(b.prev_hash == a.entry_hash for a, b in itertools.pairwise(rows))
    assert result.ok, result.problems
    assert (result.entries, result.head_seq, result.head_hash) == (4, 4, rows[-1].entry_hash)


def test_entry_rolls_back_with_the_action(store: CaseStore) -> None:
    _write(store, 1)
    with pytest.raises(RuntimeError), store.sessions.begin() as session:
        record_audit(session, actor="anna", action="export_made")
        raise RuntimeError("the export failed")
    _write(store, 1)
    with store.sessions() as session:
        assert [r.seq for r in read_entries(session)] == [1, 2]
        assert verify_audit_trail(session).ok


@pytest.mark.parametrize("value", ["anna.andersson@example.org", "19850101-1234",
                                   "+46 70 123 45 67", "850101-1234"])
def test_details_refuse_personal_data(sqlite_url: URL, value: str) -> None:
    store = open_case_store(sqlite_url, actor="anna")
    try:
        with pytest.raises(ValueError, match="personal data"), store.sessions.begin() as s:
            record_audit(s, actor="anna", action="person_viewed", details={"q": value})
        with store.sessions() as session:
            assert read_entries(session) == []
    finally:
        store.close()


# --------------------------------------------------------------------------- tampering


def _tamper(store: CaseStore, *statements: str) -> None:
    """Run raw SQL as someone with the database's own rights (a DBA gone rogue).

    On PostgreSQL the append-only trigger stops even the owner, so the attacker first
    switches triggers off for the session (superuser only), as a real one would.
    """
    with store.engine.begin() as conn:
        if store.backend == "postgresql":
            conn.execute(text("SET LOCAL session_replication_role = replica"))
        for sql in statements:
            conn.execute(text(sql))


def _verify(store: CaseStore) -> AuditVerification:
    with store.sessions() as session:
        return verify_audit_trail(session)


def _kinds(result: AuditVerification) -> set[tuple[Tampering, int | None]]:
    return {(p.kind, p.seq) for p in result.problems}


def test_changed_entry_is_named(store: CaseStore) -> None:
    _write(store, 5)
    _tamper(store, "UPDATE audit_entries SET actor = 'mallory' WHERE seq = 3")
    result = _verify(store)
    assert _kinds(result) == {(Tampering.CHANGED, 3)}
    assert "#3" in result.problems[0].message


def test_changed_details_are_named(store: CaseStore) -> None:
    _write(store, 3)
    _tamper(store, """UPDATE audit_entries SET details = '{"rows": 0}' WHERE seq = 1""")
    assert _kinds(_verify(store)) == {(Tampering.CHANGED, 1)}


def test_removed_entry_is_named(store: CaseStore) -> None:
    _write(store, 5)
    _tamper(store, "DELETE FROM audit_entries WHERE seq = 3")
    result = _verify(store)
    assert _kinds(result) == {(Tampering.REMOVED, 3)}
    assert "#3 was removed" in result.problems[0].message


def test_removed_last_entry_is_named(store: CaseStore) -> None:
    _write(store, 4)
    _tamper(store, "DELETE FROM audit_entries WHERE seq = 4")
    assert _kinds(_verify(store)) == {(Tampering.REMOVED, 4)}


def test_removed_and_renumbered_is_still_found(store: CaseStore) -> None:
    _write(store, 5)
    _tamper(store, "DELETE FROM audit_entries WHERE seq = 2",
            "UPDATE audit_entries SET seq = seq + 1000 WHERE seq > 2",
            "UPDATE audit_entries SET seq = seq - 1001 WHERE seq > 1000")
    assert _kinds(_verify(store)) == {(Tampering.REMOVED, 2)}


def _forge(store: CaseStore, seq: int, prev_seq: int) -> None:
    """Insert an entry with a correctly computed hash linked after ``prev_seq``."""
    with store.sessions() as session:
        prev = next(r for r in read_entries(session) if r.seq == prev_seq)
    at = prev.at
    details = '{"rows":99}'
    digest = entry_hash(at=at, actor="mallory", action="person_viewed", case_id=None,
                        case_number=None, details=details, prev_hash=prev.entry_hash)
    with store.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO audit_entries (seq, at, actor, action, case_id, case_number, "
                 "details, prev_hash, entry_hash) VALUES (:seq, :at, 'mallory', "
                 "'person_viewed', NULL, NULL, :details, :prev, :digest)"),
            {"seq": seq, "at": at, "details": details, "prev": prev.entry_hash,
             "digest": digest})


def test_inserted_entry_at_the_end_is_named(store: CaseStore) -> None:
    _write(store, 3)
    _forge(store, 4, 3)
    result = _verify(store)
    assert _kinds(result) == {(Tampering.INSERTED, 4)}
    assert "#4 was inserted" in result.problems[0].message


def test_inserted_entry_in_the_middle_is_named(store: CaseStore) -> None:
    _write(store, 5)
    _tamper(store, "UPDATE audit_entries SET seq = seq + 1000 WHERE seq >= 3",
            "UPDATE audit_entries SET seq = seq - 999 WHERE seq > 1000")
    _forge(store, 3, 2)
    assert _kinds(_verify(store)) == {(Tampering.INSERTED, 3)}


def test_reordered_entries_are_named(store: CaseStore) -> None:
    _write(store, 5)
    _tamper(store, "UPDATE audit_entries SET seq = -1 WHERE seq = 2",
            "UPDATE audit_entries SET seq = 2 WHERE seq = 4",
            "UPDATE audit_entries SET seq = 4 WHERE seq = -1")
    assert _kinds(_verify(store)) == {(Tampering.REORDERED, 2), (Tampering.REORDERED, 4)}


def test_postgresql_refuses_update_and_delete_even_to_the_owner(tmp_path: Path) -> None:
    with throwaway_database("postgresql", tmp_path) as url:
        store = open_case_store(url, actor="anna")
        try:
            _write(store, 2)
            for sql in ("UPDATE audit_entries SET actor = 'mallory'",
                        "DELETE FROM audit_entries", "TRUNCATE audit_entries"):
                with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as c:
                    c.execute(text(sql))
            assert _verify(store).ok
        finally:
            store.close()


def test_postgresql_app_role_may_append_but_not_update_or_delete(tmp_path: Path) -> None:
    """The DBA setup of docs/audit.md: the app's role lacks UPDATE/DELETE on the trail."""
    role = f"pd_app_{uuid.uuid4().hex[:8]}"
    with throwaway_database("postgresql", tmp_path) as url:
        owner = open_case_store(url, actor="anna")
        app_engine = None
        try:
            with owner.engine.begin() as conn:
                for sql in app_role_sql(role, password="app-secret-pw",
                                        database=str(url.database)):
                    conn.execute(text(sql))
            app = open_case_store(url.set(username=role, password="app-secret-pw"),
                                  actor="anna")
            app_engine = app.engine
            _write(app, 2)  # appending works with INSERT alone (and UPDATE on the head)
            for sql in ("UPDATE audit_entries SET actor = 'mallory' WHERE seq = 1",
                        "DELETE FROM audit_entries WHERE seq = 1"):
                with (pytest.raises(DBAPIError, match="permission denied"),
                      app.engine.begin() as conn):
                    conn.execute(text(sql))
            assert _verify(app).ok
            assert _verify(app).entries == 2
        finally:
            if app_engine is not None:
                app_engine.dispose()
            with owner.engine.begin() as conn:
                conn.execute(text(f'DROP OWNED BY "{role}"'))
            owner.close()
            with owner.engine.begin() as conn:
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
            owner.close()


def test_concurrent_writers_keep_one_chain(store: CaseStore) -> None:
    """Two officers auditing at once append one after the other (the head's row lock)."""
    errors: list[BaseException] = []

    def work() -> None:
        try:
            _write(store, 8)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    result = _verify(store)
    assert result.ok, result.problems
    assert (result.entries, result.head_seq) == (16, 16)
