#!/usr/bin/env python3
"""Take a screenshot of the real app on the demo portal, for a person to look at.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/screenshot.py OUT.png \
        [--lang en] [--size 1024x700] [--tab 1]

Under Xvfb this uses Qt's xcb platform (a real X11 window, real fonts); without a
display it falls back to offscreen rendering. The screen is grabbed once the queue has
loaded and the first case is selected.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from functools import partial
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="sv")
    parser.add_argument("--size", default="1380x860", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--tab", type=int, default=0, help="which tab (0: overview, 1: queue)")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication

    from privacy_desk.paths import AppPaths
    from privacy_desk.services.context import open_context
    from privacy_desk.ui.app import install_translations, make_application
    from privacy_desk.ui.main_window import MainWindow
    from privacy_desk.ui.tasks import TaskRunner

    app = make_application()
    translators = install_translations(app, args.lang)
    paths = AppPaths.default(tempfile.mkdtemp(prefix="pd-shot-"))
    window = MainWindow(TaskRunner(), partial(open_context, paths, demo=True),
                        show_error_dialogs=False)

    def grab() -> None:
        screen = QGuiApplication.primaryScreen()
        pixmap = screen.grabWindow(0) if os.environ.get("DISPLAY") else window.grab()
        pixmap.save(str(args.out))
        print(f"saved {args.out}")
        window.close()

    def loaded(_count: int) -> None:
        window.table.selectRow(0)
        window.tabs.setCurrentIndex(args.tab)
        QTimer.singleShot(1500, grab)

    window.queue_loaded.connect(loaded)
    window.load_failed.connect(lambda msg: (print(msg, file=sys.stderr), app.exit(1)))
    width, height = (int(n) for n in args.size.lower().split("x"))
    window.resize(width, height)
    window.move(10, 10)
    window.show()
    window.start()
    code = app.exec()
    del translators
    return code


if __name__ == "__main__":
    sys.exit(main())
