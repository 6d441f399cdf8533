"""The main window driven as an officer uses it: mouse, keys, offscreen."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from privacy_desk.casestore.models import Case
from privacy_desk.paths import AppPaths
from privacy_desk.services.context import open_context
from privacy_desk.ui.main_window import MainWindow
from privacy_desk.ui.queue_model import CASE_ID_ROLE, Col
from privacy_desk.ui.tasks import TaskRunner
from tests.gui.conftest import DEMO_MAP_FILE


def _cases_in_store(win: MainWindow) -> int:
    assert win.ctx is not None
    with win.ctx.case_store.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(Case)) or 0)


def test_queue_shows_every_imported_request(window: MainWindow) -> None:
    shown = window.proxy.rowCount()
    assert shown > 0
    assert shown == _cases_in_store(window)


def test_status_bar_names_portal_and_case_store(window: MainWindow) -> None:
    assert "portal.sqlite3" in window.portal_label.text()
    assert "casestore.sqlite3" in window.store_label.text()
    assert window.counts_label.text()  # open / due / overdue counts are shown


def test_typing_in_the_filter_narrows_the_queue(window: MainWindow, qtbot: QtBot) -> None:
    first_case = window.proxy.index(0, Col.CASE).data()
    qtbot.keyClicks(window.filter_edit, first_case)
    assert window.proxy.rowCount() == 1
    assert window.proxy.index(0, Col.CASE).data() == first_case
    window.filter_edit.clear()
    assert window.proxy.rowCount() == window.model.rowCount()


def test_clicking_a_header_sorts_by_that_column(window: MainWindow, qtbot: QtBot) -> None:
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(Col.RECEIVED) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, 5))
    received = [window.proxy.index(r, Col.RECEIVED).data()
                for r in range(window.proxy.rowCount())]
    assert received in (sorted(received), sorted(received, reverse=True))
    assert window.table.horizontalHeader().sortIndicatorSection() == Col.RECEIVED


def test_clicking_a_case_shows_its_details_and_events(window: MainWindow, qtbot: QtBot) -> None:
    rect = window.table.visualRect(window.proxy.index(0, Col.CASE))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    case_number = window.proxy.index(0, Col.CASE).data()
    qtbot.waitUntil(lambda: case_number in window.detail.toPlainText(), timeout=10_000)
    text = window.detail.toPlainText()
    assert "Imported from the portal" in text  # the intake event is listed


def test_arrow_keys_move_through_the_queue(window: MainWindow, qtbot: QtBot) -> None:
    window.table.setFocus()
    window.table.selectRow(0)
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    second = window.proxy.index(1, Col.CASE)
    assert window.current_case_id() == window.proxy.data(second, CASE_ID_ROLE)
    qtbot.waitUntil(lambda: second.data() in window.detail.toPlainText(), timeout=10_000)


def test_refresh_imports_nothing_twice(window: MainWindow, qtbot: QtBot) -> None:
    before = _cases_in_store(window)
    with qtbot.waitSignal(window.queue_loaded, timeout=30_000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_F5)
    assert blocker.args == [before]
    assert _cases_in_store(window) == before


def test_unreachable_portal_says_so_without_a_traceback(
    qtbot: QtBot, app_paths: AppPaths
) -> None:
    runner = TaskRunner()
    connect = partial(open_context, app_paths,
                      portal="postgresql://nobody@127.0.0.1:1/none", datamap=DEMO_MAP_FILE)
    win = MainWindow(runner, connect, show_error_dialogs=False)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.load_failed, timeout=30_000) as blocker:
        win.start()
    message = blocker.args[0]
    assert "Cannot reach the database server" in message
    assert "Traceback" not in message
    assert win.proxy.rowCount() == 0
    win.close()
