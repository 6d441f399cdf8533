"""Lock the window after a configurable idle time, so personal data is not left on screen.

An application-wide event filter restarts a timer on every key press, mouse click or
wheel turn; when it fires, an opaque overlay covers the whole window until the officer
clicks "Unlock". Wire it with ``IdleLock(window, minutes=settings.idle_lock_minutes)``
(0 turns it off).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
             QEvent.Type.MouseMove}


class LockOverlay(QWidget):
    """Covers its parent completely; only the Unlock button is reachable."""

    unlocked = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("idleLockOverlay")
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        self.label = QLabel(self.tr("Privacy Desk is locked because it was not used for a "
                                    "while."), self)
        self.button = QPushButton(self.tr("Unlock"), self)
        self.button.clicked.connect(self._unlock)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        layout.addStretch(1)
        self.hide()

    def cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.button.setFocus()

    def _unlock(self) -> None:
        self.hide()
        self.unlocked.emit()


class IdleLock(QObject):
    """Locks ``window`` after ``minutes`` without input (``interval_ms`` for tests)."""

    locked = Signal()

    def __init__(self, window: QWidget, *, minutes: int = 10,
                 interval_ms: int | None = None) -> None:
        super().__init__(window)
        self.overlay = LockOverlay(window)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.overlay.unlocked.connect(self._restart)
        ms = interval_ms if interval_ms is not None else minutes * 60_000
        self.timer.setInterval(ms)
        app = QApplication.instance()
        if ms > 0 and app is not None:
            app.installEventFilter(self)
            self.timer.start()

    @property
    def is_locked(self) -> bool:
        return self.overlay.isVisible()

    def lock(self) -> None:
        self.overlay.cover()
        self.locked.emit()

    def _restart(self) -> None:
        if self.timer.interval() > 0:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and not self.is_locked:
            self.timer.start()
        return False
