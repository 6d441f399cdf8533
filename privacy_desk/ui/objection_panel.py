"""The objection panel (art. 21): stop direct marketing in every channel the data map names,
or record the balancing test of an objection to processing on legitimate interest; then the
confirmation letter. After "stop", the erasure (Erasure tab) or restriction (Restriction
tab) follows, as the decision says.

It calls :mod:`privacy_desk.services.objection` on the worker thread, as the CLI does.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from privacy_desk.domain.requests import RequestType
from privacy_desk.services.letters import LetterResult
from privacy_desk.services.objection import (
    COMPELLING,
    STOP,
    Decision,
    MarketingStopped,
    decide_balancing,
    stop_marketing,
    write_confirmation,
)
from privacy_desk.ui.pickers import ui_language
from privacy_desk.ui.rights_base import RightsPanel, letters
from privacy_desk.ui.tasks import TaskRunner


class ObjectionPanel(RightsPanel):
    """An objection case: marketing stopped, or a balancing decision; the letter."""

    TYPES = frozenset({RequestType.OBJECTION})
    NAME = "objection"

    marketing_stopped = Signal(object)  # MarketingStopped
    decided = Signal(object)  # Decision
    letter_written = Signal(object)  # LetterResult

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        mbox = QGroupBox(self.tr("Objection to direct marketing (art. 21(2), (3))"))
        text = QLabel(self.tr(
            "No balancing test: every marketing channel the data map names is closed for the "
            "person in one transaction, then checked."))
        text.setWordWrap(True)
        self.stop_button = QPushButton(self.tr("Stop all marketing"))
        self.stop_button.setObjectName("stopMarketingButton")
        self.stop_button.clicked.connect(self.stop_marketing)
        self.channels_label = QLabel()
        self.channels_label.setObjectName("marketingChannels")
        self.channels_label.setWordWrap(True)
        mrow = QVBoxLayout(mbox)
        top = QHBoxLayout()
        top.addWidget(text, 1)
        top.addWidget(self.stop_button)
        mrow.addLayout(top)
        mrow.addWidget(self.channels_label)
        self.body.addWidget(mbox)

        bbox = QGroupBox(self.tr("Objection to processing on legitimate interest (art. 21(1))"))
        self.outcome_combo = QComboBox()
        self.outcome_combo.setObjectName("balancingOutcome")
        self.outcome_combo.addItem(self.tr("Stop processing, then erase"), (STOP, "erasure"))
        self.outcome_combo.addItem(self.tr("Stop processing, then restrict"),
                                   (STOP, "restriction"))
        self.outcome_combo.addItem(self.tr("Compelling legitimate grounds: processing goes on"),
                                   (COMPELLING, None))
        self.balancing_reason = QLineEdit()
        self.balancing_reason.setObjectName("balancingReason")
        self.balancing_reason.setPlaceholderText(
            self.tr("The reasons of the balancing test (required; the letter quotes them)"))
        self.balancing_reason.textChanged.connect(self.update_buttons)
        self.decide_button = QPushButton(self.tr("Record decision"))
        self.decide_button.setObjectName("balancingButton")
        self.decide_button.clicked.connect(self.decide)
        brow = QHBoxLayout(bbox)
        brow.addWidget(self.outcome_combo)
        brow.addWidget(self.balancing_reason, 1)
        brow.addWidget(self.decide_button)
        self.body.addWidget(bbox)

        lbox = QGroupBox(self.tr("Confirmation letter"))
        row, self.folder_row, self.lang_combo = self.letter_row(self.tr("Folder for the letter"))
        self.letter_button = QPushButton(self.tr("Write letter"))
        self.letter_button.setObjectName("objectionLetterButton")
        self.letter_button.clicked.connect(self.write_letter)
        row.addWidget(self.letter_button)
        lbox.setLayout(row)
        self.body.addWidget(lbox)
        self.body.addStretch(1)
        self.update_buttons()

    def on_context(self) -> None:
        if self._ctx is not None:
            self.folder_row.default_to_home()

    def clear_case(self) -> None:
        self.channels_label.clear()

    def stop_marketing(self) -> None:
        ctx, case_id, cand = self._ctx, self._case_id, self._candidate
        if ctx is None or case_id is None or cand is None:
            return
        lang = ui_language()
        self.submit(lambda: stop_marketing(ctx.case_store, ctx.portal_writer, ctx.datamap,
                                           case_id, cand, actor=ctx.officer, lang=lang),
                    self._on_stopped, "marketing_stop")

    def _on_stopped(self, done: MarketingStopped) -> None:
        self.channels_label.setText("; ".join(
            self.tr("{channel}: {rows} row(s) changed").format(channel=title, rows=rows)
            for title, rows in done.channels.values()))
        self.message.setText(
            self.tr("Every marketing channel is closed for the person (checked).")
            if done.verified else self.tr("Still open after the change: {channels}").format(
                channels=", ".join(done.still_open)))
        self.marketing_stopped.emit(done)
        if self._case_id is not None:
            self.case_changed.emit(self._case_id)

    def decide(self) -> None:
        ctx, case_id = self._ctx, self._case_id
        if ctx is None or case_id is None:
            return
        outcome, follow_up = self.outcome_combo.currentData()
        reason = self.balancing_reason.text()
        self.submit(lambda: decide_balancing(ctx.case_store, case_id, outcome=outcome,
                                             reason=reason, follow_up=follow_up,
                                             actor=ctx.officer),
                    self._on_decided, "objection_decide")

    def _on_decided(self, d: Decision) -> None:
        follow = d.details.get("follow_up")
        self.message.setText(
            self.tr("Recorded. Now plan the erasure in the Erasure tab.") if follow == "erasure"
            else self.tr("Recorded. Now plan the restriction in the Restriction tab.")
            if follow == "restriction" else self.tr("Recorded: processing goes on."))
        self.decided.emit(d)
        self.case_changed.emit(d.case_id)

    def write_letter(self) -> None:
        ctx, case_id = self._ctx, self._case_id
        if ctx is None or case_id is None:
            return
        folder, lang = self.folder_row.folder(), str(self.lang_combo.currentData())
        self.submit(lambda: write_confirmation(ctx.case_store, ctx.datamap, case_id,
                                               out_dir=folder, lang=lang,
                                               actor=ctx.officer, portal=ctx.portal,
                                               **letters(ctx)),
                    self._on_letter, "objection_letter")

    def _on_letter(self, letter: LetterResult) -> None:
        self.message.setText(self.tr("Written: {path}").format(path=str(letter.path)))
        self.letter_written.emit(letter)
        if self._case_id is not None:
            self.case_changed.emit(self._case_id)

    def update_buttons(self, *_args: object) -> None:
        if not hasattr(self, "letter_button"):
            return
        ready = self.ready()
        self.stop_button.setEnabled(ready)
        self.decide_button.setEnabled(ready and bool(self.balancing_reason.text().strip()))
        self.letter_button.setEnabled(ready)
