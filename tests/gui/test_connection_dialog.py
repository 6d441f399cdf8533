"""The connection dialog and the password prompt, driven with clicks and keys.

Real keyring backends (tests/keyrings.py), real PostgreSQL and MariaDB servers, the
real settings file: the password must land in the keyring and in no file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from privacy_desk import secrets
from privacy_desk.casestore.audit import read_entries
from privacy_desk.config import (
    Backend,
    ConnectionProfile,
    ProfileKind,
    Settings,
    load_settings,
    save_settings,
)
from privacy_desk.errors import UserError
from privacy_desk.paths import AppPaths
from privacy_desk.services.context import AppContext, open_context
from privacy_desk.ui.connection_dialog import ConnectionDialog, PasswordPrompt
from privacy_desk.ui.tasks import TaskRunner
from tests.databases import require_server, throwaway_database
from tests.gui.conftest import DEMO_MAP_FILE
from tests.keyrings import MemoryKeyring

PASSWORD = "Dorr-losen-4471-hemligt"  # QTest types ASCII only


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


def _files_containing(root: Path, needle: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle.encode() in p.read_bytes()]


def _type(qtbot: QtBot, edit: QWidget, text: str) -> None:
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def _choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick an item the way a keyboard user does: focus the box and type its first word
    (a space would open the popup)."""
    combo.setFocus()
    qtbot.keyClicks(combo, text.split(maxsplit=1)[0])
    assert combo.currentText() == text


def _click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _fill_server(qtbot: QtBot, d: ConnectionDialog, *, name: str, backend: str, port: int,
                 database: str, user: str, password: str = "") -> None:
    _click(qtbot, d.new_button)
    _type(qtbot, d.name_edit, name)
    _choose(qtbot, d.backend_combo, backend)
    _type(qtbot, d.host_edit, "127.0.0.1")
    _type(qtbot, d.port_spin, str(port))
    _type(qtbot, d.database_edit, database)
    _type(qtbot, d.user_edit, user)
    if password:
        _type(qtbot, d.password_edit, password)


def test_saved_password_is_in_the_keyring_and_in_no_file(
        qtbot: QtBot, runner: TaskRunner, app_paths: AppPaths, small_portal: Path,
        memory_keyring: MemoryKeyring) -> None:
    ctx = open_context(app_paths, portal=str(small_portal), datamap=DEMO_MAP_FILE)
    try:
        d = ConnectionDialog(runner, app_paths, ctx=ctx)
        qtbot.addWidget(d)
        d.show()
        assert "system keyring" in d.keyring_label.text()
        _fill_server(qtbot, d, name="portal-pg", backend="PostgreSQL", port=5433,
                     database="portal", user="desk_reader", password=PASSWORD)
        _choose(qtbot, d.tls_combo, "require")
        qtbot.mouseClick(d.activate_check, Qt.MouseButton.LeftButton)
        with qtbot.waitSignal(d.saved, timeout=20_000) as saved:
            _click(qtbot, d.save_button)
        assert saved.args == ["portal-pg"]
        assert memory_keyring.secrets[(secrets.SERVICE, "portal-pg")] == PASSWORD
        settings = load_settings(app_paths)
        assert settings.active_portal == "portal-pg"
        p = settings.profile("portal-pg")
        assert (p.kind, p.backend, p.host, p.port, p.database, p.user, p.tls_mode) == (
            ProfileKind.PORTAL, Backend.POSTGRESQL, "127.0.0.1", 5433, "portal",
            "desk_reader", "require")
        assert _files_containing(app_paths.config_dir.parent, PASSWORD) == []
        assert "password" not in app_paths.settings_file.read_text(encoding="utf-8").lower()
        assert "keyring" in d.message_label.text()
        assert d.profile_list.count() == 1 and "portal-pg" in d.profile_list.item(0).text()
        with ctx.case_store.sessions() as s:
            changes = [r.details for r in read_entries(s) if r.action == "settings_changed"]
        assert changes == [{"change": "profile_saved", "profile": "portal-pg"},
                           {"change": "password_stored", "profile": "portal-pg"}]
        assert PASSWORD not in repr(changes)

        # Delete it again: the settings and the keyring forget it.
        d.profile_list.setCurrentRow(0)
        with qtbot.waitSignal(d.deleted, timeout=20_000):
            _click(qtbot, d.delete_button)
        assert load_settings(app_paths).profiles == ()
        assert (secrets.SERVICE, "portal-pg") not in memory_keyring.secrets
        assert d.profile_list.count() == 0
    finally:
        ctx.close()


def test_without_a_secure_keyring_the_dialog_says_so_and_keeps_no_password(
        qtbot: QtBot, dialog: ConnectionDialog, app_paths: AppPaths,
        failing_keyring: object) -> None:
    d = dialog
    d._show_keyring_status()  # the keyring was swapped after the dialog was built
    assert "No secure keyring" in d.keyring_label.text()
    _fill_server(qtbot, d, name="store-maria", backend="MariaDB", port=3306,
                 database="casestore", user="desk", password=PASSWORD)
    _choose(qtbot, d.kind_combo, "Case store")
    with qtbot.waitSignal(d.saved, timeout=20_000):
        _click(qtbot, d.save_button)
    assert "WITHOUT its password" in d.message_label.text()
    assert load_settings(app_paths).profile("store-maria").kind == ProfileKind.CASE_STORE
    assert _files_containing(app_paths.config_dir.parent, PASSWORD) == []


def test_bad_input_is_explained_and_nothing_is_saved(
        qtbot: QtBot, dialog: ConnectionDialog, app_paths: AppPaths,
        memory_keyring: MemoryKeyring) -> None:
    _fill_server(qtbot, dialog, name="half", backend="PostgreSQL", port=5432, database="",
                 user="desk", password=PASSWORD)
    with qtbot.waitSignal(dialog.failed, timeout=20_000) as failed:
        _click(qtbot, dialog.save_button)
    assert "names no database" in failed.args[0]
    assert dialog.message_label.text() == failed.args[0]
    assert not app_paths.settings_file.exists()
    assert memory_keyring.secrets == {}


def test_test_connection_reaches_the_real_postgresql_server(
        qtbot: QtBot, dialog: ConnectionDialog, memory_keyring: MemoryKeyring) -> None:
    require_server("postgresql")
    _fill_server(qtbot, dialog, name="pg", backend="PostgreSQL", port=5432,
                 database="postgres", user="postgres")
    with qtbot.waitSignal(dialog.tested, timeout=30_000) as tested:
        _click(qtbot, dialog.test_button)
    ok, text = tested.args
    assert ok, text
    assert "Connected to PostgreSQL postgres@127.0.0.1:5432/postgres" in text
    assert dialog.message_label.text() == text


def test_test_connection_to_a_closed_port_fails_clearly(
        qtbot: QtBot, dialog: ConnectionDialog, memory_keyring: MemoryKeyring) -> None:
    _fill_server(qtbot, dialog, name="nowhere", backend="PostgreSQL", port=1,
                 database="portal", user="desk", password=PASSWORD)
    with qtbot.waitSignal(dialog.tested, timeout=30_000) as tested:
        _click(qtbot, dialog.test_button)
    ok, text = tested.args
    assert not ok
    assert "Cannot reach the database server" in text and "127.0.0.1:1" in text
    assert PASSWORD not in text and "Traceback" not in text


def test_test_connection_with_a_wrong_password_says_so(
        qtbot: QtBot, dialog: ConnectionDialog, memory_keyring: MemoryKeyring) -> None:
    require_server("mariadb")
    _fill_server(qtbot, dialog, name="maria", backend="MariaDB", port=3306,
                 database="mysql", user="root", password="not-the-password")
    with qtbot.waitSignal(dialog.tested, timeout=30_000) as tested:
        _click(qtbot, dialog.test_button)
    ok, text = tested.args
    assert not ok
    assert "refused the user name or password" in text
    assert "not-the-password" not in text


# --- the password prompt ----------------------------------------------------------------

def _answer_with(qtbot: QtBot, prompt: PasswordPrompt, text: str | None) -> None:
    """Type ``text`` into the prompt once it shows (None: press Escape)."""
    def on_asking(dialog: QInputDialog) -> None:
        def answer() -> None:
            edit = dialog.findChild(QLineEdit)
            assert edit is not None and edit.echoMode() == QLineEdit.EchoMode.Password
            if text is None:
                qtbot.keyClick(edit, Qt.Key.Key_Escape)
            else:
                qtbot.keyClicks(edit, text)
                qtbot.keyClick(edit, Qt.Key.Key_Return)
        QTimer.singleShot(0, answer)
    prompt.asking.connect(on_asking)


def test_prompt_asks_on_the_gui_thread_while_the_worker_connects(
        qtbot: QtBot, runner: TaskRunner, app_paths: AppPaths, small_portal: Path,
        tmp_path: Path, failing_keyring: object) -> None:
    """No keyring: open_context (on the worker) asks through the prompt, and the typed
    password reaches the connection; cancelling gives a clear error."""
    with throwaway_database("postgresql", tmp_path) as url:
        profile = ConnectionProfile("store-pg", ProfileKind.CASE_STORE, Backend.POSTGRESQL,
                                    host=url.host or "", port=url.port,
                                    database=url.database or "", user=url.username or "",
                                    tls_mode="disable")
        save_settings(app_paths, Settings().with_profile(profile).activated("store-pg"))
        prompt = PasswordPrompt()
        _answer_with(qtbot, prompt, PASSWORD)
        results: list[AppContext] = []
        errors: list[BaseException] = []

        def connect() -> AppContext:
            return open_context(app_paths, portal=str(small_portal), datamap=DEMO_MAP_FILE,
                                ask_password=prompt)

        with qtbot.waitCallback(timeout=60_000) as done:
            runner.submit(connect, lambda c: (results.append(c), done()),
                          lambda e: (errors.append(e), done()))
        assert errors == []
        ctx = results[0]
        try:
            assert ctx.case_store_url.get_backend_name() == "postgresql"
            assert ctx.case_store_url.password == PASSWORD  # in memory only
            assert PASSWORD not in ctx.case_store_label
        finally:
            ctx.close()
        assert _files_containing(app_paths.config_dir.parent, PASSWORD) == []

        prompt.asking.disconnect()
        _answer_with(qtbot, prompt, None)
        with qtbot.waitCallback(timeout=60_000) as done:
            runner.submit(connect, lambda c: (results.append(c), done()),
                          lambda e: (errors.append(e), done()))
        assert len(results) == 1 and len(errors) == 1
        assert isinstance(errors[0], UserError)
        assert "No password is available for profile 'store-pg'" in errors[0].message
    assert json.loads(app_paths.settings_file.read_text(encoding="utf-8"))[
        "active_case_store"] == "store-pg"


def _focused(qtbot: QtBot, dialog: QWidget) -> QWidget:
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _tab_walk(qtbot: QtBot, dialog: QWidget, steps: int) -> list[QWidget]:
    """The widgets Tab visits from the initial focus, pressing Tab ``steps`` times."""
    seen = [_focused(qtbot, dialog)]
    for _ in range(steps):
        qtbot.keyClick(seen[-1], Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        assert widget is not None
        seen.append(widget)
    return seen


def test_tab_walks_the_form_then_the_buttons_then_the_list(
        qtbot: QtBot, dialog: ConnectionDialog) -> None:
    d = dialog
    close = d.buttons.button(QDialogButtonBox.StandardButton.Close)
    server = [d.name_edit, d.kind_combo, d.backend_combo, d.host_edit, d.port_spin,
              d.database_edit, d.user_edit, d.password_edit, d.tls_combo, d.ca_edit,
              d.ca_button, d.activate_check, d.save_button, d.test_button, d.draft_button,
              close, d.profile_list, d.new_button]  # Delete: disabled without a profile
    assert d.backend == Backend.POSTGRESQL  # a new profile
    assert _tab_walk(qtbot, d, len(server)) == [*server, d.name_edit]
    assert d.save_button.isDefault()
    # SQLite: the file row instead of the server's; the hidden rows are skipped.
    d.backend_combo.setCurrentIndex(d.backend_combo.findData(Backend.SQLITE))
    d.name_edit.setFocus()
    sqlite = [d.name_edit, d.kind_combo, d.backend_combo, d.path_edit, d.path_button,
              d.activate_check, d.save_button]
    assert _tab_walk(qtbot, d, len(sqlite) - 1) == sqlite


def test_enter_in_a_field_saves(qtbot: QtBot, dialog: ConnectionDialog,
                                tmp_path: Path) -> None:
    d = dialog
    assert _focused(qtbot, d) is d.name_edit  # focus starts in the first field
    qtbot.keyClicks(d.name_edit, "lokal")
    d.backend_combo.setCurrentIndex(d.backend_combo.findData(Backend.SQLITE))
    d.path_edit.setFocus()
    qtbot.keyClicks(d.path_edit, str(tmp_path / "portal.sqlite3"))
    with qtbot.waitSignal(d.saved, timeout=20_000) as saved:
        qtbot.keyClick(d.path_edit, Qt.Key.Key_Return)
    assert saved.args == ["lokal"] and d.isVisible()
