"""Identifiers and personal values never need the command line (issue 14).

The real CLI in a child process reads them from standard input (``-``) or a terminal
prompt; while each child runs, its ``/proc/<pid>/cmdline`` is read and must not contain
the personnummer or the name. A value given literally still works, with a warning.
"""

from __future__ import annotations

import os
import pty
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from privacy_desk.cli.personal_input import visible_warning
from tests.organisations import set_demo_organisation

ROOT = Path(__file__).resolve().parents[2]
MAP_FILE = ROOT / "resources" / "datamaps" / "demo-portal.yaml"
WARNING = visible_warning("identifier")

pytestmark = pytest.mark.skipif(not Path("/proc/self/cmdline").exists(),
                                reason="needs /proc (Linux)")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except (FileNotFoundError, ProcessLookupError):
        return b""


def run_watched(argv: list[str], stdin_text: str, secrets: list[str]
                ) -> subprocess.CompletedProcess[str]:
    """Run the CLI with ``stdin_text`` on stdin, reading its command line while it runs."""
    seen: list[bytes] = []
    with subprocess.Popen([sys.executable, "-m", "privacy_desk", *argv], cwd=ROOT,
                          env=_env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True) as proc:
        assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
        outputs: dict[str, str] = {}
        readers = [threading.Thread(target=lambda n=n, f=f: outputs.__setitem__(n, f.read()))
                   for n, f in (("out", proc.stdout), ("err", proc.stderr))]
        for r in readers:
            r.start()
        # Before standard input arrives the child waits for it, fully started: look then...
        time.sleep(0.3)
        seen.append(_cmdline(proc.pid))
        proc.stdin.write(stdin_text)
        proc.stdin.close()
        # ... and until it ends.
        while proc.poll() is None:
            seen.append(_cmdline(proc.pid))
            time.sleep(0.02)
        for r in readers:
            r.join()
    out, err = outputs["out"], outputs["err"]
    assert any(b"privacy_desk" in c for c in seen), "never saw the child's command line"
    for secret in secrets:
        for c in seen:
            assert secret.encode() not in c, f"{secret!r} was on the command line"
    return subprocess.CompletedProcess(argv, proc.returncode, out, err)


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A small demo portal and the personnummer of its first private customer."""
    path = tmp_path_factory.mktemp("portal") / "demo.sqlite3"
    subprocess.run([sys.executable, "-m", "privacy_desk", "--base-dir",
                    str(path.parent / "home"), "demo-db", str(path), "--customers", "30"],
                   cwd=ROOT, env=_env(), check=True, capture_output=True)
    with sqlite3.connect(path) as db:
        pnr = db.execute("SELECT personnummer FROM customers WHERE personnummer IS NOT NULL "
                         "AND kind = 'private' ORDER BY id LIMIT 1").fetchone()[0]
    return path, pnr


def _person(path: Path, pnr: str) -> tuple[int, str, str, str]:
    """(id, name, postcode, e-mail) of the customer with ``pnr``."""
    with sqlite3.connect(path) as db:
        cid, first, last, email = db.execute(
            "SELECT id, first_name, last_name, email FROM customers WHERE personnummer = ?",
            (pnr,)).fetchone()
        postcode = db.execute("SELECT postal_code FROM addresses WHERE customer_id = ? "
                              "ORDER BY id LIMIT 1", (cid,)).fetchone()[0]
    return int(cid), f"{first} {last}", str(postcode), str(email or "")


def test_a_full_cli_flow_keeps_the_identifier_off_the_command_line(
        portal: tuple[Path, str], tmp_path: Path) -> None:
    path, pnr = portal
    base = ["--base-dir", str(tmp_path / "home")]
    set_demo_organisation(tmp_path / "home")  # the extract is written in its name
    secrets = [pnr, pnr.replace("-", ""), "Stina Stdin"]
    received = (date.today() - timedelta(days=2)).isoformat()
    done = run_watched([*base, "case", "register", "--type", "access", "--received", received,
                        "--person", "-", "--id", "-"],
                       f"Stina Stdin\npersonnummer={pnr}\n", secrets)
    assert done.returncode == 0, done.stderr
    assert WARNING not in done.stderr and pnr not in done.stdout + done.stderr
    number = done.stdout.split(":")[0]
    cid, name, postcode, _email = _person(path, pnr)
    evidence = f"passport checked, born {pnr[:8]}"
    secrets += [name, postcode, evidence]
    done = run_watched([*base, "case", "verify", number, "--method", "signed_letter",
                        "--evidence", "-"], evidence + "\n", secrets)
    assert done.returncode == 0, done.stderr
    assert "visible to other users" not in done.stderr
    assert run_watched([*base, "case", "transition", number, "in_progress"], "",
                       secrets).returncode == 0

    done = run_watched([*base, "find", "-", "--portal", str(path), "--map", str(MAP_FILE),
                        "--case", number], pnr + "\n", secrets)
    assert done.returncode == 0, done.stderr
    assert '"personnummer"' in done.stdout and WARNING not in done.stderr
    # by name and postcode, both from standard input (name first), without a case: a reason
    done = run_watched([*base, "find", "--kind", "name", "-", "--postcode", "-", "--portal",
                        str(path), "--map", str(MAP_FILE), "--reason", "a caller asks"],
                       f"{name}\n{postcode}\n", secrets)
    assert done.returncode == 0, done.stderr
    assert '"personnummer"' in done.stdout and "visible to other users" not in done.stderr

    out = tmp_path / "out"
    out.mkdir()
    done = run_watched([*base, "export", "--portal", str(path), "--map", str(MAP_FILE),
                        "--subject", "-", "--case", number, "--out", str(out)],
                       pnr + "\n", secrets)
    assert done.returncode == 0, done.stderr
    assert f"{number}: extract written" in done.stdout and WARNING not in done.stderr
    assert sorted(p.suffix for p in out.iterdir()) == [".pdf", ".zip"]
    # The extract and the log are the officer's alone.
    assert {stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()} == {0o600}
    logs = list((tmp_path / "home").rglob("privacy-desk.log"))
    assert logs and {stat.S_IMODE(p.stat().st_mode) for p in logs} == {0o600}

    # The password line comes first, then the identifier.
    out2 = tmp_path / "out2"
    out2.mkdir()
    done = run_watched([*base, "export", "--portal", str(path), "--map", str(MAP_FILE),
                        "--subject", "-", "--case", number, "--out", str(out2),
                        "--password-stdin"], f"s3cret-pass\n{pnr}\n", [*secrets, "s3cret"])
    assert done.returncode == 0, done.stderr

    # A rectification: the row key and the corrected value from standard input, in turn.
    new_email = "stina.rattad@example.se"
    secrets += [new_email, f"id={cid}"]
    done = run_watched([*base, "case", "register", "--type", "rectification", "--received",
                        received, "--person", "-", "--id", "-"],
                       f"Stina Stdin\npersonnummer={pnr}\n", secrets)
    assert done.returncode == 0, done.stderr
    rect = done.stdout.split(":")[0]
    for argv, stdin in ((["case", "verify", rect, "--method", "e_id", "--evidence", "-"],
                         evidence + "\n"),
                        (["case", "transition", rect, "in_progress"], "")):
        assert run_watched([*base, *argv], stdin, secrets).returncode == 0
    done = run_watched([*base, "--portal", str(path), "--map", str(MAP_FILE), "case",
                        "rectify", rect, "--table", "customers", "--key", "-", "--column",
                        "email", "--value", "-", "--reason", "the person says it is wrong"],
                       f"id={cid}\n{new_email}\n", secrets)
    assert done.returncode == 0, done.stderr
    assert "corrected" in done.stdout and "visible to other users" not in done.stderr
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT email FROM customers WHERE id = ?",
                          (cid,)).fetchone()[0] == new_email


def test_a_literal_identifier_still_works_with_a_warning(portal: tuple[Path, str],
                                                         tmp_path: Path) -> None:
    path, pnr = portal
    done = subprocess.run([sys.executable, "-m", "privacy_desk", "--base-dir",
                           str(tmp_path / "home"), "find", pnr, "--reason", "test",
                           "--portal", str(path),
                           "--map", str(MAP_FILE)], cwd=ROOT, env=_env(),
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert WARNING in done.stderr and '"personnummer"' in done.stdout
    assert pnr not in done.stderr  # the warning never repeats it


@pytest.mark.parametrize(("argv", "words"), [
    (["find", "-", "--portal", "x.sqlite3", "--map", "m.yaml", "--reason", "r"],
     "No identifier on standard input (IDENTIFIER -)"),
    (["find", "--portal", "x.sqlite3", "--map", "m.yaml", "--reason", "r"],
     "No identifier was given"),
    (["find", "-", "--portal", "x.sqlite3", "--map", "m.yaml"],
     "A look-up without a case needs a reason"),
    (["case", "verify", "PD-2026-00001", "--method", "e_id", "--evidence", "-"],
     "No evidence on standard input (--evidence -)"),
    (["case", "rectify", "PD-2026-00001", "--table", "t", "--key", "-", "--column", "c",
      "--value", "-", "--reason", "r"], "No row key on standard input (--key -)"),
    (["export", "--portal", "x", "--map", "m", "--out", ".", "--subject", "-"],
     "No identifier on standard input (--subject -)"),
    (["export", "--portal", "x", "--map", "m", "--out", "."], "No identifier was given"),
    (["case", "register", "--type", "access", "--received", "2026-02-01", "--person", "-"],
     "No name on standard input (--person -)"),
    (["case", "rectify", "PD-2026-00001", "--table", "t", "--key", "id=1", "--column", "c",
      "--value", "-", "--reason", "r"], "No corrected value on standard input (--value -)"),
])
def test_nothing_on_standard_input_is_a_clear_error(tmp_path: Path, argv: list[str],
                                                    words: str) -> None:
    done = subprocess.run([sys.executable, "-m", "privacy_desk", "--base-dir",
                           str(tmp_path / "home"), *argv], cwd=ROOT, env=_env(),
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False)
    assert done.returncode == 2, done.stderr
    assert words in done.stderr and "Traceback" not in done.stderr


def test_a_terminal_is_asked_and_the_answer_is_not_printed_back(portal: tuple[Path, str],
                                                                tmp_path: Path) -> None:
    path, pnr = portal
    master, slave = pty.openpty()
    with subprocess.Popen([sys.executable, "-m", "privacy_desk", "--base-dir",
                           str(tmp_path / "home"), "find", "--reason", "test", "--portal",
                           str(path), "--map",
                           str(MAP_FILE)], cwd=ROOT, env=_env(), stdin=slave,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
        os.close(slave)
        try:
            # The terminal echoes the answer back to itself (a few bytes: it never fills).
            os.write(master, (pnr + "\n").encode())
            out, err = proc.communicate(timeout=120)
        finally:
            os.close(master)
    assert proc.returncode == 0, err
    assert "Identifier: " in err and WARNING not in err
    assert pnr not in err  # the prompt's answer is not printed back
    assert '"personnummer"' in out
