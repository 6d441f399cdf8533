"""A rotating log file in the user log directory, and notices for the person.

Log lines name tables, counts, case numbers and error types: never a person's data,
never a password or a URL with one (use :func:`privacy_desk.dburl.display_url`).

A record logged with ``extra={USER_NOTICE: True}`` is something the person must see,
not only IT reading the log later (e.g. "the case store was backed up before an
update, here"): it also goes to stderr, and the app shows it in a dialog
(privacy_desk.ui.app). Lower layers raise notices this way without knowing who shows
them.

The log file and its rotated copies are the officer's alone (0600 on POSIX, in a 0700
folder): they name case numbers and tables, and a wider file left by an older version is
tightened at start.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import stat
import sys
from pathlib import Path

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


#: Owner read/write only: the mode of every log file on POSIX.
PRIVATE_FILE_MODE = 0o600
_BACKUPS = 5


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file handler whose files are created owner-only (0600), rotated ones too."""

    def _open(self) -> io.TextIOWrapper:
        if os.name != "posix":
            return super()._open()
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND,
                     PRIVATE_FILE_MODE)
        os.fchmod(fd, PRIVATE_FILE_MODE)  # an existing file keeps no wider mode
        return open(fd, "a", encoding=self.encoding, errors=self.errors)  # as "a" would


def tighten_log_files(log_file: Path) -> None:
    """Take group and other access away from an existing log folder, file and its backups."""
    if os.name != "posix":
        return
    folder = log_file.parent
    candidates = [(folder, 0o700), (log_file, PRIVATE_FILE_MODE)] + [
        (log_file.with_name(f"{log_file.name}.{i}"), PRIVATE_FILE_MODE)
        for i in range(1, _BACKUPS + 1)]
    for path, mode in candidates:
        try:
            current = stat.S_IMODE(path.stat().st_mode)
            if current & 0o077:
                path.chmod(current & mode)
        except FileNotFoundError:
            continue
        except OSError:
            logging.getLogger(__name__).warning(
                "Could not restrict the access rights of %s.", path.name)


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
    tighten_log_files(paths.log_file)
    handler = PrivateRotatingFileHandler(
        paths.log_file, maxBytes=2_000_000, backupCount=_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._privacy_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
