"""What the portability, restriction and objection panels share: opening a case on the
worker, finding its person (several: the officer chooses, nothing is merged), the letter
row (folder and language), and showing a refusal as its message and hint."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from privacy_desk.domain.requests import RequestType
from privacy_desk.errors import UserError
from privacy_desk.services.context import AppContext
from privacy_desk.services.erasure import erasure_subject
from privacy_desk.services.organisation import require_organisation
from privacy_desk.services.person_search import Candidate, LookupResult
from privacy_desk.services.queue import CaseDetail, case_detail
from privacy_desk.ui.errors import error_text
from privacy_desk.ui.pickers import CandidateChooser, OutputFolderRow
from privacy_desk.ui.tasks import TaskRunner


@dataclass(frozen=True)
class Opened:
    """A case and the portal candidates for its person (worker thread result)."""

    detail: CaseDetail
    lookup: LookupResult
    extra: Any = None


def open_case(ctx: AppContext, case_id: int, types: frozenset[RequestType],
              extra: Callable[[AppContext, int], Any] | None = None) -> Opened:
    """The case (it must be of ``types`` and verified) and its person's candidates."""
    detail = case_detail(ctx.case_store, case_id, actor=ctx.officer)
    if detail.request_type not in types:
        raise UserError(
            QCoreApplication.translate("RightsPanel", "Case {case} is not a request of this "
                                       "kind.").format(case=detail.case_number),
            QCoreApplication.translate("RightsPanel", "Open such a case from the queue."))
    lookup = erasure_subject(ctx.case_store, ctx.portal, ctx.datamap, case_id)
    return Opened(detail, lookup, extra(ctx, case_id) if extra else None)


def letters(ctx: AppContext) -> dict[str, Any]:
    """The organisation the letters are written in (refused with a hint when none is set,
    Settings -> Organisation) and the folder of the company's own letter templates.
    Worker thread: reads the settings file."""
    return {"organisation": require_organisation(ctx.paths), "config_dir": ctx.paths.config_dir}


class RightsPanel(QWidget):
    """The common frame; subclasses add their boxes to :attr:`body`."""

    TYPES: frozenset[RequestType] = frozenset()
    NAME = "rights"

    person_ready = Signal(object)  # Candidate
    candidates_found = Signal(int)
    case_changed = Signal(int)
    failed = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._ctx: AppContext | None = None
        self._case_id: int | None = None
        self._detail: CaseDetail | None = None
        self._candidate: Candidate | None = None
        self._busy = False
        self.message = QLabel()
        self.message.setObjectName(f"{self.NAME}Message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.candidates = CandidateChooser(f"{self.NAME}Candidates")
        self.candidates.chosen.connect(self._use)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.message)
        self.body.addWidget(self.candidates)

    # --- letters --------------------------------------------------------------------------
    def letter_row(self, title: str) -> tuple[QHBoxLayout, OutputFolderRow, QComboBox]:
        lang = QComboBox()
        lang.setObjectName(f"{self.NAME}LetterLanguage")
        lang.addItem(self.tr("Swedish"), "sv")
        lang.addItem(self.tr("English"), "en")
        folder = OutputFolderRow(title, f"{self.NAME}Folder")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Folder")))
        row.addWidget(folder, 1)
        row.addWidget(lang)
        return row, folder, lang

    # --- wiring ---------------------------------------------------------------------------
    def set_context(self, ctx: AppContext | None) -> None:
        self._ctx = ctx
        self.on_context()
        self.update_buttons()

    def on_context(self) -> None:
        """A subclass's hook when the context changes (default folders, lists)."""

    @property
    def candidate(self) -> Candidate | None:
        return self._candidate

    def load_case(self, case_id: int) -> None:
        """Open the case and find its person, in the background."""
        if self._ctx is None:
            return
        ctx = self._ctx
        self._case_id, self._detail, self._candidate = case_id, None, None
        self.candidates.reset()
        self.clear_case()
        self.message.setText(self.tr("Looking the case and its person up…"))
        self.submit(lambda: open_case(ctx, case_id, self.TYPES, self.extra_load()),
                    self._on_opened, f"{self.NAME}_load")

    def extra_load(self) -> Callable[[AppContext, int], Any] | None:
        return None

    def clear_case(self) -> None:
        """A subclass empties what it showed of the previous case."""

    def _on_opened(self, opened: Opened) -> None:
        if opened.detail.case_id != self._case_id:
            return
        self._detail = opened.detail
        self.on_extra(opened.extra)
        found = opened.lookup
        if not found.candidates:
            self.fail(self.tr("Nobody in the portal matches the identifiers of this request."))
            return
        if len(found.candidates) == 1:
            self._use(found.candidates[0])
            return
        self.candidates.offer(found.candidates)
        self.candidates.setCurrentIndex(-1)
        self.message.setText(self.tr(
            "{n} people match. Choose one; their data is never merged.").format(
                n=len(found.candidates)))
        self.candidates_found.emit(len(found.candidates))

    def on_extra(self, extra: Any) -> None:
        """What :meth:`extra_load` brought back (the case's restriction, say)."""

    def _use(self, cand: Candidate) -> None:
        self._candidate = cand
        if self._detail is not None:
            self.message.setText(self.tr("Case {case}: the person is found.").format(
                case=self._detail.case_number))
        self.update_buttons()
        self.person_ready.emit(cand)

    def submit(self, fn: Callable[[], Any], done: Callable[[Any], None], name: str) -> None:
        self._busy = True
        self.update_buttons()

        def finish(result: object) -> None:
            self._busy = False
            done(result)
            self.update_buttons()

        self._runner.submit(fn, finish, self._on_error, name=name)

    def _on_error(self, exc: BaseException) -> None:
        self._busy = False
        self.fail(error_text(exc))

    def fail(self, text: str) -> None:
        self.message.setText(text)
        self.update_buttons()
        self.failed.emit(text)

    def ready(self) -> bool:
        """A context, a person, a case, and nothing running."""
        return (self._ctx is not None and not self._busy and self._candidate is not None
                and self._detail is not None)

    def update_buttons(self, *_args: object) -> None:
        """A subclass enables its buttons from :meth:`ready` and its state."""
