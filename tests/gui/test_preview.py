"""The preview panel as an officer uses it: load a verified access case, withhold a field
with a reason by selecting it and clicking, export, and find it absent from every file."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from privacy_desk.domain.identity import IdentityMethod
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.paths import AppPaths
from privacy_desk.services.access import list_exports, list_withheld
from privacy_desk.services.cases import register_case, transition_case
from privacy_desk.services.casework import verify_identity
from privacy_desk.services.context import AppContext, open_context
from privacy_desk.ui.preview import TARGET_ROLE, PreviewPanel
from privacy_desk.ui.tasks import TaskRunner
from tests.gui.conftest import AS_OF, DEMO_MAP_FILE
from tests.organisations import set_demo_organisation

pytestmark = pytest.mark.gui


@dataclass
class Setup:
    panel: PreviewPanel
    ctx: AppContext
    case_id: int
    email: str


@pytest.fixture
def setup(qtbot: QtBot, small_portal: Path, app_paths: AppPaths) -> Iterator[Setup]:
    set_demo_organisation(app_paths)  # the extract is written in the company's name
    runner = TaskRunner()
    box: dict[str, AppContext] = {}
    runner.submit(partial(open_context, app_paths, portal=str(small_portal),
                          datamap=DEMO_MAP_FILE), lambda ctx: box.update(ctx=ctx))
    qtbot.waitUntil(lambda: "ctx" in box, timeout=30_000)
    ctx = box["ctx"]
    engine = create_engine(f"sqlite:///{small_portal}")
    try:
        with engine.connect() as conn:
            pnr, email = conn.execute(text(
                "SELECT personnummer, email FROM customers WHERE personnummer IS NOT NULL "
                "AND email IS NOT NULL ORDER BY id LIMIT 1")).one()
    finally:
        engine.dispose()
    store = ctx.case_store
    d = register_case(store, request_type=RequestType.ACCESS, channel=Channel.PAPER,
                      received_on=date(2026, 11, 2), person_label="Testperson",
                      identifiers=[(None, pnr)], today=AS_OF)
    d = verify_identity(store, d.case_id, method=IdentityMethod.SIGNED_LETTER,
                        evidence="signed letter", verified_on=date(2026, 11, 3),
                        expected_version=d.version, today=AS_OF)
    transition_case(store, d.case_id, CaseStatus.IN_PROGRESS, actor=store.actor, reason=None,
                    expected_version=d.version, today=AS_OF)
    panel = PreviewPanel(runner)
    qtbot.addWidget(panel)
    panel.set_context(ctx)
    panel.show()
    yield Setup(panel, ctx, d.case_id, str(email))
    runner.shutdown()
    ctx.close()


def _find_field(panel: PreviewPanel, table: str, column: str) -> QTreeWidgetItem:
    stack = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        target = item.data(0, TARGET_ROLE)
        if isinstance(target, tuple) and target[0] == table and target[2] == column:
            return item
        stack.extend(item.child(i) for i in range(item.childCount()))
    raise AssertionError(f"no {table}.{column} in the tree")


def _texts(panel: PreviewPanel) -> set[str]:
    """Every text of the tree's first column."""
    out: set[str] = set()
    stack = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        out.add(item.text(0))
        stack.extend(item.child(i) for i in range(item.childCount()))
    return out


def test_withhold_a_field_and_export_from_the_panel(setup: Setup, qtbot: QtBot,
                                                    tmp_path: Path) -> None:
    panel = setup.panel
    with qtbot.waitSignal(panel.preview_loaded, timeout=30_000) as loaded:
        panel.load_case(setup.case_id)
    assert loaded.args[0] > 0
    assert panel.tree.topLevelItemCount() > 0
    assert not panel.withhold_button.isEnabled()  # nothing selected, no reason yet

    field = _find_field(panel, "customers", "email")
    assert field.text(1) == setup.email
    # The map's words: column titles, value labels, not the portal's names and codes.
    assert field.text(0) in ("E-postadress", "E-mail address")
    consent = _find_field(panel, "contact_preferences", "allow_email")
    assert consent.text(0) in ("Utskick via e-post", "Messages by e-mail")
    assert consent.text(1) in ("Ja", "Nej", "Yes", "No")
    titles = _texts(panel)
    assert "customers" not in titles and "allow_email" not in titles
    assert {"Kunduppgifter", "Customer details"} & titles
    panel.tree.setCurrentItem(field)
    qtbot.keyClicks(panel.reason_edit, "Belongs to the co-holder")
    assert panel.withhold_button.isEnabled()
    with qtbot.waitSignal(panel.withheld_changed, timeout=30_000) as changed:
        qtbot.mouseClick(panel.withhold_button, Qt.MouseButton.LeftButton)
    assert changed.args[0] == 1
    [item] = list_withheld(setup.ctx.case_store, setup.case_id)
    assert (item.table, item.column, item.reason) == ("customers", "email",
                                                      "Belongs to the co-holder")
    shown = _find_field(panel, "customers", "email")
    assert shown.font(0).strikeOut() and shown.text(1) != setup.email

    out = tmp_path / "out"
    out.mkdir()
    panel.folder_edit.setText(str(out))
    with qtbot.waitSignal(panel.exported, timeout=60_000) as done:
        qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    result = done.args[0]
    assert sorted(p.name for p in out.iterdir()) == sorted(f.filename for f in result.files)
    zip_path = next(p for p in out.iterdir() if p.suffix == ".zip")
    with zipfile.ZipFile(zip_path) as zf:
        customers = json.loads(zf.read("extract.json"))["categories"]["contact"]["tables"][
            "customers"]
    assert "email" not in customers[0]["values"] and customers[0]["withheld"] == ["email"]
    assert len(list_exports(setup.ctx.case_store, setup.case_id)) == 1


def test_export_into_a_missing_folder_says_so(setup: Setup, qtbot: QtBot,
                                              tmp_path: Path) -> None:
    panel = setup.panel
    with qtbot.waitSignal(panel.preview_loaded, timeout=30_000):
        panel.load_case(setup.case_id)
    panel.folder_edit.setText(str(tmp_path / "nowhere"))
    with qtbot.waitSignal(panel.failed, timeout=30_000) as failed:
        qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert "does not exist" in failed.args[0]
    assert list_exports(setup.ctx.case_store, setup.case_id) == ()


def test_withholding_keeps_the_tree_open_and_shows_the_reason(setup: Setup,
                                                             qtbot: QtBot) -> None:
    panel = setup.panel
    with qtbot.waitSignal(panel.preview_loaded, timeout=30_000):
        panel.load_case(setup.case_id)
    field = _find_field(panel, "customers", "email")
    row, table = field.parent(), field.parent().parent()
    for item in (table, row):  # the officer opens the table and the row, as with clicks
        panel.tree.setCurrentItem(item)
        qtbot.keyClick(panel.tree, Qt.Key.Key_Right)
    assert table.isExpanded() and row.isExpanded()
    panel.tree.setCurrentItem(field)
    qtbot.keyClicks(panel.reason_edit, "Belongs to the co-holder")
    with qtbot.waitSignal(panel.withheld_changed, timeout=30_000):
        qtbot.mouseClick(panel.withhold_button, Qt.MouseButton.LeftButton)
    shown = _find_field(panel, "customers", "email")
    assert shown is not field  # the tree was rebuilt …
    assert shown.parent().isExpanded() and shown.parent().parent().isExpanded()  # … as it was
    assert panel.tree.currentItem() is shown
    assert shown.text(1) == "withheld – Belongs to the co-holder"
    assert "Belongs to the co-holder" in shown.toolTip(1)
