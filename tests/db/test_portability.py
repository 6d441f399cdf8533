"""Portability (art. 20) on every backend: the copy holds exactly the provided and observed
data the portal has (consent or contract), none of the inferred, and says what it left out."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import text
from sqlalchemy.engine import URL

from privacy_desk.casestore.exports_models import CaseExport
from privacy_desk.domain.requests import RequestType
from privacy_desk.portal.lookup import jsonable
from privacy_desk.services.erasure import erasure_subject
from privacy_desk.services.letters import letters_of
from privacy_desk.services.portability import (
    LeftOut,
    PortabilityRefused,
    export_portability,
    portability_preview,
    record_transfer,
    transfers,
)
from privacy_desk.services.queue import case_detail
from tests.databases import throwaway_database
from tests.db.test_erasure import Env, _case, _env, _store_name

#: What the demo map puts in a portability copy: provided or observed, consent or contract.
IN_SCOPE: dict[str, tuple[str, ...]] = {
    "customers": ("personnummer", "org_number", "first_name", "last_name", "company_name",
                  "email", "phone"),
    "addresses": ("street", "postal_code", "city"),
    "portal_accounts": ("email",),
    "invoices": ("energy_kwh",),  # the meter reading; amounts and numbers are the company's
    "bank_accounts": ("bank_name", "clearing_number", "account_number", "autogiro",
                      "mandate_signed_on"),
    "contact_messages": ("received_at", "name", "email", "phone", "subject", "body"),
    "newsletter_subscriptions": ("email", "subscribed_at", "unsubscribed_at", "source"),
    "contact_preferences": ("allow_email", "allow_sms", "updated_at"),
}
#: The person's rows of each table, by SQL of our own (not through the data map).
PERSON_ROWS = {
    "customers": "SELECT id AS k, {cols} FROM customers WHERE id = :c",
    "addresses": "SELECT id AS k, {cols} FROM addresses WHERE customer_id = :c",
    "invoices": "SELECT id AS k, {cols} FROM invoices WHERE customer_id = :c",
    "bank_accounts": "SELECT id AS k, {cols} FROM bank_accounts WHERE customer_id = :c",
    "contact_preferences": "SELECT customer_id AS k, {cols} FROM contact_preferences "
                           "WHERE customer_id = :c",
}
NEVER = {"amount_sek", "invoice_number", "customer_number", "due_date", "ip_address",
         "password_hash", "logged_in_at", "kind", "created_at"}


@pytest.fixture
def env(db_url: URL, tmp_path: Path) -> Iterator[Env]:
    with throwaway_database(_store_name(db_url), tmp_path, prefix="pdstore") as store_url, \
            _env(db_url, store_url) as e:
        yield e


def _rows_in(data: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for cat in data["categories"].values():
        for table, rows in cat["tables"].items():
            for r in rows:
                k = json.dumps(r["key"], sort_keys=True)
                out.setdefault((table, k), {}).update(r["values"])
    return out


def _norm(v: Any) -> Any:
    v = jsonable(v)
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, str) and len(v) >= 19 and v[10] in " T":
        return v.replace(" ", "T")[:19]
    return v


def test_copy_holds_exactly_the_provided_and_observed_data(env: Env, tmp_path: Path) -> None:
    e = env
    case_id = _case(e.store, e.pnr, RequestType.PORTABILITY)
    cand = erasure_subject(e.store, e.portal, e.datamap, case_id).candidates[0]
    preview = portability_preview(e.store, e.portal, e.datamap, case_id, cand, actor="anna")
    assert {t: set(c) for t, c in preview.included.items()} == {
        t: set(c) for t, c in IN_SCOPE.items() if t in preview.included}
    assert "amount_sek" in preview.left_out[LeftOut.INFERRED]["invoices"]
    assert "login_events" in preview.left_out[LeftOut.BASIS]
    assert preview.left_out[LeftOut.UNDISCLOSED]["portal_accounts"] == ("password_hash",)

    result = export_portability(e.store, e.portal, e.datamap, case_id, cand,
                                out_dir=tmp_path, actor="anna")
    pdf, bundle = (f.path for f in result.files)
    assert pdf is not None and bundle is not None
    # the cover letter is in the case's letters, with the file's checksum
    [cover] = letters_of(e.store, case_id, actor="anna")
    assert cover.kind == "portability" and cover.sha256 == result.files[0].sha256
    with zipfile.ZipFile(bundle) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    manifest = json.loads(members["manifest.json"])
    assert manifest["format"] == "privacy-desk-portability/1"
    for f in manifest["files"]:
        assert hashlib.sha256(members[f["name"]]).hexdigest() == f["sha256"]
    assert {"table": "invoices", "column": "amount_sek", "reason": "inferred"} \
        in manifest["left_out"]
    data = json.loads(members["portability.json"])
    got = _rows_in(data)
    # nothing inferred, and only columns the map puts in scope, anywhere in the copy
    for (table, _k), values in got.items():
        assert table in IN_SCOPE and set(values) <= set(IN_SCOPE[table]), table
        assert not NEVER & set(values)
    for name, body in members.items():
        if name.startswith("csv/"):
            header = next(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
            assert not NEVER & set(header), name
    # compared with the portal, read with SQL of our own
    with e.portal.connect() as conn:
        for table, sql in PERSON_ROWS.items():
            cols = IN_SCOPE[table]
            portal_rows = conn.execute(text(sql.format(cols=", ".join(cols))),
                                       {"c": e.customer_id}).all()
            key_col = "customer_id" if table == "contact_preferences" else "id"
            copy_rows = {json.loads(k)[key_col]: v for (t, k), v in got.items() if t == table}
            assert set(copy_rows) == {r[0] for r in portal_rows}, table
            for r in portal_rows:
                expected = {c: _norm(v) for c, v in zip(cols, r[1:], strict=True)}
                assert {c: _norm(v) for c, v in copy_rows[r[0]].items()} == expected, table
    letter = " ".join(" ".join((p.extract_text() or "").split())
                      for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "Fakturor" in letter and "räknat fram" in letter and "IMY" in letter
    with e.store.sessions() as s:
        assert s.query(CaseExport).filter_by(case_id=case_id).count() == 1


def test_gates_password_and_direct_transfer(tmp_path: Path) -> None:
    portal_url = URL.create("sqlite+pysqlite", database=str(tmp_path / "p.sqlite3"))
    store_url = URL.create("sqlite+pysqlite", database=str(tmp_path / "s.sqlite3"))
    with _env(portal_url, store_url) as e:
        cand = erasure_subject(e.store, e.portal, e.datamap, e.case_id).candidates[0]
        with pytest.raises(PortabilityRefused, match="not a portability request"):
            export_portability(e.store, e.portal, e.datamap, e.case_id, cand,
                               out_dir=tmp_path, actor="anna")
        case_id = _case(e.store, e.pnr, RequestType.PORTABILITY)
        with pytest.raises(PortabilityRefused, match="no portability copy"):
            record_transfer(e.store, case_id, recipient="Annan Energi AB", channel="SFTP",
                            actor="anna")
        result = export_portability(e.store, e.portal, e.datamap, case_id, cand,
                                    out_dir=tmp_path, password="Hemligt-123",
                                    lang="en", actor="anna")
        bundle = result.files[1].path
        assert bundle is not None
        import pyzipper  # type: ignore[import-untyped]

        with pyzipper.AESZipFile(bundle) as zf:
            zf.setpassword(b"Hemligt-123")
            assert json.loads(zf.read("manifest.json"))["left_out"]
        with zipfile.ZipFile(bundle) as zf, pytest.raises(RuntimeError):
            zf.read("portability.json")  # encrypted: nothing readable without the password
        t = record_transfer(e.store, case_id, recipient="Annan Energi AB (org 556000-0001)",
                            channel="SFTP upload", sent_on=date(2026, 11, 21), actor="anna")
        assert t.file_sha256 == result.files[1].sha256
        assert [x.recipient for x in transfers(e.store, case_id)] == [
            "Annan Energi AB (org 556000-0001)"]
        with pytest.raises(PortabilityRefused, match="recipient"):
            record_transfer(e.store, case_id, recipient="  ", channel="SFTP", actor="anna")
        history = {ev.kind: ev for ev in case_detail(e.store, case_id).events}
        copy, sent = history["portability_produced"], history["direct_transfer"]
        assert copy.note is None and copy.text("sv").startswith(
            "Portabilitetskopia (en, lösenordsskyddad): ")
        assert result.files[1].sha256 in copy.text("sv")
        assert sent.text("sv") == (
            f"Kopian {result.files[1].filename} (sha256 {result.files[1].sha256}) skickad "
            "till Annan Energi AB (org 556000-0001) via SFTP upload den 2026-11-21 "
            "(art. 20.2).")
        assert sent.text("en").startswith(f"Copy {result.files[1].filename} (sha256 ")
