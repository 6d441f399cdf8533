"""Cyclic garbage is collected on the GUI thread's timer, never on the worker thread."""

from __future__ import annotations

import gc
import weakref

from pytestqt.qtbot import QtBot

from privacy_desk.ui.gc_guard import GuiThreadGarbageCollector


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


def _make_garbage() -> list[bool]:
    """A cycle nobody references, and a flag that flips when it is freed."""
    freed = [False]
    node = _Node()
    weakref.finalize(node, freed.__setitem__, 0, True)
    return freed


def test_collector_takes_over_and_frees_cycles_on_the_gui_thread(qtbot: QtBot) -> None:
    gc.enable()
    collector = GuiThreadGarbageCollector()
    try:
        assert not gc.isenabled()  # no thread may trigger a collection by allocating
        freed = _make_garbage()
        keep = [_Node() for _ in range(gc.get_threshold()[0] + 50)]  # past the threshold
        assert not freed[0]  # allocating did not collect: only the timer may
        qtbot.waitUntil(lambda: freed[0], timeout=10_000)
        del keep
    finally:
        collector.stop()
    assert gc.isenabled()
