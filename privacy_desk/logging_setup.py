"""A rotating log file in the user log directory, and notices for the person.

Log lines name tables, counts, case numbers and error types: never a person's data,
never a password or a URL with one (use :func:`privacy_desk.dburl.display_url`).

A record logged with ``extra={USER_NOTICE: True}`` is something the person must see,
not only IT reading the log later (e.g. "the case store was backed up before an
update, here"): it also goes to stderr, and the app shows it in a dialog
(privacy_desk.ui.app). Lower layers raise notices this way without knowing who shows
them.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys

from privacy_desk.paths import AppPaths

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

#: The ``extra`` key that marks a log record as a notice for the person at the keyboard.
USER_NOTICE = "user_notice"


def is_notice(record: logging.LogRecord) -> bool:
    return bool(getattr(record, USER_NOTICE, False))


class NoticeToStderr(logging.Handler):
    """Writes notices to whatever ``sys.stderr`` is at the time (none in a windowed app)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.addFilter(is_notice)

    def emit(self, record: logging.LogRecord) -> None:
        stream = sys.stderr
        if stream is None:
            return
        try:
            stream.write(f"privacy-desk: {record.getMessage()}\n")
            stream.flush()
        except (OSError, ValueError):
            self.handleError(record)


def configure_logging(paths: AppPaths, *, verbose: bool = False) -> None:
    """Send the app's log records to a rotating file (5 x 2 MB), notices also to stderr."""
    root = logging.getLogger("privacy_desk")
    if not any(isinstance(h, NoticeToStderr) for h in root.handlers):
        root.addHandler(NoticeToStderr())
    for old in [h for h in root.handlers if getattr(h, "_privacy_desk", False)]:
        if getattr(old, "baseFilename", None) == str(paths.log_file.resolve()):
            return
        root.removeHandler(old)  # a new base dir (tests, --base-dir): log there instead
        old.close()
    paths.log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    handler = logging.handlers.RotatingFileHandler(
        paths.log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._privacy_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
