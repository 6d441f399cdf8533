"""Anchors kept outside the store: every tampering is found, truncation and consistent
rewrites included, on SQLite, PostgreSQL and MariaDB."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL, Connection

from privacy_desk.casestore import CaseStore, open_case_store
from privacy_desk.casestore.audit import GENESIS_HASH, entry_hash, record_audit
from privacy_desk.cli import main
from privacy_desk.paths import AppPaths
from privacy_desk.services.audit_trail import anchor_trail, verify_trail
from privacy_desk.services.roles import Role, add_officer, sign_in
from tests.keyrings import MemoryKeyring

ACTIONS = ("login", "person_viewed", "erasure_planned", "erasure_approved", "export_made",
           "erasure_executed", "case_registered", "person_viewed", "erasure_letter_written",
           "login", "person_viewed", "export_made")


@pytest.fixture
def store(db_url: URL, memory_keyring: MemoryKeyring) -> Iterator[CaseStore]:
    s = open_case_store(db_url, actor="anna")
    sign_in(s, "anna")
    add_officer(s, "ivar", [Role.AUDITOR], actor="anna")
    for i, action in enumerate(ACTIONS):
        with s.sessions.begin() as session:
            record_audit(session, actor="anna", action=action, details={"n": i})
    yield s
    s.close()


def _tamper(store: CaseStore, *statements: str) -> None:
    with store.engine.begin() as conn:
        if store.backend == "postgresql":  # the owner lifts migration 0004's trigger
            conn.execute(text("ALTER TABLE audit_entries DISABLE TRIGGER USER"))
        for s in statements:
            conn.execute(text(s))
        if store.backend == "postgresql":
            conn.execute(text("ALTER TABLE audit_entries ENABLE TRIGGER USER"))


def _rows(conn: Connection) -> list[dict[str, object]]:
    rows = [dict(r._mapping) for r in conn.execute(text(
        "SELECT seq, at, actor, action, case_id, case_number, details FROM audit_entries "
        "ORDER BY seq"))]
    for r in rows:  # SQLite hands a plain query's DATETIME back as text
        if isinstance(r["at"], str):
            r["at"] = datetime.fromisoformat(r["at"])
    return rows


def _rewrite_consistently(store: CaseStore, keep: object) -> None:
    """What a forger with full write access does: drop entries, renumber, rehash, re-head."""
    with store.engine.begin() as conn:
        if store.backend == "postgresql":
            conn.execute(text("ALTER TABLE audit_entries DISABLE TRIGGER USER"))
        rows = [r for r in _rows(conn) if keep(r)]  # type: ignore[operator]
        conn.execute(text("DELETE FROM audit_entries"))
        prev = GENESIS_HASH
        for seq, r in enumerate(rows, start=1):
            digest = entry_hash(at=r["at"], actor=r["actor"], action=r["action"],  # type: ignore[arg-type]
                                case_id=r["case_id"], case_number=r["case_number"],  # type: ignore[arg-type]
                                details=r["details"], prev_hash=prev)  # type: ignore[arg-type]
            conn.execute(text(
                "INSERT INTO audit_entries (seq, at, actor, action, case_id, case_number, "
                "details, prev_hash, entry_hash) VALUES (:seq, :at, :actor, :action, "
                ":case_id, :case_number, :details, :prev, :h)"),
                {**r, "seq": seq, "prev": prev, "h": digest})
            prev = digest
        conn.execute(text("UPDATE audit_chain_head SET last_seq = :s, last_hash = :h"),
                     {"s": len(rows), "h": prev})
        if store.backend == "postgresql":
            conn.execute(text("ALTER TABLE audit_entries ENABLE TRIGGER USER"))


def _head(store: CaseStore) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(text("SELECT last_seq FROM audit_chain_head")).scalar_one())


def _truncate(store: CaseStore, last: int) -> None:
    """Cut the trail after entry #``last`` and point the head there (a tidy truncation)."""
    with store.engine.connect() as conn:
        new_hash = conn.execute(text("SELECT entry_hash FROM audit_entries WHERE seq = :s"),
                                {"s": last}).scalar_one()
    _tamper(store, f"DELETE FROM audit_entries WHERE seq > {last}",
            f"UPDATE audit_chain_head SET last_seq = {last}, last_hash = '{new_hash}'")


#: tampering -> (what is done, given the store and the anchored position; what is found)
TAMPERINGS: dict[str, tuple[Callable[[CaseStore, int], None], str]] = {
    "change": (lambda s, a: _tamper(s, "UPDATE audit_entries SET actor = 'mallory' WHERE seq = 5"),
               "changed"),
    "delete": (lambda s, a: _tamper(s, "DELETE FROM audit_entries WHERE seq = 6"), "removed"),
    "insert": (lambda s, a: _tamper(s, (
        "INSERT INTO audit_entries (seq, at, actor, action, details, prev_hash, entry_hash) "
        f"SELECT seq + 100, at, actor, action, details, entry_hash, '{'ab' * 32}' "
        "FROM audit_entries WHERE seq = 4")), "inserted"),
    "reorder": (lambda s, a: _tamper(s, "UPDATE audit_entries SET seq = 1000 WHERE seq = 4",
                                  "UPDATE audit_entries SET seq = 4 WHERE seq = 5",
                                  "UPDATE audit_entries SET seq = 5 WHERE seq = 1000"),
                "reordered"),
    "truncate the tail": (lambda s, a: _truncate(s, a - 5), "truncated"),
    "delete the head entry": (lambda s, a: _truncate(s, a - 1), "truncated"),
    "delete the head row": (lambda s, a: _tamper(s, "DELETE FROM audit_chain_head"), "head"),
    "consistent rewrite": (lambda s, a: _rewrite_consistently(
        s, lambda r: not str(r["action"]).startswith("erasure_")), "truncated"),
    "consistent rewrite, same length": (lambda s, a: _rewrite_consistently(
        s, lambda r: r.update(actor="mallory") or True if r["action"] == "login" else True),
        "rewritten"),
}


@pytest.mark.parametrize("tampering", sorted(TAMPERINGS))
def test_every_tampering_is_found_against_an_anchor(store: CaseStore, tmp_path: Path,
                                                    tampering: str) -> None:
    anchors = tmp_path / "anchors"
    written = anchor_trail(store, actor="ivar", out_dir=anchors)
    assert written.path.parent == anchors and written.seq == _head(store) - 1
    assert verify_trail(store, actor="ivar", anchors=anchors).ok
    do, expected = TAMPERINGS[tampering]
    do(store, written.seq)
    result = verify_trail(store, actor="ivar", anchors=anchors)
    assert expected in {p.kind.value for p in result.problems}, result.problems
    if expected in ("truncated", "rewritten"):
        assert any(written.path.name in p.message for p in result.problems)


def test_without_an_anchor_truncation_looks_intact_which_is_why_anchors_exist(
        store: CaseStore) -> None:
    _truncate(store, _head(store) - 5)
    assert verify_trail(store, actor="ivar").ok


def test_an_edited_anchor_is_reported_and_anchors_are_new_files(store: CaseStore,
                                                                tmp_path: Path) -> None:
    first = anchor_trail(store, actor="ivar", out_dir=tmp_path)
    second = anchor_trail(store, actor="ivar", out_dir=tmp_path)
    assert first.path != second.path and second.seq == first.seq + 1
    doc = json.loads(first.path.read_text())
    doc["seq"] -= 3  # someone moves the anchor back to hide a truncation
    first.path.write_text(json.dumps(doc))
    result = verify_trail(store, actor="ivar", anchors=tmp_path)
    assert [p.kind.value for p in result.problems] == ["anchor"]
    assert first.path.name in result.problems[0].message


def test_anchor_and_verify_from_the_command_line(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str],
                                                 memory_keyring: MemoryKeyring) -> None:
    base = ["--base-dir", str(tmp_path / "home")]
    for var in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(var, "anna")
    assert main([*base, "officer", "add", "ivar", "--role", "auditor"]) == 0
    for var in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(var, "ivar")
    capsys.readouterr()
    assert main([*base, "audit", "anchor", "--out", str(tmp_path / "a")]) == 0
    out = capsys.readouterr().out
    assert "Anchored the audit trail at #" in out
    assert ("privacy-desk.anchor-key", "ivar") in memory_keyring.secrets  # the key: keyring
    assert main([*base, "audit", "verify", "--anchors", str(tmp_path / "a")]) == 0
    store = open_case_store(URL.create("sqlite+pysqlite", database=str(
        AppPaths.default(tmp_path / "home").case_store_file)), actor="ivar")
    try:
        anchored = json.loads(next((tmp_path / "a").glob("anchor-*.json")).read_text())["seq"]
        _truncate(store, anchored - 2)  # (a new login at #4 could match the old one)
    finally:
        store.close()
    capsys.readouterr()
    assert main([*base, "audit", "verify", "--anchors", str(tmp_path / "a")]) == 1
    out = capsys.readouterr().out
    assert "TRUNCATED" in out and "entries at the end were removed" in out


def test_a_row_after_the_head_blocks_actions_but_not_sign_in_on_sqlite(
        sqlite_url: URL, caplog: pytest.LogCaptureFixture) -> None:
    """The app's own append (SQLite) refuses like the servers' (tests/db/test_guard.py)."""
    from privacy_desk.casestore.audit import AuditTrailBlocked

    s = open_case_store(sqlite_url, actor="anna")
    try:
        sign_in(s, "anna")
        add_officer(s, "ivar", [Role.AUDITOR], actor="anna")
        head = _head(s)
        _tamper(s, "INSERT INTO audit_entries (seq, at, actor, action, details, prev_hash, "
                   f"entry_hash) VALUES ({head + 1}, '2026-03-02 10:00:00', 'x', 'login', "
                   "'{}', 'a', 'b')")
        assert sign_in(s, "anna").admin  # signing in still works
        assert f"it holds entry #{head + 1} but its head is #{head}" in caplog.text
        with pytest.raises(AuditTrailBlocked, match="Sensitive actions stop"):
            add_officer(s, "eve", [Role.OFFICER], actor="anna")
        result = verify_trail(s, actor="ivar")
        assert "inserted" in {p.kind.value for p in result.problems}
    finally:
        s.close()


def test_an_anchor_signed_with_a_key_not_trusted_is_found(store: CaseStore,
                                                          tmp_path: Path) -> None:
    """Whoever rewrites the trail can sign a fresh anchor with a key of their own; only the
    key id the auditor kept elsewhere (--trust) tells the two apart."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from privacy_desk.services.audit_trail import _public_hex, _signed_part

    honest = anchor_trail(store, actor="ivar", out_dir=tmp_path / "honest")
    forged_dir = tmp_path / "forged"
    forged_dir.mkdir()
    doc = json.loads(honest.path.read_text())
    mallory = Ed25519PrivateKey.generate()
    doc["public_key"] = _public_hex(mallory.public_key())
    doc["signed_by"] = "ivar"
    doc["signature"] = mallory.sign(_signed_part(doc)).hex()
    (forged_dir / honest.path.name).write_text(json.dumps(doc))
    # believed on its own word ...
    assert verify_trail(store, actor="ivar", anchors=forged_dir).ok
    # ... but not against the key the auditor noted when anchoring
    result = verify_trail(store, actor="ivar", anchors=forged_dir,
                          trusted_keys=[honest.key_id])
    assert [p.kind.value for p in result.problems] == ["anchor"]
    assert "not one of the keys you trust" in result.problems[0].message
    assert verify_trail(store, actor="ivar", anchors=tmp_path / "honest",
                        trusted_keys=[honest.key_id.upper()]).ok
