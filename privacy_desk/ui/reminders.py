"""Morning reminders: a desktop notification (system tray) for cases due soon or overdue.

At start, and once every morning (the first check after :data:`MORNING_HOUR` o'clock
Stockholm time on a new day, so a laptop that slept through the night still gets it), the
open cases due within N days (the setting ``reminder_days`` in settings.json, default
:data:`DEFAULT_DAYS`; 0 turns reminders off) or already overdue are read on the worker
thread (:func:`privacy_desk.services.statistics.due_reminders`). If there are any, the
tray shows one notification; clicking it opens the most urgent case
(:attr:`Reminders.open_case`). Where the desktop has no tray the status bar says it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from privacy_desk.clock import STOCKHOLM
from privacy_desk.services.context import AppContext
from privacy_desk.services.statistics import DeadlineRow, due_reminders
from privacy_desk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

#: The setting (settings.json) and its default: remind of cases due within this many days.
SETTING = "reminder_days"
DEFAULT_DAYS = 3
#: The morning's reminder comes with the first check from this hour (Stockholm time).
MORNING_HOUR = 7
#: How often the clock is looked at (the reminder itself comes once a day).
CHECK_INTERVAL_MS = 10 * 60 * 1000
#: Case numbers named in the notification before "and N more".
NAMED = 3


def reminder_days(extra: Mapping[str, Any]) -> int:
    """The setting as a number of days (0-60); a bad value gives the default."""
    try:
        days = int(extra.get(SETTING, DEFAULT_DAYS))
    except (TypeError, ValueError):
        log.warning("Setting %s is not a number; using %d", SETTING, DEFAULT_DAYS)
        return DEFAULT_DAYS
    return max(0, min(days, 60))


class Reminders(QObject):
    """Checks at start and every morning; one tray notification per check with cases."""

    #: Emitted with the case id when the notification is clicked.
    open_case = Signal(int)
    #: Emitted after each check with (title, text); empty when nothing was due.
    reminded = Signal(str, str)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None, *,
                 now: Callable[[], datetime] | None = None,
                 interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(parent)
        self._runner = runner
        self._ctx: AppContext | None = None
        self._now = now or (lambda: datetime.now(STOCKHOLM))
        self._last_day: date | None = None
        self._checking = False
        self.days = DEFAULT_DAYS
        self.rows: tuple[DeadlineRow, ...] = ()
        self.fallback: Callable[[str], None] | None = None  # e.g. the status bar
        self.tray = QSystemTrayIcon(self)
        self.tray.setObjectName("reminderTray")
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.tray.setIcon(app.windowIcon())
        self.tray.setToolTip(self.tr("Privacy Desk"))
        self.tray.messageClicked.connect(self._clicked)
        self.tray.activated.connect(self._activated)
        self.timer = QTimer(self)
        self.timer.setObjectName("reminderTimer")
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)

    def set_context(self, ctx: AppContext) -> None:
        """Start: read the setting, check now, then look at the clock every few minutes."""
        self._ctx = ctx
        self.days = reminder_days(ctx.settings.extra)
        if not self.days:
            log.info("Reminders are off (%s = 0)", SETTING)
            return
        if QSystemTrayIcon.isSystemTrayAvailable() and not self.tray.icon().isNull():
            self.tray.show()
        self.timer.start()
        self.check()

    @Slot()
    def tick(self) -> None:
        """The morning's check, once per day, from :data:`MORNING_HOUR` on."""
        now = self._now()
        if now.date() != self._last_day and now.hour >= MORNING_HOUR:
            self.check()

    @Slot()
    def check(self) -> None:
        if self._ctx is None or self._checking or not self.days:
            return
        store, days, today = self._ctx.case_store, self.days, self._now().date()
        self._checking = True
        self._last_day = today
        self._runner.submit(lambda: due_reminders(store, within_days=days, today=today),
                            lambda rows: self._on_rows(rows, today), self._on_error,
                            name="reminders")

    def _on_rows(self, rows: tuple[DeadlineRow, ...], today: date) -> None:
        self._checking = False
        self.rows = rows
        if not rows:
            self.reminded.emit("", "")
            return
        overdue = sum(1 for r in rows if r.due_on < today)
        soon = len(rows) - overdue
        title = self.tr("Privacy Desk: cases to answer")
        parts = []
        if overdue:
            parts.append(self.tr("%n case(s) overdue", "", overdue))
        if soon:
            parts.append(self.tr("%n case(s) due within {days} days", "", soon).format(
                days=self.days))
        names = ", ".join(r.case_number for r in rows[:NAMED])
        more = len(rows) - NAMED
        if more > 0:
            names += " " + self.tr("and {n} more").format(n=more)
        text = "; ".join(parts) + ". " + names + ". " + self.tr("Click to open {case}.").format(
            case=rows[0].case_number)
        if self.tray.isVisible() and QSystemTrayIcon.supportsMessages():
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 30_000)
        elif self.fallback is not None:
            self.fallback(text)
        self.reminded.emit(title, text)

    def _on_error(self, exc: BaseException) -> None:
        self._checking = False
        log.info("Reminder check failed: %s", type(exc).__name__)

    @Slot()
    def _clicked(self) -> None:
        if self.rows:
            self.open_case.emit(self.rows[0].case_id)

    @Slot(QSystemTrayIcon.ActivationReason)
    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self._clicked()

    def stop(self) -> None:
        self.timer.stop()
        self.tray.hide()
