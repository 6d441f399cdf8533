"""Sorting and filtering the queue without touching the database — fast at 100,000 cases.

A ``QSortFilterProxyModel`` sorts by calling back into Python for every comparison
(about 1.7 million ``data()`` calls for 100,000 rows: 6-7 s measured) and filters with
one Python call per row. This proxy instead keeps the visible order as a plain list of
source rows: sorting is one ``list.sort`` over per-column keys taken straight from the
:class:`QueueRow` records, and each filter criterion is one list comprehension over
columns precomputed when the rows arrive. See ``## queue`` in docs/benchmarks.md.

Filter and sort changes keep the selection (persistent indexes are remapped), like the
Qt proxy they replace.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Collection
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from privacy_desk.domain.lifecycle import OPEN_STATUSES, TERMINAL_STATUSES, CaseStatus
from privacy_desk.domain.requests import RequestType
from privacy_desk.ui.queue_model import Col, Mark, QueueModel

#: The assignee filter's value for cases nobody holds.
UNASSIGNED = ""


class QueueView(enum.StrEnum):
    """The queue's views: which part of the work the officer looks at."""

    MINE = "mine"  # the cases I hold that are not closed
    APPROVAL = "approval"  # an erasure plan waits for a second officer
    IDENTITY = "identity"  # waiting for the person's proof of identity
    DECISION = "decision"  # an allowance decision is needed
    OPEN = "open"  # every case not closed (the default)
    CLOSED = "closed"  # closed, rejected, withdrawn
    ALL = "all"  # everything, closed too


def view_label(view: QueueView) -> str:
    labels = {
        QueueView.MINE: QCoreApplication.translate("QueueView", "My cases"),
        QueueView.APPROVAL: QCoreApplication.translate("QueueView", "To approve"),
        QueueView.IDENTITY: QCoreApplication.translate("QueueView", "Waiting for identity"),
        QueueView.DECISION: QCoreApplication.translate("QueueView", "Decision needed"),
        QueueView.OPEN: QCoreApplication.translate("QueueView", "All open"),
        QueueView.CLOSED: QCoreApplication.translate("QueueView", "Closed"),
        QueueView.ALL: QCoreApplication.translate("QueueView", "All cases"),
    }
    return labels[view]

AnyIndex = QModelIndex | QPersistentModelIndex


class QueueFilterProxy(QAbstractProxyModel):
    """Filters: free text (case number, person), statuses, type, assignee, overdue only.

    ``None`` for a criterion means "any". Sorting follows the header (``sort``).
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._model: QueueModel | None = None
        self._needle = ""
        self._statuses: frozenset[CaseStatus] | None = None
        self._type: RequestType | None = None
        self._assignee: str | None = None
        self._overdue_only = False
        self._view = QueueView.OPEN
        self._me = ""
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        # Per source row, precomputed when rows arrive (see _index_rows).
        self._text: list[str] = []
        self._status: list[CaseStatus] = []
        self._rtype: list[RequestType] = []
        self._who: list[str] = []
        self._late: list[bool] = []
        self._marks: list[tuple[Mark, ...]] = []
        self._order: list[int] = []  # every source row, in sort order
        self._visible: list[int] = []  # the rows shown, in sort order
        self._positions: dict[int, int] | None = None  # source row -> proxy row (lazy)

    # --- wiring ------------------------------------------------------------------------
    def setSourceModel(self, model: QAbstractItemModel) -> None:
        assert isinstance(model, QueueModel), "QueueFilterProxy works on a QueueModel"
        if self._model is not None:
            for signal, slot in self._connections():
                signal.disconnect(slot)
        self.beginResetModel()
        super().setSourceModel(model)
        self._model = model
        for signal, slot in self._connections():
            signal.connect(slot)
        self._rebuild()
        self.endResetModel()

    def _connections(self) -> list[tuple[Any, Callable[..., None]]]:
        m = self._model
        assert m is not None
        return [(m.modelAboutToBeReset, self.beginResetModel),
                (m.modelReset, self._on_reset),
                (m.dataChanged, self._on_rows_changed),
                (m.rowsInserted, self._on_rows_changed)]

    def _on_reset(self) -> None:
        self._rebuild()
        self.endResetModel()

    def _on_rows_changed(self, *_: Any) -> None:
        # One edited (or added) case: re-index it, then re-sort and re-filter in place.
        self._relayout(self._rebuild)

    # --- the model's shape ---------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._visible)
                                    and 0 <= column < len(Col)):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def mapToSource(self, proxy_index: AnyIndex) -> QModelIndex:
        if self._model is None or not proxy_index.isValid():
            return QModelIndex()
        return self._model.index(self._visible[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: AnyIndex) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        if self._positions is None:
            self._positions = {src: pos for pos, src in enumerate(self._visible)}
        pos = self._positions.get(source_index.row())
        return QModelIndex() if pos is None else self.createIndex(pos, source_index.column())

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._model is None or not index.isValid() or index.row() >= len(self._visible):
            return None
        return self._model.data(self._model.index(self._visible[index.row()], index.column()),
                                role)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._model is None or orientation == Qt.Orientation.Vertical:
            return None
        return self._model.headerData(section, orientation, role)

    # --- sorting and filtering -----------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self._relayout(self._resort)

    def set_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle != self._needle:
            self._needle = needle
            self._relayout(self._refilter)

    def set_statuses(self, statuses: Collection[CaseStatus] | None) -> None:
        value = None if statuses is None else frozenset(statuses)
        if value != self._statuses:
            self._statuses = value
            self._relayout(self._refilter)

    def set_request_type(self, request_type: RequestType | None) -> None:
        if request_type != self._type:
            self._type = request_type
            self._relayout(self._refilter)

    def set_assignee(self, assignee: str | None) -> None:
        """``None``: anyone; :data:`UNASSIGNED` (""): nobody; else that officer."""
        if assignee != self._assignee:
            self._assignee = assignee
            self._relayout(self._refilter)

    def set_overdue_only(self, on: bool) -> None:
        if on != self._overdue_only:
            self._overdue_only = on
            self._relayout(self._refilter)

    @property
    def view(self) -> QueueView:
        return self._view

    def set_view(self, view: QueueView, me: str | None = None) -> None:
        """Show one view of the queue; ``me`` is the signed-in officer (for "My cases")."""
        view = QueueView(view)
        me = self._me if me is None else me
        if (view, me) != (self._view, self._me):
            self._view, self._me = view, me
            self._relayout(self._refilter)

    def _rebuild(self) -> None:
        self._index_rows()
        self._resort()

    def _index_rows(self) -> None:
        model = self._model
        rows = [model.row_at(i) for i in range(model.rowCount())] if model else []
        today: date = model.today if model else date.today()
        self._text = [f"{r.case_number}\x00{r.person_label or ''}".casefold() for r in rows]
        self._status = [r.status for r in rows]
        self._rtype = [r.request_type for r in rows]
        self._who = [r.assignee or UNASSIGNED for r in rows]
        self._late = [r.due_on < today and r.status in OPEN_STATUSES for r in rows]
        self._marks = [model.marks_of(r) for r in rows] if model else []

    def _resort(self) -> None:
        model = self._model
        n = model.rowCount() if model else 0
        if model is None or not 0 <= self._sort_column < len(Col):
            self._order = list(range(n))
        else:
            key = model.sort_key(Col(self._sort_column))
            keys = [key(model.row_at(i)) for i in range(n)]
            self._order = sorted(range(n), key=keys.__getitem__,
                                 reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        self._refilter()

    def _refilter(self) -> None:
        rows = self._order
        view, st, marks = self._view, self._status, self._marks
        if view is QueueView.OPEN:
            rows = [i for i in rows if st[i] not in TERMINAL_STATUSES]
        elif view is QueueView.CLOSED:
            rows = [i for i in rows if st[i] in TERMINAL_STATUSES]
        elif view is QueueView.MINE:
            me, names = self._me, self._who
            rows = [i for i in rows if names[i] == me and st[i] not in TERMINAL_STATUSES]
        elif view is QueueView.IDENTITY:
            rows = [i for i in rows if Mark.PERSON in marks[i]]
        elif view is QueueView.DECISION:
            rows = [i for i in rows if Mark.DECISION in marks[i]]
        elif view is QueueView.APPROVAL:
            rows = [i for i in rows if Mark.APPROVAL in marks[i]]
        if self._statuses is not None:
            statuses, st = self._statuses, self._status
            rows = [i for i in rows if st[i] in statuses]
        if self._type is not None:
            wanted, rt = self._type, self._rtype
            rows = [i for i in rows if rt[i] is wanted]
        if self._assignee is not None:
            who, names = self._assignee, self._who
            rows = [i for i in rows if names[i] == who]
        if self._overdue_only:
            late = self._late
            rows = [i for i in rows if late[i]]
        if self._needle:
            needle, text = self._needle, self._text
            rows = [i for i in rows if needle in text[i]]
        self._visible = rows if rows is not self._order else list(rows)
        self._positions = None

    def _relayout(self, change: Callable[[], None]) -> None:
        """Apply ``change`` as a layout change, carrying the selection across."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_sources = [(self._visible[i.row()], i.column()) if i.isValid()
                       and i.row() < len(self._visible) else (-1, 0) for i in old]
        change()
        if old:
            pos = {src: p for p, src in enumerate(self._visible)}
            new = [self.createIndex(pos[s], c) if s in pos else QModelIndex()
                   for s, c in old_sources]
            self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()
