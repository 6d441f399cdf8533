"""A rotating log file in the user log directory.

Log lines name tables, counts, case numbers and error types: never a person's data,
never a password or a URL with one (use :func:`privacy_desk.dburl.display_url`).
"""

from __future__ import annotations

import logging
import logging.handlers

from privacy_desk.paths import AppPaths

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(paths: AppPaths, *, verbose: bool = False) -> None:
    """Send the app's log records to a rotating file (5 x 2 MB)."""
    root = logging.getLogger("privacy_desk")
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
