#!/usr/bin/env python3
"""Screenshots of the real app on the demo portal, for a person to look at.

    xvfb-run -a -s "-screen 0 1940x1100x24" .venv/bin/python tools/screenshot.py \
        docs/screenshots            # every tab, 1024x700 and 1920x1080, sv and en
    xvfb-run -a ... tools/screenshot.py OUT.png --lang en --size 1024x700 --tab 1

With a directory, each language runs in a process of its own (Qt's translators and the
message language are per process) and writes ``<lang>-<W>x<H>-<NN>-<tab>.png`` for every
tab at every size. Before the tabs are grabbed, the queue selects a case, the Extract
tab previews an access request in progress and the Erasure tab opens an erasure case,
so each picture shows the tab at work rather than empty. Under Xvfb this uses Qt's xcb
platform (real X11 windows, real fonts); without a display, offscreen rendering.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path

SIZES = ("1024x700", "1920x1080")
LANGS = ("sv", "en")


def _all(out_dir: Path) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        code = subprocess.call([sys.executable, __file__, str(out_dir), "--lang", lang,
                                "--sizes", ",".join(SIZES)])
        if code:
            return code
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path, help="a .png file, or a directory for every tab")
    parser.add_argument("--lang", default=None, help="sv or en (a directory: both)")
    parser.add_argument("--size", default="1380x860", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--sizes", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--tab", type=int, default=0,
                        help="which tab to show (0: the overview, 1: the queue)")
    args = parser.parse_args()
    every_tab = args.out.suffix.lower() != ".png"
    if every_tab and args.lang is None:
        return _all(args.out)
    lang = args.lang or "sv"
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from privacy_desk.domain.lifecycle import CaseStatus
    from privacy_desk.domain.requests import RequestType
    from privacy_desk.paths import AppPaths
    from privacy_desk.services.context import open_context
    from privacy_desk.ui.app import install_translations, make_application
    from privacy_desk.ui.main_window import MainWindow
    from privacy_desk.ui.tasks import TaskRunner

    app = make_application()
    translators = install_translations(app, lang)
    paths = AppPaths.default(tempfile.mkdtemp(prefix="pd-shot-"))
    window = MainWindow(TaskRunner(), partial(open_context, paths, demo=True),
                        show_error_dialogs=False)
    sizes = (args.sizes.split(",") if args.sizes else [args.size])
    shots: list[tuple[str, int]] = []

    def size_of(text: str) -> tuple[int, int]:
        w, h = (int(n) for n in text.lower().split("x"))
        return w, h

    def first_case(kind: RequestType, statuses: set[CaseStatus]) -> int | None:
        m = window.model
        for i in range(m.rowCount()):
            r = m.row_at(i)
            if r.request_type is kind and r.status in statuses:
                return r.case_id
        return None

    def prepare() -> None:
        """Give the tabs something to show: a case, a preview, an erasure plan."""
        working = {CaseStatus.IN_PROGRESS, CaseStatus.EXTENDED}
        access = first_case(RequestType.ACCESS, working)
        if access is not None:
            window.select_case(access)
            window.open_preview()
        erasure = first_case(RequestType.ERASURE, working | {CaseStatus.RECEIVED})
        if erasure is not None:
            window.select_case(erasure)
            window.open_erasure()
        window.tabs.setCurrentIndex(window.queue_tab)
        if not window.select_case(first_case(RequestType.ACCESS, working) or -1):
            window.table.selectRow(0)
        # The person search finds the first person who wrote in with an e-mail address.
        m = window.model
        email = next((m.row_at(i).person_label for i in range(m.rowCount())
                      if "@" in (m.row_at(i).person_label or "")), None)
        if email:
            window.person_panel.search_edit.setText(email)
            window.person_panel.search()

    def next_shot() -> None:
        if not shots:
            window.close()
            return
        size, tab = shots.pop(0)
        window.resize(*size_of(size))
        window.tabs.setCurrentIndex(tab if every_tab else args.tab)
        QTimer.singleShot(1200, partial(grab, size, tab))

    def grab(size: str, tab: int) -> None:
        if every_tab:
            name = window.tabs.widget(tab).objectName() or f"tab{tab}"
            target = args.out / f"{lang}-{size}-{tab:02d}-{name}.png"
        else:
            target = args.out
            shots.clear()
        window.grab().save(str(target))
        print(f"saved {target}")
        next_shot()

    def start_work() -> None:
        """On the worker: claim and verify one access and one erasure request (the demo's
        requests are all new), so the tabs show a case at work."""
        from privacy_desk.services.casework import claim_case, verify_identity
        from privacy_desk.services.queue import case_detail

        ctx = window.ctx
        assert ctx is not None
        for kind in (RequestType.ACCESS, RequestType.ERASURE):
            case_id = first_case(kind, {CaseStatus.RECEIVED})
            if case_id is None:
                continue
            claim_case(ctx.case_store, case_id, officer=ctx.officer)
            d = case_detail(ctx.case_store, case_id)
            verify_identity(ctx.case_store, case_id, method="min_sida_login",
                            evidence="Inloggad på Min sida med BankID", actor=ctx.officer,
                            expected_version=d.version)

    def loaded(_count: int) -> None:
        window.queue_loaded.disconnect(loaded)
        tabs = range(window.tabs.count()) if every_tab else [args.tab]
        shots.extend((s, t) for s in sizes for t in tabs)

        def reloaded(_count: int) -> None:
            window.queue_loaded.disconnect(reloaded)
            prepare()
            QTimer.singleShot(3000, next_shot)

        window.queue_loaded.connect(reloaded)
        window._runner.submit(start_work, lambda _r: window.refresh(),
                              lambda exc: print(exc, file=sys.stderr), name="screenshot")

    window.queue_loaded.connect(loaded)
    window.load_failed.connect(lambda msg: (print(msg, file=sys.stderr), app.exit(1)))
    window.resize(*size_of(sizes[0]))
    window.move(0, 0)
    window.show()
    window.start()
    code = app.exec()
    QApplication.processEvents()
    del translators
    return code


if __name__ == "__main__":
    sys.exit(main())
