"""The case detail pane: one case, its yearly allowance and the person's other requests.

:func:`load_case_view` reads everything the pane shows on the worker thread;
:class:`CaseDetailPane` shows it (or a placeholder, "loading", an error) on the GUI
thread, as a form. Values are shown as plain text (never as HTML): names and notes come
from people and portals.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from privacy_desk.clock import STOCKHOLM
from privacy_desk.services.context import AppContext
from privacy_desk.services.queue import (
    AllowanceStatus,
    CaseDetail,
    CaseEventRow,
    HistoryEntry,
    PersonHistory,
    allowance_status,
    awaits_approval,
    case_detail,
    person_history,
)
from privacy_desk.ui.case_dialogs import decision_label, identity_method_label
from privacy_desk.ui.labels import channel_label, event_label, request_type_label, status_label


@dataclass(frozen=True)
class CaseView:
    """One case as the detail pane shows it: the case, its allowance, the person's history."""

    detail: CaseDetail
    allowance: AllowanceStatus
    history: PersonHistory
    #: An erasure plan of the case waits for a second officer's approval.
    approval_needed: bool = False


def load_case_view(ctx: AppContext, case_id: int) -> CaseView:
    """Everything the detail pane needs, read on the worker thread."""
    store = ctx.case_store
    return CaseView(case_detail(store, case_id), allowance_status(store, case_id),
                    person_history(store, case_id, actor=ctx.officer),
                    awaits_approval(store, case_id))


def local_time(at: datetime) -> str:
    """A stored (naive UTC) timestamp as Stockholm wall-clock time, "2026-12-01 14:05"."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return aware.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M")


def event_note(ev: CaseEventRow) -> str:
    """The event as the reader should see it: its message in the interface language, then
    the officer's own note (rows from before migration 0009 have only the note)."""
    return ev.text()


def identifier_kind_label(kind: str) -> str:
    """The kind of an identifier in the reader's words ("E-post", not "email")."""
    labels = {
        "personnummer": QCoreApplication.translate("CaseDetail", "Personnummer"),
        "orgnr": QCoreApplication.translate("CaseDetail", "Organisationsnummer"),
        "email": QCoreApplication.translate("CaseDetail", "E-mail"),
        "phone": QCoreApplication.translate("CaseDetail", "Phone"),
        "customer_number": QCoreApplication.translate("CaseDetail", "Customer number"),
        "customer_id": QCoreApplication.translate("CaseDetail", "Customer id"),
    }
    return labels.get(kind, kind)


def case_fields(view: CaseView) -> list[tuple[str, str]]:
    """The form's rows: (label, value), in reading order."""
    detail, allowance = view.detail, view.allowance
    due = detail.effective_due_on.isoformat()
    if detail.extended_due_on:
        due += " " + QCoreApplication.translate("CaseDetail", "(extended)")
    if detail.identity_verified_on:
        last = detail.verifications[-1] if detail.verifications else None
        identity = QCoreApplication.translate("CaseDetail", "Verified {day}").format(
            day=detail.identity_verified_on.isoformat())
        if last is not None:
            identity += f" – {identity_method_label(last.method)} ({last.officer})"
    else:
        identity = QCoreApplication.translate(
            "CaseDetail", "Not verified: no data may be shown or sent")
    fields = [
        (QCoreApplication.translate("CaseDetail", "Type"),
         request_type_label(detail.request_type)),
        (QCoreApplication.translate("CaseDetail", "Status"), status_label(detail.status)),
        (QCoreApplication.translate("CaseDetail", "Received"), detail.received_on.isoformat()),
        (QCoreApplication.translate("CaseDetail", "Due"), due),
        (QCoreApplication.translate("CaseDetail", "Channel"), channel_label(detail.channel)
         + (QCoreApplication.translate("CaseDetail", ", taken by {name}").format(
             name=detail.taken_by) if detail.taken_by else "")),
        (QCoreApplication.translate("CaseDetail", "Reference"), detail.source_ref or ""),
        (QCoreApplication.translate("CaseDetail", "Person"), detail.person_label),
        (QCoreApplication.translate("CaseDetail", "Assignee"),
         detail.assignee or QCoreApplication.translate("CaseDetail", "(nobody)")),
        (QCoreApplication.translate("CaseDetail", "Identity"), identity),
    ]
    if detail.extension_told_on:
        fields.append((
            QCoreApplication.translate("CaseDetail", "Extension"),
            QCoreApplication.translate("CaseDetail", "Person told {day}: {reason}").format(
                day=detail.extension_told_on.isoformat(),
                reason=detail.extension_reason or "")))
    if allowance.applies:
        fields.append((QCoreApplication.translate("CaseDetail", "Yearly allowance"),
                       _allowance_text(allowance)))
    if view.approval_needed:
        fields.append((
            QCoreApplication.translate("CaseDetail", "Erasure plan"),
            QCoreApplication.translate("CaseDetail", "Waits for a second officer's approval")))
    if detail.identifiers:
        fields.append((QCoreApplication.translate("CaseDetail", "Identifiers"),
                       ", ".join(f"{identifier_kind_label(k)}: {v}"
                                 for k, v in detail.identifiers)))
    if detail.attachments:
        fields.append((QCoreApplication.translate("CaseDetail", "Scans"), "\n".join(
            f"{a.filename} ({a.media_type}, {a.size_bytes:,} B, SHA-256 {a.sha256[:16]}…)"
            for a in detail.attachments)))
    return fields


def _list_label(name: str) -> QLabel:
    """A wrapped rich-text list (values escaped by the caller): reads at any width."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


def _nowrap(text: str) -> str:
    """Escaped text that never breaks inside ("2026-12-01 14:05" stays on one line)."""
    return f"<span style='white-space:nowrap'>{html.escape(text)}</span>"


class CaseDetailPane(QScrollArea):
    """The selected case as a read-only form, the person's requests and the case's events.

    A form (label beside value) that wraps its long values at 1024×700 and uses the width
    at 1920×1080; times never wrap (their column sizes to its contents) and are shown in
    Stockholm time.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseDetail")
        self.setWidgetResizable(True)
        self.setMinimumWidth(320)
        body = QWidget()
        body.setObjectName("caseDetailBody")
        layout = QVBoxLayout(body)
        self.message = QLabel()
        self.message.setObjectName("caseDetailMessage")
        self.message.setWordWrap(True)
        self.title = QLabel()
        self.title.setObjectName("caseTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = QFormLayout()
        self.form.setObjectName("caseForm")
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        history_title = self.tr("The person’s requests")
        self.history_title = QLabel(f"<b>{html.escape(history_title)}</b>")
        self.history = _list_label("personHistory")
        events_title = self.tr("Events")
        self.events_title = QLabel(f"<b>{html.escape(events_title)}</b>")
        self.events = _list_label("caseEvents")
        #: The events shown, as (time, actor, event, note) texts, oldest first.
        self.event_rows: list[tuple[str, str, str, str]] = []
        self.history_rows: list[list[str]] = []
        layout.addWidget(self.message)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history)
        layout.addWidget(self.events_title)
        layout.addWidget(self.events)
        layout.addStretch(1)
        self.setWidget(body)
        self._view: CaseView | None = None
        self.show_placeholder()

    def _show_message(self, text: str) -> None:
        self._view = None
        self.message.setText(text)
        self.message.show()
        for w in (self.title, self.history_title, self.history, self.events_title,
                  self.events):
            w.hide()
        self._clear_form()

    def _clear_form(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)

    def show_placeholder(self) -> None:
        text = self.tr("Select a case in the queue.")
        self._show_message(f"<i>{html.escape(text)}</i>")

    def show_loading(self) -> None:
        text = self.tr("Loading…")
        self._show_message(f"<i>{html.escape(text)}</i>")

    def show_error(self, message: str, hint: str) -> None:
        self._show_message(f"<b>{html.escape(message)}</b><br>{html.escape(hint)}")

    def show_view(self, view: CaseView) -> None:
        self._view = view
        self.message.hide()
        self.title.setText(view.detail.case_number)
        self.title.show()
        self._clear_form()
        for label, value in case_fields(view):
            field = QLabel(value)
            field.setWordWrap(True)
            field.setTextFormat(Qt.TextFormat.PlainText)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            name = QLabel(f"<b>{html.escape(label)}</b>")
            self.form.addRow(name, field)
        entries = view.history.entries
        show_history = len(entries) > 1
        self.history_title.setVisible(show_history)
        self.history.setVisible(show_history)
        self.history_rows = [_history_cells(view, h) for h in entries] if show_history else []
        self.history.setText("<br>".join(
            f"{_nowrap(c[0])} · {_nowrap(c[1])} · {html.escape(c[2])} · "
            f"{html.escape(c[3])}" + (f" · {html.escape(c[4])}" if c[4] else "")
            for c in self.history_rows))
        self.events_title.show()
        self.events.show()
        self.event_rows = [(local_time(ev.at), ev.actor, event_label(ev.kind), event_note(ev))
                           for ev in view.detail.events]
        # Newest first: the last step is what the officer looks for.
        self.events.setText("".join(
            f"<p style='margin:0 0 6px 0'><b>{_nowrap(at)}</b> · {html.escape(actor)} · "
            f"{html.escape(kind)}" + (f"<br>{html.escape(note)}" if note else "") + "</p>"
            for at, actor, kind, note in reversed(self.event_rows)))

    def toPlainText(self) -> str:
        """Everything the pane shows, as text (what a screen reader would read)."""
        if self._view is None:
            return self.message.text()
        lines = [self.title.text()]
        for r in range(self.form.rowCount()):
            label = self.form.itemAt(r, QFormLayout.ItemRole.LabelRole)
            field = self.form.itemAt(r, QFormLayout.ItemRole.FieldRole)
            if label is not None and field is not None:
                lw, fw = label.widget(), field.widget()
                if isinstance(lw, QLabel) and isinstance(fw, QLabel):
                    lines.append(f"{_strip_tags(lw.text())}: {fw.text()}")
        if not self.history.isHidden():
            lines.append(_strip_tags(self.history_title.text()))
            lines += ["\t".join(c) for c in self.history_rows]
        lines.append(_strip_tags(self.events_title.text()))
        lines += ["\t".join(r) for r in self.event_rows]
        return "\n".join(lines)


def _strip_tags(text: str) -> str:
    return html.unescape(text.replace("<b>", "").replace("</b>", ""))


def _history_cells(view: CaseView, h: HistoryEntry) -> list[str]:
    mark = "▶ " if h.case_id == view.detail.case_id else ""
    decided = decision_label(h.decision) if h.decision else ""
    if h.fee_sek is not None:
        decided += f" ({h.fee_sek} kr)"
    return [f"{mark}{h.case_number}", h.received_on.isoformat(),
            request_type_label(h.request_type), status_label(h.status), decided]


def _allowance_text(a: AllowanceStatus) -> str:
    text = _allowance_state(a)
    if a.minimised_unmatched:
        text += " " + QCoreApplication.translate(
            "CaseDetail", "Minimised cases cannot be matched on this computer, so earlier "
            "requests may be missing: an administrator imports the minimisation key "
            "(privacy-desk store key import).")
    return text


def _allowance_state(a: AllowanceStatus) -> str:
    if a.decision is not None:
        text = QCoreApplication.translate("CaseDetail", "Decision: {kind} – {reason}").format(
            kind=decision_label(a.decision.kind), reason=a.decision.reason)
        if a.decision.fee_sek is not None:
            text += f" ({a.decision.fee_sek} kr)"
        return text
    if a.free:  # one string per form: Qt's extractor sees no plural with a variable count
        text = (QCoreApplication.translate("CaseDetail", "Free: no earlier extract since {start}")
                if a.extracts_in_period == 0 else
                QCoreApplication.translate("CaseDetail", "Free: 1 earlier extract since {start}")
                if a.extracts_in_period == 1 else
                QCoreApplication.translate("CaseDetail",
                                           "Free: {count} earlier extracts since {start}"))
        return text.format(count=a.extracts_in_period, start=a.period_start.isoformat())
    return QCoreApplication.translate(
        "CaseDetail", "Beyond the allowance ({count} since {start}): a decision is needed"
    ).format(count=a.extracts_in_period, start=a.period_start.isoformat())
