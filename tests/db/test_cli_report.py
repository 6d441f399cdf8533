"""``privacy-desk report --year ... --format pdf|csv --out FILE`` on a SQLite case store."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy.engine import URL

from privacy_desk.casestore import open_case_store
from privacy_desk.cli import main
from tests.stats_store import fill


@pytest.fixture
def store_url(sqlite_url: URL) -> str:
    store = open_case_store(sqlite_url, actor="bench")
    try:
        fill(store)  # no officers yet: the OS user running the command becomes the first
    finally:
        store.close()
    return sqlite_url.render_as_string(hide_password=False)


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["--base-dir", str(tmp_path / "home"), *argv])
    return code, capsys.readouterr().err


def test_the_report_command_writes_pdf_and_csv(store_url: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    pdf = tmp_path / "out" / "arsrapport.pdf"
    code, err = run(tmp_path, capsys, "--case-store", store_url, "report", "--year", "2026",
                    "--format", "pdf", "--out", str(pdf))
    assert code == 0, err
    assert "9 requests, 5 answered" in err
    first = PdfReader(pdf).pages[0].extract_text()
    assert "Årsrapport 2026" in first and "Inkomna begäranden" in first
    out = tmp_path / "report.csv"
    code, err = run(tmp_path, capsys, "--case-store", store_url, "report", "--year", "2026",
                    "--format", "csv", "--out", str(out), "--lang", "en")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["section", "key", "detail", "label", "value"]
    assert ["summary", "received", "", "Requests received", "9"] in rows
    assert ["channel", "portal", "", "Customer portal", "6"] in rows


def test_the_pdf_footer_names_the_organisation(store_url: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from privacy_desk.organisation import DEMO_ORGANISATION, save_organisation
    from privacy_desk.paths import AppPaths

    paths = AppPaths.default(tmp_path / "home")
    paths.ensure()
    save_organisation(paths, DEMO_ORGANISATION)
    pdf = tmp_path / "arsrapport.pdf"
    code, err = run(tmp_path, capsys, "--case-store", store_url, "report", "--year", "2026",
                    "--out", str(pdf))
    assert code == 0, err
    last = PdfReader(pdf).pages[-1].extract_text().replace("\u00a0", " ")
    assert "Kundportalen Energi AB, org.nr 556000-0001 · Skapad" in last


def test_a_year_before_the_gdpr_is_a_clear_message(store_url: str, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "r.pdf"
    code, err = run(tmp_path, capsys, "--case-store", store_url, "report", "--year", "1999",
                    "--out", str(target))
    assert code != 0 and "no yearly report for 1999" in err and "Traceback" not in err
    assert not target.exists()
