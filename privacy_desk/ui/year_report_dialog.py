"""The yearly report dialog: pick the year, PDF or CSV, the language and the file; write it.

The same service as ``privacy-desk report``
(:func:`privacy_desk.services.statistics.export_year_report`), run on the
:class:`TaskRunner` worker; the dialog stays open with the outcome, so the officer sees
where the file went (or why it was not written).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from privacy_desk import messages
from privacy_desk.clock import stockholm_today
from privacy_desk.services.context import AppContext
from privacy_desk.services.organisation import load_organisation
from privacy_desk.services.statistics import (
    FIRST_YEAR,
    LAST_YEAR,
    YearReport,
    export_year_report,
)
from privacy_desk.ui.errors import error_text
from privacy_desk.ui.tasks import TaskRunner


class YearReportDialog(QDialog):
    """Year, format, language and file; "Create" writes the report off the GUI thread."""

    #: Emitted with the file written.
    written = Signal(str)
    #: Emitted with the message when writing failed.
    failed = Signal(str)

    def __init__(self, runner: TaskRunner, ctx: AppContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._ctx = ctx
        self.setWindowTitle(self.tr("Yearly report"))
        today = stockholm_today()
        self.year = QSpinBox()
        self.year.setObjectName("reportYear")
        self.year.setRange(FIRST_YEAR, min(LAST_YEAR, today.year))
        # Early in the year the report wanted is last year's.
        self.year.setValue(today.year if today.month > 2 else today.year - 1)
        self.format = QComboBox()
        self.format.setObjectName("reportFormat")
        self.format.addItem(self.tr("PDF with charts"), "pdf")
        self.format.addItem(self.tr("CSV (for spreadsheets)"), "csv")
        self.language = QComboBox()
        self.language.setObjectName("reportLanguage")
        self.language.addItem("Svenska", "sv")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if messages.current_language() == "sv" else 1)
        self.path = QLineEdit()
        self.path.setObjectName("reportPath")
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.clicked.connect(self._choose)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("&Year"), self.year)
        form.addRow(self.tr("&Format"), self.format)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("F&ile"), path_row)
        self.result_label = QLabel()
        self.result_label.setObjectName("reportResult")
        self.result_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.create_button = self.buttons.addButton(self.tr("Create"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.create_button.setObjectName("reportCreate")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.write_report)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self.year.valueChanged.connect(self._suggest_path)
        self.format.currentIndexChanged.connect(self._suggest_path)
        self._suggest_path()
        self.setTabOrder(self.year, self.format)
        self.setTabOrder(self.format, self.language)
        self.setTabOrder(self.language, self.path)
        self.setTabOrder(self.path, self.browse)
        self.year.setFocus()

    def _suggest_path(self) -> None:
        folder = Path.home() / "Documents"
        if not folder.is_dir():
            folder = Path.home()
        name = self.tr("yearly-report-{year}").format(year=self.year.value())
        current = Path(self.path.text()) if self.path.text() else folder / name
        self.path.setText(str(current.with_name(name).with_suffix("." + self.format.currentData())))

    @Slot()
    def _choose(self) -> None:
        kind = self.format.currentData()
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the yearly report"),
                                                self.path.text(), f"{kind.upper()} (*.{kind})")
        if chosen:
            self.path.setText(chosen)

    @Slot()
    def write_report(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.result_label.setText(self.tr("Choose where to save the report."))
            self.path.setFocus()
            return
        store, year, fmt = self._ctx.case_store, self.year.value(), self.format.currentData()
        language, target = self.language.currentData(), Path(text)
        paths = self._ctx.paths  # the organisation named in the footer is read in the worker
        self.create_button.setEnabled(False)
        self.result_label.setText(self.tr("Writing the report…"))
        self._runner.submit(
            lambda: export_year_report(store, year, fmt, target, language=language,
                                       organisation=load_organisation(paths)),
            lambda report: self._done(report, target), self._failed, name="year_report")

    def _done(self, report: YearReport, target: Path) -> None:
        self.create_button.setEnabled(True)
        self.result_label.setText(self.tr("Saved {path}: %n request(s) received in {year}.", "",
                                          report.total)
                                  .format(path=str(target), year=report.year))
        self.written.emit(str(target))

    def _failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        text = error_text(exc)
        self.result_label.setText(text)
        self.failed.emit(text)
