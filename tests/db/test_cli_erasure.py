"""The erasure steps from the command line, as two officers (USER decides who is signed in)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from privacy_desk.cli import main
from privacy_desk.services.queue import case_detail
from tests.db.test_erasure import MAP_FILE, TODAY, _env
from tests.organisations import set_demo_organisation


def test_plan_approve_execute_letter_from_the_cli(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    portal = tmp_path / "p.sqlite3"
    store = tmp_path / "s.sqlite3"
    with _env(URL.create("sqlite+pysqlite", database=str(portal)),
              URL.create("sqlite+pysqlite", database=str(store))) as e:
        number = case_detail(e.store, e.case_id).case_number
    set_demo_organisation(tmp_path / "home")  # the letter is written in its name
    base = ["--base-dir", str(tmp_path / "home"), "--portal", str(portal), "--map",
            str(MAP_FILE), "--case-store", str(store)]

    def run(user: str, *args: str) -> tuple[int, str, str]:
        monkeypatch.setenv("USER", user)
        monkeypatch.setenv("LOGNAME", user)
        code = main([*base, *args])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, err = run("anna", "case", "erasure", "plan", number, "--today",
                         TODAY.isoformat())
    assert code == 0 and "draft" in out and "invoices" in out
    assert "not enforced" in err  # SQLite store: said plainly
    code, out, err = run("anna", "case", "erasure", "approve", number)
    assert code == 4 and "approve" in err  # anna has no approver role
    code, out, err = run("anna", "case", "erasure", "execute", number, "--today",
                         TODAY.isoformat())
    assert code == 2 and "not approved" in err
    code, out, _ = run("bertil", "case", "erasure", "dry-run", number)
    assert code == 0 and "DELETE row" in out
    code, out, _ = run("bertil", "case", "erasure", "approve", number)
    assert code == 0 and "approved by bertil" in out
    code, out, _ = run("anna", "case", "erasure", "execute", number, "--today",
                       TODAY.isoformat())
    assert code == 0 and "committed" in out and "verified ok" in out
    # the company's own confirmation template (settings folder) words the letter
    from privacy_desk.paths import AppPaths
    from privacy_desk.resources import resource_path

    own = AppPaths.default(tmp_path / "home").config_dir / "letters" / "sv"
    own.mkdir(parents=True)
    shipped = resource_path("letters", "templates", "sv", "erasure_confirmation.txt.j2")
    (own / "erasure_confirmation.txt.j2").write_text(
        shipped.read_text(encoding="utf-8").replace("Här är vad vi har gjort.",
                                                    "Så här har vi gjort, steg för steg."),
        encoding="utf-8")
    code, out, _ = run("anna", "case", "erasure", "letter", number, "--out", str(tmp_path))
    assert code == 0 and out.strip().endswith(tuple("0123456789abcdef"))
    [letter] = list(tmp_path.glob("raderingsbekraftelse-*.pdf"))
    from pypdf import PdfReader

    text = " ".join(" ".join((pg.extract_text() or "").split())
                    for pg in PdfReader(str(letter)).pages)
    assert "Så här har vi gjort, steg för steg." in text
    code, out, err = run("anna", "holds", "ending", "--today", "2040-01-01")
    assert code == 0 and "invoices" in out and "Bokföringslagen" in out
