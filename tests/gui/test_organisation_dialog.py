"""Inställningar → Organisation: typed in, saved on the worker, refused fields shown."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from privacy_desk.organisation import load_organisation
from privacy_desk.paths import AppPaths
from privacy_desk.ui.main_window import MainWindow
from privacy_desk.ui.organisation_dialog import OrganisationDialog
from privacy_desk.ui.tasks import TaskRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.shutdown()


def _type(qtbot: QtBot, dialog: OrganisationDialog, values: dict[str, str]) -> None:
    for name, text in values.items():
        edit = dialog.edits[name]
        edit.clear()
        qtbot.keyClicks(edit, text)


def test_typed_in_and_saved(qtbot: QtBot, runner: TaskRunner, app_paths: AppPaths) -> None:
    dialog = OrganisationDialog(runner, app_paths)
    qtbot.addWidget(dialog)
    dialog.show()
    _type(qtbot, dialog, {"legal_name": "Provbolaget Varme AB", "org_number": "5560000001",
                          "street": "Provgatan 2", "postal_address": "111 22 Provstad",
                          "email": "integritet@provbolaget.example"})
    box = dialog.texts[("transfers", "sv")]
    box.clear()
    qtbot.keyClicks(box, "Vi anlitar en leverantor i USA med standardavtalsklausuler.")
    qtbot.keyClicks(dialog.lines["signature"], "Data Protection Officer, Provbolaget")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    org = load_organisation(app_paths)
    assert org is not None
    assert (org.legal_name, org.org_number) == ("Provbolaget Varme AB", "556000-0001")
    assert "standardavtalsklausuler" in org.text("transfers", "sv")
    assert "en" not in org.texts.get("transfers", {})  # the English default is kept
    # an English signature for English letters; the DPO line stays as on the Company tab
    assert org.signature_line("en") == "Data Protection Officer, Provbolaget"
    assert org.signature_line("sv") == org.signature_line() and "dpo" not in org.texts


def test_a_bad_number_is_shown_and_nothing_saved(qtbot: QtBot, runner: TaskRunner,
                                                app_paths: AppPaths) -> None:
    dialog = OrganisationDialog(runner, app_paths)
    qtbot.addWidget(dialog)
    dialog.show()
    _type(qtbot, dialog, {"legal_name": "Provbolaget AB", "org_number": "556000-0000",
                          "street": "Provgatan 2", "postal_address": "111 22 Provstad",
                          "email": "integritet@provbolaget.example"})
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=10_000)
    assert "556000-0000" in dialog.error.text()
    assert dialog.isVisible()
    assert dialog.edits["legal_name"].text() == "Provbolaget AB"  # nothing typed is lost
    assert load_organisation(app_paths) is None


def test_the_menu_opens_it(qtbot: QtBot, window: MainWindow) -> None:
    window.organisation_action.trigger()
    dialog = window.findChild(OrganisationDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
