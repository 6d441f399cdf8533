"""The queue's item model on its own, without a window."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from pytestqt.qtbot import QtBot

from privacy_desk.casestore.queries import QueueRow
from privacy_desk.domain.deadlines import Urgency
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import RequestType
from privacy_desk.ui.queue_filter import QueueFilterProxy, QueueView
from privacy_desk.ui.queue_model import CASE_ID_ROLE, SORT_ROLE, URGENCY_ROLE, Col, QueueModel

TODAY = date(2026, 11, 25)


def _row(case_id: int, due: date, status: CaseStatus = CaseStatus.RECEIVED,
         person: str = "Anna Testsson") -> QueueRow:
    return QueueRow(case_id, f"PD-2026-{case_id:05d}", RequestType.ACCESS, status,
                    date(2026, 10, 20), due, person, None, 1)


def _model() -> QueueModel:
    model = QueueModel(today=TODAY)
    model.set_rows([
        _row(1, date(2026, 12, 20)),                      # plenty of time
        _row(2, date(2026, 11, 30)),                      # due within a week
        _row(3, date(2026, 11, 2)),                       # overdue
        _row(4, date(2026, 10, 1), CaseStatus.CLOSED),    # closed: no deadline running
    ])
    return model


def test_urgency_and_days_left_per_row(qtbot: QtBot) -> None:
    model = _model()
    urgencies = [model.index(r, Col.DUE).data(URGENCY_ROLE) for r in range(4)]
    assert urgencies == [Urgency.PLENTY, Urgency.SOON, Urgency.OVERDUE, Urgency.DONE]
    days = [model.index(r, Col.DAYS_LEFT).data() for r in range(4)]
    assert days == ["25", "5", "-23", ""]


def test_due_cells_are_coloured_only_while_open(qtbot: QtBot) -> None:
    model = _model()
    brushes = [model.index(r, Col.DUE).data(Qt.ItemDataRole.BackgroundRole) for r in range(4)]
    assert all(isinstance(b, QBrush) for b in brushes[:3])
    assert len({b.color().name() for b in brushes[:3]}) == 3  # three distinct colours
    assert brushes[3] is None
    assert model.index(0, Col.CASE).data(Qt.ItemDataRole.BackgroundRole) is None


def test_sort_role_orders_dates_and_puts_closed_cases_last(qtbot: QtBot) -> None:
    model = _model()
    proxy = QueueFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_view(QueueView.ALL)  # "All open" (the default) hides the closed case
    proxy.sort(Col.DUE, Qt.SortOrder.AscendingOrder)
    ids = [proxy.index(r, 0).data(CASE_ID_ROLE) for r in range(proxy.rowCount())]
    assert ids == [3, 2, 1, 4]
    assert isinstance(model.index(0, Col.RECEIVED).data(SORT_ROLE), int)


def test_filter_matches_case_number_and_person_case_insensitively(qtbot: QtBot) -> None:
    model = _model()
    model.set_rows([*(_row(i, date(2026, 12, 1)) for i in (1, 2)),
                    _row(3, date(2026, 12, 1), person="Östen Ärlig")])
    proxy = QueueFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_text("öSTEN")
    assert proxy.rowCount() == 1
    proxy.set_text("PD-2026-00002")
    assert [proxy.index(r, 0).data(CASE_ID_ROLE) for r in range(proxy.rowCount())] == [2]
    proxy.set_text("")
    assert proxy.rowCount() == 3


def test_headers_are_named(qtbot: QtBot) -> None:
    model = _model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in Col]
    assert headers[Col.CASE] == "Case" and headers[Col.DUE] == "Due"
    assert model.rowCount() == 4 and model.columnCount() == len(Col)
