"""The audit trail: entries written in the caller's transaction, a verifiable hash chain."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import URL

from privacy_desk.casestore import CaseStore, open_case_store
from privacy_desk.casestore.audit import (
    read_entries,
    record_audit,
    verify_audit_trail,
)


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
