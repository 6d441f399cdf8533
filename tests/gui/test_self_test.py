"""The whole app started as a user would, in a real subprocess: ``--demo --self-test``."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.gui.conftest import DEMO_MAP_FILE


def _run(*args: str, base: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "privacy_desk", "--base-dir", str(base), *args],
        capture_output=True, text=True, timeout=600, env=env, check=False,
    )


def test_demo_self_test_builds_the_portal_imports_and_shows_the_queue(tmp_path: Path) -> None:
    first = _run("--demo", "--self-test", base=tmp_path)
    assert first.returncode == 0, first.stderr
    match = re.search(r"self-test ok: (\d+) cases in the queue", first.stdout)
    assert match, first.stdout
    assert int(match.group(1)) > 0
    assert (tmp_path / "data" / "demo-portal.sqlite3").exists()
    assert (tmp_path / "data" / "casestore.sqlite3").exists()

    # The second start reuses the portal and imports nothing twice.
    second = _run("--demo", "--self-test", base=tmp_path)
    assert second.returncode == 0, second.stderr
    assert f"self-test ok: {match.group(1)} cases" in second.stdout


def test_self_test_fails_with_the_reason_and_no_traceback(tmp_path: Path) -> None:
    result = _run("--portal", "postgresql://nobody@127.0.0.1:1/none", "--map",
                  str(DEMO_MAP_FILE), "--self-test", base=tmp_path)
    assert result.returncode == 1
    # The desk speaks Swedish by default, and names the server without its URL.
    assert ("self-test FAILED: Det går inte att nå databasservern för 127.0.0.1:1/none."
            in result.stderr)
    assert "postgresql://" not in result.stderr
    assert "Traceback" not in result.stderr
    english = _run("--lang", "en", "--portal", "postgresql://nobody@127.0.0.1:1/none", "--map",
                   str(DEMO_MAP_FILE), "--self-test", base=tmp_path)
    assert ("self-test FAILED: Cannot reach the database server for 127.0.0.1:1/none."
            in english.stderr)


def test_no_portal_configured_is_explained(tmp_path: Path) -> None:
    result = _run("--self-test", base=tmp_path)
    assert result.returncode == 1
    assert "Ingen portaldatabas är inställd" in result.stderr
    assert "--demo" in result.stderr


def test_a_real_portal_needs_a_data_map(tmp_path: Path) -> None:
    result = _run("--portal", str(tmp_path / "p.sqlite3"), "--self-test", base=tmp_path)
    assert result.returncode == 1
    assert "Ingen datakarta är angiven" in result.stderr
