""""Ny datakarta…" in the connection dialog, clicked for real: the file chosen in the real
(non-native) file dialog, the draft run on the worker with progress, the map written, and
the review list shown with each item's reason."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from privacy_desk import messages
from privacy_desk.datamap import load_datamap
from privacy_desk.dburl import make_engine
from privacy_desk.paths import AppPaths
from privacy_desk.ui.app import install_translations
from privacy_desk.ui.connection_dialog import ConnectionDialog
from privacy_desk.ui.tasks import TaskRunner
from tests.draft.erp_portal import create_erp_portal


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.shutdown()


@pytest.fixture
def dialog(qtbot: QtBot, runner: TaskRunner, app_paths: AppPaths) -> ConnectionDialog:
    d = ConnectionDialog(runner, app_paths)
    qtbot.addWidget(d)
    d.show()
    return d


def _sqlite_form(qtbot: QtBot, d: ConnectionDialog, path: Path) -> None:
    qtbot.mouseClick(d.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(d.name_edit, "erp")
    d.backend_combo.setFocus()
    qtbot.keyClicks(d.backend_combo, "SQLite")
    qtbot.keyClicks(d.path_edit, str(path))


def _choose_file(qtbot: QtBot, d: ConnectionDialog, out: Path) -> None:
    chosen: list[QFileDialog] = []
    d.choosing_draft_file.connect(chosen.append)
    qtbot.mouseClick(d.draft_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(chosen) and chosen[0].isVisible())
    name_edit = chosen[0].findChild(QLineEdit, "fileNameEdit")
    assert name_edit is not None
    chosen[0].setDirectory(str(out.parent))
    qtbot.keyClicks(name_edit, out.name)
    qtbot.keyClick(name_edit, Qt.Key.Key_Return)


def test_new_data_map_drafts_writes_and_lists_what_to_review(
        qtbot: QtBot, dialog: ConnectionDialog, tmp_path: Path) -> None:
    portal = tmp_path / "erp.sqlite3"
    engine = make_engine(make_url(f"sqlite:///{portal}"))
    create_erp_portal(engine)
    engine.dispose()
    _sqlite_form(qtbot, dialog, portal)
    out = tmp_path / "erp-draft.yaml"
    with qtbot.waitSignal(dialog.drafted, timeout=60_000) as drafted:
        _choose_file(qtbot, dialog, out)
        qtbot.waitUntil(lambda: not dialog.draft_button.isEnabled() or out.exists())
    path, count = drafted.args
    assert Path(path) == out and count > 0
    dm = load_datamap(out)
    assert "fakturor" in dm.tables
    review = dialog.review_dialog
    assert review is not None and review.isVisible()
    texts = [review.items.item(i).text() for i in range(review.items.count())]
    assert len(texts) == count
    assert any(t.startswith("tables.fakturor.references[0]: no declared foreign key")
               for t in texts)
    assert not dialog.draft_progress.isVisible() and dialog.draft_button.isEnabled()


def test_a_missing_portal_file_is_a_message_not_a_file(qtbot: QtBot, dialog: ConnectionDialog,
                                                       tmp_path: Path) -> None:
    portal = tmp_path / "nowhere.sqlite3"
    _sqlite_form(qtbot, dialog, portal)
    with qtbot.waitSignal(dialog.failed, timeout=20_000) as failed:
        _choose_file(qtbot, dialog, tmp_path / "draft.yaml")
    assert "does not exist" in failed.args[0]
    assert not portal.exists() and not (tmp_path / "draft.yaml").exists()


def test_the_swedish_desk_lists_the_review_reasons_in_swedish(
        qtbot: QtBot, qapp: QApplication, runner: TaskRunner, app_paths: AppPaths,
        tmp_path: Path) -> None:
    translators = install_translations(qapp, "sv")
    try:
        d = ConnectionDialog(runner, app_paths)
        qtbot.addWidget(d)
        d.show()
        portal = tmp_path / "erp.sqlite3"
        engine = make_engine(make_url(f"sqlite:///{portal}"))
        create_erp_portal(engine)
        engine.dispose()
        _sqlite_form(qtbot, d, portal)
        out = tmp_path / "erp-draft.yaml"
        with qtbot.waitSignal(d.drafted, timeout=60_000):
            _choose_file(qtbot, d, out)
            qtbot.waitUntil(lambda: not d.draft_button.isEnabled() or out.exists())
        review = d.review_dialog
        assert review is not None and review.isVisible()
        texts = [review.items.item(i).text() for i in range(review.items.count())]
        assert any(t.startswith("tables.fakturor.references[0]: ingen deklarerad främmande "
                                "nyckel") for t in texts)
        assert any(t.startswith("categories.identity: allmänna texter") for t in texts)
        assert not any("no declared foreign key" in t for t in texts)
        # The file the DBA edits keeps the English comments.
        written = out.read_text(encoding="utf-8")
        assert "no declared foreign key" in written and "ingen deklarerad" not in written
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        QLocale.setDefault(QLocale("en"))
        messages.set_language("en")


def test_the_review_list_has_the_focus_and_enter_closes_it(
        qtbot: QtBot, dialog: ConnectionDialog, tmp_path: Path) -> None:
    portal = tmp_path / "erp.sqlite3"
    engine = make_engine(make_url(f"sqlite:///{portal}"))
    create_erp_portal(engine)
    engine.dispose()
    _sqlite_form(qtbot, dialog, portal)
    out = tmp_path / "erp-draft.yaml"
    with qtbot.waitSignal(dialog.drafted, timeout=60_000):
        _choose_file(qtbot, dialog, out)
    review = dialog.review_dialog
    assert review is not None
    qtbot.waitUntil(review.isVisible)
    review.activateWindow()
    qtbot.waitUntil(review.isActiveWindow)
    assert QApplication.focusWidget() is review.items and review.items.currentRow() == 0
    qtbot.keyClick(review.items, Qt.Key.Key_Down)  # the arrows walk the items
    assert review.items.currentRow() == 1
    qtbot.keyClick(review.items, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is review.close_button
    qtbot.keyClick(review.close_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is review.items
    assert review.close_button.isDefault()
    with qtbot.waitSignal(review.finished, timeout=5_000):
        qtbot.keyClick(review.items, Qt.Key.Key_Return)
    assert not review.isVisible()
