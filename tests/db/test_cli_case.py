"""``privacy-desk case ...`` end to end on a SQLite case store, plus the queue settings."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from privacy_desk.cli import main
from privacy_desk.domain.allowance import AllowancePeriod
from privacy_desk.errors import UserError
from privacy_desk.services.queue_settings import QueueSettings

PNR = "19850714-9873"  # synthetic


Runner = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Runner:
    def _run(*argv: str) -> tuple[int, str, str]:
        code = main(["--base-dir", str(tmp_path / "home"), *argv])
        out, err = capsys.readouterr()
        return code, out, err
    return _run


def test_a_paper_request_from_registration_to_decision(run: Runner, tmp_path: Path) -> None:
    scan = tmp_path / "letter.pdf"
    scan.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert run("case", "register", "--type", "access", "--received", "2026-02-01",
               "--person", "Åsa Test", "--id", PNR, "--attach", str(scan))[0] == 0
    code, out, _ = run("case", "register", "--type", "access", "--received", "2026-03-01",
                       "--person", "Åsa T", "--id", "personnummer=850714-9873")
    assert (code, out.strip()) == (0, "PD-2026-00002: registered, due 2026-04-01")
    for name in ("anna", "bo"):  # the OS user, first in, administers the store
        assert run("officer", "add", name, "--role", "officer")[0] == 0
    assert run("case", "claim", "PD-2026-00002", "--officer", "anna")[0] == 0
    code, _, err = run("case", "claim", "pd-2026-00002", "--officer", "bo")
    assert code == 2 and "already claimed by anna" in err and "Traceback" not in err
    code, _, err = run("case", "transition", "PD-2026-00002", "in_progress")
    assert code == 2 and "identity is verified" in err
    assert run("case", "verify", "PD-2026-00002", "--method", "e-id", "--evidence",
               "BankID")[0] == 0
    # Claimed and now verified: the case is in progress without a further command.
    code, out, _ = run("case", "list", "--status", "in_progress", "--json")
    assert [r["case"] for r in json.loads(out)] == ["PD-2026-00002"]
    code, _, err = run("case", "transition", "PD-2026-00002", "answered")
    assert code == 2 and "before a decision is recorded" in err
    assert run("case", "decide", "PD-2026-00002", "--kind", "fee", "--fee", "150",
               "--reason", "Second extract within the year")[0] == 0
    assert run("case", "transition", "PD-2026-00002", "answered")[0] == 0
    code, out, _ = run("case", "history", "PD-2026-00002", "--json")
    history = json.loads(out)
    assert history["matched_on"] == ["personnummer"]
    assert [(r["case"], r["decision"], r["fee_sek"]) for r in history["requests"]] == [
        ("PD-2026-00001", None, None), ("PD-2026-00002", "fee", "150.00")]
    code, out, _ = run("case", "list", "--status", "open", "--json")
    assert [r["case"] for r in json.loads(out)] == ["PD-2026-00001"]


def test_bad_input_is_one_clear_message(run: Runner, tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("hello")
    code, _, err = run("case", "register", "--type", "access", "--received", "2026-03-01",
                       "--person", "X", "--attach", str(bad))
    assert code == 2 and "not a PDF, PNG or JPEG" in err
    code, _, err = run("case", "claim", "PD-2026-09999")
    assert code == 2 and "no case PD-2026-09999" in err
    assert run("case", "list", "--json")[1].strip() == "[]"  # nothing half-registered


def test_queue_settings(tmp_path: Path) -> None:
    f = tmp_path / "settings.json"
    assert QueueSettings.load(f) == QueueSettings()
    f.write_text(json.dumps({"queue": {"intake_interval_seconds": 60,
                                       "allowance_period": "rolling 12 months"}}))
    assert QueueSettings.load(f) == QueueSettings(60, AllowancePeriod.ROLLING_12_MONTHS)
    for bad in ({"queue": {"intake_interval_seconds": 1}}, {"queue": []},
                {"queue": {"allowance_period": "weekly"}}):
        f.write_text(json.dumps(bad))
        with pytest.raises(UserError):
            QueueSettings.load(f)
    f.write_text("{not json")
    with pytest.raises(UserError, match="cannot be read"):
        QueueSettings.load(f)


def test_a_request_by_phone_names_who_took_it(run: Runner) -> None:
    code, _, err = run("case", "register", "--type", "erasure", "--channel", "phone",
                       "--received", "2026-03-02", "--person", "Åsa Test", "--id", PNR)
    assert code == 2 and "must name who took it" in err and "Traceback" not in err
    code, out, _ = run("case", "register", "--type", "erasure", "--channel", "in_person",
                       "--taken-by", "Kundtjänst Karin", "--received", "2026-03-02",
                       "--person", "Åsa Test", "--id", PNR)
    assert code == 0 and out.startswith("PD-2026-00001: registered")
    code, out, _ = run("case", "list", "--json")
    [row] = json.loads(out)
    assert row["case"] == "PD-2026-00001"
