"""A first start that fails says why: on stderr, in the log, with a non-zero exit.

The app is started as a user would, in a subprocess, so Qt's real fatal path runs
(Qt aborts after its message handler; the app must exit cleanly with the reason).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from privacy_desk.logging_setup import USER_NOTICE
from privacy_desk.ui.app import NoticeDialogs
from privacy_desk.ui.startup import STARTUP_FAILED


def _start(base: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "DISPLAY"}}
    environ.update(env)
    return subprocess.run([sys.executable, "-m", "privacy_desk", "--base-dir", str(base),
                           "--demo"], capture_output=True, text=True, timeout=120,
                          env=environ, check=False)


def test_a_missing_platform_plugin_is_explained_on_stderr(tmp_path: Path) -> None:
    result = _start(tmp_path, QT_QPA_PLATFORM="doesnotexist")
    assert result.returncode == STARTUP_FAILED, result.stderr
    assert "privacy-desk: could not start." in result.stderr
    assert 'Could not find the Qt platform plugin "doesnotexist"' in result.stderr
    assert "Available platform plugins are:" in result.stderr
    assert "Set QT_QPA_PLATFORM to one of the platforms" in result.stderr
    assert "Traceback" not in result.stderr
    log = (tmp_path / "logs" / "privacy-desk.log").read_text(encoding="utf-8")
    assert "Start-up failed" in log and "doesnotexist" in log
    assert not (tmp_path / "data" / "demo-portal.sqlite3").exists()  # stopped before work


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 (xcb) is Linux's")
def test_no_display_is_explained_and_the_misleading_cursor_hint_dropped(tmp_path: Path) -> None:
    result = _start(tmp_path, QT_QPA_PLATFORM="xcb", DISPLAY=":987")
    assert result.returncode == STARTUP_FAILED, result.stderr
    assert "could not connect to display :987" in result.stderr
    assert "There is no desktop display" in result.stderr
    # Qt blames xcb-cursor0 after any xcb failure; our check found the libraries there.
    assert "xcb-cursor0 or libxcb-cursor0 is needed" not in result.stderr
    assert "Traceback" not in result.stderr


def test_a_notice_from_the_worker_thread_is_shown_in_a_dialog(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialogs = NoticeDialogs(parent)
    try:
        worker = threading.Thread(target=lambda: logging.getLogger(
            "privacy_desk.casestore.migrate").warning(
                "A copy is kept at %s", "/tmp/x.sqlite3", extra={USER_NOTICE: True}))
        worker.start()
        worker.join()
        logging.getLogger("privacy_desk.casestore").warning("not for the person")
        qtbot.waitUntil(lambda: len(dialogs.shown) == 1)
        assert dialogs.shown[0].text() == "A copy is kept at /tmp/x.sqlite3"
        qtbot.wait(50)
        assert len(dialogs.shown) == 1  # an ordinary warning stays in the log
        dialogs.shown[0].close()
    finally:
        dialogs.stop()
