"""The letter dialog: typed in, written on the worker, recorded; a refusal stays in it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from functools import partial
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from privacy_desk.clock import stockholm_today
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.paths import AppPaths
from privacy_desk.reports.templating import fmt_date
from privacy_desk.services.cases import register_case
from privacy_desk.services.context import AppContext, open_context
from privacy_desk.services.letters import letters_of
from privacy_desk.ui.letter_dialog import LetterDialog
from privacy_desk.ui.tasks import TaskRunner
from tests.gui.conftest import AS_OF, DEMO_MAP_FILE
from tests.organisations import set_demo_organisation

pytestmark = pytest.mark.gui


@pytest.fixture
def ctx(qtbot: QtBot, small_portal: Path, app_paths: AppPaths
        ) -> Iterator[tuple[TaskRunner, AppContext, int]]:
    set_demo_organisation(app_paths)
    runner = TaskRunner()
    box: dict[str, AppContext] = {}
    runner.submit(partial(open_context, app_paths, portal=str(small_portal),
                          datamap=DEMO_MAP_FILE), lambda c: box.update(ctx=c))
    qtbot.waitUntil(lambda: "ctx" in box, timeout=30_000)
    c = box["ctx"]
    d = register_case(c.case_store, request_type=RequestType.RESTRICTION,
                      channel=Channel.PAPER, received_on=date(2026, 11, 2),
                      person_label="Testperson", identifiers=[("email", "t@example.invalid")],
                      today=AS_OF)
    yield runner, c, d.case_id
    runner.shutdown()
    c.close()


def test_a_restriction_letter_from_the_dialog(qtbot: QtBot, tmp_path: Path,
                                             ctx: tuple[TaskRunner, AppContext, int]) -> None:
    runner, c, case_id = ctx
    out = tmp_path / "letters"
    out.mkdir()
    dialog = LetterDialog(runner, c, case_id, "PD-2026-00001")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("restriction"))
    qtbot.keyClicks(dialog.folder_edit, str(out))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled() and "…" not in dialog.message.text(),
                    timeout=20_000)
    assert "restricted" in dialog.message.text() and dialog.isVisible()  # refused, kept open
    assert list(out.iterdir()) == []
    qtbot.keyClicks(dialog.items_edit, "Fakturor fran 2025")
    with qtbot.waitSignal(dialog.written, timeout=20_000) as signal:
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    [letter] = signal.args[0]
    assert letter.path.parent == out and letter.path.exists()
    assert [r.kind for r in letters_of(c.case_store, case_id)] == ["restriction"]


def test_a_late_acknowledgement_needs_the_day_of_the_answer(
        qtbot: QtBot, tmp_path: Path, ctx: tuple[TaskRunner, AppContext, int]) -> None:
    runner, c, _ = ctx
    late = register_case(c.case_store, request_type=RequestType.ACCESS, channel=Channel.PAPER,
                         received_on=date(2026, 9, 1), person_label="Sen Person",
                         identifiers=[("email", "sen@example.invalid")], today=AS_OF)
    out = tmp_path / "letters"
    out.mkdir()
    dialog = LetterDialog(runner, c, late.case_id, late.case_number)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.kind_combo.currentData() == "acknowledgement"
    assert dialog.answer_by_edit.isEnabled() and dialog.answer_by_edit.text() == "–"
    qtbot.keyClicks(dialog.folder_edit, str(out))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Svar senast" in dialog.message.text()
                    or "Answer by" in dialog.message.text()
                    or "answer-by" in dialog.message.text(), timeout=20_000)
    assert list(out.iterdir()) == []  # refused: nothing written
    # the officer picks tomorrow in the calendar
    day = stockholm_today() + timedelta(days=1)
    dialog.answer_by_edit.setDate(QDate(day.year, day.month, day.day))
    with qtbot.waitSignal(dialog.written, timeout=20_000) as signal:
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    [letter] = signal.args[0]
    text = " ".join(p.extract_text() or "" for p in PdfReader(letter.path).pages)
    tomorrow = fmt_date(day, "sv")
    assert f"senast den {tomorrow}" in " ".join(text.split())
    # other kinds have no answer day
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("refusal"))
    assert not dialog.answer_by_edit.isEnabled()
