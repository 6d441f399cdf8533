"""Starting the GUI: the QApplication, translations, the main window, the self-test."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from functools import partial

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from privacy_desk import APP_ID, APP_NAME, ORG_NAME, __version__
from privacy_desk.paths import AppPaths
from privacy_desk.resources import resources_dir
from privacy_desk.services.context import open_context
from privacy_desk.ui.connection_dialog import PasswordPrompt
from privacy_desk.ui.gc_guard import GuiThreadGarbageCollector
from privacy_desk.ui.main_window import MainWindow
from privacy_desk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

#: How long the self-test waits for the queue before declaring failure.
SELF_TEST_TIMEOUT_MS = 300_000

DEFAULT_LANGUAGE = "sv"


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Load our .qm (and Qt's own, for standard buttons) for ``language``.

    English is the source language, so it needs no file of ours. Returns the
    translators, which must stay referenced as long as the app runs.
    """
    installed: list[QTranslator] = []
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return installed
    ours = QTranslator(app)
    qm_dir = resources_dir() / "translations"
    if ours.load(f"privacy_desk_{language}", str(qm_dir)):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("No %s translation found in %s", language, qm_dir)
    qt_base = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    return installed


#: Qt messages that describe the platform, not a fault: kept out of the user's terminal.
_QUIET_QT_MESSAGES = ("This plugin does not support propagateSizeHints",)


def _qt_message_to_log(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Send Qt's own messages to our log file instead of stderr (they hold no personal data)."""
    if message.startswith(_QUIET_QT_MESSAGES):
        return
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(kind, logging.ERROR)
    logging.getLogger("privacy_desk.qt").log(level, "Qt: %s", message)


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    return app


def run_app(args: argparse.Namespace, paths: AppPaths) -> int:
    """Open the main window (or run the self-test) and return the exit code."""
    if args.self_test and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no person, no screen needed
    qInstallMessageHandler(_qt_message_to_log)
    app = make_application()
    translators = install_translations(app, args.lang or DEFAULT_LANGUAGE)
    runner = TaskRunner()
    # Profiles without a password in the keyring: open_context (on the worker) asks
    # through this prompt, which shows its dialog on the GUI thread.
    prompt = PasswordPrompt()
    connect = partial(open_context, paths, demo=args.demo, portal=args.portal,
                      case_store=args.case_store, datamap=args.datamap,
                      portal_write=args.portal_write, portal_profile=args.portal_profile,
                      case_store_profile=args.case_store_profile,
                      ask_password=None if args.self_test else prompt)
    window = MainWindow(runner, connect, show_error_dialogs=not args.self_test, paths=paths)
    outcome: dict[str, int] = {}

    if args.self_test:
        def passed(count: int) -> None:
            ctx = window.ctx
            where = f"portal {ctx.portal_label}, case store {ctx.case_store_label}" if ctx else ""
            print(f"self-test ok: {count} cases in the queue ({where})", flush=True)
            outcome["code"] = 0
            window.close()

        def failed(message: str) -> None:
            print(f"self-test FAILED: {message}", file=sys.stderr, flush=True)
            outcome["code"] = 1
            window.close()

        def timed_out() -> None:
            failed(f"the queue did not load within {SELF_TEST_TIMEOUT_MS // 1000} s")

        window.queue_loaded.connect(passed)
        window.load_failed.connect(failed)
        QTimer.singleShot(SELF_TEST_TIMEOUT_MS, timed_out)

    collector = GuiThreadGarbageCollector(app)
    window.show()
    window.start()
    code = app.exec()
    collector.stop()
    del translators
    return outcome.get("code", code)
