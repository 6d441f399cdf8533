"""The portability, restriction and objection panels as an officer uses them: clicks on
the real widgets, offscreen, against a copy of the small demo portal."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from privacy_desk.domain.identity import IdentityMethod
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.paths import AppPaths
from privacy_desk.services.cases import register_case, transition_case
from privacy_desk.services.casework import verify_identity
from privacy_desk.services.context import AppContext, open_context
from privacy_desk.services.organisation import ensure_demo_organisation
from privacy_desk.ui.objection_panel import ObjectionPanel
from privacy_desk.ui.portability_panel import PortabilityPanel
from privacy_desk.ui.restriction_panel import RestrictionPanel
from privacy_desk.ui.tasks import TaskRunner
from tests.gui.conftest import AS_OF, DEMO_MAP_FILE

pytestmark = pytest.mark.gui
WAIT = 30_000


@dataclass
class Desk:
    runner: TaskRunner
    ctx: AppContext
    portal: Path
    customer_id: int
    new_case: Callable[[RequestType], int]


def _scalar(portal: Path, sql: str, **params: object) -> object:
    engine = create_engine(f"sqlite:///{portal}")
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql), params).scalar_one()
    finally:
        engine.dispose()


@pytest.fixture
def desk(qtbot: QtBot, small_portal: Path, app_paths: AppPaths,
         tmp_path: Path) -> Iterator[Desk]:
    portal = tmp_path / "portal.sqlite3"
    shutil.copyfile(small_portal, portal)
    ensure_demo_organisation(app_paths)  # letters are written in the demo company's name
    runner = TaskRunner()
    box: dict[str, AppContext] = {}
    runner.submit(partial(open_context, app_paths, portal=str(portal), datamap=DEMO_MAP_FILE),
                  lambda c: box.update(ctx=c))
    qtbot.waitUntil(lambda: "ctx" in box, timeout=WAIT)
    ctx = box["ctx"]
    engine = create_engine(f"sqlite:///{portal}")
    with engine.connect() as conn:
        cid, pnr = conn.execute(text(
            "SELECT c.id, c.personnummer FROM customers c "
            "JOIN newsletter_subscriptions n ON n.customer_id = c.id "
            "JOIN contact_preferences p ON p.customer_id = c.id "
            "WHERE c.personnummer IS NOT NULL AND n.unsubscribed_at IS NULL "
            "AND (p.allow_email = 1 OR p.allow_sms = 1) ORDER BY c.id LIMIT 1")).one()
    engine.dispose()

    def new_case(kind: RequestType) -> int:
        store = ctx.case_store
        d = register_case(store, request_type=kind, channel=Channel.PAPER,
                          received_on=date(2026, 11, 2), person_label="Testperson",
                          identifiers=[(None, str(pnr))], today=AS_OF)
        d = verify_identity(store, d.case_id, method=IdentityMethod.SIGNED_LETTER,
                            evidence="signed letter", verified_on=date(2026, 11, 3),
                            expected_version=d.version, today=AS_OF)
        transition_case(store, d.case_id, CaseStatus.IN_PROGRESS, actor=store.actor,
                        reason=None, expected_version=d.version, today=AS_OF)
        return d.case_id

    try:
        yield Desk(runner, ctx, portal, int(cid), new_case)
    finally:
        runner.shutdown()
        ctx.close()


def _click(qtbot: QtBot, button: QWidget) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_portability_panel_previews_exports_and_records_a_transfer(
        desk: Desk, qtbot: QtBot, tmp_path: Path) -> None:
    panel = PortabilityPanel(desk.runner)
    qtbot.addWidget(panel)
    panel.set_context(desk.ctx)
    panel.show()
    case_id = desk.new_case(RequestType.PORTABILITY)
    with qtbot.waitSignal(panel.preview_shown, timeout=WAIT) as shown:
        panel.load_case(case_id)
    assert "invoices" in shown.args[0].included
    tops = [panel.scope_tree.topLevelItem(i).text(0)
            for i in range(panel.scope_tree.topLevelItemCount())]
    assert tops[0] == "Included" and len(tops) >= 2  # and why the rest is left out
    panel.folder_row.edit.setText(str(tmp_path))
    with qtbot.waitSignal(panel.exported, timeout=WAIT) as done:
        _click(qtbot, panel.export_button)
    assert all((tmp_path / f.filename).exists() for f in done.args[0].files)
    assert not panel.transfer_button.isEnabled()
    qtbot.keyClicks(panel.recipient_edit, "Annan Energi AB")
    qtbot.keyClicks(panel.channel_edit, "SFTP")
    with qtbot.waitSignal(panel.transferred, timeout=WAIT) as t:
        _click(qtbot, panel.transfer_button)
    assert t.args[0].recipient == "Annan Energi AB"


def test_restriction_panel_plans_applies_lists_and_lifts_after_the_notice(
        desk: Desk, qtbot: QtBot, tmp_path: Path) -> None:
    panel = RestrictionPanel(desk.runner)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.active_listed, timeout=WAIT):
        panel.set_context(desk.ctx)
    panel.show()
    case_id = desk.new_case(RequestType.RESTRICTION)
    with qtbot.waitSignal(panel.person_ready, timeout=WAIT):
        panel.load_case(case_id)
    qtbot.waitUntil(lambda: not panel._busy, timeout=WAIT)
    assert not panel.plan_button.isEnabled()  # a reason is required
    qtbot.keyClicks(panel.reason_edit, "the person contests the address")
    with qtbot.waitSignal(panel.planned, timeout=WAIT):
        _click(qtbot, panel.plan_button)
    assert panel.plan_tree.topLevelItemCount() == len(panel.restriction.plan.rows)  # type: ignore[union-attr]
    with qtbot.waitSignal(panel.dry_run_shown, timeout=WAIT):
        _click(qtbot, panel.dry_run_button)
    with qtbot.waitSignal(panel.applied, timeout=WAIT) as applied:
        _click(qtbot, panel.apply_button)
    assert applied.args[0].state == "active"
    assert _scalar(desk.portal, "SELECT processing_restricted FROM customers WHERE id = :c",
                   c=desk.customer_id) == 1
    qtbot.waitUntil(lambda: panel.active_tree.topLevelItemCount() == 1, timeout=WAIT)
    with qtbot.waitSignal(panel.failed, timeout=WAIT) as refused:
        _click(qtbot, panel.lift_button)
    assert "18" in refused.args[0]
    assert _scalar(desk.portal, "SELECT processing_restricted FROM customers WHERE id = :c",
                   c=desk.customer_id) == 1
    panel.folder_row.edit.setText(str(tmp_path))
    qtbot.keyClicks(panel.lift_reason, "the address was checked")
    with qtbot.waitSignal(panel.letter_written, timeout=WAIT):
        _click(qtbot, panel.notice_button)
    qtbot.waitUntil(lambda: panel.restriction is not None
                    and panel.restriction.notice_file is not None, timeout=WAIT)
    qtbot.waitUntil(panel.lift_button.isEnabled, timeout=WAIT)
    with qtbot.waitSignal(panel.lifted, timeout=WAIT):
        _click(qtbot, panel.lift_button)
    assert _scalar(desk.portal, "SELECT processing_restricted FROM customers WHERE id = :c",
                   c=desk.customer_id) == 0
    qtbot.waitUntil(lambda: panel.active_tree.topLevelItemCount() == 0, timeout=WAIT)


def test_objection_panel_stops_marketing_and_records_the_balancing(
        desk: Desk, qtbot: QtBot, tmp_path: Path) -> None:
    panel = ObjectionPanel(desk.runner)
    qtbot.addWidget(panel)
    panel.set_context(desk.ctx)
    panel.show()
    case_id = desk.new_case(RequestType.OBJECTION)
    with qtbot.waitSignal(panel.person_ready, timeout=WAIT):
        panel.load_case(case_id)
    with qtbot.waitSignal(panel.marketing_stopped, timeout=WAIT) as stopped:
        _click(qtbot, panel.stop_button)
    assert stopped.args[0].verified
    assert _scalar(desk.portal, "SELECT count(*) FROM contact_preferences WHERE "
                   "customer_id = :c AND (allow_email = 1 OR allow_sms = 1)",
                   c=desk.customer_id) == 0
    assert _scalar(desk.portal, "SELECT count(*) FROM newsletter_subscriptions WHERE "
                   "customer_id = :c AND unsubscribed_at IS NULL", c=desk.customer_id) == 0
    panel.outcome_combo.setCurrentIndex(2)  # compelling grounds
    qtbot.keyClicks(panel.balancing_reason, "login logs protect the account")
    with qtbot.waitSignal(panel.decided, timeout=WAIT) as decided:
        _click(qtbot, panel.decide_button)
    assert decided.args[0].outcome == "compelling_grounds"
    panel.folder_row.edit.setText(str(tmp_path))
    with qtbot.waitSignal(panel.letter_written, timeout=WAIT) as letter:
        _click(qtbot, panel.letter_button)
    assert letter.args[0].path.exists()
