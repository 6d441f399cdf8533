"""An auditor's window: the queue is readable, a change is refused with the service's
message and nothing in the case store changes (the rule lives in the services)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from privacy_desk.paths import AppPaths
from privacy_desk.services.context import open_context
from privacy_desk.services.queue import list_queue
from privacy_desk.services.roles import Role, add_officer
from privacy_desk.ui.main_window import MainWindow
from privacy_desk.ui.queue_model import Col
from privacy_desk.ui.tasks import TaskRunner
from tests.gui.conftest import DEMO_MAP_FILE


@pytest.fixture
def auditor_window(qtbot: QtBot, small_portal: Path, app_paths: AppPaths,
                   ) -> Iterator[MainWindow]:
    ctx = open_context(app_paths, portal=str(small_portal), datamap=DEMO_MAP_FILE,
                       officer="anna")
    try:
        assert ctx.import_requests().imported > 0
        add_officer(ctx.case_store, "ivar", [Role.AUDITOR], actor="anna")
    finally:
        ctx.close()
    runner = TaskRunner()
    connect = partial(open_context, app_paths, portal=str(small_portal),
                      datamap=DEMO_MAP_FILE, officer="ivar")
    win = MainWindow(runner, connect, show_error_dialogs=False)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.queue_loaded, timeout=60_000):
        win.start()
    yield win
    win.close()


def test_an_auditor_cannot_claim_a_case_through_the_gui(
        auditor_window: MainWindow, qtbot: QtBot) -> None:
    win = auditor_window
    assert win.ctx is not None and win.ctx.roles is not None and win.ctx.roles.read_only
    before = [(r.case_id, r.assignee, r.version) for r in list_queue(win.ctx.case_store)]
    assert before and win.model.rowCount() == len(before)
    rect = win.table.visualRect(win.proxy.index(0, Col.CASE))
    with qtbot.waitSignal(win.case_shown, timeout=10_000):
        qtbot.mouseClick(win.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    # The window offers an auditor no changes...
    for action in (win.claim_action, win.verify_action, win.status_action,
                   win.register_action, win.erasure_action, win.preview_action):
        assert not action.isEnabled(), action.objectName()
    # ...and a change asked for anyway (a stale window, a script) is refused by the service.
    with qtbot.waitSignal(win.action_failed, timeout=20_000) as failed:
        win.claim_current()
    assert "ivar may not claim cases" in failed.args[0]
    assert "ivar may not claim cases" in win.statusBar().currentMessage()
    row = win.table.currentIndex().row()
    assert win.proxy.index(row, Col.ASSIGNEE).data() in (None, "")
    after = [(r.case_id, r.assignee, r.version) for r in list_queue(win.ctx.case_store)]
    assert after == before
