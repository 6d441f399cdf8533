"""``privacy-desk organisation show|set`` on a real settings file and case store."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from privacy_desk.cli import main

Runner = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Runner:
    def _run(*argv: str) -> tuple[int, str, str]:
        code = main(["--base-dir", str(tmp_path / "home"), *argv])
        out, err = capsys.readouterr()
        return code, out, err
    return _run


def test_set_show_and_refusals(run: Runner) -> None:
    code, _, err = run("organisation", "show")
    assert code == 2 and "No organisation is set" in err and "Traceback" not in err
    code, out, _ = run("organisation", "set", "--name", "Provbolaget Värme AB", "--orgnr",
                       "5560000001", "--address", "Provgatan 2", "--postal", "111 22 Provstad",
                       "--email", "integritet@provbolaget.example", "--phone", "010-111 11 11",
                       "--text", "transfers.sv=Inga överföringar utanför EU/EES.")
    assert code == 0 and "556000-0001" in out
    code, out, _ = run("organisation", "set", "--dpo", "Ombud Provsson, dso@provbolaget.example")
    assert code == 0
    code, out, _ = run("organisation", "show", "--json")
    data = json.loads(out)
    assert data["legal_name"] == "Provbolaget Värme AB"  # kept by the second set
    assert data["dpo"].startswith("Ombud Provsson")
    assert data["texts"] == {"transfers": {"sv": "Inga överföringar utanför EU/EES."}}
    code, _, err = run("organisation", "set", "--orgnr", "556000-0000")
    assert code == 2 and "not a valid Swedish organisation number" in err
    code, _, err = run("organisation", "set", "--text", "weather.sv=x")
    assert code == 2 and "KEY.LANG=TEXT" in err
    code, out, _ = run("organisation", "show")
    assert "556000-0001" in out and "transfers.en (default)" in out
