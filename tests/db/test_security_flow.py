"""Roles, the audited person lookup, the audit CLI and log hygiene, end to end."""

from __future__ import annotations

import csv
import io
import re
import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from privacy_desk.casestore import CaseStore, open_case_store
from privacy_desk.casestore.audit import read_entries
from privacy_desk.cli import main
from privacy_desk.datamap.loader import load_datamap
from privacy_desk.dburl import connect, parse_target
from privacy_desk.errors import UserError
from privacy_desk.portal.demo.generator import generate_demo_portal
from privacy_desk.resources import resource_path
from privacy_desk.services.audit_trail import ExportFormat, Period, export_audit
from privacy_desk.services.person_search import search_person, view_person_data
from privacy_desk.services.roles import (
    NotPermitted,
    Role,
    add_officer,
    require_role,
    set_roles,
    sign_in,
)
from privacy_desk.tempfiles import SessionTemp
from tests.databases import throwaway_database
from tests.keyrings import MemoryKeyring
from tests.organisations import set_demo_organisation

DEMO_MAP = resource_path("datamaps", "demo-portal.yaml")
BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CaseStore]:
    with throwaway_database(request.param, tmp_path) as url:
        s = open_case_store(url, actor="anna")
        yield s
        s.close()


def _as(monkeypatch: pytest.MonkeyPatch, login: str) -> None:
    """Be logged in to the OS as ``login`` (getpass reads these variables)."""
    for var in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(var, login)


def test_first_officer_becomes_admin_then_strangers_are_refused(store: CaseStore) -> None:
    first = sign_in(store, "anna")
    assert first.admin and first.roles == {Role.OFFICER}
    with pytest.raises(NotPermitted, match="not an officer"):
        sign_in(store, "mallory")
    add_officer(store, "ivar", [Role.AUDITOR], actor="anna")
    ivar = sign_in(store, "ivar")
    assert ivar.read_only and not ivar.admin
    with pytest.raises(NotPermitted, match="needs the officer or approver role"):
        require_role(store, "ivar", Role.OFFICER, Role.APPROVER, action="change a case")
    with pytest.raises(NotPermitted, match="administrator"):
        add_officer(store, "eve", [Role.OFFICER], actor="ivar")
    with pytest.raises(Exception, match="without an administrator"):
        set_roles(store, "anna", [Role.OFFICER], actor="anna", admin=False)
    with store.sessions() as session:
        actions = [r.action for r in read_entries(session)]
    assert actions == ["officer_bootstrapped", "login", "officer_added", "login"]


@pytest.fixture(scope="module")
def demo_portal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("portal") / "demo.sqlite3"
    generate_demo_portal(parse_target(path), customers=40, seed=3, as_of=date(2026, 3, 2))
    return path


def _a_person(portal: Path) -> dict[str, str]:
    engine = connect(str(portal))
    try:
        with engine.connect() as conn:
            row = conn.execute(text(
                "SELECT personnummer, first_name, last_name, email, phone FROM customers "
                "WHERE personnummer IS NOT NULL AND email IS NOT NULL AND phone IS NOT NULL "
                "ORDER BY id LIMIT 1")).mappings().one()
    finally:
        engine.dispose()
    return dict(row)


def test_auditor_cannot_look_up_people_and_officer_views_are_audited(
        store: CaseStore, demo_portal: Path) -> None:
    sign_in(store, "anna")
    add_officer(store, "ivar", [Role.AUDITOR], actor="anna")
    person = _a_person(demo_portal)
    dm = load_datamap(DEMO_MAP)
    portal = connect(str(demo_portal))
    try:
        with pytest.raises(NotPermitted):
            search_person(store, portal, dm, person["personnummer"], actor="ivar",
                          reason="checking a caller")
        found = search_person(store, portal, dm, person["personnummer"], actor="anna",
                              reason="checking a caller")
        data = view_person_data(store, portal, dm, found.candidates[0], actor="anna",
                                reason="checking a caller")
    finally:
        portal.dispose()
    with store.sessions() as session:
        rows = read_entries(session)
    viewed = [r for r in rows if r.action == "person_data_viewed"]
    assert len(viewed) == 1
    assert viewed[0].details["rows"] == len(data.rows)
    assert "customers" in str(viewed[0].details["tables"])
    assert [r.action for r in rows].count("person_searched") == 1  # the refusal wrote none
    trail = repr(rows)
    for value in person.values():
        assert value not in trail


def test_auditor_exports_a_period_as_csv_and_pdf(store: CaseStore, tmp_path: Path) -> None:
    sign_in(store, "anna")
    add_officer(store, "ivar", [Role.AUDITOR], actor="anna")
    today = date.today()
    period = Period(date(today.year - 1, 1, 1), today)
    add_officer(store, "olle", [Role.OFFICER, Role.APPROVER], actor="anna")
    with pytest.raises(NotPermitted, match="auditor role"):
        export_audit(store, actor="olle", period=period, fmt=ExportFormat.CSV,
                     target=tmp_path / "x.csv")
    n = export_audit(store, actor="ivar", period=period, fmt=ExportFormat.CSV,
                     target=tmp_path / "trail.csv")
    rows = list(csv.DictReader(io.StringIO(
        (tmp_path / "trail.csv").read_text(encoding="utf-8-sig"))))
    assert n == len(rows) == 4
    assert [r["action"] for r in rows] == ["officer_bootstrapped", "login", "officer_added",
                                           "officer_added"]
    export_audit(store, actor="ivar", period=period, fmt=ExportFormat.PDF,
                 target=tmp_path / "trail.pdf")
    pdf_text = "".join(p.extract_text() for p in PdfReader(tmp_path / "trail.pdf").pages)
    assert "officer_added" in pdf_text and "audit_exported" in pdf_text
    empty = export_audit(store, actor="ivar", period=Period(date(2001, 1, 1),
                                                            date(2001, 1, 31)),
                         fmt=ExportFormat.CSV, target=tmp_path / "none.csv")
    assert empty == 0


def test_session_temp_files_go_away(tmp_path: Path, app_paths: object) -> None:
    from privacy_desk.paths import AppPaths

    paths = AppPaths.default(tmp_path / "home").ensure()
    temp = SessionTemp(paths)
    preview = temp.new_file(".pdf", case_id=7)
    preview.write_bytes(b"%PDF")
    other = temp.new_file(".csv", case_id=8)
    other.write_bytes(b"x")
    temp.close_case(7)
    assert not preview.exists() and other.exists()
    orphan = temp.root / "session-999999999-deadbeef"
    orphan.mkdir(parents=True)
    (orphan / "left.pdf").write_bytes(b"%PDF")
    assert temp.sweep_orphans() == 1 and not orphan.exists()
    temp.cleanup()
    assert not temp.path.exists()


# --------------------------------------------------------------------------- the CLI


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _new_case(capsys: pytest.CaptureFixture[str], common: tuple[str, ...],
              portal: tuple[str, ...], kind: str, pnr: str) -> str:
    """Register, verify and start a paper request through the CLI; its case number."""
    received = (date.today() - timedelta(days=3)).isoformat()
    code, out, err = _run(capsys, *common, *portal, "case", "register", "--type", kind,
                          "--channel", "paper", "--received", received,
                          "--person", "Testperson", "--id", f"personnummer={pnr}")
    assert code == 0, err
    number = re.search(r"PD-\d{4}-\d{5}", out)
    assert number, out
    code, _, err = _run(capsys, *common, *portal, "case", "verify", number.group(0),
                        "--method", "signed_letter", "--evidence", "Signed letter checked")
    assert code == 0, err
    code, _, err = _run(capsys, *common, *portal, "case", "transition", number.group(0),
                        "in_progress")
    assert code == 0, err
    return number.group(0)


def _access_and_erasure_through_the_cli(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        common: tuple[str, ...], portal: tuple[str, ...], pnr: str, out_dir: Path) -> None:
    """An extract, then an erasure approved by a second officer: the flows that touch the
    most personal data, so the log scan afterwards means something."""
    out_dir.mkdir()
    access = _new_case(capsys, common, portal, "access", pnr)
    code, _, err = _run(capsys, *common, "export", *portal, "--subject", pnr, "--out",
                        str(out_dir), "--case", access)
    assert code == 0, err
    erasure = _new_case(capsys, common, portal, "erasure", pnr)
    code, _, err = _run(capsys, *common, *portal, "case", "erasure", "plan", erasure)
    assert code == 0, err
    _as(monkeypatch, "bertil")
    code, _, err = _run(capsys, *common, *portal, "case", "erasure", "approve", erasure)
    assert code == 0, err
    _as(monkeypatch, "anna")
    code, out, err = _run(capsys, *common, *portal, "case", "erasure", "execute", erasure)
    assert code == 0 and "committed" in out, err
    code, _, err = _run(capsys, *common, *portal, "case", "erasure", "letter", erasure,
                        "--out", str(out_dir))
    assert code == 0, err
    assert list(out_dir.glob("*.pdf")) and list(out_dir.glob("*.zip"))


def test_cli_roles_audit_and_log_hygiene(
        tmp_path: Path, demo_portal: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring) -> None:
    """A full flow through the CLI; then nothing personal or secret is in logs or settings."""
    base = tmp_path / "desk"
    set_demo_organisation(base)  # letters are written in the company's name
    common = ("--base-dir", str(base))
    own_portal = tmp_path / "portal.sqlite3"  # erased from below: not the shared one
    shutil.copy(demo_portal, own_portal)
    portal = ("--portal", str(own_portal), "--map", str(DEMO_MAP))
    person = _a_person(demo_portal)
    password = "Pg-lösen-5521-hemligt"
    _as(monkeypatch, "anna")
    code, _, err = _run(capsys, *common, "find", person["email"], *portal,
                        "--reason", "checking a caller")
    assert code == 0, err
    assert _run(capsys, *common, "officer", "add", "ivar", "--role", "auditor")[0] == 0
    assert _run(capsys, *common, "officer", "add", "bertil", "--role", "approver")[0] == 0
    _access_and_erasure_through_the_cli(capsys, monkeypatch, common, portal,
                                        person["personnummer"], tmp_path / "letters")
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    assert _run(capsys, *common, "profile", "add", "portal-pg", "--kind", "portal",
                "--backend", "postgresql", "--host", "127.0.0.1", "--database", "portal",
                "--user", "desk_reader", "--tls-mode", "require")[0] == 0
    assert _run(capsys, *common, "profile", "set-password", "portal-pg")[0] == 0
    assert password in memory_keyring.secrets.values()

    _as(monkeypatch, "ivar")  # the auditor: may verify and export, not look people up
    code, _, err = _run(capsys, *common, "find", person["personnummer"], *portal,
                        "--reason", "checking a caller")
    assert code == 4 and "ivar may not look up a person" in err
    code, _, err = _run(capsys, *common, "officer", "add", "eve", "--role", "officer")
    assert code == 4
    code, out, _ = _run(capsys, *common, "audit", "verify")
    assert code == 0 and "intact" in out
    out_csv = tmp_path / "trail.csv"
    code, _, err = _run(capsys, *common, "audit", "export", "--from", "2020-01-01",
                        "--to", date.today().isoformat(), "--format", "csv",
                        "--out", str(out_csv))
    assert code == 0, err
    actions = [r["action"] for r in csv.DictReader(io.StringIO(
        out_csv.read_text(encoding="utf-8-sig")))]
    assert {"person_searched", "person_data_viewed", "officer_added", "settings_changed",
            "login", "audit_verified"} <= set(actions)

    _as(monkeypatch, "mallory")  # not an officer at all
    code, _, err = _run(capsys, *common, "audit", "verify")
    assert code == 4 and "not an officer" in err

    # Log hygiene: the person's identifiers in several spellings, and the password.
    pnr = person["personnummer"]
    digits = re.sub(r"\D", "", pnr)
    phone_digits = re.sub(r"\D", "", person["phone"])
    needles = {pnr, digits, digits[-10:], f"{digits[-10:-4]}-{digits[-4:]}",
               person["email"], person["email"].lower(), person["phone"], phone_digits,
               person["first_name"] + " " + person["last_name"], person["last_name"],
               password}
    files = [p for p in base.rglob("*") if p.is_file() and p.suffix in {".log", ".json"}]
    assert any(p.suffix == ".log" for p in files)
    for f in files:
        content = f.read_text(encoding="utf-8")
        found = [n for n in needles if n and n in content]
        assert found == [], f"{f.name} holds {len(found)} personal value(s) or a password"


def test_a_look_up_without_a_case_needs_a_reason_and_is_audited_as_such(
        store: CaseStore, demo_portal: Path) -> None:
    """Issue 14: 'find' showed anyone's data with no case and no reason."""
    from privacy_desk.casestore.models import Case
    from privacy_desk.services.person_search import ReasonRequired

    sign_in(store, "anna")
    person = _a_person(demo_portal)
    dm = load_datamap(DEMO_MAP)
    portal = connect(str(demo_portal))
    try:
        with pytest.raises(ReasonRequired, match="needs a reason"):
            search_person(store, portal, dm, person["personnummer"], actor="anna")
        with pytest.raises(ReasonRequired, match="needs a reason"):
            search_person(store, portal, dm, person["personnummer"], actor="anna",
                          reason="   ")
        found = search_person(store, portal, dm, person["personnummer"], actor="anna",
                              reason="a caller asks what we hold")
        with pytest.raises(ReasonRequired):
            view_person_data(store, portal, dm, found.candidates[0], actor="anna")
        view_person_data(store, portal, dm, found.candidates[0], actor="anna",
                         reason="a caller asks what we hold")
        with store.sessions() as session:
            assert session.get(Case, 999) is None
        with pytest.raises(UserError, match="not in the case store"):
            search_person(store, portal, dm, person["personnummer"], actor="anna",
                          case_id=999)
    finally:
        portal.dispose()
    with store.sessions() as session:
        rows = [r for r in read_entries(session)
                if r.action in ("person_searched", "person_data_viewed")]
    assert [r.action for r in rows] == ["person_searched", "person_data_viewed"]
    for r in rows:  # the refusals wrote nothing; the looks say 'no case' and why
        assert r.case_id is None
        assert r.details["case"] == "none"
        assert r.details["reason"] == "a caller asks what we hold"
