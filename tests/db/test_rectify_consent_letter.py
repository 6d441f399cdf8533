"""Rectification, consent withdrawal and the confirmation letter (real PDF, real databases)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text
from sqlalchemy.engine import URL

from privacy_desk.casestore.erasure_models import PortalChangeRecord
from privacy_desk.domain.requests import RequestType
from privacy_desk.services.erasure import (
    ErasureRefused,
    approve_plan,
    erasure_subject,
    execute,
    latest_plan,
    write_letter,
)
from privacy_desk.services.rectify import rectify, withdraw_consent
from tests.databases import throwaway_database
from tests.db.test_erasure import TODAY, _case, _env, _plan, _store_name


def _text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def _sqlite(tmp_path: Path) -> tuple[URL, URL]:
    return (URL.create("sqlite+pysqlite", database=str(tmp_path / "p.sqlite3")),
            URL.create("sqlite+pysqlite", database=str(tmp_path / "s.sqlite3")))


def test_letter_says_what_was_erased_kept_until_when_and_names_imy(tmp_path: Path) -> None:
    with _env(*_sqlite(tmp_path)) as e:
        plan_id = _plan(e)
        with pytest.raises(ErasureRefused, match="executed"):
            write_letter(e.store, e.datamap, plan_id, out_dir=tmp_path, actor="anna")
        view = latest_plan(e.store, e.case_id)
        assert view is not None
        approve_plan(e.store, plan_id, expected_sha256=view.sha256, actor="bertil")
        execute(e.store, e.portal, e.datamap, plan_id, actor="anna", today=TODAY)
        sv = write_letter(e.store, e.datamap, plan_id, out_dir=tmp_path, actor="anna",
                          today=TODAY)
        en = write_letter(e.store, e.datamap, plan_id, out_dir=tmp_path, actor="anna",
                          lang="en", today=TODAY)
        held = view.plan.held
        until = max(r.hold.ends_on for r in held if r.hold).year - 1
        s = _text(sv.path)
        assert "Integritetsskyddsmyndigheten" in s and "bokföringslagen" in s
        assert f"31 december {until}" in s and "Adressuppgifter" in s and "pseudonymisering" in s
        t = _text(en.path)
        assert "complain" in t and "IMY" in t and "kept under" in t


def test_rectification_records_old_and_new_value_and_recipients(tmp_path: Path) -> None:
    with _env(*_sqlite(tmp_path)) as e:
        case_id = _case(e.store, e.pnr, RequestType.RECTIFICATION)
        cand = erasure_subject(e.store, e.portal, e.datamap, case_id).candidates[0]
        with e.portal.connect() as conn:
            old = conn.execute(text("SELECT last_name FROM customers WHERE id = :i"),
                               {"i": e.customer_id}).scalar_one()
        r = rectify(e.store, e.portal, e.datamap, case_id, cand, table="customers",
                    key={"id": e.customer_id}, column="last_name", new_value="Testsson-Ny",
                    reason="name changed at marriage; checked against the signed letter",
                    actor="anna")
        assert r.old_value == old and r.recipients[0][0] == "Identitetsuppgifter"
        with e.portal.connect() as conn:
            assert conn.execute(text("SELECT last_name FROM customers WHERE id = :i"),
                                {"i": e.customer_id}).scalar_one() == "Testsson-Ny"
        with e.store.sessions() as s:
            rec = s.query(PortalChangeRecord).one()
            assert (rec.old_value, rec.new_value) == (old, "Testsson-Ny")
        with pytest.raises(ErasureRefused, match="personal field"):
            rectify(e.store, e.portal, e.datamap, case_id, cand, table="customers",
                    key={"id": e.customer_id}, column="id", new_value="1", reason="x",
                    actor="anna")


def test_consent_withdrawal_ends_newsletter_and_clears_preferences(db_url: URL,
                                                                   tmp_path: Path) -> None:
    with throwaway_database(_store_name(db_url), tmp_path, prefix="pdstore") as store_url, \
            _env(db_url, store_url, customers=40) as e:
        with e.portal.connect() as conn:
            row = conn.execute(text(
                "SELECT c.id, c.personnummer FROM customers c JOIN newsletter_subscriptions n "
                "ON n.customer_id = c.id JOIN contact_preferences p ON p.customer_id = c.id "
                "WHERE c.personnummer IS NOT NULL ORDER BY c.id LIMIT 1")).one()
        cid, pnr = int(row[0]), str(row[1])
        case_id = _case(e.store, pnr, RequestType.CONSENT_WITHDRAWAL)
        cand = erasure_subject(e.store, e.portal, e.datamap, case_id).candidates[0]
        result = withdraw_consent(e.store, e.portal, e.datamap, case_id, cand, actor="anna",
                                  today=TODAY)
        assert result.verification.ok, result.verification.problems
        with e.portal.connect() as conn:
            for t in ("newsletter_subscriptions", "contact_preferences"):
                assert conn.execute(text(f"SELECT count(*) FROM {t} WHERE customer_id = :i"),
                                    {"i": cid}).scalar_one() == 0
            assert conn.execute(text("SELECT count(*) FROM addresses WHERE customer_id = :i"),
                                {"i": cid}).scalar_one() > 0  # only consent data changed
        letter = write_letter(e.store, e.datamap, result.view.id, out_dir=tmp_path,
                              actor="anna", today=TODAY)
        assert "samtycke" in _text(letter.path)
