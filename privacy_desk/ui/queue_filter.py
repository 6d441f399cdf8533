"""Sorting and filtering the queue without touching the database.

Every criterion is checked against the plain :class:`QueueRow` (no display text is built),
cheapest first, so re-filtering 100,000 rows stays well under a frame or two.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from privacy_desk.domain.deadlines import Urgency
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import RequestType
from privacy_desk.ui.queue_model import SORT_ROLE, QueueModel

#: The assignee filter's value for cases nobody holds.
UNASSIGNED = ""


class QueueFilterProxy(QSortFilterProxyModel):
    """Filters: free text (case number, person), statuses, type, assignee, overdue only.

    ``None`` for a criterion means "any". Sorts on :data:`SORT_ROLE`.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._statuses: frozenset[CaseStatus] | None = None
        self._type: RequestType | None = None
        self._assignee: str | None = None
        self._overdue_only = False
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def _change(self, apply: Callable[[], None]) -> None:
        self.beginFilterChange()
        apply()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle != self._needle:
            self._change(lambda: setattr(self, "_needle", needle))

    def set_statuses(self, statuses: Collection[CaseStatus] | None) -> None:
        value = None if statuses is None else frozenset(statuses)
        if value != self._statuses:
            self._change(lambda: setattr(self, "_statuses", value))

    def set_request_type(self, request_type: RequestType | None) -> None:
        if request_type != self._type:
            self._change(lambda: setattr(self, "_type", request_type))

    def set_assignee(self, assignee: str | None) -> None:
        """``None``: anyone; :data:`UNASSIGNED` (""): nobody; else that officer."""
        if assignee != self._assignee:
            self._change(lambda: setattr(self, "_assignee", assignee))

    def set_overdue_only(self, on: bool) -> None:
        if on != self._overdue_only:
            self._change(lambda: setattr(self, "_overdue_only", on))

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        assert isinstance(model, QueueModel)
        row = model.row_at(source_row)
        if self._statuses is not None and row.status not in self._statuses:
            return False
        if self._type is not None and row.request_type is not self._type:
            return False
        if self._assignee is not None and (row.assignee or UNASSIGNED) != self._assignee:
            return False
        if self._overdue_only and model.urgency_of(row) is not Urgency.OVERDUE:
            return False
        if not self._needle:
            return True
        return (self._needle in row.case_number.casefold()
                or self._needle in (row.person_label or "").casefold())
