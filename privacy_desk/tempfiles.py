"""Scratch files of one session (previews, exports in progress), removed when done.

Each app session gets its own folder under the user cache directory, and each case a
subfolder; closing the case removes its subfolder, closing the session removes the
whole folder. Folders left behind by a crashed session (their process is gone) are
swept at the next start, so personal data never lingers in the cache.
"""

from __future__ import annotations

import logging
import os
import shutil
import uuid
from pathlib import Path

from privacy_desk.paths import AppPaths

log = logging.getLogger(__name__)

PREFIX = "session-"


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists but not ours, or the platform cannot tell: leave it
    return True


class SessionTemp:
    """The session's scratch folder; created lazily, private to the user."""

    def __init__(self, paths: AppPaths) -> None:
        self.root = paths.cache_dir / "tmp"
        self.path = self.root / f"{PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._closed = False

    def _ensure(self) -> Path:
        if self._closed:
            raise RuntimeError("the session's temporary folder was already removed")
        self.path.mkdir(parents=True, exist_ok=True, mode=0o700)
        return self.path

    def case_dir(self, case_id: int) -> Path:
        """A folder for one case's scratch files (created on first use)."""
        d = self._ensure() / f"case-{case_id}"
        d.mkdir(exist_ok=True, mode=0o700)
        return d

    def new_file(self, suffix: str = "", *, case_id: int | None = None) -> Path:
        """A fresh, unused path inside the session (or case) folder."""
        folder = self.case_dir(case_id) if case_id is not None else self._ensure()
        return folder / f"{uuid.uuid4().hex}{suffix}"

    def close_case(self, case_id: int) -> None:
        """Remove one case's scratch files (call when the case is closed or left)."""
        shutil.rmtree(self.path / f"case-{case_id}", ignore_errors=True)

    def cleanup(self) -> None:
        """Remove the whole session folder (on exit); safe to call more than once."""
        self._closed = True
        shutil.rmtree(self.path, ignore_errors=True)

    def sweep_orphans(self) -> int:
        """Remove folders of sessions whose process no longer runs; return how many."""
        if not self.root.is_dir():
            return 0
        removed = 0
        for d in self.root.iterdir():
            if not d.is_dir() or not d.name.startswith(PREFIX) or d == self.path:
                continue
            try:
                pid = int(d.name[len(PREFIX):].split("-", 1)[0])
            except ValueError:
                continue
            if not _pid_alive(pid):
                shutil.rmtree(d, ignore_errors=True)
                removed += 1
        if removed:
            log.info("Removed %d temporary folder(s) left by earlier sessions", removed)
        return removed
