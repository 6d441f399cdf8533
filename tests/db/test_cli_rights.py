"""Portability, restriction and objection from the command line (real SQLite files)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from privacy_desk.cli import main
from privacy_desk.domain.requests import RequestType
from privacy_desk.paths import AppPaths
from privacy_desk.services.organisation import ensure_demo_organisation
from privacy_desk.services.queue import case_detail
from tests.db.test_erasure import MAP_FILE, _case, _env

Run = Callable[..., tuple[int, str, str]]


def _setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
           capsys: pytest.CaptureFixture[str]) -> tuple[Run, dict[RequestType, str]]:
    portal = tmp_path / "p.sqlite3"
    store = tmp_path / "s.sqlite3"
    numbers = {}
    with _env(URL.create("sqlite+pysqlite", database=str(portal)),
              URL.create("sqlite+pysqlite", database=str(store))) as e:
        for kind in (RequestType.PORTABILITY, RequestType.RESTRICTION, RequestType.OBJECTION):
            numbers[kind] = case_detail(e.store, _case(e.store, e.pnr, kind)).case_number
    # letters are written in the organisation's name: the demo company's here
    ensure_demo_organisation(AppPaths.default(tmp_path / "home").ensure())
    base = ["--base-dir", str(tmp_path / "home"), "--portal", str(portal), "--map",
            str(MAP_FILE), "--case-store", str(store)]

    def run(*args: str) -> tuple[int, str, str]:
        monkeypatch.setenv("USER", "anna")
        monkeypatch.setenv("LOGNAME", "anna")
        code = main([*base, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run, numbers


def test_rights_from_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    run, n = _setup(tmp_path, monkeypatch, capsys)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    po, re_, ob = n[RequestType.PORTABILITY], n[RequestType.RESTRICTION], n[RequestType.OBJECTION]

    code, out, _ = run("case", "portability", "preview", po)
    assert code == 0 and "include invoices" in out and "amount_sek" in out
    code, out, err = run("case", "portability", "transfer", po, "--to", "Annan AB",
                         "--channel", "SFTP")
    assert code == 2 and "no portability copy" in err and "Traceback" not in err
    code, out, _ = run("case", "portability", "export", po, "--out", str(out_dir))
    assert code == 0 and list(out_dir.glob("dataportabilitet-*.zip"))
    code, out, _ = run("case", "portability", "transfer", po, "--to", "Annan AB",
                       "--channel", "SFTP", "--sent-on", "2026-11-22")
    assert code == 0 and "sent to Annan AB" in out

    code, out, _ = run("case", "restriction", "plan", re_, "--ground", "legal_claims",
                       "--reason", "needed for a dispute", "--review-on", "2027-03-01")
    assert code == 0 and "draft" in out and "register" in out
    code, out, _ = run("case", "restriction", "dry-run", re_)
    assert code == 0 and "processing_restricted: 0 -> True" in out
    code, out, _ = run("case", "restriction", "apply", re_)
    assert code == 0 and "active" in out
    code, out, _ = run("restrictions", "active")
    assert code == 0 and re_ in out and "2027-03-01" in out
    code, _, err = run("case", "restriction", "lift", re_)
    assert code == 2 and "not been told" in err
    code, out, _ = run("case", "restriction", "notice", re_, "--out", str(out_dir),
                       "--reason", "the dispute is settled")
    assert code == 0 and "havande-av-begransning" in out
    code, out, _ = run("case", "restriction", "lift", re_)
    assert code == 0 and "lifted" in out

    code, out, _ = run("case", "objection", "stop-marketing", ob)
    assert code == 0 and "every marketing channel is closed" in out
    code, out, _ = run("case", "objection", "decide", ob, "--outcome", "stop", "--then",
                       "erasure", "--reason", "no compelling grounds")
    assert code == 0 and "then erasure" in out
    code, out, _ = run("case", "objection", "letter", ob, "--out", str(out_dir))
    assert code == 0 and list(out_dir.glob("invandning-*.pdf"))
