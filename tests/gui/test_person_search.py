"""Finding a person from the search box and seeing what the portal holds, as an officer does."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, func, select

from privacy_desk.casestore.audit import read_entries
from privacy_desk.paths import AppPaths
from privacy_desk.portal.demo.schema import account_customers, customers, portal_accounts
from privacy_desk.services.context import AppContext, open_context
from privacy_desk.ui.person_search import PersonSearchPanel
from privacy_desk.ui.tasks import TaskRunner
from tests.gui.conftest import DEMO_MAP_FILE


@pytest.fixture
def panel(qtbot: QtBot, small_portal: Path, app_paths: AppPaths) -> Iterator[PersonSearchPanel]:
    runner = TaskRunner()
    box: dict[str, AppContext] = {}
    runner.submit(partial(open_context, app_paths, portal=str(small_portal),
                          datamap=DEMO_MAP_FILE), lambda ctx: box.update(ctx=ctx))
    qtbot.waitUntil(lambda: "ctx" in box, timeout=30_000)
    widget = PersonSearchPanel(runner)
    qtbot.addWidget(widget)
    widget.set_context(box["ctx"])
    widget.reason_edit.setText("a caller asks what we hold")  # no case here: a reason
    widget.show()
    yield widget
    runner.shutdown()
    box["ctx"].close()


def _portal_rows(portal: Path, stmt):  # type: ignore[no-untyped-def]
    engine = create_engine(f"sqlite:///{portal}")
    try:
        with engine.connect() as conn:
            return conn.execute(stmt).all()
    finally:
        engine.dispose()


def test_personnummer_typed_with_a_dash_finds_the_customer(
    panel: PersonSearchPanel, qtbot: QtBot, small_portal: Path
) -> None:
    pnr, first = _portal_rows(small_portal, select(customers.c.personnummer,
                                                   customers.c.first_name)
                              .where(customers.c.personnummer.is_not(None)).limit(1))[0]
    typed = f"{pnr[2:8]}-{pnr[8:]}"  # YYMMDD-NNNN, as people write it
    qtbot.keyClicks(panel.search_edit, typed)
    with qtbot.waitSignal(panel.person_loaded, timeout=30_000) as blocker:
        qtbot.keyClick(panel.search_edit, Qt.Key.Key_Return)
    assert blocker.args[0] > 0
    top = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert top, "categories are listed"
    assert first in panel.message.text()
    texts: list[str] = []

    def walk(item) -> None:  # type: ignore[no-untyped-def]
        texts.append(item.text(1))
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(panel.tree.topLevelItemCount()):
        walk(panel.tree.topLevelItem(i))
    assert pnr in texts  # the stored personnummer is among the values shown

    # Both the search and the view are in the audit trail, without the person's data.
    ctx = panel._ctx
    assert ctx is not None
    with ctx.case_store.sessions() as session:
        entries = read_entries(session)
    actions = [e.action for e in entries]
    assert "person_searched" in actions and "person_data_viewed" in actions
    for e in entries:
        assert pnr not in repr(e.details) and pnr[2:8] not in repr(e.details)


def test_what_the_map_never_discloses_is_not_shown_to_the_officer_either(
    panel: PersonSearchPanel, qtbot: QtBot, small_portal: Path
) -> None:
    pnr, password_hash = _portal_rows(small_portal, select(
        customers.c.personnummer, portal_accounts.c.password_hash)
        .join(account_customers, account_customers.c.customer_id == customers.c.id)
        .join(portal_accounts, portal_accounts.c.id == account_customers.c.account_id)
        .where(customers.c.personnummer.is_not(None)).limit(1))[0]
    qtbot.keyClicks(panel.search_edit, pnr)
    with qtbot.waitSignal(panel.person_loaded, timeout=30_000):
        qtbot.keyClick(panel.search_edit, Qt.Key.Key_Return)
    texts: list[str] = []

    def walk(item) -> None:  # type: ignore[no-untyped-def]
        texts.append(item.text(1))
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(panel.tree.topLevelItemCount()):
        walk(panel.tree.topLevelItem(i))
    assert password_hash not in texts
    # the field is named in the map's words, with its machine name as the tooltip
    fields = panel.tree.findItems("password_hash", Qt.MatchFlag.MatchRecursive, 0)
    assert fields == []
    titled = [item for item in panel.tree.findItems("*", Qt.MatchFlag.MatchWildcard
                                                    | Qt.MatchFlag.MatchRecursive, 0)
              if item.toolTip(0) == "password_hash"]
    assert titled and all(item.text(0) != "password_hash" for item in titled)
    assert any(t in ("withheld (data map)", "undantagen (datakartan)") for t in texts)


def test_a_shared_email_lists_every_candidate_and_merges_none(
    panel: PersonSearchPanel, qtbot: QtBot, small_portal: Path
) -> None:
    shared = _portal_rows(small_portal, select(customers.c.email)
                          .where(customers.c.email.is_not(None))
                          .group_by(customers.c.email)
                          .having(func.count() > 1).limit(1))
    assert shared, "the demo has households sharing an e-mail"
    email = shared[0][0]
    panel.search_edit.setText(email.upper())  # e-mail matching ignores case
    with qtbot.waitSignal(panel.candidates_found, timeout=30_000) as blocker:
        qtbot.mouseClick(panel.search_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] >= 2
    assert panel.candidates.count() == blocker.args[0]
    assert panel.tree.topLevelItemCount() == 0  # nothing shown until the officer chooses
    with qtbot.waitSignal(panel.person_loaded, timeout=30_000):
        qtbot.keyClick(panel.candidates, Qt.Key.Key_Return)
    assert panel.tree.topLevelItemCount() > 0


def test_a_bad_check_digit_is_explained(panel: PersonSearchPanel, qtbot: QtBot) -> None:
    panel.search_edit.setText("19811218-9877")  # check digit does not fit
    with qtbot.waitSignal(panel.search_failed, timeout=30_000) as blocker:
        panel.search()
    assert "invalid check digit" in blocker.args[0]
    assert "9877" not in blocker.args[0]
    assert panel.tree.topLevelItemCount() == 0


def test_nobody_found(panel: PersonSearchPanel, qtbot: QtBot) -> None:
    panel.search_edit.setText("nobody-at-all@example.org")
    with qtbot.waitSignal(panel.search_failed, timeout=30_000) as blocker:
        panel.search()
    assert "Nobody in the portal matches" in blocker.args[0]


def test_search_by_name_lists_namesakes_with_what_tells_them_apart(
    panel: PersonSearchPanel, qtbot: QtBot, small_portal: Path
) -> None:
    from privacy_desk.datamap.names import fold

    rows = _portal_rows(small_portal, select(customers.c.first_name, func.count())
                        .where(customers.c.first_name.is_not(None),
                               customers.c.personnummer.is_not(None))
                        .group_by(customers.c.first_name)
                        .having(func.count().between(2, 20)).limit(1))
    assert rows, "the demo has first names shared by a few customers"
    first = rows[0][0]
    people = _portal_rows(small_portal, select(customers.c.first_name, customers.c.last_name,
                                               customers.c.personnummer)
                          .where(customers.c.first_name == first))
    panel.search_kind.setCurrentIndex(panel.search_kind.findData("name"))
    assert panel.postcode_edit.isVisible()
    panel.search_edit.setText(fold(first).upper())  # case and accents do not matter
    with qtbot.waitSignal(panel.candidates_found, timeout=30_000) as blocker:
        panel.search()
    assert blocker.args[0] >= len(people)
    texts = [panel.candidates.item(i).text() for i in range(panel.candidates.count())]
    for first_name, last_name, pnr in people:
        label = f"{first_name} {last_name}"
        ours = [t for t in texts if t.startswith(label + " — ")]
        assert ours and any(pnr[:4] in t for t in ours), (label, texts)
    assert all("customer" in t for t in texts)  # the kind of person is shown
    ctx = panel._ctx
    assert ctx is not None
    with ctx.case_store.sessions() as session:
        entries = read_entries(session)
    assert entries[-1].action == "person_searched"
    assert first not in repr(entries[-1].details)  # the name is not in the trail
    # back to identifiers: the postcode field goes away
    panel.search_kind.setCurrentIndex(0)
    assert not panel.postcode_edit.isVisible()


def test_a_look_up_without_a_reason_is_refused_and_the_reason_goes_to_the_trail(
    panel: PersonSearchPanel, qtbot: QtBot, small_portal: Path
) -> None:
    pnr = _portal_rows(small_portal, select(customers.c.personnummer)
                       .where(customers.c.personnummer.is_not(None)).limit(1))[0][0]
    ctx = panel._ctx
    assert ctx is not None
    with ctx.case_store.sessions() as session:
        before = len(read_entries(session))
    panel.reason_edit.clear()
    qtbot.keyClicks(panel.search_edit, pnr)
    with qtbot.waitSignal(panel.search_failed, timeout=5_000) as refused:
        qtbot.keyClick(panel.search_edit, Qt.Key.Key_Return)
    assert "reason" in refused.args[0] and panel.reason_edit.hasFocus()
    assert panel.tree.topLevelItemCount() == 0
    with ctx.case_store.sessions() as session:
        assert len(read_entries(session)) == before  # nothing was looked up
    qtbot.keyClicks(panel.reason_edit, "checking a complaint")
    with qtbot.waitSignal(panel.person_loaded, timeout=30_000):
        qtbot.keyClick(panel.reason_edit, Qt.Key.Key_Return)
    with ctx.case_store.sessions() as session:
        looks = [e for e in read_entries(session)[before:]
                 if e.action in ("person_searched", "person_data_viewed")]
    assert [e.action for e in looks] == ["person_searched", "person_data_viewed"]
    assert all(e.details["case"] == "none" and e.details["reason"] == "checking a complaint"
               for e in looks)
