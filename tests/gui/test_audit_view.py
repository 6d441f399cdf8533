"""The auditor's view, driven with clicks: browse a period, verify, export CSV and PDF."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.engine import URL

from privacy_desk import messages
from privacy_desk.casestore import CaseStore, open_case_store
from privacy_desk.casestore.audit import read_entries
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.services.audit_trail import ExportFormat
from privacy_desk.services.cases import register_case, transition_case
from privacy_desk.services.roles import Role, add_officer
from privacy_desk.ui.app import install_translations
from privacy_desk.ui.audit_view import AuditTableModel, AuditView
from privacy_desk.ui.labels import audit_action_labels, status_label
from privacy_desk.ui.tasks import TaskRunner
from tests.officers import staff


@pytest.fixture
def store(sqlite_url: URL) -> Iterator[CaseStore]:
    s = open_case_store(sqlite_url, actor="anna")
    staff(s, "anna", "olle")
    add_officer(s, "ivar", [Role.AUDITOR], actor="anna")
    for day in (2, 3):
        register_case(s, request_type=RequestType.ACCESS, channel=Channel.PAPER,
                      received_on=date(2026, 3, day), person_label="Åsa Testsson",
                      actor="anna")
    yield s
    s.close()


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.shutdown()


def _view(qtbot: QtBot, runner: TaskRunner, store: CaseStore, actor: str) -> AuditView:
    view = AuditView(runner, store, actor)
    qtbot.addWidget(view)
    view.show()
    return view


def _click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _export(qtbot: QtBot, view: AuditView, button: QPushButton, target: Path) -> int:
    _click(qtbot, button)
    dialog = view.file_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.selectFile(str(target))  # typing would open the completer's popup
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save is not None and save.isEnabled()
    with qtbot.waitSignal(view.exported, timeout=30_000) as exported:
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    count, written = exported.args
    assert written == str(target)
    return int(count)


def test_auditor_browses_verifies_and_exports(qtbot: QtBot, runner: TaskRunner,
                                             store: CaseStore, tmp_path: Path) -> None:
    with store.sessions() as s:
        entries = read_entries(s)
    view = _view(qtbot, runner, store, "ivar")
    assert view.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    with qtbot.waitSignal(view.loaded, timeout=20_000) as loaded:
        _click(qtbot, view.show_button)
    assert loaded.args == [len(entries), len(entries)]
    m = view.model
    rows = [(m.index(r, AuditTableModel.WHO).data(), m.index(r, AuditTableModel.ACTION).data(),
             m.index(r, AuditTableModel.CASE).data()) for r in range(m.rowCount())]
    assert ("anna", "Case registered", "PD-2026-00001") in rows
    assert ("ivar", "Signed in", "") not in rows  # ivar never signed in here
    # The stored code stays at hand as the action's tooltip (the export keeps codes).
    codes = {m.index(r, AuditTableModel.ACTION).data(Qt.ItemDataRole.ToolTipRole)
             for r in range(m.rowCount())}
    assert "case_registered" in codes
    assert f"of {len(entries)}" in view.page_label.text()

    with qtbot.waitSignal(view.verified, timeout=20_000) as verified:
        _click(qtbot, view.verify_button)
    assert verified.args[0].ok
    assert view.status_label.text().startswith("OK")
    assert verified.args[0].head_hash in view.status_label.text()

    count = _export(qtbot, view, view.csv_button, tmp_path / "trail.csv")
    with (tmp_path / "trail.csv").open(encoding="utf-8-sig") as fh:
        actions = [r["action"] for r in csv.DictReader(io.StringIO(fh.read()))]
    assert len(actions) == count and "case_registered" in actions
    assert "audit_verified" in actions  # the check itself is on the trail
    count = _export(qtbot, view, view.pdf_button, tmp_path / "trail.pdf")
    pdf = PdfReader(tmp_path / "trail.pdf")
    assert f"({count} entries)" in pdf.pages[0].extract_text()
    assert "Wrote" in view.status_label.text()


def test_tampering_shows_the_problems(qtbot: QtBot, runner: TaskRunner,
                                      store: CaseStore) -> None:
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entries SET actor = 'mallory' WHERE seq = 3"))
    view = _view(qtbot, runner, store, "ivar")
    with qtbot.waitSignal(view.verified, timeout=20_000) as verified:
        _click(qtbot, view.verify_button)
    assert not verified.args[0].ok
    assert view.status_label.text().startswith("TAMPERED")
    problems = [view.problem_list.item(i).text() for i in range(view.problem_list.count())]
    assert problems and problems[0].startswith("Entry #3 was changed")  # in words
    assert verified.args[0].problems[0].text("sv").startswith("Post nr 3 har ändrats")
    assert view.problem_list.isVisible()


def test_an_officer_without_the_auditor_role_is_refused(
        qtbot: QtBot, runner: TaskRunner, store: CaseStore, tmp_path: Path) -> None:
    view = _view(qtbot, runner, store, "olle")
    with qtbot.waitSignal(view.failed, timeout=20_000) as failed:
        _click(qtbot, view.show_button)
    assert "olle may not browse the audit trail" in failed.args[0]
    assert view.model.rowCount() == 0
    assert view.status_label.text() == failed.args[0]
    with qtbot.waitSignal(view.failed, timeout=20_000):
        view.export_to(tmp_path / "x.csv", ExportFormat.CSV)
    assert not (tmp_path / "x.csv").exists()


def test_a_period_ending_before_it_starts_is_explained(
        qtbot: QtBot, runner: TaskRunner, store: CaseStore) -> None:
    view = _view(qtbot, runner, store, "ivar")
    view.from_edit.setDate(view.to_edit.date().addDays(1))
    with qtbot.waitSignal(view.failed, timeout=5_000) as failed:
        _click(qtbot, view.show_button)
    assert "ends before it starts" in failed.args[0]


def test_the_view_refreshes_itself(qtbot: QtBot, runner: TaskRunner, store: CaseStore) -> None:
    view = AuditView(runner, store, "ivar")
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=20_000) as first:
        view.show()  # opening the tab shows the trail: no "Show" click needed
    before = first.args[1]
    register_case(store, request_type=RequestType.ERASURE, channel=Channel.EMAIL,
                  received_on=date(2026, 3, 4), person_label="Bo Testsson", actor="anna")
    with qtbot.waitSignal(view.loaded, timeout=20_000) as again:
        view.from_edit.setDate(view.from_edit.date().addDays(-1))  # a changed period
    assert again.args[1] > before
    view.hide()
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        view.show()  # back to the tab: read afresh


def test_the_swedish_audit_view_names_actions_in_swedish(
        qtbot: QtBot, qapp: QApplication, runner: TaskRunner, store: CaseStore) -> None:
    translators = install_translations(qapp, "sv")
    try:
        view = _view(qtbot, runner, store, "ivar")
        with qtbot.waitSignal(view.loaded, timeout=20_000):
            _click(qtbot, view.show_button)
        m = view.model
        shown = {m.index(r, AuditTableModel.ACTION).data() for r in range(m.rowCount())}
        codes = {m.index(r, AuditTableModel.ACTION).data(Qt.ItemDataRole.ToolTipRole)
                 for r in range(m.rowCount())}
        assert "Ärende registrerat" in shown
        assert "Handläggare tillagd" in shown  # add_officer in the fixture
        assert not shown & codes  # no machine code in the Swedish table
        assert {"case_registered", "officer_added"} <= codes
        sv = audit_action_labels()
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        QLocale.setDefault(QLocale("en"))
        messages.set_language("en")
    en = audit_action_labels()
    # The shipped .qm names every action: no Swedish label is its English source.
    assert [code for code in en if sv[code] == en[code]] == []


def test_the_swedish_audit_view_gives_details_in_words(
        qtbot: QtBot, qapp: QApplication, runner: TaskRunner, store: CaseStore) -> None:
    """The Details column says "från: Inkommen, till: …" (not
    ``from=received``); the stored codes stay the tooltip."""
    d = register_case(store, request_type=RequestType.ERASURE, channel=Channel.EMAIL,
                      received_on=date(2026, 3, 4), person_label="Åsa Testsson",
                      actor="anna")
    transition_case(store, d.case_id, CaseStatus.AWAITING_IDENTITY, actor="anna",
                    reason=None, expected_version=d.version)
    translators = install_translations(qapp, "sv")
    try:
        view = _view(qtbot, runner, store, "ivar")
        with qtbot.waitSignal(view.loaded, timeout=20_000):
            _click(qtbot, view.show_button)
        m = view.model
        details: dict[str, list[tuple[str, str]]] = {}
        for r in range(m.rowCount()):
            cell = m.index(r, AuditTableModel.DETAILS)
            details.setdefault(m.row_at(r).action, []).append(
                (cell.data(), cell.data(Qt.ItemDataRole.ToolTipRole)))
        [(shown, codes)] = details["status_changed"]
        assert shown == (f"från: {status_label('received')}, "
                         f"till: {status_label('awaiting_identity')}")
        assert shown.startswith("från: Inkommen, till: ")
        assert codes == "from=received, to=awaiting_identity"
        # olle (officer, approver) and ivar (auditor), added by anna
        assert ("administratör: nej, handläggare: ivar, roller: granskare",
                "admin=0, officer=ivar, roles=auditor") in details["officer_added"]
        shown, codes = details["case_registered"][-1]
        assert "kanal: E-post" in shown and "channel=email" in codes
        assert all("=" not in text for rows in details.values() for text, _ in rows)
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        QLocale.setDefault(QLocale("en"))
        messages.set_language("en")
