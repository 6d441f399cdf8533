"""The overview ("Översikt"), the first tab an officer sees: where the work stands.

Open cases, how many are due within the week and how many are late; twelve months of
charts (requests per month by type, share answered on time, median days to answer, by
channel); the deadlines next in line and the legal holds that end soon. Clicking a
deadline or a hold opens its case (:attr:`OverviewTab.open_case`). The figures come from
:func:`privacy_desk.services.statistics.overview` (SQL aggregates), read on the
:class:`TaskRunner` worker; the yearly report is one button away.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from privacy_desk.services.context import AppContext
from privacy_desk.services.statistics import Overview, overview
from privacy_desk.ui.charts import PALETTE, BarChart, Series
from privacy_desk.ui.errors import error_text
from privacy_desk.ui.labels import channel_label, request_type_label, status_label
from privacy_desk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

#: The case id of a table row (on its first cell).
CASE_ROLE = Qt.ItemDataRole.UserRole + 41


def _item(text: str, case_id: int | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if case_id is not None:
        item.setData(CASE_ROLE, case_id)
    return item


class Figure(QFrame):
    """One big number with its caption ("12 / Försenade")."""

    def __init__(self, caption: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("–")
        self.value.setObjectName(name)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set(self, text: str, *, alert: bool = False) -> None:
        self.value.setText(text)
        self.value.setStyleSheet("color: #D55E00;" if alert else "")


class OverviewTab(QWidget):
    """Figures, charts, upcoming deadlines and holds that end soon, loaded off the GUI thread."""

    #: Emitted with a case id when a deadline or a hold is clicked.
    open_case = Signal(int)
    #: Emitted once the figures are shown.
    loaded = Signal()
    #: Emitted with a message when loading failed.
    failed = Signal(str)
    #: Emitted when the officer asks for the yearly report.
    year_report_requested = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._ctx: AppContext | None = None
        self._loading = False
        self.today: date | None = None  # a test or a look ahead may fix the day
        self.data: Overview | None = None

        self.open_figure = Figure(self.tr("Open cases"), "openValue")
        self.soon_figure = Figure(self.tr("Due within 7 days"), "soonValue")
        self.overdue_figure = Figure(self.tr("Overdue"), "overdueValue")
        self.on_time_figure = Figure(self.tr("Answered on time, last 12 months"), "onTimeValue")
        self.median_figure = Figure(self.tr("Median days to answer, last 12 months"),
                                    "medianValue")
        figures = QHBoxLayout()
        for f in (self.open_figure, self.soon_figure, self.overdue_figure, self.on_time_figure,
                  self.median_figure):
            figures.addWidget(f, 1)

        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("overviewRefresh")
        self.refresh_button.setToolTip(self.tr("Read the figures again (F5 in the queue)"))
        self.refresh_button.clicked.connect(self.load)
        self.report_button = QPushButton(self.tr("Yearly report…"))
        self.report_button.setObjectName("yearReportButton")
        self.report_button.setToolTip(self.tr(
            "The year's figures as PDF with charts or CSV, for management and IMY"))
        self.report_button.clicked.connect(self.year_report_requested)
        self.status = QLabel()
        self.status.setObjectName("overviewStatus")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.report_button)

        self.month_chart = BarChart(self.tr("Requests per month by type"))
        self.on_time_chart = BarChart(self.tr("Share answered on time (by month received)"))
        self.median_chart = BarChart(self.tr("Median days to answer (by month received)"))
        self.channel_chart = BarChart(self.tr("Requests by channel, last 12 months"))
        charts = QGridLayout()
        charts.addWidget(self.month_chart, 0, 0)
        charts.addWidget(self.on_time_chart, 0, 1)
        charts.addWidget(self.median_chart, 1, 0)
        charts.addWidget(self.channel_chart, 1, 1)
        chart_box = QWidget()
        chart_box.setLayout(charts)

        self.deadlines = QTableWidget(0, 6)
        self.deadlines.setObjectName("deadlinesTable")
        self.deadlines.setHorizontalHeaderLabels([
            self.tr("Due"), self.tr("Case"), self.tr("Type"), self.tr("Status"),
            self.tr("Person"), self.tr("Officer")])
        self.holds = QTableWidget(0, 4)
        self.holds.setObjectName("holdsEndingTable")
        self.holds.setHorizontalHeaderLabels([
            self.tr("Hold ends"), self.tr("Case"), self.tr("Law"), self.tr("Records")])
        for table in (self.deadlines, self.holds):
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setStretchLastSection(True)
            table.horizontalHeader().setSectionResizeMode(
                QHeaderView.ResizeMode.ResizeToContents)
            table.setToolTip(self.tr("Click a line to open its case"))
            table.cellClicked.connect(lambda row, _col, t=table: self._open_row(t, row))
            table.cellActivated.connect(lambda row, _col, t=table: self._open_row(t, row))
        lists = QHBoxLayout()
        for title, table in ((self.tr("Next deadlines"), self.deadlines),
                             (self.tr("Holds that end within 90 days"), self.holds)):
            box = QVBoxLayout()
            label = QLabel(f"<b>{title}</b>")
            label.setBuddy(table)
            box.addWidget(label)
            box.addWidget(table)
            lists.addLayout(box, 3 if table is self.deadlines else 2)
        list_box = QWidget()
        list_box.setLayout(lists)

        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("overviewSplitter")
        split.addWidget(chart_box)
        split.addWidget(list_box)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(figures)
        layout.addWidget(split, 1)
        self.refresh_button.setEnabled(False)
        self.report_button.setEnabled(False)

    # --- loading -------------------------------------------------------------------------
    def set_context(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self.refresh_button.setEnabled(True)
        self.report_button.setEnabled(True)

    @Slot()
    def load(self) -> None:
        """Read the figures on the worker thread; ignored while a read is under way."""
        if self._ctx is None or self._loading:
            return
        store, today = self._ctx.case_store, self.today
        self._loading = True
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("Reading the figures…"))
        self._runner.submit(lambda: overview(store, today=today), self._on_loaded,
                            self._on_failed, name="overview")

    def _on_loaded(self, data: Overview) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        self.show_overview(data)
        self.loaded.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        text = error_text(exc)
        self.status.setText(text)
        self.failed.emit(text)

    # --- showing -------------------------------------------------------------------------
    def month_names(self) -> list[str]:
        return self.tr("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec").split()

    def show_overview(self, data: Overview) -> None:
        """Fill every figure, chart and list from ``data`` (GUI thread, no database)."""
        self.data = data
        c = data.counts
        self.open_figure.set(str(c.open))
        self.soon_figure.set(str(c.due_soon), alert=c.due_soon > 0)
        self.overdue_figure.set(str(c.overdue), alert=c.overdue > 0)
        h = data.handling
        self.on_time_figure.set("–" if h.share_on_time is None
                                else f"{100 * h.share_on_time:.0f} %")
        self.median_figure.set("–" if h.median_days is None else _number(h.median_days))
        self.status.setText(self.tr("As of {day}: %n request(s) received in the last 12 "
                                    "months, {a} answered.", "",
                                    sum(m.count for m in data.received)).format(
            day=data.today.isoformat(), a=h.answered))

        names = self.month_names()
        cats = [names[m.month - 1] for m in data.months]
        keys = [(m.year, m.month) for m in data.months]
        types = sorted({m.request_type for m in data.received}, key=request_type_label)
        counts = {(m.year, m.month, m.request_type): m.count for m in data.received}
        self.month_chart.set_data(cats, [
            Series(request_type_label(t), [counts.get((y, mo, t), 0) for y, mo in keys],
                   PALETTE[i % len(PALETTE)]) for i, t in enumerate(types)],
            value_text=lambda v: f"{v:.0f}")
        per_month = [data.month_handling(m) for m in data.months]
        self.on_time_chart.set_data(cats, [Series(
            self.tr("On time"), [None if t.share_on_time is None else 100 * t.share_on_time
                                 for t in per_month], PALETTE[2])],
            maximum=100, value_text=lambda v: f"{v:.0f} %", show_values=True)
        self.median_chart.set_data(cats, [Series(
            self.tr("Median days"), [t.median_days for t in per_month], PALETTE[0])],
            value_text=_number, show_values=True)
        self.channel_chart.set_data([channel_label(k.key) for k in data.channels], [Series(
            self.tr("Requests"), [k.count for k in data.channels], PALETTE[4])],
            value_text=lambda v: f"{v:.0f}", show_values=True)

        self.deadlines.setRowCount(len(data.deadlines))
        for row, d in enumerate(data.deadlines):
            late = d.due_on < data.today
            due = _item(d.due_on.isoformat(), d.case_id)
            if late:
                due.setToolTip(self.tr("Overdue"))
                due.setForeground(Qt.GlobalColor.red)
            for col, item in enumerate([due, _item(d.case_number), _item(
                    request_type_label(d.request_type)), _item(status_label(d.status)),
                    _item(d.person_label), _item(d.assignee or "")]):
                self.deadlines.setItem(row, col, item)
        self.holds.setRowCount(len(data.holds))
        for row, hold in enumerate(data.holds):
            for col, item in enumerate([_item(hold.ends_on.isoformat(), hold.case_id),
                                        _item(hold.case_number), _item(hold.law),
                                        _item(str(hold.rows))]):
                self.holds.setItem(row, col, item)

    def _open_row(self, table: QTableWidget, row: int) -> None:
        item = table.item(row, 0)
        if item is not None and item.data(CASE_ROLE) is not None:
            self.open_case.emit(int(item.data(CASE_ROLE)))


def _number(value: float) -> str:
    """A figure in the interface's number format ("17,5" in Swedish, "17.5" in English)."""
    return QLocale().toString(float(value), "g", 6)
