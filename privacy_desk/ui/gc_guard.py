"""Python's cyclic garbage collection, run only on the GUI thread.

CPython collects cycles in whichever thread happens to allocate when a threshold is
crossed. If that is the database worker thread and the cycle holds Qt objects (a
closed dialog, a widget referenced from a lambda), Qt destroys them on the wrong
thread and the process can crash. So automatic collection is switched off while the
app runs and a timer on the GUI thread collects instead: the young generation every
tick (cheap), the middle one every tenth, everything every hundredth.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadGarbageCollector(QObject):
    """Owns cyclic GC while alive; :meth:`stop` hands it back to CPython."""

    INTERVAL_MS = 500

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ticks = 0
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        """One tick: collect the generation whose turn it is."""
        self._ticks += 1
        generation = 2 if self._ticks % 100 == 0 else 1 if self._ticks % 10 == 0 else 0
        gc.collect(generation)

    def stop(self) -> None:
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
