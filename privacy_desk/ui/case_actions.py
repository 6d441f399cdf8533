"""What an officer can do to the selected case: claim, verify, change status, extend, decide.

Each action opens its dialog (if it needs one) and runs the service on the worker; the
case is then read afresh and handed back (:attr:`CaseActions.case_changed`) for the queue
tab to show. Actions are enabled only where the services would allow them, and never
for a read-only (auditor's) window, though the services have the last word.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from privacy_desk.clock import stockholm_today
from privacy_desk.domain.allowance import AllowanceDecision
from privacy_desk.domain.deadlines import due_date
from privacy_desk.domain.lifecycle import TERMINAL_STATUSES, CaseStatus, allowed_transitions
from privacy_desk.services.attachments import read_attachment
from privacy_desk.services.cases import register_case, transition_case
from privacy_desk.services.casework import (
    claim_case,
    extend_case,
    record_allowance_decision,
    release_case,
    verify_identity,
)
from privacy_desk.services.context import AppContext
from privacy_desk.services.queue import CaseDetail
from privacy_desk.ui.case_detail import CaseView, load_case_view
from privacy_desk.ui.case_dialogs import (
    CaseDialog,
    DecisionDialog,
    ExtendDialog,
    RegisterDialog,
    StatusDialog,
    VerifyIdentityDialog,
)
from privacy_desk.ui.erasure_panel import PANEL_TYPES
from privacy_desk.ui.errors import describe_error
from privacy_desk.ui.tasks import TaskRunner


class CaseActions(QObject):
    """The case actions (for the toolbar) and the dialogs and service calls behind them."""

    #: A service changed a case: the case as it now is (a :class:`CaseView`).
    case_changed = Signal(object)
    #: Emitted with the case id after an action on a case succeeded.
    action_done = Signal(int)
    #: Emitted with message and hint when an action without a dialog failed.
    error = Signal(str, str)
    #: Emitted with a message when an action failed.
    action_failed = Signal(str)
    #: A dialog closed: keyboard focus goes back to the queue.
    dialog_closed = Signal()

    def __init__(self, runner: TaskRunner, window: QWidget) -> None:
        super().__init__(window)
        self._runner = runner
        self._window = window
        self._ctx: AppContext | None = None
        self._view: CaseView | None = None
        # The case dialog currently open (tests fill it in), if any.
        self.active_dialog: CaseDialog | None = None

        self.register_action = self._action(
            self.tr("Register request…"), "registerAction", self.open_register_dialog,
            "Ctrl+N")
        self.claim_action = self._action(
            self.tr("Claim"), "claimAction", self.claim_current, "Ctrl+M")
        self.release_action = self._action(
            self.tr("Release"), "releaseAction", self.release_current)
        self.verify_action = self._action(
            self.tr("Verify identity…"), "verifyAction", self.open_verify_dialog, "Ctrl+I")
        self.status_action = self._action(
            self.tr("Change status…"), "statusAction", self.open_status_dialog, "Ctrl+T")
        self.extend_action = self._action(
            self.tr("Extend…"), "extendAction", self.open_extend_dialog, "Ctrl+E")
        self.decision_action = self._action(
            self.tr("Allowance decision…"), "decisionAction", self.open_decision_dialog,
            "Ctrl+D")
        # These two open another tab; the window connects them.
        self.preview_action = self._action(
            self.tr("Preview extract"), "previewAction", None, "Ctrl+P")
        self.erasure_action = self._action(
            self.tr("Erasure plan…"), "erasureAction", None, "Ctrl+R")

    def _action(self, text: str, name: str, slot: Callable[[], None] | None,
                shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            action.triggered.connect(slot)
        action.setEnabled(False)
        return action

    @property
    def work_actions(self) -> tuple[QAction, ...]:
        """The actions that change the selected case, in toolbar order."""
        return (self.claim_action, self.release_action, self.verify_action,
                self.status_action, self.extend_action, self.decision_action)

    # --- state -------------------------------------------------------------------------------
    def set_context(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self.register_action.setEnabled(self.may_change())

    @Slot(object)
    def set_view(self, view: CaseView | None) -> None:
        """The case the officer is looking at (None: none): enable what it allows."""
        self._view = view
        ctx = self._ctx
        d = view.detail if view else None
        # An auditor's window offers no changes; the services refuse them anyway.
        if not self.may_change():
            d = None
        is_open = d is not None and d.status not in TERMINAL_STATUSES
        self.claim_action.setEnabled(is_open and d is not None and d.assignee is None)
        self.release_action.setEnabled(
            d is not None and ctx is not None and d.assignee == ctx.officer)
        self.verify_action.setEnabled(is_open)
        self.status_action.setEnabled(d is not None and bool(allowed_transitions(d.status)))
        self.extend_action.setEnabled(
            d is not None and CaseStatus.EXTENDED in allowed_transitions(d.status))
        self.decision_action.setEnabled(
            view is not None and view.allowance.needs_decision and is_open)
        self.preview_action.setEnabled(d is not None and d.request_type.discloses_data)
        self.erasure_action.setEnabled(d is not None and d.request_type in PANEL_TYPES)

    def may_change(self) -> bool:
        roles = self._ctx.roles if self._ctx is not None else None
        return roles is None or not roles.read_only

    # --- running a service -------------------------------------------------------------------
    def _run(self, fn: Callable[[], Any], *, dialog: CaseDialog | None = None,
             name: str) -> None:
        """Run a service on the worker; hand back the case afresh, or say what went wrong."""
        ctx = self._ctx
        assert ctx is not None

        def work() -> CaseView:
            result = fn()
            detail = result if isinstance(result, CaseDetail) else result.detail
            return load_case_view(ctx, detail.case_id)

        def done(view: CaseView) -> None:
            if dialog is not None:
                dialog.succeed()
            self.case_changed.emit(view)
            self.action_done.emit(view.detail.case_id)

        def failed(exc: BaseException) -> None:
            message, hint = describe_error(exc)
            text = f"{message} {hint}".strip()
            if dialog is not None:
                dialog.fail(text)
            else:
                self.error.emit(message, hint)
            self.action_failed.emit(text)

        self._runner.submit(work, done, failed, name=name)

    def _open(self, dialog: CaseDialog, submit: Callable[[], None]) -> None:
        dialog.submitted.connect(submit)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _result: self.dialog_closed.emit())
        self.active_dialog = dialog
        dialog.open()

    # --- the actions -------------------------------------------------------------------------
    @Slot()
    def claim_current(self) -> None:
        if self._view is None or self._ctx is None:
            return
        ctx, case_id = self._ctx, self._view.detail.case_id
        self._run(lambda: claim_case(ctx.case_store, case_id, officer=ctx.officer),
                  name="claim")

    @Slot()
    def release_current(self) -> None:
        if self._view is None or self._ctx is None:
            return
        ctx, case_id = self._ctx, self._view.detail.case_id
        self._run(lambda: release_case(ctx.case_store, case_id, officer=ctx.officer),
                  name="release")

    @Slot()
    def open_register_dialog(self) -> None:
        if self._ctx is None:
            return
        ctx = self._ctx
        dialog = RegisterDialog(stockholm_today(), self._window)

        def submit() -> None:
            v = dialog.values()

            def work() -> CaseDetail:
                files = [read_attachment(p) for p in v.attachment_paths]
                return register_case(
                    ctx.case_store, request_type=v.request_type, channel=v.channel,
                    received_on=v.received_on, person_label=v.person_label,
                    identifiers=v.identifiers, attachments=files, actor=ctx.officer,
                    note=v.note.strip() or None)

            self._run(work, dialog=dialog, name="register")

        self._open(dialog, submit)

    @Slot()
    def open_verify_dialog(self) -> None:
        if self._view is None or self._ctx is None:
            return
        ctx, d = self._ctx, self._view.detail
        dialog = VerifyIdentityDialog(d.case_number, stockholm_today(), self._window)

        def submit() -> None:
            method, evidence, on = dialog.values()
            self._run(lambda: verify_identity(
                ctx.case_store, d.case_id, method=method, evidence=evidence, verified_on=on,
                actor=ctx.officer, expected_version=d.version), dialog=dialog, name="verify")

        self._open(dialog, submit)

    @Slot()
    def open_status_dialog(self) -> None:
        if self._view is None or self._ctx is None:
            return
        ctx, d = self._ctx, self._view.detail
        # Extending has its own dialog (it needs the day the person was told).
        targets = [s for s in CaseStatus
                   if s in allowed_transitions(d.status) and s is not CaseStatus.EXTENDED]
        dialog = StatusDialog(d.case_number, targets, self._window)

        def submit() -> None:
            target, reason = dialog.values()
            self._run(lambda: transition_case(
                ctx.case_store, d.case_id, target, actor=ctx.officer, reason=reason,
                expected_version=d.version), dialog=dialog, name="transition")

        self._open(dialog, submit)

    @Slot()
    def open_extend_dialog(self) -> None:
        if self._view is None or self._ctx is None:
            return
        ctx, d = self._ctx, self._view.detail
        dialog = ExtendDialog(d.case_number, due_date(d.received_on), stockholm_today(),
                              self._window)

        def submit() -> None:
            reason, told_on = dialog.values()
            self._run(lambda: extend_case(
                ctx.case_store, d.case_id, reason=reason, told_on=told_on, actor=ctx.officer,
                expected_version=d.version), dialog=dialog, name="extend")

        self._open(dialog, submit)

    @Slot()
    def open_decision_dialog(self) -> None:
        if self._view is None or self._ctx is None:
            return
        ctx, view = self._ctx, self._view
        d = view.detail
        dialog = DecisionDialog(d.case_number, view.allowance, self._window)

        def submit() -> None:
            kind, reason, fee = dialog.values()

            def work() -> CaseDetail:
                # The domain reads a typed amount exactly ("150,50" too) and explains
                # a bad one; it is declared Decimal for callers that already have one.
                decision = AllowanceDecision(kind, reason, fee)  # type: ignore[arg-type]
                return record_allowance_decision(
                    ctx.case_store, d.case_id, decision,
                    actor=ctx.officer, expected_version=d.version)

            self._run(work, dialog=dialog, name="decision")

        self._open(dialog, submit)
