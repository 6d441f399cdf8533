"""The queue tab: every request with its deadline, filters, and the selected case beside it.

The rows come from the main window (it loads them on the worker); selecting a row loads
that case's detail on the worker and shows it in the :class:`CaseDetailPane`.
:attr:`QueueTab.view_changed` tells the case actions which case (if any) they act on.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSettings,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from privacy_desk.domain.lifecycle import OPEN_STATUSES, TERMINAL_STATUSES, CaseStatus
from privacy_desk.domain.requests import RequestType
from privacy_desk.services.context import AppContext
from privacy_desk.services.queue import QueueMarks, QueueRow
from privacy_desk.ui.case_detail import CaseDetailPane, CaseView, load_case_view
from privacy_desk.ui.errors import describe_error
from privacy_desk.ui.labels import request_type_label, status_label
from privacy_desk.ui.queue_filter import UNASSIGNED, QueueFilterProxy, QueueView, view_label
from privacy_desk.ui.queue_model import CASE_ID_ROLE, Col, Mark, QueueModel
from privacy_desk.ui.tasks import TaskRunner

#: The views in the order of their tabs (and of Ctrl+1 … Ctrl+7 in the View menu).
QUEUE_VIEWS: tuple[QueueView, ...] = (
    QueueView.MINE, QueueView.APPROVAL, QueueView.IDENTITY, QueueView.DECISION,
    QueueView.OPEN, QueueView.CLOSED, QueueView.ALL)

# Filter combo sentinel: "any value".
_ANY = None
_OPEN = "open"


class QueueTab(QWidget):
    """The views on top; the queue (filters over a sortable table) and the case beside it."""

    #: The case the officer is looking at changed: a :class:`CaseView`, or None.
    view_changed = Signal(object)
    #: Emitted with the case id once its details are shown.
    case_shown = Signal(int)
    #: The "open · due within 7 days · overdue" line for the status bar.
    counts_changed = Signal(str)
    #: The officer picked another view of the queue (a QueueView value).
    queue_view_changed = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._ctx: AppContext | None = None
        self._view: CaseView | None = None

        self.model = QueueModel(parent=self)
        self.proxy = QueueFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        filter_bar = self._build_filters()
        self.view_bar = self._build_views()
        self.table = QTableView()
        self.table.setObjectName("queueTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Col.DUE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        self.detail = CaseDetailPane()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filter_bar)
        left_layout.addWidget(self.table)
        # The views span the whole tab (they need the width at 1024 pixels); below them
        # the queue and the case share a splitter.
        self.splitter = QSplitter()
        self.splitter.setObjectName("queueSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        outer.addWidget(self.view_bar)
        outer.addWidget(self.splitter, 1)
        self.setObjectName("queueTab")
        header = self.table.horizontalHeader()
        # Extra width goes to the person's name, not to the last column.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Col.PERSON, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        # Long cells end in "…" rather than widening the
        # table: at 1024 pixels every column stays in view, with no sideways scrolling.
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # "Dagar…", the tooltip whole
        self.table.viewport().installEventFilter(self)
        self._fitting = False
        # The widths the columns want (their contents', or the officer's own): a narrow
        # table shrinks from these and a wider one gives them back.
        self._wanted: dict[int, int] = {}
        header.sectionResized.connect(self._section_resized)

    # --- fitting the columns -----------------------------------------------------------------
    #: Columns that give up width when the queue is narrow, in this order, and the least
    #: each keeps: first the width a long title holds over short values (days left, to
    #: do, officer), then words that elide readably. The case number and the dates are
    #: never cut.
    _SHRINK_ORDER = ((Col.DAYS_LEFT, 52), (Col.MARKS, 44), (Col.ASSIGNEE, 64),
                     (Col.TYPE, 84), (Col.STATUS, 64))
    #: The least the person's name keeps (it wraps onto a second line).
    _PERSON_MIN = 64

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self.fit_columns)
        return super().eventFilter(watched, event)

    @Slot(int, int, int)
    def _section_resized(self, section: int, _old: int, new: int) -> None:
        if not self._fitting and section != Col.PERSON:
            self._wanted[section] = new

    @Slot()
    def fit_columns(self) -> None:
        """Narrow the widest columns until the queue fits its width.

        Run when the table's width changes and after a load. Each column starts from the
        width it wants (its contents', or what the officer dragged it to), so a wider
        window gives back what a narrow one took.
        """
        header = self.table.horizontalHeader()
        available = self.table.viewport().width()
        if available <= 0 or self._fitting:
            return
        widths: dict[Col, int] = {c: self._wanted.get(c, header.sectionSize(c))
                                  for c in Col if c != Col.PERSON}
        excess = sum(widths.values()) + self._PERSON_MIN - available
        for col, least in self._SHRINK_ORDER:
            if excess <= 0:
                break
            give = min(excess, max(0, widths[col] - least))
            widths[col] -= give
            excess -= give
        self._fitting = True
        try:
            for col, width in widths.items():
                if header.sectionSize(col) != width:
                    header.resizeSection(col, width)
        finally:
            self._fitting = False

    # --- building ------------------------------------------------------------------------
    def _build_views(self) -> QTabBar:
        """One tab per view of the queue; "All open" is where the desk starts."""
        bar = QTabBar()
        bar.setObjectName("queueViews")
        bar.setExpanding(False)
        bar.setDrawBase(False)
        bar.setUsesScrollButtons(True)
        for view in QUEUE_VIEWS:
            index = bar.addTab(view_label(view))
            bar.setTabData(index, view.value)
        bar.setCurrentIndex(QUEUE_VIEWS.index(QueueView.OPEN))
        bar.currentChanged.connect(self._view_changed)
        return bar

    def set_queue_view(self, view: QueueView) -> None:
        """Show ``view`` (as a click on its tab would)."""
        self.view_bar.setCurrentIndex(QUEUE_VIEWS.index(QueueView(view)))

    @property
    def queue_view(self) -> QueueView:
        return self.proxy.view

    @Slot(int)
    def _view_changed(self, index: int) -> None:
        view = QueueView(self.view_bar.tabData(index))
        self.proxy.set_view(view, self._ctx.officer if self._ctx is not None else "")
        self.queue_view_changed.emit(view.value)

    def _update_view_counts(self) -> None:
        """Each view's tab says how many cases it holds (the officer sees where work waits)."""
        counts = dict.fromkeys(QUEUE_VIEWS, 0)
        me = self._ctx.officer if self._ctx is not None else None
        m = self.model
        for i in range(m.rowCount()):
            r = m.row_at(i)
            counts[QueueView.ALL] += 1
            if r.status in TERMINAL_STATUSES:
                counts[QueueView.CLOSED] += 1
                continue
            counts[QueueView.OPEN] += 1
            if me is not None and r.assignee == me:
                counts[QueueView.MINE] += 1
            marks = m.marks_of(r)
            if Mark.DECISION in marks:
                counts[QueueView.DECISION] += 1
            if Mark.APPROVAL in marks:
                counts[QueueView.APPROVAL] += 1
            if Mark.PERSON in marks:
                counts[QueueView.IDENTITY] += 1
        for index, view in enumerate(QUEUE_VIEWS):
            self.view_bar.setTabText(index, f"{view_label(view)} ({counts[view]})")

    def _build_filters(self) -> QHBoxLayout:
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("queueFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by case number or person…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_text)

        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("All statuses"), _ANY)
        self.status_filter.addItem(self.tr("Open"), _OPEN)
        for s in CaseStatus:
            self.status_filter.addItem(status_label(s), s.value)
        self.status_filter.currentIndexChanged.connect(self._status_filter_changed)

        self.type_filter = QComboBox()
        self.type_filter.setObjectName("typeFilter")
        self.type_filter.addItem(self.tr("All types"), _ANY)
        for t in RequestType:
            self.type_filter.addItem(request_type_label(t), t.value)
        self.type_filter.currentIndexChanged.connect(self._type_filter_changed)

        self.assignee_filter = QComboBox()
        self.assignee_filter.setObjectName("assigneeFilter")
        self.assignee_filter.addItem(self.tr("Anyone"), _ANY)
        self.assignee_filter.addItem(self.tr("Unassigned"), UNASSIGNED)
        self.assignee_filter.currentIndexChanged.connect(self._assignee_filter_changed)

        self.overdue_check = QCheckBox(self.tr("Overdue only"))
        self.overdue_check.setObjectName("overdueOnly")
        self.overdue_check.toggled.connect(self.proxy.set_overdue_only)

        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 2)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.type_filter)
        bar.addWidget(self.assignee_filter)
        bar.addWidget(self.overdue_check)
        return bar

    # --- the officer's layout ------------------------------------------------------------
    def sizes(self) -> list[int]:
        """The queue's and the case's widths (the splitter's)."""
        return self.splitter.sizes()

    def setSizes(self, sizes: list[int]) -> None:
        self.splitter.setSizes(sizes)

    def save_layout(self, settings: QSettings) -> None:
        """Remember the splitter and the column widths (QSettings, per computer)."""
        settings.setValue("queue/splitter", self.splitter.saveState())
        header = self.table.horizontalHeader()
        settings.setValue("queue/columns",
                          ",".join(str(header.sectionSize(c)) for c in range(len(Col))))
        settings.setValue("queue/view", self.proxy.view.value)

    def restore_layout(self, settings: QSettings) -> bool:
        """Put back what :meth:`save_layout` remembered; False when nothing was saved."""
        state = settings.value("queue/splitter")
        if isinstance(state, QByteArray | bytes):
            self.splitter.restoreState(QByteArray(state))
        view = settings.value("queue/view")
        if isinstance(view, str) and view in {v.value for v in QueueView}:
            self.set_queue_view(QueueView(view))
        widths = str(settings.value("queue/columns") or "").split(",")
        if len(widths) != len(Col) or not all(w.isdigit() for w in widths):
            return False
        header = self.table.horizontalHeader()
        for c, w in enumerate(widths):
            if c != Col.PERSON:  # the person's column takes the width that is left
                header.resizeSection(c, max(int(w), header.minimumSectionSize()))
        return True

    # --- filters ---------------------------------------------------------------------------
    @Slot()
    def _status_filter_changed(self) -> None:
        value = self.status_filter.currentData()
        if value is _ANY:
            self.proxy.set_statuses(None)
        elif value == _OPEN:
            self.proxy.set_statuses(OPEN_STATUSES)
        else:
            self.proxy.set_statuses({CaseStatus(value)})

    @Slot()
    def _type_filter_changed(self) -> None:
        value = self.type_filter.currentData()
        self.proxy.set_request_type(None if value is _ANY else RequestType(value))

    @Slot()
    def _assignee_filter_changed(self) -> None:
        self.proxy.set_assignee(self.assignee_filter.currentData())

    def _refresh_assignees(self) -> None:
        current = self.assignee_filter.currentData()
        names = self.model.assignees()
        if self._ctx is not None and self._ctx.officer not in names:
            names.append(self._ctx.officer)
        self.assignee_filter.blockSignals(True)
        while self.assignee_filter.count() > 2:
            self.assignee_filter.removeItem(2)
        for name in names:
            self.assignee_filter.addItem(name, name)
        index = self.assignee_filter.findData(current)
        self.assignee_filter.setCurrentIndex(max(index, 0))
        self.assignee_filter.blockSignals(False)
        self._assignee_filter_changed()

    # --- rows --------------------------------------------------------------------------------
    def set_context(self, ctx: AppContext | None) -> None:
        self._ctx = ctx
        if ctx is not None:
            self.proxy.set_view(self.proxy.view, ctx.officer)

    def set_marks(self, marks: QueueMarks) -> None:
        """The queue's markers (decision, approval), read in bulk with the rows."""
        self.model.set_marks(marks)
        self._update_view_counts()

    def set_rows(self, rows: list[QueueRow], today: date) -> None:
        """Show a freshly loaded queue, keeping the officer's selected case if it is there."""
        keep = self.current_case_id()
        self.model.set_rows(rows, today=today)
        self._refresh_assignees()
        self._update_counts()
        self._update_view_counts()
        QTimer.singleShot(0, self.fit_columns)  # after the first load's column sizing
        if keep is not None:
            self.select_case(keep)

    def _update_counts(self) -> None:
        today = self.model.today
        week_end = today + timedelta(days=7)
        open_count = due_week = overdue = 0
        for i in range(self.model.rowCount()):
            r = self.model.row_at(i)
            if r.status not in OPEN_STATUSES:
                continue
            open_count += 1
            if today <= r.due_on <= week_end:
                due_week += 1
            elif r.due_on < today:
                overdue += 1
        self.counts_changed.emit(
            self.tr("Open: {open} · Due within 7 days: {week} · Overdue: {late}").format(
                open=open_count, week=due_week, late=overdue
            )
        )

    # --- selection and the detail pane --------------------------------------------------
    def select_case(self, case_id: int) -> bool:
        """Make ``case_id`` the current row (if it is loaded and passes the filters)."""
        pos = self.model.position_of(case_id)
        if pos is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(pos, 0))
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def current_case_id(self) -> int | None:
        index: QModelIndex = self.table.currentIndex()
        return self.proxy.data(index, CASE_ID_ROLE) if index.isValid() else None

    @property
    def current_view(self) -> CaseView | None:
        return self._view

    def _set_view(self, view: CaseView | None) -> None:
        self._view = view
        self.view_changed.emit(view)

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes or self._ctx is None:
            self._set_view(None)
            self.detail.show_placeholder()
            return
        case_id = self.proxy.data(indexes[0], CASE_ID_ROLE)
        if self._view is not None and self._view.detail.case_id == case_id:
            return
        self._set_view(None)
        self.detail.show_loading()
        self.reload_case(case_id)

    def reload_case(self, case_id: int) -> None:
        """Read ``case_id`` afresh on the worker and show it (if still selected then)."""
        ctx = self._ctx
        assert ctx is not None
        self._runner.submit(lambda: load_case_view(ctx, case_id), self.show_view,
                            self._on_detail_error, name="case_detail")

    def _on_detail_error(self, exc: BaseException) -> None:
        self.detail.show_error(*describe_error(exc))

    def show_view(self, view: CaseView) -> None:
        current = self.current_case_id()
        if current is not None and current != view.detail.case_id:
            return  # the officer has moved on to another case meanwhile
        self._view = view  # first: a row update that re-selects must not reload it
        self.model.set_case_marks(view.detail.case_id, decision=view.allowance.needs_decision,
                                  approval=view.approval_needed)
        self.model.put_row(view.detail.as_queue_row())
        self._update_counts()
        self._update_view_counts()
        self.detail.show_view(view)
        self.view_changed.emit(view)
        self.case_shown.emit(view.detail.case_id)

    def apply_change(self, view: CaseView) -> None:
        """A case action succeeded: update its row and show the case as it now is."""
        self.model.set_case_marks(view.detail.case_id, decision=view.allowance.needs_decision,
                                  approval=view.approval_needed)
        self.model.put_row(view.detail.as_queue_row())
        self._refresh_assignees()
        self._update_counts()
        if self.current_case_id() != view.detail.case_id:
            self.select_case(view.detail.case_id)
        self._view = None
        self.show_view(view)
