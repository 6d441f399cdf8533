"""Database work off the GUI thread: one worker thread, results posted back.

Every call that touches a database goes through :class:`TaskRunner.submit`. The
callable runs on a single background thread (so a portal or case store connection
is never used from two threads at once); its result or exception comes back to the
GUI thread through a queued signal, where the given callbacks run. The GUI never
waits on a database.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

ResultCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


@dataclass
class _Job:
    job_id: int
    fn: Callable[[], Any]
    name: str


class _Worker(QObject):
    """Lives in the worker thread; runs one job at a time in submission order."""

    done = Signal(int, object)
    failed = Signal(int, object)

    @Slot(object)
    def run(self, job: _Job) -> None:
        try:
            result = job.fn()
        except Exception as exc:  # reported to the GUI, which decides how to show it
            log.info("Background task %s failed: %s", job.name, type(exc).__name__)
            self.failed.emit(job.job_id, exc)
        else:
            self.done.emit(job.job_id, result)


class TaskRunner(QObject):
    """Owns the worker thread. Create once per window; call :meth:`shutdown` on close."""

    _dispatch = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[ResultCallback | None, ErrorCallback | None]] = {}
        self._thread = QThread()
        self._thread.setObjectName("privacy-desk-db")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._dispatch.connect(self._worker.run)
        self._worker.done.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)
        self._thread.start()

    def submit(
        self,
        fn: Callable[[], Any],
        on_result: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
        *,
        name: str = "task",
    ) -> int:
        """Queue ``fn`` on the worker thread; callbacks run later on the GUI thread."""
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_result, on_error)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        self._dispatch.emit(_Job(job_id, fn, name))
        return job_id

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def _finish(self, job_id: int) -> tuple[ResultCallback | None, ErrorCallback | None]:
        callbacks = self._callbacks.pop(job_id, (None, None))
        if not self._callbacks:
            self.busy_changed.emit(False)
        return callbacks

    @Slot(int, object)
    def _on_done(self, job_id: int, result: object) -> None:
        on_result, _ = self._finish(job_id)
        if on_result is not None:
            on_result(result)

    @Slot(int, object)
    def _on_failed(self, job_id: int, exc: object) -> None:
        _, on_error = self._finish(job_id)
        if on_error is not None and isinstance(exc, BaseException):
            on_error(exc)

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Let the running job finish, then stop the thread (queued jobs are dropped)."""
        self._callbacks.clear()
        self._thread.quit()
        if not self._thread.wait(timeout_ms):
            log.warning("Worker thread did not stop within %d ms", timeout_ms)
