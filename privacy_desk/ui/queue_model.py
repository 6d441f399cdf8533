"""The request queue as a Qt item model, testable without a window.

Rows are the case store's plain :class:`QueueRow` records. Each cell answers the
display role with translated text and :data:`SORT_ROLE` with a value that sorts
correctly (dates and day counts as numbers, not strings), so the proxy model can
sort 100,000 rows without re-parsing text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from privacy_desk.domain.deadlines import Urgency, days_left, urgency
from privacy_desk.domain.lifecycle import OPEN_STATUSES, CaseStatus
from privacy_desk.domain.requests import RequestType
from privacy_desk.services.queue import QueueMarks, QueueRow
from privacy_desk.ui.labels import request_type_label, status_label, urgency_label

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
URGENCY_ROLE = Qt.ItemDataRole.UserRole + 3
#: The case's markers (a :class:`Mark` set) for tests and the view filters.
MARKS_ROLE = Qt.ItemDataRole.UserRole + 4


class Mark(IntEnum):
    """What a case waits for, shown in the queue's "To do" column."""

    DECISION = 1  # an allowance decision (an extract beyond the yearly free one)
    APPROVAL = 2  # a second officer's approval of the erasure plan
    PERSON = 3  # the person (proof of identity)


def mark_label(mark: Mark) -> str:
    labels = {
        Mark.DECISION: QCoreApplication.translate("QueueModel", "Decision needed"),
        Mark.APPROVAL: QCoreApplication.translate("QueueModel", "Approval needed"),
        Mark.PERSON: QCoreApplication.translate("QueueModel", "Waiting for the person"),
    }
    return labels[mark]


def mark_tip(mark: Mark) -> str:
    tips = {
        Mark.DECISION: QCoreApplication.translate(
            "QueueModel", "An extract beyond the yearly free one: record the allowance "
            "decision before answering."),
        Mark.APPROVAL: QCoreApplication.translate(
            "QueueModel", "The erasure plan waits for a second officer's approval."),
        Mark.PERSON: QCoreApplication.translate(
            "QueueModel", "Waiting for the person's proof of identity."),
    }
    return tips[mark]


_MARK_COLOURS = {Mark.DECISION: QColor("#f9d6a5"), Mark.APPROVAL: QColor("#d6e4f9"),
                 Mark.PERSON: QColor("#e8e8e8")}

_URGENCY_COLOURS = {
    Urgency.PLENTY: QColor("#d8f0d8"),
    Urgency.SOON: QColor("#fbe7b5"),
    Urgency.OVERDUE: QColor("#f4c7c3"),
}

AnyIndex = QModelIndex | QPersistentModelIndex

# Added to a closed case's due date when sorting, so open cases always come first.
_CLOSED_OFFSET = 10_000_000


class Col(IntEnum):
    CASE = 0
    TYPE = 1
    RECEIVED = 2
    DUE = 3
    DAYS_LEFT = 4
    STATUS = 5
    MARKS = 6
    PERSON = 7
    ASSIGNEE = 8


#: Columns whose text a narrow queue may cut short ("Registeru…"); their tooltip is the
#: whole text.
ELIDED_COLUMNS = frozenset({Col.TYPE, Col.STATUS, Col.PERSON, Col.ASSIGNEE})


def _headers() -> dict[Col, str]:
    return {
        Col.CASE: QCoreApplication.translate("QueueModel", "Case"),
        Col.TYPE: QCoreApplication.translate("QueueModel", "Type"),
        Col.RECEIVED: QCoreApplication.translate("QueueModel", "Received"),
        Col.DUE: QCoreApplication.translate("QueueModel", "Due"),
        Col.DAYS_LEFT: QCoreApplication.translate("QueueModel", "Days left"),
        Col.STATUS: QCoreApplication.translate("QueueModel", "Status"),
        Col.MARKS: QCoreApplication.translate("QueueModel", "To do"),
        Col.PERSON: QCoreApplication.translate("QueueModel", "Person"),
        Col.ASSIGNEE: QCoreApplication.translate("QueueModel", "Assignee"),
    }


class QueueModel(QAbstractTableModel):
    """Cases in the queue; replace the whole list with :meth:`set_rows`."""

    def __init__(self, today: date | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[QueueRow] = []
        self._positions: dict[int, int] = {}
        self._today = today or date.today()
        self._headers = _headers()
        self._marks = QueueMarks()
        self._mark_labels = {m: mark_label(m) for m in Mark}

    # --- data -----------------------------------------------------------------------
    def set_rows(self, rows: Sequence[QueueRow], today: date | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._positions = {r.case_id: i for i, r in enumerate(self._rows)}
        if today is not None:
            self._today = today
        self.endResetModel()

    def set_marks(self, marks: QueueMarks) -> None:
        """The bulk-read markers (decision, approval) of the loaded queue."""
        self._marks = marks
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(Col) - 1))

    def set_case_marks(self, case_id: int, *, decision: bool, approval: bool) -> None:
        """One case's markers after it was read afresh (an action may have changed them)."""
        m = self._marks
        dec = (m.decision_needed | {case_id}) if decision else (m.decision_needed - {case_id})
        app = (m.approval_needed | {case_id}) if approval else (m.approval_needed - {case_id})
        if dec == m.decision_needed and app == m.approval_needed:
            return
        self._marks = QueueMarks(frozenset(dec), frozenset(app))
        pos = self._positions.get(case_id)
        if pos is not None:
            self.dataChanged.emit(self.index(pos, 0), self.index(pos, len(Col) - 1))

    def marks_of(self, row: QueueRow) -> tuple[Mark, ...]:
        """The row's markers, most pressing first (only open cases wait for anything)."""
        if not self.is_open(row):
            return ()
        found = []
        if row.case_id in self._marks.decision_needed:
            found.append(Mark.DECISION)
        if row.case_id in self._marks.approval_needed:
            found.append(Mark.APPROVAL)
        if row.status is CaseStatus.AWAITING_IDENTITY:
            found.append(Mark.PERSON)
        return tuple(found)

    def row_at(self, row: int) -> QueueRow:
        return self._rows[row]

    def position_of(self, case_id: int) -> int | None:
        """The model row showing ``case_id``, or None if it is not loaded."""
        return self._positions.get(case_id)

    def row_of(self, case_id: int) -> QueueRow | None:
        pos = self._positions.get(case_id)
        return None if pos is None else self._rows[pos]

    def put_row(self, row: QueueRow) -> None:
        """Show a changed case in place (or append a new one) without a reset.

        After an officer's edit only that line changes; resetting 100,000 rows would
        lose the selection and the scroll position.
        """
        pos = self._positions.get(row.case_id)
        if pos is not None and self._rows[pos] == row:
            return  # unchanged: no re-sort of the whole queue for nothing
        if pos is None:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            self._positions[row.case_id] = len(self._rows)
            self._rows.append(row)
            self.endInsertRows()
            return
        self._rows[pos] = row
        self.dataChanged.emit(self.index(pos, 0), self.index(pos, len(Col) - 1))

    def assignees(self) -> list[str]:
        """Every officer holding a case in the queue, sorted (for the assignee filter)."""
        return sorted({r.assignee for r in self._rows if r.assignee}, key=str.casefold)

    @property
    def today(self) -> date:
        return self._today

    def is_open(self, row: QueueRow) -> bool:
        return CaseStatus(row.status) in OPEN_STATUSES

    def urgency_of(self, row: QueueRow) -> Urgency:
        """DONE for cases that are no longer open (no deadline is running)."""
        return urgency(row.due_on, self._today, done=not self.is_open(row))

    # --- Qt model API -------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        # The tooltip repeats the title: a narrow queue elides it ("Dagar…").
        if orientation == Qt.Orientation.Horizontal and role in (
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._headers[Col(section)]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = Col(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == SORT_ROLE:
            return self._sort_key(row, col)
        if role == CASE_ID_ROLE:
            return row.case_id
        if role == URGENCY_ROLE:
            return self.urgency_of(row)
        if role == MARKS_ROLE:
            return self.marks_of(row)
        if col == Col.MARKS and role in (Qt.ItemDataRole.ToolTipRole,
                                         Qt.ItemDataRole.BackgroundRole):
            marks = self.marks_of(row)
            if not marks:
                return None
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(mark_tip(m) for m in marks)
            return QBrush(_MARK_COLOURS[marks[0]])
        if role == Qt.ItemDataRole.BackgroundRole and col in (Col.DUE, Col.DAYS_LEFT):
            colour = _URGENCY_COLOURS.get(self.urgency_of(row))
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and col in (Col.DUE, Col.DAYS_LEFT):
            return urgency_label(self.urgency_of(row))
        if role == Qt.ItemDataRole.ToolTipRole and col in ELIDED_COLUMNS:
            return self._display(row, col) or None  # the whole text, when the cell elides it
        if role == Qt.ItemDataRole.TextAlignmentRole and col == Col.DAYS_LEFT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: QueueRow, col: Col) -> str:
        if col == Col.CASE:
            return row.case_number
        if col == Col.TYPE:
            return request_type_label(row.request_type)
        if col == Col.RECEIVED:
            return row.received_on.isoformat()
        if col == Col.DUE:
            return row.due_on.isoformat()
        if col == Col.DAYS_LEFT:
            return str(days_left(row.due_on, self._today)) if self.is_open(row) else ""
        if col == Col.STATUS:
            return status_label(row.status)
        if col == Col.MARKS:
            return " · ".join(self._mark_labels[m] for m in self.marks_of(row))
        if col == Col.PERSON:
            return row.person_label or ""
        return row.assignee or ""

    def sort_key(self, col: Col) -> Callable[[QueueRow], Any]:
        """A key function for sorting whole rows by ``col``, the same order as SORT_ROLE.

        The proxy sorts 100,000 rows with it in one ``list.sort``; labels are translated
        once per call, not once per row.
        """
        if col == Col.RECEIVED:
            return lambda r: r.received_on.toordinal()
        if col in (Col.DUE, Col.DAYS_LEFT):
            return lambda r: r.due_on.toordinal() + (0 if r.status in OPEN_STATUSES
                                                     else _CLOSED_OFFSET)
        if col == Col.CASE:
            return lambda r: r.case_number.casefold()
        if col == Col.TYPE:
            types = {t: request_type_label(t).casefold() for t in RequestType}
            return lambda r: types[r.request_type]
        if col == Col.STATUS:
            statuses = {s: status_label(s).casefold() for s in CaseStatus}
            return lambda r: statuses[r.status]
        if col == Col.PERSON:
            return lambda r: (r.person_label or "").casefold()
        if col == Col.MARKS:
            # Cases that wait for something first (fewest-pressing last), then by due date.
            return lambda r: (-len(self.marks_of(r)), r.due_on.toordinal())
        return lambda r: (r.assignee or "").casefold()

    def _sort_key(self, row: QueueRow, col: Col) -> Any:
        if col == Col.RECEIVED:
            return row.received_on.toordinal()
        if col in (Col.DUE, Col.DAYS_LEFT):
            # Closed cases sort after every open one, whatever their old due date.
            offset = 0 if self.is_open(row) else _CLOSED_OFFSET
            return row.due_on.toordinal() + offset
        if col == Col.MARKS:
            return -len(self.marks_of(row))
        return self._display(row, col).casefold()
