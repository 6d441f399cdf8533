"""GUI fixtures: a small synthetic portal and the real main window, offscreen."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import date
from functools import partial
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from privacy_desk.dburl import parse_target
from privacy_desk.paths import AppPaths
from privacy_desk.portal.demo.generator import generate_demo_portal
from privacy_desk.resources import resource_path
from privacy_desk.services.context import open_context
from privacy_desk.ui.main_window import MainWindow
from privacy_desk.ui.tasks import TaskRunner
from tests.organisations import set_demo_organisation

#: A fixed reference date so the generated requests (and their deadlines) are stable.
AS_OF = date(2026, 11, 20)
DEMO_MAP_FILE = resource_path("datamaps", "demo-portal.yaml")


@pytest.fixture(autouse=True)
def _garbage_collected_on_the_gui_thread(qapp: object) -> Iterator[None]:
    """As in the app (privacy_desk.ui.gc_guard): cycles holding Qt objects must never be
    collected on the database worker thread, where Qt would destroy them and crash."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        gc.enable()


@pytest.fixture(scope="session")
def small_portal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 120-customer demo portal, built once per test session and only read by GUI tests."""
    path = tmp_path_factory.mktemp("portal") / "portal.sqlite3"
    generate_demo_portal(parse_target(path), customers=120, seed=7, as_of=AS_OF)
    return path


@pytest.fixture
def window(qtbot: QtBot, small_portal: Path, app_paths: AppPaths) -> Iterator[MainWindow]:
    """The real main window on the small portal and a fresh SQLite case store."""
    set_demo_organisation(app_paths)  # letters need the company
    runner = TaskRunner()
    connect = partial(open_context, app_paths, portal=str(small_portal), datamap=DEMO_MAP_FILE)
    win = MainWindow(runner, connect, show_error_dialogs=False)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.queue_loaded, timeout=60_000):
        win.start()
    yield win
    win.close()
