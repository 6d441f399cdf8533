"""The overview tab, the yearly report dialog and the morning reminders (issue 15).

On the hand-counted store of ``tests/stats_store.py`` the widgets must show exactly its
figures; in the real main window the overview is the first tab, and clicking a deadline
opens that case in the queue. Clicks are real (pytest-qt), offscreen.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import URL

from privacy_desk.casestore import CaseStore, open_case_store
from privacy_desk.clock import STOCKHOLM
from privacy_desk.config import Settings
from privacy_desk.domain.lifecycle import OPEN_STATUSES
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.services.cases import register_case
from privacy_desk.ui.app import install_translations
from privacy_desk.ui.main_window import MainWindow
from privacy_desk.ui.overview_tab import OverviewTab
from privacy_desk.ui.reminders import DEFAULT_DAYS, Reminders, reminder_days
from privacy_desk.ui.tasks import TaskRunner
from privacy_desk.ui.year_report_dialog import YearReportDialog
from tests.officers import staff
from tests.stats_store import EXPECTED, TODAY, fill

pytestmark = pytest.mark.gui


@pytest.fixture
def filled(sqlite_url: URL) -> Iterator[tuple[CaseStore, dict[str, int]]]:
    store = open_case_store(sqlite_url, actor="anna")
    staff(store, "anna")
    ids = fill(store)
    try:
        yield store, ids
    finally:
        store.close()


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.shutdown()


def _ctx(store: CaseStore, **extra: Any) -> Any:
    """What the widgets use of an AppContext: the real case store and the settings."""
    return SimpleNamespace(case_store=store, settings=Settings(extra=extra))


def _click_row(qtbot: QtBot, table: Any, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_overview_shows_the_hand_counted_figures(
        qtbot: QtBot, runner: TaskRunner, filled: tuple[CaseStore, dict[str, int]]) -> None:
    store, ids = filled
    tab = OverviewTab(runner)
    qtbot.addWidget(tab)
    tab.resize(1024, 700)
    tab.show()
    tab.today = TODAY
    tab.set_context(_ctx(store))
    with qtbot.waitSignal(tab.loaded, timeout=20_000):
        qtbot.mouseClick(tab.refresh_button, Qt.MouseButton.LeftButton)
    assert tab.open_figure.value.text() == str(EXPECTED["open"])
    assert tab.soon_figure.value.text() == str(EXPECTED["due_soon"])
    assert tab.overdue_figure.value.text() == str(EXPECTED["overdue"])
    assert tab.on_time_figure.value.text() == "80 %"
    assert tab.median_figure.value.text() == "31"
    month = tab.month_chart
    assert len(month.categories) == 12 and month.categories[0] == "Jan"
    assert sum(month.stack(i) for i in range(12)) == EXPECTED["total"]
    assert tab.on_time_chart.series[0].values[0] == 50  # January: one of two on time
    assert tab.on_time_chart.series[0].values[1] is None  # February: nothing answered
    assert "PD" not in tab.channel_chart.describe() and "6" in tab.channel_chart.describe()
    numbers = [tab.deadlines.item(r, 1).text() for r in range(tab.deadlines.rowCount())]
    assert numbers == ["PD-2026-00009", "PD-2026-00008", "PD-2026-00007"]
    assert tab.deadlines.item(0, 0).toolTip() == "Overdue"
    assert tab.holds.rowCount() == 1 and tab.holds.item(0, 1).text() == "PD-2025-00001"
    with qtbot.waitSignal(tab.open_case, timeout=2_000) as opened:
        _click_row(qtbot, tab.deadlines, 1)
    assert opened.args == [ids["PD-2026-00008"]]
    with qtbot.waitSignal(tab.open_case, timeout=2_000) as opened:
        _click_row(qtbot, tab.holds, 0)
    assert opened.args == [ids["PD-2025-00001"]]
    tab.grab()  # paints every chart once: no warning, no exception


def test_a_failed_read_says_so_in_words(qtbot: QtBot, runner: TaskRunner,
                                        filled: tuple[CaseStore, dict[str, int]]) -> None:
    store, _ = filled
    tab = OverviewTab(runner)
    qtbot.addWidget(tab)
    tab.set_context(_ctx(dataclasses.replace(store, actor="mallory")))  # not an officer
    with qtbot.waitSignal(tab.failed, timeout=20_000) as failed:
        tab.load()
    assert "mallory is not an officer" in failed.args[0]
    assert "Traceback" not in tab.status.text()


def test_reminders_at_start_and_each_morning_and_a_click_opens_the_case(
        qtbot: QtBot, runner: TaskRunner, filled: tuple[CaseStore, dict[str, int]]) -> None:
    store, ids = filled
    clock = [datetime(2026, 12, 1, 6, 30, tzinfo=STOCKHOLM)]
    reminders = Reminders(runner, now=lambda: clock[0], interval_ms=60_000)
    shown: list[str] = []
    reminders.fallback = shown.append
    with qtbot.waitSignal(reminders.reminded, timeout=20_000) as note:
        reminders.set_context(_ctx(store, reminder_days=7))
    title, text = note.args
    assert "1 case(s) overdue" in text and "1 case(s) due within 7 days" in text
    assert "PD-2026-00009, PD-2026-00008" in text and title
    assert reminders.timer.isActive()
    if not reminders.tray.isVisible():
        assert shown == [text]  # no tray on this desktop: the status bar says it
    with qtbot.waitSignal(reminders.open_case, timeout=2_000) as opened:
        reminders.tray.messageClicked.emit()  # what the desktop sends on a click
    assert opened.args == [ids["PD-2026-00009"]]
    # The same day: no second notification. The next morning, from 07:00: one.
    clock[0] = datetime(2026, 12, 1, 11, 0, tzinfo=STOCKHOLM)
    with qtbot.assertNotEmitted(reminders.reminded, wait=300):
        reminders.tick()
    clock[0] = datetime(2026, 12, 2, 6, 59, tzinfo=STOCKHOLM)
    with qtbot.assertNotEmitted(reminders.reminded, wait=300):
        reminders.tick()
    clock[0] = datetime(2026, 12, 2, 7, 5, tzinfo=STOCKHOLM)
    with qtbot.waitSignal(reminders.reminded, timeout=20_000):
        reminders.tick()
    reminders.stop()


def test_the_reminder_setting() -> None:
    assert reminder_days({}) == DEFAULT_DAYS
    assert reminder_days({"reminder_days": "5"}) == 5
    assert reminder_days({"reminder_days": "soon"}) == DEFAULT_DAYS
    assert reminder_days({"reminder_days": 400}) == 60
    assert reminder_days({"reminder_days": 0}) == 0


def test_reminders_off_read_nothing(qtbot: QtBot, runner: TaskRunner,
                                    filled: tuple[CaseStore, dict[str, int]]) -> None:
    store, _ = filled
    reminders = Reminders(runner)
    with qtbot.assertNotEmitted(reminders.reminded, wait=300):
        reminders.set_context(_ctx(store, reminder_days=0))
    assert not reminders.timer.isActive()


def test_the_dialog_writes_the_yearly_report(qtbot: QtBot, runner: TaskRunner, tmp_path: Path,
                                             filled: tuple[CaseStore, dict[str, int]]) -> None:
    from pypdf import PdfReader

    from privacy_desk.organisation import DEMO_ORGANISATION, save_organisation
    from privacy_desk.paths import AppPaths

    store, _ = filled
    paths = AppPaths.default(tmp_path / "home")
    paths.ensure()
    save_organisation(paths, DEMO_ORGANISATION)
    dialog = YearReportDialog(runner, SimpleNamespace(case_store=store, settings=Settings(),
                                                      paths=paths))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.focusWidget() in (dialog.year, None) or dialog.year.hasFocus()
    dialog.year.setValue(2026)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert dialog.path.text().endswith("2026.csv")
    target = tmp_path / "reports" / "year.csv"
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.written, timeout=20_000):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert target.read_text(encoding="utf-8-sig").startswith("section,key")
    assert "9 request(s) received in 2026" in dialog.result_label.text()
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    pdf = tmp_path / "reports" / "year.pdf"
    dialog.path.setText(str(pdf))
    with qtbot.waitSignal(dialog.written, timeout=20_000):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "Kundportalen Energi AB, corporate identity number 556000-0001" in (
        PdfReader(pdf).pages[0].extract_text())  # the footer, in the dialog's language
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    dialog.path.setText(str(blocker / "year.csv"))
    with qtbot.waitSignal(dialog.failed, timeout=20_000) as failed:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "Cannot write the report" in failed.args[0]
    assert dialog.create_button.isEnabled()


def test_the_window_opens_on_the_overview_and_a_deadline_opens_its_case(
        qtbot: QtBot, window: MainWindow) -> None:
    assert window.tabs.tabText(0) == "Overview"
    if not window.overview_panel.data:
        with qtbot.waitSignal(window.overview_panel.loaded, timeout=30_000):
            pass
    assert window.tabs.currentIndex() == window.overview_tab
    data = window.overview_panel.data
    assert data is not None
    rows = [window.model.row_at(i) for i in range(window.model.rowCount())]
    open_rows = [r for r in rows if r.status in OPEN_STATUSES]
    assert data.counts.open == len(open_rows)
    assert window.overview_panel.open_figure.value.text() == str(len(open_rows))
    assert window.overview_panel.deadlines.rowCount() > 0
    first = window.overview_panel.deadlines.item(0, 0).data(Qt.ItemDataRole.UserRole + 41)
    _click_row(qtbot, window.overview_panel.deadlines, 0)
    assert window.tabs.currentIndex() == window.queue_tab
    assert window.current_case_id() == first
    with qtbot.waitSignal(window.overview_panel.loaded, timeout=30_000):
        window.tabs.setCurrentIndex(window.overview_tab)  # back: the figures are read again
    dialog = window.open_year_report()
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def test_figures_use_the_interface_number_format(qapp: object) -> None:
    """A median of 17.5 days reads "17,5" in the Swedish desk (and "17.5" in English)."""
    from PySide6.QtCore import QLocale

    from privacy_desk.ui.overview_tab import _number

    before = QLocale()
    try:
        QLocale.setDefault(QLocale("sv"))
        assert (_number(17.5), _number(23)) == ("17,5", "23")
        QLocale.setDefault(QLocale("en"))
        assert _number(17.5) == "17.5"
    finally:
        QLocale.setDefault(before)


def test_english_counts_have_their_plurals(qtbot: QtBot, qapp: QApplication,
                                           runner: TaskRunner, sqlite_url: URL) -> None:
    """English is the source language, yet Qt's "%n request(s)" needs the English .qm:
    with it the overview says "1 request" and "2 requests", never "(s)"."""
    store = open_case_store(sqlite_url, actor="anna")
    staff(store, "anna")
    translators = install_translations(qapp, "en")
    try:
        tab = OverviewTab(runner)
        qtbot.addWidget(tab)
        tab.today = TODAY
        tab.set_context(_ctx(store))
        for words in ("1 request received", "2 requests received"):
            register_case(store, request_type=RequestType.ACCESS, channel=Channel.PAPER,
                          received_on=TODAY, person_label="Testperson", actor="anna",
                          today=TODAY)
            with qtbot.waitSignal(tab.loaded, timeout=20_000):
                tab.load()
            assert words in tab.status.text() and "(s)" not in tab.status.text()
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        store.close()
