"""The minimisation key travels to another desk (``store key export/import``), so the yearly
allowance there still counts the person's minimised cases; the key's keyring name is the
store's, not the login's, so every officer of a server store finds it."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from privacy_desk.casestore import CaseStore, open_case_store
from privacy_desk.casestore.persons import legacy_store_key_names, store_key_name
from privacy_desk.cli import main
from privacy_desk.clock import utcnow
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.secrets import MINIMISE_SERVICE
from privacy_desk.services.cases import register_case, transition_case
from privacy_desk.services.minimise import minimise_cases
from privacy_desk.services.minimise_key import KeyTransferRefused, export_key, import_key
from privacy_desk.services.queue import allowance_status, case_detail, person_history
from privacy_desk.services.roles import NotPermitted, Role, add_officer
from tests.keyrings import MemoryKeyring
from tests.officers import staff

PNR = "19850714-9873"  # synthetic, valid check digit
TODAY = date.today()
PASSPHRASE = "kaffe och kanelbullar"


def _minimised_and_new(store: CaseStore) -> tuple[str, int]:
    """A withdrawn case of the person, minimised, and the person's new request."""
    old = register_case(store, request_type=RequestType.ACCESS, channel=Channel.PAPER,
                        received_on=TODAY - timedelta(days=3), person_label="Stina Minimal",
                        identifiers=[(None, PNR)], actor="anna", today=TODAY)
    transition_case(store, old.case_id, CaseStatus.WITHDRAWN, actor="anna",
                    reason="the person withdrew it", expected_version=old.version, today=TODAY)
    assert minimise_cases(store, after_months=36, actor="anna",
                          now=utcnow() + timedelta(days=40 * 31))
    new = register_case(store, request_type=RequestType.ACCESS, channel=Channel.EMAIL,
                        received_on=TODAY, person_label="Stina M", identifiers=[(None, PNR)],
                        actor="anna", today=TODAY)
    return old.case_number, new.case_id


def _counted(store: CaseStore, case_id: int) -> list[str]:
    return [e.case_number for e in person_history(store, case_id).entries]


def test_the_key_travels_and_the_other_desk_counts_the_minimised_case(
        tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    store = open_case_store(URL.create("sqlite+pysqlite", database=str(tmp_path / "s.db")),
                            actor="anna")
    try:
        staff(store, "anna")
        add_officer(store, "olle", [Role.OFFICER], actor="anna")
        old, new = _minimised_and_new(store)
        assert old in _counted(store, new)
        exported = export_key(store, actor="anna", passphrase=PASSPHRASE,
                              out=tmp_path / "key.json")
        assert exported.path.read_bytes() == exported.data and b"sealed" in exported.data
        with pytest.raises(NotPermitted):  # the key is an administrator's to move
            export_key(store, actor="olle", passphrase=PASSPHRASE, out=tmp_path / "k2")
        with pytest.raises(KeyTransferRefused, match="shorter than 12"):
            export_key(store, actor="anna", passphrase="kort", out=tmp_path / "k3")
        with pytest.raises(KeyTransferRefused, match="could not be written"):
            export_key(store, actor="anna", passphrase=PASSPHRASE, out=exported.path)
        assert not (tmp_path / "k2").exists() and not (tmp_path / "k3").exists()

        assert not person_history(store, new).minimised_unmatched
        memory_keyring.secrets.clear()  # the other desk: no key in its keyring
        assert old not in _counted(store, new)  # its allowance would not count the case ...
        assert person_history(store, new).minimised_unmatched  # ... and says so
        assert allowance_status(store, new).minimised_unmatched
        with pytest.raises(KeyTransferRefused, match="passphrase is wrong"):
            import_key(store, actor="anna", data=exported.data, passphrase="fel fras helt")
        tampered = exported.data.replace(b'"sealed": "', b'"sealed": "A')
        with pytest.raises(KeyTransferRefused):
            import_key(store, actor="anna", data=tampered, passphrase=PASSPHRASE)
        assert not memory_keyring.secrets  # nothing kept on a refusal
        assert import_key(store, actor="anna", data=exported.data,
                          passphrase=PASSPHRASE) == exported.key_id
        assert old in _counted(store, new)
        assert not allowance_status(store, new).minimised_unmatched
        # a second, different key is refused: it would split the minimised cases
        memory_keyring.secrets[(MINIMISE_SERVICE, store_key_name(store.url))] = "00" * 32
        with pytest.raises(KeyTransferRefused, match="another minimisation key"):
            import_key(store, actor="anna", data=exported.data, passphrase=PASSPHRASE)
    finally:
        store.close()


def test_a_key_file_of_another_store_is_refused(tmp_path: Path,
                                                memory_keyring: MemoryKeyring) -> None:
    stores = [open_case_store(URL.create("sqlite+pysqlite", database=str(tmp_path / n)),
                              actor="anna") for n in ("a.db", "b.db")]
    try:
        for s in stores:
            staff(s, "anna")
        _minimised_and_new(stores[0])
        exported = export_key(stores[0], actor="anna", passphrase=PASSPHRASE,
                              out=tmp_path / "key.json")
        with pytest.raises(KeyTransferRefused, match="another case store"):
            import_key(stores[1], actor="anna", data=exported.data, passphrase=PASSPHRASE)
    finally:
        for s in stores:
            s.close()


def test_the_keyring_name_is_the_stores_and_an_old_name_is_still_found(
        tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    anna = URL.create("postgresql+psycopg", username="pd_anna", host="db.example", port=5432,
                      database="casestore")
    olle = anna.set(username="pd_olle")
    assert store_key_name(anna) == store_key_name(olle)  # every officer finds the same key
    assert "pd_anna" not in store_key_name(anna)
    # a key an older version kept under the login's name is found and kept under the new one
    url = URL.create("sqlite+pysqlite", database=str(tmp_path / "s.db"))
    store = open_case_store(url, actor="anna")
    try:
        staff(store, "anna")
        old, new = _minimised_and_new(store)
        key = memory_keyring.secrets.pop((MINIMISE_SERVICE, store_key_name(store.url)))
        memory_keyring.secrets[(MINIMISE_SERVICE, legacy_store_key_names(store.url)[0])] = key
        assert old in _counted(store, new)
        assert memory_keyring.secrets[(MINIMISE_SERVICE, store_key_name(store.url))] == key
    finally:
        store.close()


def test_export_and_import_from_the_command_line(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str],
                                                 memory_keyring: MemoryKeyring) -> None:
    base = ["--base-dir", str(tmp_path / "home")]
    for var in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(var, "anna")
    assert main([*base, "store", "minimise", "--dry-run"]) == 0  # signs anna in: admin
    from privacy_desk.paths import AppPaths

    store = open_case_store(URL.create("sqlite+pysqlite", database=str(
        AppPaths.default(tmp_path / "home").case_store_file)), actor="anna")
    try:
        _old, new = _minimised_and_new(store)
        number = case_detail(store, new).case_number
    finally:
        store.close()
    out = tmp_path / "key.json"
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    capsys.readouterr()
    assert main([*base, "store", "key", "export", "--out", str(out),
                 "--passphrase-stdin"]) == 0
    printed = capsys.readouterr().out
    assert "Minimisation key " in printed and oct(out.stat().st_mode)[-3:] == "600"
    assert main([*base, "store", "key", "export", "--out", str(out),
                 "--passphrase-stdin"]) == 2  # never over an existing file
    memory_keyring.secrets.clear()
    assert main([*base, "case", "history", number]) == 0
    assert "this desk holds no minimisation key" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    assert main([*base, "store", "key", "import", str(out), "--passphrase-stdin"]) == 0
    assert printed.split()[2] in capsys.readouterr().out  # the same key id
