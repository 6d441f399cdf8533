"""The desk that leads, driven with keys and clicks: claim and verify start the work, the
export offers "mark answered", views and menus by keyboard, dialogs that keep typed input,
and a layout that is remembered."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from privacy_desk.domain.lifecycle import TERMINAL_STATUSES, CaseStatus
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.paths import AppPaths
from privacy_desk.services.cases import register_case
from privacy_desk.services.context import open_context
from privacy_desk.services.queue import case_detail
from privacy_desk.ui.case_dialogs import RegisterDialog, VerifyIdentityDialog
from privacy_desk.ui.help import KeyboardHelp
from privacy_desk.ui.main_window import MainWindow
from privacy_desk.ui.queue_filter import QueueView
from privacy_desk.ui.queue_model import CASE_ID_ROLE, Col
from privacy_desk.ui.tasks import TaskRunner
from tests.gui.conftest import DEMO_MAP_FILE


def _select(win: MainWindow, qtbot: QtBot, case_id: int) -> None:
    pos = win.model.position_of(case_id)
    assert pos is not None
    index = win.proxy.mapFromSource(win.model.index(pos, Col.CASE))
    assert index.isValid()
    rect = win.table.visualRect(index)
    with qtbot.waitSignal(win.case_shown, timeout=10_000):
        qtbot.mouseClick(win.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _status(win: MainWindow, case_id: int) -> str:
    pos = win.model.position_of(case_id)
    assert pos is not None
    return str(win.model.index(pos, Col.STATUS).data())


def _portal_person(portal: Path) -> str:
    engine = create_engine(f"sqlite:///{portal}")
    try:
        with engine.connect() as conn:
            return str(conn.execute(text(
                "SELECT personnummer FROM customers WHERE personnummer IS NOT NULL "
                "ORDER BY id LIMIT 1")).scalar_one())
    finally:
        engine.dispose()


def test_claim_verify_export_and_mark_answered(window: MainWindow, qtbot: QtBot,
                                               small_portal: Path, tmp_path: Path) -> None:
    ctx = window.ctx
    assert ctx is not None
    d = register_case(ctx.case_store, request_type=RequestType.ACCESS, channel=Channel.PAPER,
                      received_on=date.today() - timedelta(days=3),
                      person_label="Testperson Desk", identifiers=[(None,
                                                                  _portal_person(small_portal))])
    with qtbot.waitSignal(window.queue_loaded, timeout=30_000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    _select(window, qtbot, d.case_id)
    assert not window.answer_action.isEnabled()
    assert "not in progress" in window.answer_action.toolTip()

    with qtbot.waitSignal(window.action_done, timeout=20_000):
        qtbot.keyClick(window.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert _status(window, d.case_id) == "Received"  # claimed, but nobody is verified yet

    qtbot.keyClick(window.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    dialog = window.active_dialog
    assert isinstance(dialog, VerifyIdentityDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.method_combo, timeout=5_000)
    qtbot.keyClick(dialog.method_combo, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Signed letter matches the record")
    with qtbot.waitSignal(window.action_done, timeout=20_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    # Claimed and verified: the work has started, with no status dialog.
    assert _status(window, d.case_id) == "In progress"
    assert window.preview_action.isEnabled()

    panel = window.preview_panel
    with qtbot.waitSignals([panel.preview_loaded, panel.candidates_found], timeout=30_000,
                           order="none", raising=False):
        qtbot.keyClick(window.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    if panel.preview is None:  # several people match: choose the first, as an officer does
        with qtbot.waitSignal(panel.preview_loaded, timeout=20_000):
            panel._on_candidate(0)
    panel.folder_edit.setText(str(tmp_path))
    with qtbot.waitSignal(window.case_actions.answer_offered, timeout=60_000):
        qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    box = window.case_actions.answer_offer
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert d.case_number in box.text()
    with qtbot.waitSignal(window.action_done, timeout=20_000):
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert case_detail(ctx.case_store, d.case_id).status is CaseStatus.ANSWERED
    assert _status(window, d.case_id) == "Answered"


def test_views_menus_and_keyboard_help(window: MainWindow, qtbot: QtBot) -> None:
    shown = [window.proxy.index(r, 0).data(CASE_ID_ROLE) for r in range(window.proxy.rowCount())]
    ctx = window.ctx
    assert ctx is not None
    # "All open" is where the desk starts: nothing closed in it.
    assert window.queue_panel.queue_view is QueueView.OPEN
    statuses = {window.model.row_of(c).status for c in shown}  # type: ignore[union-attr]
    assert statuses and not statuses & TERMINAL_STATUSES
    assert [m.title() for m in (window.file_menu, window.case_menu, window.view_menu,
                                window.help_menu)] == ["&File", "&Case", "&View", "&Help"]
    qtbot.keyClick(window.table, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.queue_panel.queue_view is QueueView.CLOSED
    assert window.view_actions[QueueView.CLOSED].isChecked()
    closed = {window.proxy.index(r, Col.STATUS).data() for r in range(window.proxy.rowCount())}
    assert closed <= {"Closed", "Rejected", "Withdrawn"}
    # Clicking a view's tab moves the View menu's check mark too.
    qtbot.mouseClick(window.queue_panel.view_bar, Qt.MouseButton.LeftButton,
                     pos=window.queue_panel.view_bar.tabRect(0).center())
    assert window.queue_panel.queue_view is QueueView.MINE
    assert window.view_actions[QueueView.MINE].isChecked()
    assert window.proxy.rowCount() == 0  # nothing claimed yet
    assert window.queue_panel.view_bar.tabText(0).endswith("(0)")
    qtbot.keyClick(window.table, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.proxy.rowCount() == len(shown)

    # Every shortcut is in a menu, in its tooltip, and in the keyboard help.
    assert window.claim_action.toolTip().startswith("Take the case")
    assert "(Ctrl+M)" in window.claim_action.toolTip()
    assert "(F5)" in window.refresh_action.toolTip()
    assert window.claim_action in window.case_menu.actions()
    window.activateWindow()
    qtbot.keyClick(window.table, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: isinstance(getattr(window, "keyboard_help", None), KeyboardHelp)
                    and window.keyboard_help.isVisible(), timeout=5_000)
    table = window.keyboard_help.table
    keys = {table.item(r, 1).text() for r in range(table.rowCount())}
    assert {"Ctrl+M", "Ctrl+I", "Ctrl+1", "Ctrl+Shift+A", "F5", "Tab"} <= keys
    window.keyboard_help.close()
    about = window.show_about()
    assert "IMY" in about.text()
    about.close()


def test_register_dialog_keeps_what_is_typed(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.active_dialog
    assert isinstance(dialog, RegisterDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.type_combo, timeout=5_000)
    # Tab walks the fields in reading order, then OK, then Cancel (never Cancel first).
    seen = []
    for _ in range(40):
        w = QApplication.focusWidget()
        seen.append(w)
        if w is dialog.cancel_button:
            break
        if w is dialog.note_edit:
            qtbot.keyClicks(w, "Came with the morning post")
        qtbot.keyClick(w, Qt.Key.Key_Tab)
    assert seen[0] is dialog.type_combo and seen[1] is dialog.channel_combo
    assert seen[-2:] == [dialog.ok_button, dialog.cancel_button]
    assert seen.index(dialog.person_edit) < seen.index(dialog.note_edit)
    assert dialog.note_edit.toPlainText() == "Came with the morning post"  # no tab typed
    dialog.reject()


def test_the_layout_is_remembered(qtbot: QtBot, small_portal: Path,
                                  app_paths: AppPaths) -> None:
    def open_window() -> MainWindow:
        runner = TaskRunner()
        connect = partial(open_context, app_paths, portal=str(small_portal),
                          datamap=DEMO_MAP_FILE)
        win = MainWindow(runner, connect, show_error_dialogs=False)
        qtbot.addWidget(win)
        win.resize(1400, 800)
        win.show()
        with qtbot.waitSignal(win.queue_loaded, timeout=60_000):
            win.start()
        return win

    win = open_window()
    win.queue_panel.setSizes([500, 900])
    win.table.horizontalHeader().resizeSection(Col.CASE, 177)
    win.show_queue_view(QueueView.CLOSED)
    sizes = win.queue_panel.sizes()
    win.close()
    assert (app_paths.config_dir / "window.ini").exists()

    win = open_window()
    try:
        win.tabs.setCurrentIndex(win.queue_tab)  # the desk opens on the overview
        assert win.table.horizontalHeader().sectionSize(Col.CASE) == 177
        assert win.queue_panel.sizes() == sizes
        assert win.queue_panel.queue_view is QueueView.CLOSED
    finally:
        win.close()


@pytest.mark.parametrize("size", [(1024, 700), (1920, 1080)])
def test_case_times_do_not_wrap(window: MainWindow, qtbot: QtBot,
                                size: tuple[int, int]) -> None:
    window.resize(*size)
    rect = window.table.visualRect(window.proxy.index(0, Col.CASE))
    with qtbot.waitSignal(window.case_shown, timeout=10_000):
        qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    rows = window.detail.event_rows
    assert rows and len(rows[0][0]) == len("2026-12-01 14:05")
    # Times are kept on one line whatever the pane's width, in Stockholm time.
    assert f"<span style='white-space:nowrap'>{rows[0][0]}</span>" in window.detail.events.text()
    assert window.detail.width() >= 320
    # Every action is on a toolbar row of its own width: none behind "»".
    for bar in (window.toolbar, window.answer_toolbar):
        assert bar.width() >= bar.sizeHint().width() or bar.width() <= window.width()
    wide = window.toolbar.sizeHint().width() + window.answer_toolbar.sizeHint().width()
    assert window.toolBarBreak(window.answer_toolbar) == (wide > window.width())


def test_case_events_are_shown_in_stockholm_time() -> None:
    from datetime import datetime

    from privacy_desk.ui.case_detail import local_time
    assert local_time(datetime(2026, 12, 1, 13, 5)) == "2026-12-01 14:05"  # stored UTC, winter
    assert local_time(datetime(2026, 6, 30, 22, 30)) == "2026-07-01 00:30"  # summer, next day


def test_no_tab_widens_the_window_past_1024(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1024, 700)
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        qtbot.wait(50)
        assert window.minimumSizeHint().width() <= 1024, window.tabs.tabText(tab)


@pytest.mark.parametrize("size", [(1024, 700), (1920, 1080)])
def test_the_queue_fits_without_a_horizontal_scrollbar(window: MainWindow, qtbot: QtBot,
                                                       size: tuple[int, int]) -> None:
    """Every column of the queue is in view, at a small laptop's 1024×700 as on a big
    screen: no sideways scrolling to find the deadline or the status."""
    window.tabs.setCurrentIndex(window.queue_tab)  # the desk opens on the overview
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    qtbot.wait(50)  # the layout settles
    table = window.table
    assert table.isVisible() and table.model().rowCount() > 0
    assert not table.horizontalScrollBar().isVisible()
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width()
    for col in Col:  # none squeezed to nothing
        assert header.sectionSize(col) >= 44, col
    for col in (Col.CASE, Col.RECEIVED, Col.DUE):  # case numbers and dates are never cut
        assert header.sectionSize(col) >= table.sizeHintForColumn(col), col
    assert window.detail.width() >= 320  # the case beside it stays readable
    # What a narrow column cuts short is whole in its tooltip, the title too.
    model = table.model()
    for col in (Col.DAYS_LEFT, Col.TYPE):
        assert model.headerData(col, Qt.Orientation.Horizontal,
                                Qt.ItemDataRole.ToolTipRole) == model.headerData(
            col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    assert model.index(0, Col.TYPE).data(Qt.ItemDataRole.ToolTipRole) == \
        model.index(0, Col.TYPE).data()
