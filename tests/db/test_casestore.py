"""The case store on SQLite, PostgreSQL and MariaDB: migrations, queue, transitions, locking."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, event, func, inspect, select, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from privacy_desk.casestore import CaseStore, open_case_store
from privacy_desk.casestore.migrate import alembic_config, head_revision
from privacy_desk.casestore.models import Base, Case, CaseEvent
from privacy_desk.domain.deadlines import due_date, extended_due_date
from privacy_desk.domain.identity import IdentityMethod
from privacy_desk.domain.lifecycle import OPEN_STATUSES, CaseStatus, InvalidTransition
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.errors import ConnectionFailed, SchemaTooNew, TargetNotEmpty
from privacy_desk.portal.demo import schema as demo_schema
from privacy_desk.services.cases import StaleCase, assign_case, register_case, transition_case
from privacy_desk.services.casework import verify_identity
from privacy_desk.services.queue import CaseNotFound, case_detail, list_queue
from tests.officers import staff


@pytest.fixture
def store(db_url: URL, tmp_path: Path) -> Iterator[CaseStore]:
    s = open_case_store(db_url, backup_dir=tmp_path / "backups", actor="officer")
    staff(s, "officer", "anna", "bo", "cia", "lead")
    yield s
    s.close()


def _new_case(store: CaseStore, label: str = "Astrid Testsson", *,
              received_on: date = date(2026, 3, 2), actor: str = "officer") -> int:
    return register_case(store, request_type=RequestType.ACCESS, channel=Channel.PAPER,
                         received_on=received_on, person_label=label,
                         subject_identifiers={"email": "astrid@example.invalid"},
                         actor=actor).case_id


def _version_num(url: URL) -> list[str]:
    eng = create_engine(url)
    try:
        with eng.connect() as conn:
            return list(conn.scalars(text("SELECT version_num FROM alembic_version")))
    finally:
        eng.dispose()


def _tables(url: URL) -> set[str]:
    eng = create_engine(url)
    try:
        with eng.connect() as conn:
            return set(inspect(conn).get_table_names())
    finally:
        eng.dispose()


# --- migrations -------------------------------------------------------------------------------

def test_empty_database_is_migrated_to_head_and_matches_the_models(store: CaseStore) -> None:
    assert _version_num(store.url) == [head_revision()]
    assert {"cases", "case_events", "case_number_counters"} <= _tables(store.url)
    with store.engine.connect() as conn:
        mc = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(mc, Base.metadata)
    assert diff == []


def test_reopening_a_current_store_changes_nothing(db_url: URL, tmp_path: Path) -> None:
    open_case_store(db_url, backup_dir=tmp_path / "b").close()
    s = open_case_store(db_url, backup_dir=tmp_path / "b")
    try:
        staff(s, "officer")
        _new_case(s)
    finally:
        s.close()
    assert not (tmp_path / "b").exists()  # nothing to migrate: no backup
    assert _version_num(db_url) == [head_revision()]


def test_downgrade_to_base_and_back(db_url: URL) -> None:
    open_case_store(db_url).close()
    eng = create_engine(db_url)
    try:
        with eng.begin() as conn:
            command.downgrade(alembic_config(conn), "base")
        assert _tables(db_url) == {"alembic_version"}
    finally:
        eng.dispose()
    open_case_store(db_url).close()
    assert _version_num(db_url) == [head_revision()]


def test_sqlite_file_is_backed_up_before_migrating(sqlite_url: URL, tmp_path: Path) -> None:
    # An outdated case store: its schema migrated back to base (alembic_version is kept).
    open_case_store(sqlite_url).close()
    eng = create_engine(sqlite_url)
    with eng.begin() as conn:
        command.downgrade(alembic_config(conn), "base")
        conn.execute(text("CREATE TABLE officer_notes (note TEXT)"))  # proof of the old content
        conn.execute(text("INSERT INTO officer_notes VALUES ('kept')"))
    eng.dispose()
    backups = tmp_path / "backups"
    open_case_store(sqlite_url, backup_dir=backups).close()
    copies = list(backups.glob("*.sqlite3"))
    assert len(copies) == 1
    con = sqlite3.connect(copies[0])
    try:
        assert con.execute("SELECT note FROM officer_notes").fetchall() == [("kept",)]
        assert con.execute("SELECT count(*) FROM sqlite_master WHERE name='cases'").fetchone() \
            == (0,)
    finally:
        con.close()
    assert "cases" in _tables(sqlite_url)


def test_store_from_a_newer_app_is_refused_untouched(db_url: URL, tmp_path: Path) -> None:
    open_case_store(db_url).close()
    eng = create_engine(db_url)
    with eng.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'f00d_from_the_future'"))
        conn.execute(text("DROP TABLE case_events"))  # a newer schema may look different
    eng.dispose()
    before = _tables(db_url)
    with pytest.raises(SchemaTooNew, match="newer version of Privacy Desk") as info:
        open_case_store(db_url, backup_dir=tmp_path / "backups")
    assert "Upgrade Privacy Desk" in info.value.hint
    assert _version_num(db_url) == ["f00d_from_the_future"]
    assert _tables(db_url) == before
    assert not (tmp_path / "backups").exists()


def test_foreign_database_is_refused_untouched(db_url: URL) -> None:
    eng = create_engine(db_url)
    demo_schema.metadata.create_all(eng)
    eng.dispose()
    before = _tables(db_url)
    with pytest.raises(TargetNotEmpty, match="not a Privacy Desk case store"):
        open_case_store(db_url)
    assert _tables(db_url) == before


def test_unreachable_server_is_a_clear_connection_error() -> None:
    url = URL.create("postgresql+psycopg", username="nobody", host="127.0.0.1", port=1,
                     database="casestore")
    with pytest.raises(ConnectionFailed, match="Cannot reach the database server"):
        open_case_store(url)


# --- queue and detail -------------------------------------------------------------------------

def test_queue_rows_and_detail(store: CaseStore) -> None:
    late = _new_case(store, "Bertil Prov", received_on=date(2026, 1, 31))
    early = _new_case(store, "Cecilia Exempel", received_on=date(2026, 1, 5))
    rows = list_queue(store)
    assert [r.case_id for r in rows] == [early, late]  # most urgent first
    row = rows[1]
    assert row.case_number == "PD-2026-00001"
    assert rows[0].case_number == "PD-2026-00002"
    assert row.request_type is RequestType.ACCESS
    assert row.status is CaseStatus.RECEIVED
    assert row.received_on == date(2026, 1, 31)
    assert row.due_on == due_date(date(2026, 1, 31))
    assert (row.person_label, row.assignee, row.version) == ("Bertil Prov", None, 1)

    detail = case_detail(store, late)
    assert detail.as_queue_row() == row
    assert detail.channel is Channel.PAPER
    assert detail.subject_identifiers == {"email": "astrid@example.invalid"}
    assert [(e.kind, e.actor, e.to_status) for e in detail.events] == [
        ("registered", "officer", CaseStatus.RECEIVED)]
    with pytest.raises(CaseNotFound):
        case_detail(store, late + 1000)


def test_transitions_are_recorded_and_extension_moves_the_due_date(store: CaseStore) -> None:
    cid = _new_case(store, received_on=date(2026, 3, 2))
    d = verify_identity(store, cid, method=IdentityMethod.E_ID, evidence="BankID session",
                        verified_on=date(2026, 3, 3), actor="anna", expected_version=1)
    d = transition_case(store, cid, CaseStatus.IN_PROGRESS, actor="anna", reason=None,
                        expected_version=d.version)
    d = transition_case(store, cid, CaseStatus.EXTENDED, actor="anna",
                        reason="Many systems to search", expected_version=d.version,
                        today=date(2026, 3, 20))
    assert d.version == 4
    assert (d.extension_told_on, d.extension_reason) == (date(2026, 3, 20),
                                                         "Many systems to search")
    assert d.extended_due_on == extended_due_date(date(2026, 3, 2))
    row = next(r for r in list_queue(store, statuses=OPEN_STATUSES) if r.case_id == cid)
    assert row.due_on == d.extended_due_on
    events = case_detail(store, cid).events
    assert [(e.kind, e.from_status, e.to_status, e.note) for e in events] == [
        ("registered", None, CaseStatus.RECEIVED, None),
        ("identity_verified", None, None, "BankID session"),
        ("status", CaseStatus.RECEIVED, CaseStatus.IN_PROGRESS, None),
        ("status", CaseStatus.IN_PROGRESS, CaseStatus.EXTENDED, "Many systems to search"),
    ]
    # The desk's words are a message rendered when read; the officer's note follows it.
    assert [e.text("en") for e in events] == [
        "Request registered.",
        "Swedish e-ID (BankID) (2026-03-03): BankID session",
        "From 'received' to 'in_progress'.",
        "From 'in_progress' to 'extended'. — Many systems to search",
    ]
    assert events[1].text("sv") == "Svensk e-legitimation (BankID) (2026-03-03): BankID session"
    assert events[3].text("sv") == "Från 'Pågår' till 'Förlängd'. — Many systems to search"
    assert list_queue(store, statuses=[CaseStatus.CLOSED]) == []


def test_invalid_transition_is_refused_and_changes_nothing(store: CaseStore) -> None:
    cid = _new_case(store)
    with pytest.raises(InvalidTransition, match="cannot move from 'received' to 'answered'"):
        transition_case(store, cid, CaseStatus.ANSWERED, actor="anna", reason=None,
                        expected_version=1)
    with pytest.raises(InvalidTransition, match="needs a reason"):
        transition_case(store, cid, CaseStatus.REJECTED, actor="anna", reason="  ",
                        expected_version=1)
    detail = case_detail(store, cid)
    assert (detail.status, detail.version, len(detail.events)) == (CaseStatus.RECEIVED, 1, 1)


def test_assigning_a_case_shows_in_the_queue_and_the_trail(store: CaseStore) -> None:
    cid = _new_case(store)
    d = assign_case(store, cid, "anna", actor="lead", expected_version=1)
    assert (d.assignee, d.version, d.updated_by) == ("anna", 2, "lead")
    assert [(r.assignee, r.version) for r in list_queue(store)] == [("anna", 2)]
    with pytest.raises(StaleCase, match="changed by lead"):
        assign_case(store, cid, "bo", actor="bo", expected_version=1)
    d = assign_case(store, cid, None, actor="anna", expected_version=2)
    assert d.assignee is None
    assert [(e.kind, e.text("en"), e.text("sv")) for e in d.events[1:]] == [
        ("assigned", "Assigned to anna.", "Tilldelat anna."),
        ("assigned", "Unassigned.", "Inte längre tilldelat någon.")]


# --- two officers -----------------------------------------------------------------------------

def test_edit_against_an_old_version_names_who_changed_it(store: CaseStore) -> None:
    cid = _new_case(store)
    seen_by_bo = list_queue(store)[0]
    transition_case(store, cid, CaseStatus.AWAITING_IDENTITY, actor="anna", reason=None,
                    expected_version=seen_by_bo.version)
    with pytest.raises(StaleCase, match="changed by anna at") as info:
        transition_case(store, cid, CaseStatus.REJECTED, actor="bo", reason="Duplicate",
                        expected_version=seen_by_bo.version)
    assert "Reload" in info.value.hint
    detail = case_detail(store, cid)
    assert (detail.status, detail.updated_by, len(detail.events)) == (
        CaseStatus.AWAITING_IDENTITY, "anna", 2)


def test_concurrent_commit_between_read_and_write_is_caught(store: CaseStore) -> None:
    """Anna commits while Bo's session has already loaded the case: the versioned UPDATE
    matches no row, and Bo gets StaleCase rather than overwriting her change."""
    cid = _new_case(store)
    fired: list[bool] = []

    def anna_saves_first(session: Session, *_: object) -> None:
        if not fired:
            fired.append(True)
            transition_case(store, cid, CaseStatus.AWAITING_IDENTITY, actor="anna",
                            reason=None, expected_version=1)

    event.listen(store.sessions, "before_flush", anna_saves_first)
    try:
        with pytest.raises(StaleCase, match="changed by anna"):
            transition_case(store, cid, CaseStatus.REJECTED, actor="bo",
                            reason="Duplicate of an earlier request", expected_version=1)
    finally:
        event.remove(store.sessions, "before_flush", anna_saves_first)
    detail = case_detail(store, cid)
    assert (detail.status, detail.version) == (CaseStatus.AWAITING_IDENTITY, 2)
    assert [e.actor for e in detail.events] == ["officer", "anna"]


def test_case_numbers_are_unique_with_concurrent_officers(store: CaseStore) -> None:
    errors: list[BaseException] = []

    def officer(name: str) -> None:
        try:
            for i in range(8):
                _new_case(store, f"Person {name}{i}", actor=name)
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=officer, args=(n,)) for n in ("anna", "bo", "cia")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    numbers = sorted(r.case_number for r in list_queue(store))
    assert numbers == [f"PD-2026-{n:05d}" for n in range(1, 25)]
    with store.sessions() as s:
        assert s.scalar(select(func.count()).select_from(CaseEvent)) == 24
        assert s.scalar(select(func.max(Case.version))) == 1
