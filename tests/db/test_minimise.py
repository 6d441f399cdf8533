"""Minimising finished cases (issue 14): after the company's retention period an erased or
closed case keeps only keyed hashes of the person's identifiers (key in the keyring), so
the person's history and the yearly allowance still count it, and nothing else personal."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import URL

from privacy_desk.casestore import open_case_store
from privacy_desk.casestore.models import CaseIdentifier
from privacy_desk.casestore.persons import store_key_name
from privacy_desk.cli import main
from privacy_desk.clock import utcnow
from privacy_desk.domain.identity import IdentityMethod
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.secrets import MINIMISE_SERVICE, NoSecureKeyring
from privacy_desk.services.cases import register_case, transition_case
from privacy_desk.services.casework import verify_identity
from privacy_desk.services.context import current_officer
from privacy_desk.services.minimise import minimise_cases
from privacy_desk.services.queue import case_detail, person_history
from privacy_desk.services.roles import Role, add_officer
from tests.keyrings import MemoryKeyring
from tests.officers import staff

PNR = "19850714-9873"  # synthetic, valid check digit
EMAIL = "stina.minimal@example.se"
TODAY = date.today()


def _dump(url: URL) -> str:
    """Every text in the tables that hold a case's person: what a copy of the store shows."""
    store = open_case_store(url, actor="anna")
    try:
        with store.engine.connect() as conn:
            parts = [repr(conn.execute(text(f"SELECT * FROM {t}")).all())
                     for t in ("cases", "case_identifiers", "identity_verifications")]
    finally:
        store.close()
    return "\n".join(parts)


def test_a_finished_case_keeps_hashes_that_still_count(db_url: URL,
                                                       memory_keyring: MemoryKeyring) -> None:
    store = open_case_store(db_url, actor="anna")
    try:
        staff(store, "anna")
        old = register_case(store, request_type=RequestType.ACCESS, channel=Channel.PAPER,
                            received_on=TODAY - timedelta(days=3), person_label="Stina Minimal",
                            identifiers=[(None, PNR), (None, EMAIL)],
                            subject_identifiers={"personnummer": PNR}, actor="anna",
                            today=TODAY)
        old = verify_identity(store, old.case_id, method=IdentityMethod.ID_DOCUMENT,
                              evidence=f"passport of {PNR}", verified_on=TODAY,
                              expected_version=old.version, actor="anna", today=TODAY)
        transition_case(store, old.case_id, CaseStatus.WITHDRAWN, actor="anna",
                        reason="the person withdrew it", expected_version=old.version,
                        today=TODAY)
        new = register_case(store, request_type=RequestType.ACCESS, channel=Channel.EMAIL,
                            received_on=TODAY, person_label="Stina M",
                            identifiers=[(None, PNR.replace("-", "")[2:])], actor="anna",
                            today=TODAY)
        before = [e.case_number for e in person_history(store, new.case_id).entries]
        assert old.case_number in before

        soon, later = utcnow() + timedelta(days=300), utcnow() + timedelta(days=40 * 31)
        assert minimise_cases(store, after_months=36, actor="anna", now=soon) == []
        listed = minimise_cases(store, after_months=36, actor="anna", now=later, dry_run=True)
        assert [m.case_number for m in listed] == [old.case_number]  # not the open one
        assert listed[0].identifiers == 2
        assert PNR.replace("-", "")[2:] in _dump(db_url) or PNR in _dump(db_url)
        assert not memory_keyring.secrets  # a dry run makes no key either

        done = minimise_cases(store, after_months=36, actor="anna", now=later)
        assert [m.case_number for m in done] == [old.case_number]
        assert minimise_cases(store, after_months=36, actor="anna", now=later) == []
        with store.sessions() as s:
            values = list(s.scalars(select(CaseIdentifier.value)
                                    .where(CaseIdentifier.case_id == old.case_id)))
        assert len(values) == 2 and all(v.startswith("h:") for v in values)
        [told] = [ev for ev in case_detail(store, old.case_id).events
                  if ev.kind == "case_minimised"]
        assert told.text("sv") == ("Identifierare minimerade efter 36 månader: 2 sparade som "
                                   "nyckelhashar.")
        dump = _dump(db_url)
        for secret in ("9873", EMAIL, "Stina Minimal", "passport"):
            assert secret not in dump.replace(PNR.replace("-", "")[2:], ""), secret
        assert PNR.replace("-", "")[2:] in dump  # the open case keeps its own
        # the person's new request still finds the minimised one: it still counts
        after = [e.case_number for e in person_history(store, new.case_id).entries]
        assert after == before
        key = {(s, u) for s, u in memory_keyring.secrets}
        assert key == {(MINIMISE_SERVICE, store_key_name(store.url))}
    finally:
        store.close()


def test_without_a_secure_keyring_nothing_is_minimised(tmp_path: Path) -> None:
    from keyring.backends.fail import Keyring as FailKeyring

    from tests.keyrings import installed

    store = open_case_store(URL.create("sqlite+pysqlite", database=str(tmp_path / "s.db")),
                            actor="anna")
    try:
        staff(store, "anna")
        d = register_case(store, request_type=RequestType.ACCESS, channel=Channel.PAPER,
                          received_on=TODAY, person_label="X", identifiers=[(None, PNR)],
                          actor="anna", today=TODAY)
        transition_case(store, d.case_id, CaseStatus.REJECTED, actor="anna", reason="r",
                        expected_version=d.version, today=TODAY)
        with installed(FailKeyring()), pytest.raises(NoSecureKeyring, match="nothing was"):
            minimise_cases(store, after_months=1, actor="anna",
                           now=utcnow() + timedelta(days=62))
        with store.sessions() as s:
            assert not any(v.startswith("h:") for v in s.scalars(select(CaseIdentifier.value)))
    finally:
        store.close()


def test_cli_store_minimise_dry_run(tmp_path: Path, memory_keyring: MemoryKeyring,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    url = URL.create("sqlite+pysqlite", database=str(tmp_path / "s.db"))
    store = open_case_store(url, actor="anna")
    try:
        staff(store, "anna")
        add_officer(store, current_officer(), [Role.OFFICER], actor="anna")
    finally:
        store.close()
    base = ["--base-dir", str(tmp_path / "home"), "--case-store", str(tmp_path / "s.db")]
    assert main([*base, "store", "minimise", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "0 case(s) would be minimised (retention 36 months); nothing was changed" in out
    assert main([*base, "store", "minimise", "--after-months", "0"]) == 2
    assert "--after-months must be between" in capsys.readouterr().err
    settings = tmp_path / "home" / "config" / "settings.json"
    settings.write_text(json.dumps({"queue": {"minimise_after_months": 12}}), encoding="utf-8")
    assert main([*base, "store", "minimise", "--dry-run"]) == 0
    assert "(retention 12 months)" in capsys.readouterr().out
