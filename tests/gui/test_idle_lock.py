"""The idle lock covers the window after the idle time; input postpones it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMainWindow
from pytestqt.qtbot import QtBot

from privacy_desk.ui.idle_lock import IdleLock

pytestmark = pytest.mark.gui


def test_window_locks_when_idle_and_unlocks_on_click(qtbot: QtBot) -> None:
    window = QMainWindow()
    window.setCentralWidget(QLineEdit("case PD-2026-000001"))
    qtbot.addWidget(window)
    window.resize(400, 300)
    window.show()
    lock = IdleLock(window, interval_ms=150)
    assert not lock.is_locked
    with qtbot.waitSignal(lock.locked, timeout=2000):
        pass
    assert lock.is_locked
    assert lock.overlay.geometry() == window.rect()
    qtbot.mouseClick(lock.overlay.button, Qt.MouseButton.LeftButton)
    assert not lock.is_locked


def test_typing_postpones_the_lock(qtbot: QtBot) -> None:
    window = QMainWindow()
    edit = QLineEdit()
    window.setCentralWidget(edit)
    qtbot.addWidget(window)
    window.show()
    lock = IdleLock(window, interval_ms=400)
    for _ in range(6):
        qtbot.wait(120)
        qtbot.keyClick(edit, Qt.Key.Key_A)
    assert not lock.is_locked  # 720 ms passed, but never 400 ms without input
    qtbot.waitUntil(lambda: lock.is_locked, timeout=2000)


def test_zero_minutes_never_locks(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    lock = IdleLock(window, minutes=0)
    assert not lock.timer.isActive()
