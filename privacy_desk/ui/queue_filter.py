"""Sorting and filtering the queue without touching the database."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from privacy_desk.ui.queue_model import SORT_ROLE, QueueModel


class QueueFilterProxy(QSortFilterProxyModel):
    """Free-text filter on case number and person; sorts on :data:`SORT_ROLE`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle != self._needle:
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, QueueModel)
        row = model.row_at(source_row)
        return (self._needle in row.case_number.casefold()
                or self._needle in (row.person_label or "").casefold())

