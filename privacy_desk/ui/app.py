"""Starting the GUI: the QApplication, translations, the main window, the self-test."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections import deque
from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QObject,
    Qt,
    QTimer,
    QtMsgType,
    QTranslator,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from privacy_desk import APP_ID, APP_NAME, ORG_NAME, __version__, catalogues, messages
from privacy_desk.errors import UserError
from privacy_desk.logging_setup import is_notice
from privacy_desk.paths import AppPaths
from privacy_desk.resources import resources_dir
from privacy_desk.services.context import open_context
from privacy_desk.ui.connection_dialog import PasswordPrompt
from privacy_desk.ui.gc_guard import GuiThreadGarbageCollector
from privacy_desk.ui.main_window import MainWindow
from privacy_desk.ui.startup import (
    STARTUP_FAILED,
    check_xcb_before_start,
    log_file,
    needs_xcb_check,
    report_startup_failure,
    xcb_problem,
)
from privacy_desk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

#: How long the self-test waits for the queue before declaring failure.
SELF_TEST_TIMEOUT_MS = 300_000

DEFAULT_LANGUAGE = "sv"


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Load our .qm (and Qt's own, for standard buttons) for ``language``.

    English is the source language: its file holds only the plural forms ("1 row",
    "2 rows" for ``self.tr("%n row(s)", "", n)``), and Qt's own needs none. Returns the
    translators, which must stay referenced as long as the app runs.
    """
    installed: list[QTranslator] = []
    QLocale.setDefault(QLocale(language))
    catalogues.install()
    messages.set_language(language)
    ours = QTranslator(app)
    qm_dir = resources_dir() / "translations"
    if ours.load(f"privacy_desk_{language}", str(qm_dir)):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("No %s translation found in %s", language, qm_dir)
    if language == "en":
        return installed
    qt_base = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    return installed


#: Qt messages that describe the platform, not a fault: kept out of the user's terminal.
_QUIET_QT_MESSAGES = ("This plugin does not support propagateSizeHints",)

#: Qt's recent platform warnings (category qt.qpa.*): a fatal "no platform plugin could
#: be initialized" says nothing of why; these say which library or display was missing.
_platform_warnings: deque[str] = deque(maxlen=8)


def _qt_message_to_log(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Send Qt's own messages to our log file (they hold no personal data).

    Warnings stay out of the terminal; critical and fatal messages also go to stderr,
    and a fatal one (Qt is about to abort, typically with no platform plugin) is
    reported as a failed start with what to do, and ends the process with
    :data:`~privacy_desk.ui.startup.STARTUP_FAILED` instead of a core dump.
    """
    if message.startswith(_QUIET_QT_MESSAGES):
        return
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(kind, logging.ERROR)
    logging.getLogger("privacy_desk.qt").log(level, "Qt: %s", message)
    category = str(getattr(context, "category", "") or "")
    if kind == QtMsgType.QtWarningMsg and category.startswith("qt.qpa"):
        _platform_warnings.append(message)
    if kind == QtMsgType.QtCriticalMsg:
        print(f"privacy-desk: Qt: {message}", file=sys.stderr or sys.__stderr__, flush=True)
    elif kind == QtMsgType.QtFatalMsg:
        _fatal_qt_message(message)


def _fatal_qt_message(message: str) -> None:
    """Qt cannot go on: say why, on stderr, in the log and a native dialog; then exit."""
    problem = (xcb_problem(_platform_plugin_dir() / "platforms" / "libqxcb.so")
               if needs_xcb_check() else None)
    warnings = [w.strip() for w in _platform_warnings if w.strip() not in message]
    if problem is None:
        # Qt names xcb-cursor0 after any xcb failure; our check found the libraries there.
        warnings = [w for w in warnings if not w.startswith("From 6.5.0, xcb-cursor0")]
    parts = [f"Qt: {message.strip()}", *(f"Qt: {w}" for w in warnings)]
    if problem:
        parts.append(problem)
    if any("connect to display" in w for w in _platform_warnings):
        parts.append("There is no desktop display to open the window on (is DISPLAY set?). "
                     "Start Privacy Desk from a desktop session; for a check without a "
                     "screen use --self-test.")
    elif "platform plugin" in message:
        parts.append("Set QT_QPA_PLATFORM to one of the platforms named above (or unset "
                     "it), or reinstall Privacy Desk.")
    report_startup_failure("\n".join(parts))
    os._exit(STARTUP_FAILED)  # Qt aborts when this handler returns; end cleanly instead


def _platform_plugin_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))


def _set_windows_app_id() -> None:
    """Group the windows under our own taskbar entry and icon, not python.exe's."""
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(  # type: ignore[attr-defined]
            f"{ORG_NAME}.{APP_ID}")


def application_icon() -> QIcon:
    """The app's icon in every size we ship (resources/icons, made by tools/icons.py)."""
    icon = QIcon()
    icons = resources_dir() / "icons"
    for png in sorted(icons.glob(f"{APP_ID}-*.png")):
        icon.addFile(str(png))
    return icon


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    # The .desktop entry's name: Wayland compositors match windows to it for the icon.
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(application_icon())
    return app


def run_app(args: argparse.Namespace, paths: AppPaths) -> int:
    """Open the main window (or run the self-test) and return the exit code."""
    if args.self_test and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no person, no screen needed
    if (code := check_xcb_before_start(_platform_plugin_dir())) is not None:
        return code
    qInstallMessageHandler(_qt_message_to_log)
    _set_windows_app_id()
    app = make_application()
    try:
        return _run_window(app, args, paths)
    except UserError:
        raise  # the command line prints it (and the windowed build shows it)
    except Exception as exc:
        _startup_crashed(exc, show_dialog=not args.self_test)
        return STARTUP_FAILED


def _startup_crashed(exc: Exception, *, show_dialog: bool) -> None:
    """An unexpected error before or while the window opened: report it, never silently.

    The log gets the stack (code locations only: an exception's text may quote data);
    the person gets the error type and where the log is.
    """
    log.error("Start-up failed with %s:\n%s", type(exc).__name__,
              "".join(traceback.format_tb(exc.__traceback__)))
    text = (f"An unexpected error ({type(exc).__name__}) stopped the start. "
            f"The details are in {log_file()}; send that file to your IT support.")
    report_startup_failure(text, dialog=False)
    if show_dialog:
        QMessageBox.critical(None, APP_NAME, text)


class NoticeDialogs(QObject):
    """Shows the log's notices for the person (e.g. the case store's backup before an
    update) in a dialog over ``parent``; the record may come from the worker thread, so
    it crosses to the GUI thread through a queued signal."""

    notice = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.shown: list[QMessageBox] = []
        self.notice.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._handler = _NoticeHandler(self)
        logging.getLogger("privacy_desk").addHandler(self._handler)

    def _show(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, text,
                          QMessageBox.StandardButton.Ok, self._parent)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.shown.append(box)
        box.open()  # not modal over the queue: the app goes on loading behind it

    def stop(self) -> None:
        logging.getLogger("privacy_desk").removeHandler(self._handler)


class _NoticeHandler(logging.Handler):
    def __init__(self, dialogs: NoticeDialogs) -> None:
        super().__init__(logging.INFO)
        self.addFilter(is_notice)
        self._dialogs = dialogs

    def emit(self, record: logging.LogRecord) -> None:
        self._dialogs.notice.emit(record.getMessage())


def _run_window(app: QApplication, args: argparse.Namespace, paths: AppPaths) -> int:
    """Open the main window (or run the self-test) on ``app``; return the exit code."""
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
    # The self-test has no person to read a dialog; its notices reach stderr (logging).
    notices = None if args.self_test else NoticeDialogs(window)
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
    if notices is not None:
        notices.stop()
    del translators
    return outcome.get("code", code)
