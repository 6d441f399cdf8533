"""The queue's sort/filter proxy on its own: same order as the sort role, criteria combine,
the selection survives a filter change, and edits are re-sorted in place."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from privacy_desk.casestore.queries import QueueRow
from privacy_desk.domain.lifecycle import OPEN_STATUSES, TERMINAL_STATUSES, CaseStatus
from privacy_desk.domain.requests import RequestType
from privacy_desk.services.queue import QueueMarks
from privacy_desk.ui.queue_filter import UNASSIGNED, QueueFilterProxy, QueueView
from privacy_desk.ui.queue_model import CASE_ID_ROLE, MARKS_ROLE, SORT_ROLE, Col, Mark, QueueModel

TODAY = date(2026, 11, 25)


def _rows(n: int = 300) -> list[QueueRow]:
    rng = random.Random(3)
    return [QueueRow(i, f"PD-2026-{i:05d}", rng.choice(list(RequestType)),
                     rng.choice(list(CaseStatus)), TODAY - timedelta(days=rng.randrange(90)),
                     TODAY + timedelta(days=rng.randrange(-30, 40)),
                     rng.choice(["Östen Ärlig", "anna Test", "Bo Prov", ""]),
                     rng.choice([None, "anna", "bo"]), 1) for i in range(1, n + 1)]


def _proxy(rows: list[QueueRow]) -> tuple[QueueModel, QueueFilterProxy]:
    model = QueueModel(today=TODAY)
    model.set_rows(rows)
    proxy = QueueFilterProxy()
    proxy.setSourceModel(model)
    assert proxy.view is QueueView.OPEN  # the desk starts on "All open"
    proxy.set_view(QueueView.ALL)
    return model, proxy


def _ids(proxy: QueueFilterProxy) -> list[int]:
    return [proxy.index(r, 0).data(CASE_ID_ROLE) for r in range(proxy.rowCount())]


def test_every_column_sorts_like_its_sort_role(qtbot: QtBot) -> None:
    model, proxy = _proxy(_rows())
    for col in Col:
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            proxy.sort(col, order)
            keys = [proxy.index(r, col).data(SORT_ROLE) for r in range(proxy.rowCount())]
            assert keys == sorted(keys, reverse=order == Qt.SortOrder.DescendingOrder), col
    assert proxy.rowCount() == model.rowCount()


def test_criteria_combine_and_clear(qtbot: QtBot) -> None:
    rows = _rows()
    _, proxy = _proxy(rows)
    proxy.set_statuses(OPEN_STATUSES)
    proxy.set_request_type(RequestType.ERASURE)
    proxy.set_assignee(UNASSIGNED)
    proxy.set_overdue_only(True)
    proxy.set_text("ärlig")
    expected = [r.case_id for r in rows if r.status in OPEN_STATUSES
                and r.request_type is RequestType.ERASURE and r.assignee is None
                and r.due_on < TODAY and r.person_label == "Östen Ärlig"]
    assert expected and sorted(_ids(proxy)) == expected
    for clear in (lambda: proxy.set_statuses(None), lambda: proxy.set_request_type(None),
                  lambda: proxy.set_assignee(None), lambda: proxy.set_overdue_only(False),
                  lambda: proxy.set_text("")):
        clear()
    assert proxy.rowCount() == len(rows)


def test_selection_survives_filtering_and_sorting(qtbot: QtBot) -> None:
    rows = _rows()
    model, proxy = _proxy(rows)
    selection = QItemSelectionModel(proxy)
    target = next(r for r in rows if r.assignee == "anna")
    selection.setCurrentIndex(proxy.mapFromSource(model.index(target.case_id - 1, 0)),
                              QItemSelectionModel.SelectionFlag.ClearAndSelect)
    proxy.set_assignee("anna")
    proxy.sort(Col.PERSON, Qt.SortOrder.DescendingOrder)
    assert selection.currentIndex().data(CASE_ID_ROLE) == target.case_id
    proxy.set_assignee("bo")  # the selected case is filtered out: nothing is current
    assert not selection.currentIndex().isValid()


def test_an_edited_case_moves_to_its_new_place(qtbot: QtBot) -> None:
    rows = [QueueRow(i, f"PD-2026-{i:05d}", RequestType.ACCESS, CaseStatus.RECEIVED,
                     TODAY, TODAY + timedelta(days=i), "x", None, 1) for i in (1, 2, 3)]
    model, proxy = _proxy(rows)
    proxy.sort(Col.DUE, Qt.SortOrder.AscendingOrder)
    proxy.set_statuses(OPEN_STATUSES)
    model.put_row(replace(rows[0], status=CaseStatus.CLOSED))
    assert _ids(proxy) == [2, 3]
    model.put_row(replace(rows[0], case_id=4, case_number="PD-2026-00004",
                          due_on=TODAY - timedelta(days=1)))
    assert _ids(proxy) == [4, 2, 3]


def test_views_show_their_part_of_the_work_with_markers(qtbot: QtBot) -> None:
    rows = _rows()
    model, proxy = _proxy(rows)
    open_ids = [r.case_id for r in rows if r.status not in TERMINAL_STATUSES]
    owing = {r.case_id for r in rows if r.status in OPEN_STATUSES}  # an answer is owed
    decision = set(open_ids[:5]) | {next(r.case_id for r in rows
                                         if r.status in TERMINAL_STATUSES)}
    approval = set(open_ids[3:7])
    model.set_marks(QueueMarks(frozenset(decision), frozenset(approval)))
    expect = {
        QueueView.OPEN: set(open_ids),
        QueueView.CLOSED: {r.case_id for r in rows if r.status in TERMINAL_STATUSES},
        QueueView.MINE: {r.case_id for r in rows
                         if r.assignee == "anna" and r.status not in TERMINAL_STATUSES},
        QueueView.IDENTITY: {r.case_id for r in rows
                             if r.status is CaseStatus.AWAITING_IDENTITY},
        # A closed case waits for nothing, whatever the marks say.
        QueueView.DECISION: set(open_ids[:5]) & owing,
        QueueView.APPROVAL: approval & owing,
        QueueView.ALL: {r.case_id for r in rows},
    }
    for view, ids in expect.items():
        proxy.set_view(view, "anna")
        assert set(_ids(proxy)) == ids, view
    proxy.set_view(QueueView.ALL)
    both = next(i for i in open_ids[3:5] if i in owing)
    row = model.position_of(both)
    assert row is not None
    index = model.index(row, Col.MARKS)
    assert index.data(MARKS_ROLE)[:2] == (Mark.DECISION, Mark.APPROVAL)
    assert index.data().startswith("Decision needed · Approval needed")
    assert "second officer" in index.data(Qt.ItemDataRole.ToolTipRole)
    # One case read afresh: its decision was recorded, the marker goes.
    model.set_case_marks(both, decision=False, approval=True)
    assert Mark.DECISION not in model.index(row, Col.MARKS).data(MARKS_ROLE)
    proxy.set_view(QueueView.DECISION)
    assert both not in _ids(proxy)
