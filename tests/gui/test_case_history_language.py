"""The case history reads in the interface language: Swedish, and English after switching.

Events store a message id and its parameters (case_events.message), not a finished English
sentence, so the same rows render in whichever language the desk runs in.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from privacy_desk import messages
from privacy_desk.services.casework import claim_case
from privacy_desk.ui.app import install_translations
from privacy_desk.ui.main_window import MainWindow
from privacy_desk.ui.queue_model import CASE_ID_ROLE, Col


def _to_english(qapp: QApplication, translators: list[QTranslator]) -> None:
    for t in translators:
        qapp.removeTranslator(t)
    translators.clear()
    QLocale.setDefault(QLocale("en"))
    messages.set_language("en")


@pytest.fixture
def swedish(qapp: QApplication) -> Iterator[list[QTranslator]]:
    translators = install_translations(qapp, "sv")
    yield translators
    _to_english(qapp, translators)


def _show(window: MainWindow, qtbot: QtBot, case_id: int) -> str:
    with qtbot.waitSignal(window.case_shown, timeout=10_000):
        window.queue_panel.reload_case(case_id)
    return window.detail.toPlainText()


def test_the_case_history_reads_in_swedish_then_english(
        window: MainWindow, qtbot: QtBot, qapp: QApplication,
        swedish: list[QTranslator]) -> None:
    assert window.ctx is not None
    case_id = window.proxy.data(window.proxy.index(0, Col.CASE), CASE_ID_ROLE)
    claim_case(window.ctx.case_store, case_id)
    officer = window.ctx.case_store.actor

    text = _show(window, qtbot, case_id)
    assert "Hämtat från portalens begäran" in text
    assert f"Taget av {officer}." in text
    assert "Imported from portal request" not in text and "Claimed by" not in text

    # Switching the language (a restart with --lang en) renders the same rows in English.
    _to_english(qapp, swedish)
    text = _show(window, qtbot, case_id)
    assert "Imported from portal request" in text
    assert f"Claimed by {officer}." in text
    assert "Hämtat" not in text and "Taget av" not in text
